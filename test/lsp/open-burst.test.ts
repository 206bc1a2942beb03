/**
 * Many documents opened at once (issue 21, fault 7): 10,000 `didOpen`s got
 * their first answer after 194 s, against 4.6 s when the same files were read
 * from disk. Each open started a workspace update of its own: Langium's
 * `update` walks every document (which to relink, which to rebuild, in which
 * order), and the build it started ran one 10 ms slice before the next open
 * cancelled it — a cost per open that grows with the workspace. Now the opens
 * that arrive while messages are still queued are folded into one update.
 *
 * The test delivers opens as the connection does (one per turn of the event
 * loop) and counts work, never time: how many updates reach the builder, and
 * how many documents those updates walk.
 */
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';

const turn = () => new Promise<void>(resolve => setImmediate(resolve));

async function openBurst(count: number) {
    const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    let updates = 0;
    let walked = 0;
    const update = builder.update.bind(builder);
    builder.update = (changed, deleted, token) => {
        updates++;
        // Langium's update walks every document at least once.
        walked += documents.all.count();
        return update(changed, deleted, token);
    };
    const docs = shared.workspace.TextDocuments!;
    const handler = shared.lsp.DocumentUpdateHandler;
    const uris: string[] = [];
    for (let i = 0; i < count; i++) {
        const uri = `file:///ws/f${i}.coord`;
        uris.push(uri);
        const document = TextDocument.create(uri, 'coord', 1, `population p${i} "Population ${i}"\nprogramme P${i} "P ${i}" {\n  country Peru\n  sector other\n  targets p${i}\n}\n`);
        docs.set(document);
        handler.didChangeContent!({ document });
        // The connection hands over one message per turn of the event loop.
        await turn();
    }
    const last = URI.parse(uris[count - 1]);
    await builder.waitUntil(4 /* DocumentState.Linked */, last);
    await shared.workspace.WorkspaceLock.read(() => undefined);
    return { shared, Coord, updates, walked, last };
}

describe('a burst of didOpen', () => {
    test('2,000 opens reach the builder as a few updates, walking the workspace a few times', async () => {
        const n = 2000;
        const { updates, walked, shared, last } = await openBurst(n);
        expect(shared.workspace.LangiumDocuments.getDocument(last)).toBeDefined();
        // One update per open walked 1 + 2 + … + n documents (about 2 million here).
        expect(updates).toBeLessThan(20);
        expect(walked).toBeLessThan(20 * (n + 1));
    }, 120_000);

    test('every opened document is built and validated once the burst is over', async () => {
        const n = 300;
        const { shared, Coord } = await openBurst(n);
        await shared.workspace.DocumentBuilder.waitUntil(6 /* DocumentState.Validated */);
        const all = shared.workspace.LangiumDocuments.all.filter(d => d.uri.scheme === 'file').toArray();
        expect(all).toHaveLength(n);
        for (const d of all) {
            expect(d.state).toBe(6);
            expect(Coord.validation.DocumentValidator.getFindings(d)).toBeDefined();
        }
    }, 120_000);
});
