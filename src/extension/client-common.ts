/**
 * What the desktop extension (`extension.ts`, the server in a Node process) and
 * the web extension (`browser-extension.ts`, the server in a web worker) share:
 * the client options, the `coord-stdlib:` content provider, the restart and
 * output commands, and the code-lens middleware. Only types come from
 * `vscode-languageclient`, so each face bundles its own client (node or browser).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import {
    OPEN_SUMMARY_TO_SIDE_COMMAND, STDLIB_SCHEME, StdlibRequest,
    type CoordInitializationOptions, type StdlibParams, type StdlibResult,
} from '../shared/custom-messages.js';

/** "Coord: Restart Language Server": stops the server and starts it again (after an update, or if it misbehaves). */
export const RESTART_SERVER_COMMAND = 'coord.restartServer';
/** "Coord: Show Language Server Output": the client's output channel (with `coord.trace.server`, the LSP traffic). */
export const SHOW_OUTPUT_COMMAND = 'coord.showOutput';

/** The client options of both faces; `documentSelector` and `extra` differ. */
export function coordClientOptions(
    documentSelector: LanguageClientOptions['documentSelector'],
    extra: Partial<LanguageClientOptions> & { initializationOptions?: Record<string, unknown> } = {},
): LanguageClientOptions {
    const initializationOptions: CoordInitializationOptions = { commands: [OPEN_SUMMARY_TO_SIDE_COMMAND] };
    return {
        documentSelector,
        middleware: codeLensMiddleware(),
        ...extra,
        initializationOptions: { ...initializationOptions, ...extra.initializationOptions },
    };
}

/** The `coord-stdlib:` documents and the restart and output commands, for a client. */
export function registerClientServices(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(
        vscode.workspace.registerTextDocumentContentProvider(STDLIB_SCHEME, {
            provideTextDocumentContent: async uri => {
                const params: StdlibParams = { uri: uri.toString() };
                return (await client.sendRequest<StdlibResult>(StdlibRequest.method, params)) ?? '';
            },
        }),
    );
    context.subscriptions.push(
        vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
            // The desktop client restarts its process; the browser's has no restart, and starts its worker again.
            const restartable = client as BaseLanguageClient & { restart?: () => Promise<void> };
            if (typeof restartable.restart === 'function') await restartable.restart();
            else { await client.stop(); await client.start(); }
        }),
        vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client.outputChannel.show(true)),
    );
}

/**
 * Drops the code lenses when `coord.codeLens.enabled` is off, and turns the
 * document URI that the server puts in "Open effect summary" into a `vscode.Uri`
 * for the preview's command.
 */
export function codeLensMiddleware(): Middleware {
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
