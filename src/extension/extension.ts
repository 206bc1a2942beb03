/**
 * The VS Code extension: a thin client that starts the bundled Coord language
 * server and registers the extension's commands. All language knowledge lives
 * in the server; the extension only adds what VS Code itself needs: a
 * read-only `coord-stdlib:` document provider (its text comes from the server,
 * `coord/stdlib`), a watcher that tells the server when a
 * `coord.config.json` changes, the `coord.codeLens.enabled` setting, commands
 * to restart the server and show its output, and the effect summary preview
 * (`registerSummaryPreview`, in `preview.ts`).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import {
    OPEN_SUMMARY_TO_SIDE_COMMAND, STDLIB_SCHEME, StdlibRequest,
    type CoordInitializationOptions, type StdlibParams, type StdlibResult,
} from '../shared/custom-messages.js';
import { registerSummaryPreview } from './preview.js';

/** "Coord: Restart Language Server": stops the server and starts it again (after an update, or if it misbehaves). */
export const RESTART_SERVER_COMMAND = 'coord.restartServer';
/** "Coord: Show Language Server Output": the client's output channel (with `coord.trace.server`, the LSP traffic). */
export const SHOW_OUTPUT_COMMAND = 'coord.showOutput';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = serverPath(context);
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const initializationOptions: CoordInitializationOptions = { commands: [OPEN_SUMMARY_TO_SIDE_COMMAND] };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'coord' }, { scheme: 'untitled', language: 'coord' }],
        synchronize: {
            // The server re-reads the rule configuration (and re-validates) when one of these changes.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/coord.config.json'),
        },
        initializationOptions,
        middleware: codeLensMiddleware(),
    };
    client = new LanguageClient('coord', 'Coord', serverOptions, clientOptions);
    const started = client;
    context.subscriptions.push(
        vscode.workspace.registerTextDocumentContentProvider(STDLIB_SCHEME, {
            provideTextDocumentContent: async uri => {
                const params: StdlibParams = { uri: uri.toString() };
                return (await started.sendRequest<StdlibResult>(StdlibRequest.method, params)) ?? '';
            },
        }),
    );
    context.subscriptions.push(
        vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
            await started.restart();
        }),
        vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => started.outputChannel.show(true)),
    );
    // The preview is registered before the server starts and activation does not wait for the server: VS Code
    // revives a preview restored after a reload only once `activate` has returned, so the panel shows its loading
    // state at once instead of a blank page until the server is up. The preview waits for `ready` before asking
    // the server anything; a server that fails to start is reported by the client (its output channel).
    const ready = client.start();
    registerSummaryPreview(context, client, ready);
    ready.catch(() => undefined);
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

/**
 * Drops the code lenses when `coord.codeLens.enabled` is off, and turns the
 * document URI that the server puts in "Open effect summary" into a `vscode.Uri`
 * for the preview's command.
 */
function codeLensMiddleware(): Middleware {
    return {
        provideCodeLenses: async (document, token, next) => {
            if (!vscode.workspace.getConfiguration('coord', document.uri).get<boolean>('codeLens.enabled', true)) return [];
            const lenses = await next(document, token);
            for (const lens of lenses ?? []) {
                const command = lens.command;
                if (command?.command === OPEN_SUMMARY_TO_SIDE_COMMAND && typeof command.arguments?.[0] === 'string') {
                    command.arguments = [vscode.Uri.parse(command.arguments[0]), ...command.arguments.slice(1)];
                }
            }
            return lenses;
        },
    };
}
