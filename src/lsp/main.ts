/**
 * The Coord language server over stdio (or IPC when VS Code starts it):
 * `coord lsp --stdio`, and the bundle the VS Code extension runs.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCoordLspServices } from './coord-lsp-module.js';
import { guardedTransport, stdioProcessHooks } from './protocol-guard.js';
import { registerSummaryHandlers } from './summary-handler.js';

export function startServer(): void {
    // Over stdio the transport is guarded against malformed input and early requests (protocol-guard.ts).
    const transport = process.argv.includes('--stdio') ? guardedTransport(process.stdin, process.stdout) : undefined;
    const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
    if (transport) stdioProcessHooks(connection, transport);
    const { shared, Coord } = createCoordLspServices({ connection, ...NodeFileSystem });
    registerSummaryHandlers(shared, Coord, connection);
    startLanguageServer(shared);
}
