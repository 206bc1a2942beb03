/**
 * `coordinationProgrammes` keeps its answer per coordination while no document
 * has been linked or unlinked since (src/language/link-generation.ts). It must
 * answer what working it out anew answers, on every coordination, and after
 * edits elsewhere that change what the coordination's names resolve to while the
 * coordination itself (an untouched document's node) stays the same object.
 */
import { describe, expect, it } from 'vitest';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { Coordination, type Model } from '../../src/language/generated/ast.js';
import { coordinationProgrammes, plainCoordinationProgrammes } from '../../src/analysis/queries.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../bench/generate.mjs';
import { editableServices } from '../helpers.js';

function coordinations(documents: readonly LangiumDocument[]): Coordination[] {
    return documents.flatMap(d => (d.parseResult.value as Model).declarations.filter((x): x is Coordination => x.$type === Coordination.$type));
}

describe('coordinationProgrammes', () => {
    it('answers what working it out anew answers, on every coordination of the examples, fixtures and a bench workspace', async () => {
        const root = join(__dirname, '..', '..');
        const files = readdirSync(join(root, 'examples')).filter(f => f.endsWith('.coord'))
            .map(f => ({ uri: `file:///ex/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8') }));
        const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
            .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);
        for (const path of walk(join(root, 'test', 'fixtures'))) files.push({ uri: `file:///fx/${files.length}.coord`, text: readFileSync(path, 'utf8') });
        // Repeats, a name that resolves to nothing, two `between` lists.
        files.push({ uri: 'file:///ex/odd.coord', text: 'programme A { country Peru sector productive }\nprogramme B { country Peru sector other }\ncoordination c { between A, A, Nobody, B between B, A }\n' });
        for (const { name, text } of (generateWorkspace as (spec: { files: number; linesPerFile: number }) => Array<{ name: string; text: string }>)({ files: 4, linesPerFile: 100 })) files.push({ uri: `file:///bench/${name}`, text });
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const built = await buildWorkspace(Coord, files);
        const all = coordinations(built.documents);
        expect(all.length).toBeGreaterThan(20);
        for (const c of all) {
            const first = coordinationProgrammes(c);
            expect(first).toEqual(plainCoordinationProgrammes(c));
            // Kept: the second answer is the same list.
            expect(coordinationProgrammes(c)).toBe(first);
        }
        const odd = all.find(c => c.name === 'c')!;
        expect(coordinationProgrammes(odd).map(p => p.name)).toEqual(['A', 'B']);
    });

    it('keeps no answer read before its document is linked: the names may resolve later without any linking in between', async () => {
        const { shared } = createCoordCoreServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const a = factory.fromString('programme P1 { country Peru sector productive }\n', URI.parse('file:///early/a.coord'));
        const b = factory.fromString('programme P2 { country Peru sector other }\ncoordination co { between P1, P2 }\n', URI.parse('file:///early/b.coord'));
        shared.workspace.LangiumDocuments.addDocument(a);
        shared.workspace.LangiumDocuments.addDocument(b);
        const co = (b.parseResult.value as Model).declarations[1] as Coordination;
        // Nothing indexed yet: nothing resolves.
        expect(coordinationProgrammes(co)).toEqual([]);
        // Indexed, not linked: no document was linked, so the generation is the same; the names now resolve.
        await shared.workspace.IndexManager.updateContent(a);
        await shared.workspace.IndexManager.updateContent(b);
        expect(b.state).toBeLessThan(DocumentState.Linked);
        expect(coordinationProgrammes(co).map(p => p.name)).toEqual(['P1', 'P2']);
        expect(coordinationProgrammes(co)).toEqual(plainCoordinationProgrammes(co));
    });

    it('follows edits of other documents that change what the names resolve to', async () => {
        const A = 'file:///ws/a.coord', B = 'file:///ws/b.coord';
        const s = editableServices({
            [A]: 'programme P1 { country Peru sector productive }\n',
            [B]: 'programme P2 { country Peru sector other }\ncoordination co { between P1, P2 }\n',
        });
        await buildWorkspace(s.Coord, s.files);
        const co = (s.document(B).parseResult.value as Model).declarations[1] as Coordination;
        const names = () => coordinationProgrammes(co).map(p => `${p.name}@${(p.$container as Model & { $document?: LangiumDocument }).$document?.uri.path.slice(4, 5)}`);
        expect(names()).toEqual(['P1@a', 'P2@b']);
        // P1 renamed in a: b's text is untouched (the same coordination object), its reference breaks.
        await s.edit(A, 'programme P9 { country Peru sector productive }\n');
        expect((s.document(B).parseResult.value as Model).declarations[1]).toBe(co);
        expect(names()).toEqual(['P2@b']);
        expect(coordinationProgrammes(co)).toEqual(plainCoordinationProgrammes(co));
        // P1 back, as a new node: the coordination joins that one.
        await s.edit(A, 'population x "X"\nprogramme P1 { country Chile sector productive }\n');
        expect((s.document(B).parseResult.value as Model).declarations[1]).toBe(co);
        expect(names()).toEqual(['P1@a', 'P2@b']);
        expect(coordinationProgrammes(co)[0]).toBe((s.document(A).parseResult.value as Model).declarations[1]);
        // a deleted: P1 is gone again.
        await s.shared.workspace.DocumentBuilder.update([], [URI.parse(A)]);
        expect(names()).toEqual(['P2@b']);
        expect(coordinationProgrammes(co)).toEqual(plainCoordinationProgrammes(co));
    });
});
