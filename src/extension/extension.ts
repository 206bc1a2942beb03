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
 *
 * `activate` does as little as it can before it returns: VS Code hands a
 * preview restored after a reload to the extension only once `activate` has
 * returned, and the panel stays blank until then. So it registers the preview
 * (a few kilobytes of code) and returns; the language client — 97 % of the
 * extension's code, `vscode-languageclient`, in its own bundle
 * `dist/language-client.cjs` (`language-client.ts`) — is required and started
 * on the next turn of the event loop, and the preview waits for it.
 */
import type * as vscode from 'vscode';
import type { StartedClient } from './language-client.js';
import { registerSummaryPreview } from './preview.js';

let starting: Promise<StartedClient> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const started = new Promise<StartedClient>((resolve, reject) => {
        // After activate has returned (a timer, not a microtask), so that VS Code can hand over a restored preview
        // first; esbuild turns this import() into a require of dist/language-client.cjs (scripts/build.mjs).
        setTimeout(() => {
            import('./language-client.js').then(module => resolve(module.startLanguageClient(context)), reject);
        }, 0);
    });
    starting = started;
    registerSummaryPreview(context, started.then(({ client, ready }) => ready.then(() => client)));
    started.catch(error => console.error(`Coord: the language client could not be loaded: ${(error as Error).message ?? error}`));
}

export async function deactivate(): Promise<void> {
    const started = starting;
    starting = undefined;
    const client = await started?.then(s => s.client, () => undefined);
    await client?.stop();
}

/** The client `activate` started (resolves once it is created; for tests and the e2e run). */
export function startedClient(): Promise<StartedClient> | undefined {
    return starting;
}
