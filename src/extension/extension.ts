/**
 * The VS Code extension: a thin client that starts the bundled Coord language
 * server and registers the extension's commands. All language knowledge lives
 * in the server.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSummaryPreview } from './preview.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'coord' }],
    };
    client = new LanguageClient('coord', 'Coord', serverOptions, clientOptions);
    await client.start();
    registerSummaryPreview(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
