/**
 * After an edit, the document builder validates the other documents again only
 * when their findings can depend on the change (CoordDocumentBuilder). These
 * tests edit one file of a two-file workspace and check both sides: the other
 * file's findings follow cross-file changes (a duplicate name appears and goes,
 * a reference that made a declaration used disappears, a related place moves),
 * and an edit that changes nothing another file can see does not validate the
 * other file again.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { editableServices } from '../helpers.js';

const A = 'file:///ws/a.coord';
const B = 'file:///ws/b.coord';

/** A workspace whose files can be edited; `edit` rebuilds the way the language server does on didChange. */
async function workspace(files: Record<string, string>) {
    const { Coord, files: initial, document, edit } = editableServices(files);
    const validated = new Map<string, number>();
    const validator = Coord.validation.DocumentValidator;
    const validate = validator.validateDocument.bind(validator);
    validator.validateDocument = (doc: LangiumDocument, options) => {
        const key = doc.uri.toString();
        validated.set(key, (validated.get(key) ?? 0) + 1);
        return validate(doc, options);
    };
    const built = await buildWorkspace(Coord, initial);
    return {
        validated,
        findings: (uri: string) => built.findings(document(uri)).map(f => ({ rule: f.rule, line: f.range.start.line + 1, related: f.related.map(r => r.range.start.line + 1) })),
        edit,
    };
}

const PROGRAMMES = `
programme P "Productive" { country Peru sector productive ministry agriculture targets households }
programme S "Social" { country Peru sector social-protection targets households }
`;

describe('re-validation after an edit', () => {
    it('gives another file a duplicate-name finding when an edit declares its name, and takes it away again', async () => {
        const ws = await workspace({ [A]: `${PROGRAMMES}`, [B]: `population households "Households"\n` });
        expect(ws.findings(B).filter(f => f.rule === 'duplicate-name')).toEqual([]);
        await ws.edit(A, `population households "Again"\n${PROGRAMMES}`);
        expect(ws.findings(B).filter(f => f.rule === 'duplicate-name')).toEqual([{ rule: 'duplicate-name', line: 1, related: [1] }]);
        await ws.edit(A, `${PROGRAMMES}`);
        expect(ws.findings(B).filter(f => f.rule === 'duplicate-name')).toEqual([]);
    });

    it('marks a declaration of another file unused when the only reference to it goes', async () => {
        const ws = await workspace({ [A]: `${PROGRAMMES}`, [B]: `population households "Households"\n` });
        expect(ws.findings(B).filter(f => f.rule === 'unused')).toEqual([]);
        await ws.edit(A, PROGRAMMES.replaceAll(' targets households', ''));
        expect(ws.findings(B).filter(f => f.rule === 'unused')).toEqual([{ rule: 'unused', line: 1, related: [] }]);
    });

    it('moves the related place of another file\'s finding when lines are inserted above it', async () => {
        const ws = await workspace({ [A]: `population households "Again"\n${PROGRAMMES}`, [B]: `population households "Households"\n` });
        expect(ws.findings(B).filter(f => f.rule === 'duplicate-name')[0]?.related).toEqual([1]);
        await ws.edit(A, `// a comment\n\npopulation households "Again"\n${PROGRAMMES}`);
        expect(ws.findings(B).filter(f => f.rule === 'duplicate-name')[0]?.related).toEqual([3]);
    });

    it('does not validate another file again when the edit changes nothing it can see', async () => {
        const ws = await workspace({ [A]: `${PROGRAMMES}`, [B]: `population households "Households"\n` });
        const before = { a: ws.validated.get(A), b: ws.validated.get(B) };
        await ws.edit(A, PROGRAMMES.replace('"Productive"', '"Productive, renamed"'));
        expect(ws.validated.get(A)).toBe(before.a! + 1);
        expect(ws.validated.get(B)).toBe(before.b);
        // A change another file can see (a new name) validates it again.
        await ws.edit(A, `${PROGRAMMES}\npopulation others "Others"\n`);
        expect(ws.validated.get(B)).toBe(before.b! + 1);
    });

    it('compares only the declarations an edit touched, wherever they are in the file', async () => {
        const around = (middle: string) => `population p1 "One"\n${middle}\npopulation p3 "Three"\n${PROGRAMMES}`;
        const ws = await workspace({ [A]: around('population p2 "Two"'), [B]: `population households "Households"\n` });
        const b = ws.validated.get(B)!;
        await ws.edit(A, around('population p2 "Two, retitled"'));
        expect(ws.validated.get(B)).toBe(b);
        await ws.edit(A, around('population p2x "Two, renamed"'));
        expect(ws.validated.get(B)).toBe(b + 1);
        await ws.edit(A, around('population p2x "Two, renamed"\npopulation extra'));
        expect(ws.validated.get(B)).toBe(b + 2);
    });

    it('validates the documents open in the editor first', async () => {
        const { Coord, shared } = createCoordCoreServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder as unknown as { hasTextDocument(doc: LangiumDocument): boolean };
        const open = 'file:///ws/f7.coord';
        builder.hasTextDocument = doc => doc.uri.toString() === open;
        const order: string[] = [];
        const validator = Coord.validation.DocumentValidator;
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = (doc: LangiumDocument, options) => {
            order.push(doc.uri.toString());
            return validate(doc, options);
        };
        await buildWorkspace(Coord, Array.from({ length: 10 }, (_, i) => ({ uri: `file:///ws/f${i}.coord`, text: `population p${i}\n` })));
        expect(order[0]).toBe(open);
        expect(order).toHaveLength(11);
    });

    it('validates again the files that declare or mention a name whose references changed, and only those', async () => {
        const C = 'file:///ws/c.coord', D = 'file:///ws/d.coord';
        const ws = await workspace({
            [A]: PROGRAMMES,
            [B]: 'population households "Households"\n',
            [C]: 'population others "Others"\n',
            [D]: 'population unrelated "Unrelated"\n',
        });
        const count = { c: ws.validated.get(C)!, d: ws.validated.get(D)! };
        expect(ws.findings(C).map(f => f.rule)).toEqual(['unused']);
        await ws.edit(A, PROGRAMMES.replaceAll('targets households', 'targets others'));
        expect(ws.findings(B).map(f => f.rule)).toEqual(['unused']);
        expect(ws.findings(C)).toEqual([]);
        expect(ws.validated.get(C)).toBe(count.c + 1);
        expect(ws.validated.get(D)).toBe(count.d);
    });

    it('follows effects and arrangements across files: a changed direction conflicts, a changed between unarranges', async () => {
        const E = 'evaluation E { method rct }\n';
        const effects = (sign: string) => `effects of P + S from E {\n  ${sign} income\n}\n`;
        const ws = await workspace({
            [A]: `${PROGRAMMES}${E}coordination K { between P, S local { role "r" by S } incentive budget }\n${effects('+')}`,
            [B]: `population households\nprogramme S2 { country Peru sector social-protection }\n${effects('+')}`,
        });
        const rules = () => ws.findings(B).map(f => f.rule).filter(r => r === 'conflicting-effects' || r === 'unarranged-combination');
        expect(rules()).toEqual([]);
        await ws.edit(A, `${PROGRAMMES}${E}coordination K { between P, S local { role "r" by S } incentive budget }\n${effects('-')}`);
        expect(rules()).toEqual(['conflicting-effects']);
        await ws.edit(A, `${PROGRAMMES}${E}coordination K { between P, S2 local { role "r" by S2 } incentive budget }\n${effects('+')}`);
        expect(rules()).toEqual(['unarranged-combination']);
    });

    it('keeps a reference to a name declared twice on the same declaration when the other file is edited', async () => {
        // `p` is declared in both files; `by p` resolves to the first declaration (a.coord, by URI).
        const a = 'programme p { }\n';
        const b = 'programme p { }\ncoordination C { national { role "r" by p } }\n';
        const ws = await workspace({ [A]: a, [B]: b });
        const unused = () => [A, B].map(uri => ws.findings(uri).filter(f => f.rule === 'unused').length);
        expect(unused()).toEqual([0, 1]);
        // Editing a.coord indexes it again (it used to move behind b.coord, and `by p` switched to b.coord's p).
        await ws.edit(A, `domain d\n${a}`);
        await ws.edit(A, a);
        expect(unused()).toEqual([0, 1]);
    });
});
