/**
 * An incremental update equals a fresh build, on specs made of the domain's
 * declarations (programmes of both sectors, coordinations between them,
 * effects of combinations from evaluations, populations, bodies, suppression
 * comments) and on edits that keep them meaningful: swap or replace names, move,
 * replace, insert or delete whole declarations, flip an effect's direction, across three files, some builds
 * cancelled by the next edit. Such edits move references between declarations
 * and declare names twice, which random character edits seldom do; this
 * property found both of the cases in incremental-cases.test.ts within seconds.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { runProperty, timeoutFor } from './harness.js';
import { session } from './lsp-session.js';

const P = ['P', 'Q', 'R', 'S'];
const O = ['productive_assets', 'food_crop_products', 'o1'];
const name = fc.constantFrom(...P);
const decl = fc.oneof(
    fc.record({ n: name, sector: fc.constantFrom('productive', 'social-protection', 'other'), ag: fc.boolean(), pop: fc.constantFrom('', 'pa', 'pb'), red: fc.constantFrom('', ' redesigned 2016 "x"') })
        .map(d => `programme ${d.n} { country Peru sector ${d.sector}${d.ag ? ' ministry agriculture' : ''}${d.pop ? ` targets ${d.pop}` : ''}${d.red} }`),
    fc.record({ n: fc.constantFrom('C1', 'C2', 'C3'), a: name, b: name, local: fc.boolean(), node: fc.constantFrom('', ' node B1', ' node B2'), since: fc.constantFrom('', ' since 2012') })
        .map(d => `coordination ${d.n} {\n  between ${d.a}, ${d.b}${d.node}${d.since}\n${d.local ? '  local {\n    role "r" by B1\n  }\n' : ''}}`),
    fc.record({ a: name, b: fc.constantFrom('', ...P), src: fc.constantFrom('', ' from ev1', ' from ev2'), effs: fc.array(fc.record({ d: fc.constantFrom('+', '-', '~'), o: fc.constantFrom(...O) }), { minLength: 1, maxLength: 3 }) })
        .map(d => `effects of ${d.a}${d.b ? ` + ${d.b}` : ''}${d.src} {\n${d.effs.map(e => `  ${e.d} ${e.o}`).join('\n')}\n}`),
    fc.constantFrom('population pa "A"', 'population pb "B"', 'body B1', 'body B2', 'evaluation ev1 { method rct }', 'evaluation ev2 { method did }',
        'outcome o1 "O" in productive desirable decrease', '// coord-disable-next-line unused -- ok', '// coord-disable-next-line unarranged-combination -- ok', '/* c */'),
);
const fileArb = fc.array(decl, { minLength: 0, maxLength: 7 }).map(ds => ds.join('\n\n') + '\n');

type Edit =
    | { kind: 'swapNames'; file: number; i: number; j: number }
    | { kind: 'replaceName'; file: number; i: number; to: string }
    | { kind: 'moveBlock'; file: number; from: number; to: number }
    | { kind: 'replaceBlock'; file: number; at: number; text: string }
    | { kind: 'insertBlock'; file: number; at: number; text: string }
    | { kind: 'deleteBlock'; file: number; at: number }
    | { kind: 'flipDirection'; file: number; i: number; to: '+' | '-' | '~' }
    | { kind: 'nowait' };
const NF = 3;
const editArb: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('swapNames' as const), file: fc.nat(NF - 1), i: fc.nat(), j: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replaceName' as const), file: fc.nat(NF - 1), i: fc.nat(), to: fc.constantFrom(...P, ...O, 'pa', 'pb', 'ev1', 'B1', 'Zz') }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveBlock' as const), file: fc.nat(NF - 1), from: fc.nat(), to: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceBlock' as const), file: fc.nat(NF - 1), at: fc.nat(), text: decl }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('insertBlock' as const), file: fc.nat(NF - 1), at: fc.nat(), text: decl }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteBlock' as const), file: fc.nat(NF - 1), at: fc.nat() }) },
    // Only an effect's direction changes: no name, no reference, only the evidence in its cell.
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('flipDirection' as const), file: fc.nat(NF - 1), i: fc.nat(), to: fc.constantFrom('+' as const, '-' as const, '~' as const) }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'nowait' as const }) },
);
const KW = /^(programme|coordination|between|effects|of|from|country|sector|productive|social|protection|other|targets|population|body|node|local|role|by|evaluation|method|outcome|in|desirable|decrease|ministry|agriculture|Peru|rct|did|since|redesigned|coord|disable|next|line|unused|unarranged|combination|ok|c|r|x|A|B|O)$/;
function applyEdit(text: string, e: Exclude<Edit, { kind: 'nowait' }>): string {
    const blocks = text.split('\n\n');
    switch (e.kind) {
        case 'swapNames': case 'replaceName': {
            const words = [...text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b/g)].filter(m => !KW.test(m[0]));
            if (words.length === 0) return text;
            if (e.kind === 'replaceName') { const w = words[e.i % words.length]; return text.slice(0, w.index) + e.to + text.slice(w.index! + w[0].length); }
            const a = words[e.i % words.length], b = words[e.j % words.length];
            if (a.index === b.index || a[0] === b[0]) return text;
            const [x, y] = a.index! < b.index! ? [a, b] : [b, a];
            return text.slice(0, x.index) + y[0] + text.slice(x.index! + x[0].length, y.index) + x[0] + text.slice(y.index! + y[0].length);
        }
        case 'moveBlock': { if (blocks.length < 2) return text; const [b] = blocks.splice(e.from % blocks.length, 1); blocks.splice(e.to % (blocks.length + 1), 0, b); return blocks.join('\n\n'); }
        case 'replaceBlock': { if (blocks.length === 0) return text; blocks[e.at % blocks.length] = e.text; return blocks.join('\n\n'); }
        case 'insertBlock': { blocks.splice(e.at % (blocks.length + 1), 0, e.text); return blocks.join('\n\n'); }
        case 'deleteBlock': { if (blocks.length === 0) return text; blocks.splice(e.at % blocks.length, 1); return blocks.join('\n\n'); }
        case 'flipDirection': {
            const directions = [...text.matchAll(/^ {2}([+~-]) /gm)];
            if (directions.length === 0) return text;
            const at = directions[e.i % directions.length].index! + 2;
            return text.slice(0, at) + e.to + text.slice(at + 1);
        }
    }
}
const FILES = ['a.coord', 'b.coord', 'c.coord'];

describe('an incremental update equals a fresh build', () => {
    test('domain specs under name swaps and moved, replaced, inserted and deleted declarations', async () => {
        const arb = fc.tuple(fc.tuple(fileArb, fileArb, fileArb), fc.array(editArb, { minLength: 1, maxLength: 8 }));
        await runProperty('incremental domain edits', arb, async ([initial, edits]) => {
            const s = session();
            await s.open(Object.fromEntries(FILES.map((f, i) => [f, initial[i]])));
            let pending: Promise<void> = Promise.resolve();
            let wait = true;
            for (const e of edits) {
                if (e.kind === 'nowait') {
                    wait = false;
                    continue;
                }
                const name = FILES[e.file];
                const next = applyEdit(s.texts.get(name)!, e);
                if (next === s.texts.get(name)) continue;
                // Not awaited after a `nowait`: the next edit cancels this build, as when typing.
                pending = s.edit(name, next);
                if (wait) await pending;
                wait = true;
            }
            await pending;
            const { incremental, fresh } = await s.compare();
            expect(incremental).toEqual(fresh);
        }, { runs: 80, saveAs: ([initial]) => Object.fromEntries(FILES.map((f, i) => [f, initial[i]])) });
    }, timeoutFor(80, 500));
});
