/** Rule `mixed-evidence`: a cell's effects come from two or more sources and have different directions (§7.6). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';
import { readMixedCell } from '../../src/validation/rules/mixed-evidence.js';
import { MAX_RELATED } from '../../src/validation/rule.js';

interface FakeEffect { direction: string; source: string; id: number }

/** What an effect is told, by the definition: every effect of another direction from another source. */
function naive(cell: FakeEffect[], e: FakeEffect) {
    const others = cell.filter(o => o.direction !== e.direction && o.source !== e.source);
    if (others.length === 0) return undefined;
    const groups: FakeEffect[] = [];
    for (const o of others) if (!groups.some(g => g.direction === o.direction && g.source === o.source)) groups.push(o);
    return { related: others.slice(0, MAX_RELATED).map(o => o.id), groups: groups.slice(0, MAX_RELATED).map(o => o.id), groupCount: groups.length };
}

function fast(cell: FakeEffect[], work = { steps: 0 }) {
    const mixed = readMixedCell(cell, e => e.direction, e => e.source, work);
    return (e: FakeEffect) => {
        const o = mixed.others(e.direction, e.source);
        return o && { related: o.related.map(r => r.id), groups: o.groups.map(g => g.effect.id), groupCount: o.groupCount };
    };
}

const EVALS = 'evaluation E1 { method rct }\nevaluation E2 { method psm }\npopulation women\n';

describe('mixed-evidence', () => {
    test('fires on every effect involved, across blocks and files', async () => {
        const files = {
            'a.coord': `${EVALS}effects of A + B from E1 {\n  + income\n}`,
            'b.coord': 'effects of B + A from E2 {\n  ~ income\n  + savings\n}',
        };
        const findings = await findingsOf('mixed-evidence', files);
        expect(findings.map(f => [f.file, f.line])).toEqual([['a.coord', 5], ['b.coord', 2]]);
        expect(findings[0]).toMatchObject({ severity: 'info', data: { outcome: 'income', sources: ['E1', 'E2'], directions: ['+', '~'] } });
        expect(findings[0].related).toMatchObject([{ file: 'b.coord', line: 2 }]);
        expect(findings[0].message).toBe('`+ income` for A + B from E1 differs from `~ income` from E2; mixed evidence across 2 sources — show it, do not average it away');
    });
    test('near misses: one source, the same direction, another comparator or subgroup', async () => {
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income - income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A from E2 { + income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A + B from E1 { + income }\neffects of A + B versus A from E2 { - income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A from E2 { - income subgroup women }`)).toEqual([]);
    });
    test('effects without `from` count as one more source', async () => {
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A { - income }`)).toEqual([4, 5]);
    });
});

describe('mixed-evidence stays linear in the size of a cell', () => {
    const N = 3000;
    const cells: Array<[string, (i: number) => Omit<FakeEffect, 'id'>]> = [
        ['one direction first, then the other, each from its own source', i => ({ direction: i < N / 2 ? '+' : '-', source: `E${i}` })],
        ['directions alternating, each from its own source', i => ({ direction: ['+', '-', '~'][i % 3], source: `E${i}` })],
        ['one source with most of the effects', i => ({ direction: i % 2 ? '+' : '-', source: i % 100 ? 'E0' : `E${i}` })],
        ['two sources, many effects each', i => ({ direction: i % 2 ? '+' : '-', source: `E${i % 2}` })],
    ];
    test.each(cells)('%s: 3,000 effects cost a bounded number of steps each', (_, make) => {
        const cell = Array.from({ length: N }, (_, id) => ({ ...make(id), id }));
        const work = { steps: 0 };
        const answer = fast(cell, work);
        let told = 0;
        for (const e of cell) if (answer(e)) told++;
        expect(told).toBeGreaterThan(0);
        // Comparing each effect with every other one takes N² = 9,000,000 steps.
        expect(work.steps).toBeLessThanOrEqual(30 * N);
    });

    test('what each effect is told is what the definition says (first related places, first groups, their count)', () => {
        const effect = fc.record({ direction: fc.constantFrom('+', '-', '~', '?'), source: fc.constantFrom('', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8') });
        fc.assert(fc.property(fc.array(effect, { maxLength: 60 }), raw => {
            const cell = raw.map((e, id) => ({ ...e, id }));
            const answer = fast(cell);
            for (const e of cell) expect(answer(e)).toEqual(naive(cell, e));
        }), { numRuns: 300 });
    });

    test('a cell of 3,000 effects from 3,000 evaluations: each finding names five others and the count of the rest', async () => {
        const n = 3000;
        const evaluations = Array.from({ length: n }, (_, i) => `evaluation E${i} { method rct }`).join('\n');
        const blocks = Array.from({ length: n }, (_, i) => `effects of A + B from E${i} { ${i % 2 ? '+' : '-'} income }`).join('\n');
        const findings = await findingsOf('mixed-evidence', `${evaluations}\n${blocks}\n`);
        expect(findings).toHaveLength(n);
        for (const f of findings) {
            expect(f.related).toHaveLength(MAX_RELATED);
            expect(f.message).toMatch(/ and 1,49[45] more; mixed evidence across 3,000 sources/);
        }
        expect(findings[0].message).toBe('`- income` for A + B from E0 differs from `+ income` from E1 and `+ income` from E3 and `+ income` from E5 and `+ income` from E7 and `+ income` from E9 and 1,495 more; mixed evidence across 3,000 sources — show it, do not average it away');
        expect((findings[0].data as { sources: string[] }).sources).toHaveLength(n);
    }, 120_000);
});
