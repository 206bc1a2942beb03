/**
 * The Coord language server in a web worker: the server of the web extension
 * (VS Code for the Web) and of the playground. The same services as the desktop
 * server (`main.ts`) — the standard library, every rule, the summary — over
 * Langium's browser connection (`postMessage`), with the files read through the
 * client (`client-file-system.ts`) instead of Node's `fs`. Nothing on this path
 * imports a `node:` module (the build bundles it for the browser platform).
 */
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientFileSystem } from './client-file-system.js';
import { createCoordLspServices } from './coord-lsp-module.js';
import { errorResultsAsErrors } from './error-results.js';
import { registerSummaryHandlers } from './summary-handler.js';

/** Starts the server on the worker's message port (`self` in a dedicated worker). */
export function startBrowserServer(port: ConstructorParameters<typeof BrowserMessageReader>[0]): void {
    const reader = new BrowserMessageReader(port);
    const writer = errorResultsAsErrors(new BrowserMessageWriter(port));
    const connection = createConnection(ProposedFeatures.all, reader, writer);
    const files = new ClientFileSystem(connection);
    const { shared, Coord } = createCoordLspServices({ connection, fileSystemProvider: () => files });
    files.attach(shared, Coord);
    registerSummaryHandlers(shared, Coord, connection);
    startLanguageServer(shared);
}
