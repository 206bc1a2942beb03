/**
 * Closing a document (issue 21, fault 7): an unsaved untitled document's
 * declarations leave the workspace when it is closed, so a real file no longer
 * has a phantom `duplicate-name`.
 */
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';

describe('closing a document', () => {
    test('an untitled document closed unsaved takes its declarations with it', async () => {
        const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const docs = shared.workspace.TextDocuments!;
        const file = 'file:///ws/a.coord';
        const untitled = 'untitled:Untitled-1';
        docs.set(TextDocument.create(file, 'coord', 1, 'population p "P"\n'));
        const scratch = TextDocument.create(untitled, 'coord', 1, 'population p "P"\n');
        docs.set(scratch);
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([URI.parse(file), URI.parse(untitled)], [], token));
        const rules = () => (Coord.validation.DocumentValidator.getFindings(shared.workspace.LangiumDocuments.getDocument(URI.parse(file))!) ?? []).map(f => f.rule);
        expect(rules()).toContain('duplicate-name');
        docs.delete(untitled);
        shared.lsp.DocumentUpdateHandler.didCloseDocument!({ document: scratch });
        // The update runs through the workspace lock; a write of ours would cancel it, so wait by reading.
        for (let i = 0; i < 500 && shared.workspace.LangiumDocuments.hasDocument(URI.parse(untitled)); i++) {
            await new Promise(resolve => setTimeout(resolve, 10));
        }
        await shared.workspace.WorkspaceLock.read(() => undefined);
        expect(shared.workspace.LangiumDocuments.hasDocument(URI.parse(untitled))).toBe(false);
        expect(rules()).not.toContain('duplicate-name');
    });
});
