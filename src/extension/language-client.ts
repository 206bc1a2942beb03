/**
 * The desktop extension's language client: starts the bundled Coord language
 * server (`dist/server.cjs`, or `coord.server.path` in a trusted workspace)
 * over IPC, watches `coord.config.json` for it, and registers the services
 * that talk to it (`registerClientServices`). It is bundled apart
 * (`dist/language-client.cjs`: `vscode-languageclient` is nearly all of the
 * extension's code) and `extension.ts` requires it only after `activate` has
 * returned, so that VS Code can hand a restored preview to Coord first.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { coordClientOptions, registerClientServices } from './client-common.js';

export interface StartedClient {
    client: LanguageClient;
    /** Resolves when the client has started (the server answered `initialize`); rejects when it could not. */
    ready: Promise<void>;
}

/** Creates the client, registers its services and starts it. */
export function startLanguageClient(context: vscode.ExtensionContext): StartedClient {
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
    const client = new LanguageClient('coord', 'Coord', serverOptions, clientOptions);
    registerClientServices(context, client);
    // A server that fails to start is reported by the client (its output channel); the preview says so too.
    const ready = client.start();
    ready.catch(() => undefined);
    return { client, ready };
}

/** The server bundle: `coord.server.path` when set (never in an untrusted workspace), else the bundled one. */
function serverPath(context: vscode.ExtensionContext): string {
    const configured = vscode.workspace.getConfiguration('coord').get<string | null>('server.path');
    if (configured && vscode.workspace.isTrusted) return configured;
    return context.asAbsolutePath(path.join('dist', 'server.cjs'));
}
