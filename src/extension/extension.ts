/**
 * The VS Code extension: a thin client that starts the bundled Coord language
 * server and registers the extension's commands. All language knowledge lives
 * in the server; the extension only adds what VS Code itself needs: a
 * read-only `coord-stdlib:` document provider (its text comes from the server,
 * `coord/stdlib`), a watcher that tells the server when a
 * `coord.config.json` changes, the `coord.codeLens.enabled` setting, commands
 * to restart the server and show its output, and the effect summary preview
 * (`registerSummaryPreview`, in `preview.ts`). The web extension
 * (`browser-extension.ts`) shares all but the server's start (`client-common.ts`).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { coordClientOptions, registerClientServices } from './client-common.js';
import { registerSummaryPreview } from './preview.js';

export { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './client-common.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = serverPath(context);
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions = coordClientOptions([{ scheme: 'file', language: 'coord' }, { scheme: 'untitled', language: 'coord' }], {
        synchronize: {
            // The server re-reads the rule configuration (and re-validates) when one of these changes.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/coord.config.json'),
        },
    });
    client = new LanguageClient('coord', 'Coord', serverOptions, clientOptions);
    registerClientServices(context, client);
    await client.start();
    registerSummaryPreview(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** The server bundle: `coord.server.path` when set (never in an untrusted workspace), else the bundled one. */
function serverPath(context: vscode.ExtensionContext): string {
    const configured = vscode.workspace.getConfiguration('coord').get<string | null>('server.path');
    if (configured && vscode.workspace.isTrusted) return configured;
    return context.asAbsolutePath(path.join('dist', 'server.cjs'));
}
