/**
 * A one-shot build (`coord check`: `referenceIndex: false`) describes the
 * exported declarations with the values Langium's description provider gives,
 * but computes their paths and segments only when asked: a check asks for
 * almost none of them.
 */
import { describe, expect, it } from 'vitest';
import { DefaultAstNodeDescriptionProvider, EmptyFileSystem, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';

const examplesDir = join(__dirname, '..', '..', 'examples');
const files = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).sort()
    .map(name => ({ uri: URI.file(join(examplesDir, name)).toString(), text: readFileSync(join(examplesDir, name), 'utf8') }));

describe('a one-shot build', () => {
    it('describes every exported declaration as Langium does, computing paths only when asked', async () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem, { referenceIndex: false, reuseFindings: false });
        const locator = Coord.workspace.AstNodeLocator;
        const original = locator.getAstNodePath.bind(locator);
        let paths = 0;
        locator.getAstNodePath = node => {
            paths++;
            return original(node);
        };
        const ws = await buildWorkspace(Coord, files);
        const computedDuringBuild = paths;
        const langium = new DefaultAstNodeDescriptionProvider(Coord);
        const described = Coord.shared.workspace.IndexManager.allElements().toArray()
            .filter(d => files.some(f => f.uri === d.documentUri.toString()));
        expect(described.length).toBeGreaterThan(30);
        expect(ws.documents.length).toBe(files.length);
        // Eager descriptions compute a path per declaration while indexing; these, none.
        expect(computedDuringBuild).toBeLessThan(described.length / 10);
        for (const d of described) {
            const document = ws.documents.find(doc => doc.uri.toString() === d.documentUri.toString())!;
            const theirs = langium.createDescription(d.node!, d.name, document);
            // Every property of the description, however it is held (own values, getters on a prototype).
            const view = (x: typeof d) => ({
                node: x.node, name: x.name, type: x.type, documentUri: x.documentUri.toString(), path: x.path,
                nameSegment: x.nameSegment, selectionSegment: x.selectionSegment,
            });
            expect(view(d)).toEqual(view(theirs));
        }
    });

    it('the language server\'s services describe declarations eagerly, as Langium does', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        expect(Object.getPrototypeOf(Coord.workspace.AstNodeDescriptionProvider)).toBe(DefaultAstNodeDescriptionProvider.prototype);
    });
});
