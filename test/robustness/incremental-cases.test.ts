/**
 * Cases where an incremental update once differed from a fresh build, found by an
 * adversarial review of the incremental path (moving references between
 * declarations, a name declared twice, documents deleted and added again, the
 * order of find-references). Each test edits an LSP session as the server does
 * and compares every file's findings with a fresh build of the final texts.
 */
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { session, uriOf } from './lsp-session.js';

const programmes = `programme P { country Peru sector productive ministry agriculture }
programme Q { country Peru sector social-protection }
programme R { country Peru sector productive ministry agriculture }
programme S { country Peru sector social-protection }
`;

describe('incremental validation equals a fresh build', () => {
    test('swapping programmes between two coordinations in one edit (unarranged-combination in another file)', async () => {
        const s = session();
        await s.open({ 'x.coord': 'coordination C1 { between P, Q }\ncoordination C2 { between R, S }\n', 'y.coord': `${programmes}effects of P + Q { + productive_assets }\n` });
        await s.edit('x.coord', 'coordination C1 { between R, Q }\ncoordination C2 { between P, S }\n');
        const { incremental, fresh } = await s.compare();
        expect(incremental).toEqual(fresh); // fresh: y.coord has unarranged-combination for `effects of P + Q`; incremental: not
    });

    test('the same in one file: the effects block further down keeps its cached verdict', async () => {
        const s = session();
        const x = `${programmes}coordination C1 { between P, Q }\ncoordination C2 { between R, S }\n\nprogramme T { country Peru sector productive }\n\neffects of P + Q { + productive_assets }\n`;
        await s.open({ 'x.coord': x });
        await s.edit('x.coord', x.replace('between P, Q }\ncoordination C2 { between R, S', 'between R, Q }\ncoordination C2 { between P, S'));
        const { incremental, fresh } = await s.compare();
        expect(incremental).toEqual(fresh);
    });

    test('the same with two one-word edits, the first build cancelled by the second', async () => {
        const s = session();
        const x = 'coordination C1 { between P, Q }\n\ncoordination C2 { between R, S }\n';
        await s.open({ 'x.coord': x, 'y.coord': `${programmes}effects of P + Q { + productive_assets }\n` });
        const x1 = x.replace('between P, Q', 'between R, Q');
        void s.edit('x.coord', x1); // not awaited: cancelled by the next update, as when typing
        await s.edit('x.coord', x1.replace('between R, S', 'between P, S'));
        const { incremental, fresh } = await s.compare();
        expect(incremental).toEqual(fresh);
    });

    test('a duplicate declared in a file that sorts earlier: references elsewhere keep their old target', async () => {
        const s = session();
        await s.open({
            'a.coord': 'programme P { country Peru sector productive }\n\ncoordination C { between P, Q }\n',
            'b.coord': 'population pb "B"\n',
            'c.coord': 'programme Q { country Peru sector social-protection }\n',
        });
        await s.edit('b.coord', 'population pb "B"\n\nprogramme Q { country Peru sector productive }\n');
        const { incremental, fresh } = await s.compare();
        // fresh: C's `Q` is b.coord's Q (first by URI): cross-sector on C, c.coord's Q unused.
        // incremental: C's `Q` still c.coord's Q: no cross-sector, b.coord's Q unused.
        expect(incremental).toEqual(fresh);
    });

    test('a file deleted and created again: the facts list it last, and a message names another kind', async () => {
        const s = session();
        const a = 'programme X { country Peru sector productive }\n';
        await s.open({ 'a.coord': a, 'b.coord': 'body X\n', 'c.coord': 'programme P { country Peru sector productive targets X }\n' });
        await s.remove('a.coord');
        await s.open({ 'a.coord': a });
        const { incremental, fresh } = await s.compare();
        // fresh: "unknown population 'X': 'X' is a programme"; incremental: "… 'X' is a body"
        expect(incremental).toEqual(fresh);
    });

    test('find-references lists files by URI, whichever was indexed last', async () => {
        const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
        const docs = shared.workspace.TextDocuments!;
        const files: Record<string, string> = {
            'a.coord': 'programme P { country Peru sector productive targets pa }\n',
            'b.coord': 'programme Q { country Peru sector productive targets pa }\n',
            'c.coord': 'population pa "A"\n',
        };
        for (const [name, text] of Object.entries(files)) docs.set(TextDocument.create(uriOf(name), 'coord', 1, text));
        const update = (names: string[]) => shared.workspace.WorkspaceLock.write(token =>
            shared.workspace.DocumentBuilder.update(names.map(n => URI.parse(uriOf(n))), [], token));
        await update(Object.keys(files));
        // a.coord is indexed again, after b.coord.
        docs.set(TextDocument.update(docs.get(uriOf('a.coord')) as TextDocument, [{ text: `${files['a.coord']}\n` }], 2));
        await update(['a.coord']);
        await shared.workspace.WorkspaceLock.read(() => undefined);
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('c.coord')))!;
        const found = await Coord.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: uriOf('c.coord') }, position: { line: 0, character: 12 }, context: { includeDeclaration: false },
        });
        expect(found.map(l => l.uri.slice(l.uri.lastIndexOf('/') + 1))).toEqual(['a.coord', 'b.coord']);
    });
});
