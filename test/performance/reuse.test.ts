/**
 * After an edit, the rules run again only on the declarations whose findings
 * may have changed: the edited one and its neighbours (re-parsed), those that
 * declare or mention a name whose references changed, and those whose
 * references or related places point into a replaced declaration. Counted, not
 * timed: a spy records how many declarations each run of a rule is given, and
 * the workspace facts of an untouched file are the same objects after an edit.
 * (That the reused findings equal a fresh build's is the property of
 * test/robustness/incremental.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editableServices } from '../helpers.js';
import type { CoordDocumentFactory } from '../../src/language/coord-workspace.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { requiredPropertyRule } from '../../src/validation/rules/required-property.js';
import type { Model } from '../../src/language/generated/ast.js';

const A = 'file:///ws/a.coord';

async function workspace(text: string, options: { reuseFindings?: boolean } = {}) {
    const { Coord, shared, files, document, edit } = editableServices({ [A]: text }, options);
    const built = await buildWorkspace(Coord, files);
    return {
        parses: (shared.workspace.LangiumDocumentFactory as CoordDocumentFactory).stats,
        findings: () => built.findings(document(A)).map(f => `${f.range.start.line + 1} ${f.rule}`),
        edit: (next: string) => edit(A, next),
    };
}

/** Fifty programmes, each used by a coordination; programme 7 lacks its sector. */
function portfolio(note = 'first'): string {
    let text = '';
    for (let i = 0; i < 50; i++) {
        text += `programme P${i} { country Peru ${i === 7 ? '' : 'sector productive '}note "${i === 25 ? note : 'n'}" }\n`;
        text += `coordination C${i} { between P${i}, Q }\n`;
    }
    return `${text}programme Q { country Peru sector social-protection }\n`;
}

describe('findings of untouched declarations are reused after an edit', () => {
    afterEach(() => vi.restoreAllMocks());

    function spy() {
        const sizes: number[] = [];
        const check = requiredPropertyRule.check.bind(requiredPropertyRule);
        vi.spyOn(requiredPropertyRule, 'check').mockImplementation(context => {
            sizes.push((context.model as Model).declarations.length);
            check(context);
        });
        return sizes;
    }

    it('checks only the re-parsed declarations when an edit changes no name (a note)', async () => {
        const ws = await workspace(portfolio());
        const before = ws.findings();
        expect(before.filter(f => f.endsWith('required-property'))).toEqual(['15 required-property']);
        const sizes = spy();
        await ws.edit(portfolio('second'));
        // Programme 25 and one declaration on each side, parsed again and checked.
        expect(ws.parses).toMatchObject({ incremental: 1, full: 0, last: { declarations: 3 } });
        expect(sizes).toEqual([3]);
        expect(ws.findings()).toEqual(before);
    });

    it('also checks the declarations that mention a name whose references changed', async () => {
        const ws = await workspace(portfolio());
        const sizes = spy();
        // C30 now coordinates P31 instead of P30: P30, P31 and C31 (which mentions P31) are checked too.
        await ws.edit(portfolio().replace('coordination C30 { between P30,', 'coordination C30 { between P31,'));
        expect(sizes).toHaveLength(1);
        expect(sizes[0]).toBeLessThan(10);
        expect(ws.findings()).toContain('61 unused'); // P30 is used by nothing now
    });

    it('checks every declaration when a declaration appears, and without reuse (coord check)', async () => {
        const ws = await workspace(portfolio());
        const sizes = spy();
        await ws.edit(`domain d\n${portfolio()}`);
        expect(sizes).toEqual([102]);
        vi.restoreAllMocks();
        const once = await workspace(portfolio(), { reuseFindings: false });
        const again = spy();
        await once.edit(portfolio('second'));
        expect(again).toEqual([101]);
    });

    it('keeps the workspace facts of the files an edit did not touch', async () => {
        const B = 'file:///ws/b.coord';
        const { Coord, files, edit } = editableServices({ [A]: 'programme P { country Peru sector productive }\n', [B]: 'programme Q { country Peru sector productive }\n' });
        await buildWorkspace(Coord, files);
        const facts = () => Coord.validation.DocumentValidator.workspaceFacts();
        const [p, q] = [facts().declarationsNamed('P')[0], facts().declarationsNamed('Q')[0]];
        await edit(A, 'programme P { country Chile sector productive }\n');
        // b.coord's entry is the same object (its contribution was kept); a.coord's was computed again.
        expect(facts().declarationsNamed('Q')[0]).toBe(q);
        expect(facts().declarationsNamed('P')[0]).not.toBe(p);
    });
});
