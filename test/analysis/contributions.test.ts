/**
 * Contributions are the one source of what a declaration offers to and needs
 * from the others (src/analysis/contributions.ts). These tests check that:
 *
 * - every read of the workspace facts a rule makes while checking a
 *   declaration is covered by that declaration's contribution (a property over
 *   random workspaces and the examples): when the read's answer changes, the
 *   change names something the declaration mentions, so it is checked again;
 * - each field of a contribution is what the facts are merged from, and what
 *   the change after an edit is computed from (one case per field).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { AstNode, LangiumDocument } from 'langium';
import type { Model } from '../../src/language/generated/ast.js';
import { RULES } from '../../src/validation/registry.js';
import { observeFacts } from '../../src/analysis/workspace-facts.js';
import { contributionChange, contributionOf, readCovered, type FactRead } from '../../src/analysis/contributions.js';
import { validSpec } from '../robustness/arbitraries.js';
import { exampleTexts, runProperty, timeoutFor, Workbench } from '../robustness/harness.js';

const bench = new Workbench();
const DECLARATION_RULES = RULES.filter(rule => rule.scope !== 'document');

/** Names shared by the files of a case, so that declarations of one file meet those of the others. */
const P = ['P', 'Q', 'R'];
const O = ['income', 'o1'];
const programme = fc.record({ n: fc.constantFrom(...P), sector: fc.constantFrom('productive', 'social-protection') })
    .map(d => `programme ${d.n} { country Peru sector ${d.sector} }`);
const coordination = fc.record({ n: fc.constantFrom('C1', 'C2'), a: fc.constantFrom(...P), b: fc.constantFrom(...P) })
    .map(d => `coordination ${d.n} { between ${d.a}, ${d.b} }`);
const effects = fc.record({
    a: fc.constantFrom(...P), b: fc.constantFrom('', ...P), src: fc.constantFrom('', ' from ev1'),
    effs: fc.array(fc.record({ d: fc.constantFrom('+', '-', '~'), o: fc.constantFrom(...O) }), { minLength: 1, maxLength: 3 }),
}).map(d => `effects of ${d.a}${d.b ? ` + ${d.b}` : ''}${d.src} { ${d.effs.map(e => `${e.d} ${e.o}`).join(' ')} }`);
const other = fc.constantFrom('population pa "A"', 'evaluation ev1 { method rct }', 'outcome o1 "O" in productive desirable decrease', 'body B1');
const domainFile = fc.array(fc.oneof(programme, coordination, effects, other), { maxLength: 6 }).map(ds => ds.join('\n') + '\n');
const workspaceArb = fc.oneof(
    fc.tuple(domainFile, domainFile, domainFile).map(([a, b, c]) => ({ 'a.coord': a, 'b.coord': b, 'c.coord': c })),
    fc.tuple(validSpec, validSpec).map(([a, b]) => ({ 'a.coord': a, 'b.coord': b })),
);

/** Runs every declaration rule on each declaration alone and returns the reads not covered by its contribution. */
async function uncoveredReads(files: Record<string, string>, seen?: Set<string>): Promise<string[]> {
    const built = await bench.build(files);
    const facts = bench.services.validation.DocumentValidator.workspaceFacts();
    const uncovered: string[] = [];
    for (const { name, document } of built) {
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations) {
            const contribution = contributionOf(declaration);
            for (const rule of DECLARATION_RULES) {
                const reads: FactRead[] = [];
                try {
                    rule.check({
                        document: document as LangiumDocument<Model>,
                        model: { ...model, declarations: [declaration] } as Model,
                        facts: observeFacts(facts, read => reads.push(read)),
                        report: () => undefined,
                    });
                } catch {
                    // A failing rule is the engine's concern (an internal-error finding), not coverage's.
                }
                for (const read of reads) {
                    seen?.add(read.fact);
                    if (!readCovered(read, contribution)) uncovered.push(`${name}: ${rule.id} read ${readLabel(read)} while checking ${label(declaration)}`);
                }
            }
        }
    }
    return uncovered;
}

function readLabel(read: FactRead): string {
    switch (read.fact) {
        case 'declarationsNamed': return `declarationsNamed(${read.name})`;
        case 'isReferenced': return `isReferenced(${label(read.declaration)})`;
        case 'coordinationsOf': return `coordinationsOf(${read.programme.name})`;
        case 'effectsInCell': return `effectsInCell(${JSON.stringify(read.cell)})`;
        default: return read.fact;
    }
}

function label(node: AstNode): string {
    return `${node.$type} ${(node as { name?: string }).name ?? ''}`;
}

describe('what rules read about other declarations', () => {
    test('is covered by the contribution of the declaration they check (the examples, every kind of read)', async () => {
        const seen = new Set<string>();
        expect(await uncoveredReads(exampleTexts(), seen)).toEqual([]);
        // Not vacuous: the examples make the rules read every kind of fact.
        expect([...seen].sort()).toEqual(['coordinationsOf', 'declarationsNamed', 'effectsAcrossSources', 'effectsInCell', 'everyDeclaration', 'isReferenced']);
    });

    test('is covered by the contribution of the declaration they check (random workspaces)', async () => {
        await runProperty('reads covered by contributions', workspaceArb, async files => {
            const uncovered = await uncoveredReads(files);
            if (uncovered.length > 0) throw new Error(uncovered.join('\n'));
        }, { runs: 150, saveAs: files => files });
    }, timeoutFor(150, 200));

    test('a read the contribution does not carry is caught', async () => {
        const [built] = await bench.build({ 'a.coord': 'programme P { country Peru sector productive }\neffects of P { + income }\n' });
        const [programmeDecl, effectsDecl] = (built.document.parseResult.value as Model).declarations;
        // Checking P, a rule that looked up another name, or the effects of a cell P has no effect in, would not be re-run when those change.
        expect(readCovered({ fact: 'declarationsNamed', name: 'Q' }, contributionOf(programmeDecl))).toBe(false);
        expect(readCovered({ fact: 'effectsInCell', cell: { combination: 'P', comparator: '', source: '', outcome: 'income', subgroup: '' } }, contributionOf(programmeDecl))).toBe(false);
        expect(readCovered({ fact: 'effectsInCell', cell: { combination: 'P', comparator: '', source: '', outcome: 'income', subgroup: '' } }, contributionOf(effectsDecl))).toBe(true);
        expect(readCovered({ fact: 'isReferenced', declaration: effectsDecl }, contributionOf(programmeDecl))).toBe(false);
        // (v2) Across sources: covered by a block with an effect in the same §7.2 cell, whatever its source.
        expect(readCovered({ fact: 'effectsAcrossSources', cell: { combination: 'P', comparator: '', source: 'E9', outcome: 'income', subgroup: '' } }, contributionOf(effectsDecl))).toBe(true);
        expect(readCovered({ fact: 'effectsAcrossSources', cell: { combination: 'P', comparator: 'Q', source: '', outcome: 'income', subgroup: '' } }, contributionOf(effectsDecl))).toBe(false);
    });
});

/** The roots of a document before and after an edit (each parsed from scratch, as a full parse does). */
async function roots(before: string, after: string): Promise<[AstNode, AstNode]> {
    const [a] = await bench.build({ 'x.coord': before });
    const rootA = a.document.parseResult.value;
    const [b] = await bench.build({ 'x.coord': after });
    return [rootA, b.document.parseResult.value];
}

describe('each field of a contribution', () => {
    const SPEC = 'programme P { country Peru sector productive }\nprogramme Q { country Peru sector social-protection }\n'
        + 'evaluation ev1 { method rct }\ncoordination C { between P, Q }\neffects of P + Q from ev1 { + income }\n';

    test('declared: the facts list it by name; a rename concerns every declaration', async () => {
        const [built] = await bench.build({ 'x.coord': SPEC });
        const facts = bench.services.validation.DocumentValidator.workspaceFacts();
        expect(facts.declarationsNamed('ev1').map(e => e.node.$type)).toEqual(['Evaluation']);
        const change = contributionChange(...await roots(SPEC, SPEC.replace('evaluation ev1', 'evaluation ev2')));
        expect(change.declarations).toBe(true);
        expect([...change.names].sort()).toEqual(['ev1', 'ev2']);
        expect(built.findings).toBeDefined();
    });

    test('references: the facts know what is referenced; a changed reference names both names', async () => {
        await bench.build({ 'x.coord': SPEC });
        const facts = bench.services.validation.DocumentValidator.workspaceFacts();
        expect(facts.isReferenced(facts.declarationsNamed('ev1')[0].node)).toBe(true);
        const change = contributionChange(...await roots(SPEC + 'population pa\n', SPEC.replace('sector productive', 'sector productive targets pa') + 'population pa\n'));
        expect(change.declarations).toBe(false);
        expect([...change.names]).toEqual(['pa']);
    });

    test('memberships: the facts list the coordinations of each programme', async () => {
        await bench.build({ 'x.coord': SPEC });
        const facts = bench.services.validation.DocumentValidator.workspaceFacts();
        const p = facts.declarationsNamed('P')[0].node;
        expect(facts.coordinationsOf(p as never).map(c => c.name)).toEqual(['C']);
        const change = contributionChange(...await roots(SPEC, SPEC.replace('between P, Q', 'between P, Q, R') + 'programme R { country Peru sector other }\n'));
        expect(change.names.has('R')).toBe(true);
    });

    test('effects: the facts file each effect in its cell; a flipped direction names the cell\'s names, a note names nothing', async () => {
        await bench.build({ 'x.coord': SPEC });
        const facts = bench.services.validation.DocumentValidator.workspaceFacts();
        expect(facts.effectsInCell({ combination: 'P+Q', comparator: '', source: 'ev1', outcome: 'income', subgroup: '' }).map(e => e.direction)).toEqual(['+']);
        const flipped = contributionChange(...await roots(SPEC, SPEC.replace('{ + income }', '{ - income }')));
        expect(flipped.declarations).toBe(false);
        expect([...flipped.names].sort()).toEqual(['P', 'Q', 'ev1', 'income']);
        const noted = contributionChange(...await roots(SPEC, SPEC.replace('{ + income }', '{ + income note "n" }')));
        expect([...noted.names]).toEqual([]);
    });
});
