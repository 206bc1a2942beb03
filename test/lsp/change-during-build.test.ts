/**
 * A document changed while a build phase is ending (a race seen once in the
 * server-abuse test under load: a completion answered -32803 "Document state
 * of … is Changed, requiring Linked, but workspace state is already Linked").
 * The update handler marks a changed document `Changed` at once and builds it
 * on a later turn; Langium's `runCancelable` sets the workspace's state after
 * the phase's listeners have run, which hid that mark, so a request about the
 * document failed instead of waiting for the coming build. Here the change
 * arrives inside the `Linked` phase's listener, deterministically.
 */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';

describe('a change while a build phase ends', () => {
    test('a request about the changed document waits for the next build instead of failing', async () => {
        const { shared } = createCoordLspServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const docs = shared.workspace.TextDocuments!;
        const builder = shared.workspace.DocumentBuilder;
        const uri = URI.parse('file:///ws/a.coord');
        docs.set(TextDocument.create(uri.toString(), 'coord', 1, 'population p "P"\n'));
        let changed = false;
        builder.onBuildPhase(DocumentState.Linked, () => {
            if (changed) return;
            changed = true;
            const next = TextDocument.create(uri.toString(), 'coord', 2, 'population q "Q"\n');
            docs.set(next);
            shared.lsp.DocumentUpdateHandler.didChangeContent!({ document: next });
        });
        // The first build is cancelled by the update the change asks for; that is expected.
        await shared.workspace.WorkspaceLock.write(token => builder.update([uri], [], token)).catch(() => undefined);
        expect(changed).toBe(true);
        expect(shared.workspace.LangiumDocuments.getDocument(uri)!.state).toBeLessThan(DocumentState.Linked);
        // Asked before the handler's build starts: it must wait for that build, not fail.
        const linked = await builder.waitUntil(DocumentState.Linked, uri).then(() => 'linked', (err: Error) => `failed: ${err.message}`);
        expect(linked).toBe('linked');
        const model = shared.workspace.LangiumDocuments.getDocument(uri)!.parseResult.value as unknown as { declarations: Array<{ name: string }> };
        expect(model.declarations.map(d => d.name)).toEqual(['q']);
    });
});
