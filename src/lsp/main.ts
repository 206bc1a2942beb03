/**
 * The Coord language server over stdio (or IPC when VS Code starts it):
 * `coord lsp --stdio`, and the bundle the VS Code extension runs.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCoordLspServices } from './coord-lsp-module.js';
import { registerSummaryHandlers } from './summary-handler.js';

export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Coord } = createCoordLspServices({ connection, ...NodeFileSystem });
    registerSummaryHandlers(shared, Coord, connection);
    startLanguageServer(shared);
}
