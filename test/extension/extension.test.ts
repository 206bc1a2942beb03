/**
 * The extension's `activate` without VS Code: with stand-ins for `vscode` and
 * `vscode-languageclient`, it registers the preview first and returns before
 * the language client is even loaded, then starts a client for `coord` files
 * with the bundled server, watches `coord.config.json`, announces the summary
 * command to the server, serves `coord-stdlib:` documents from the server's
 * `coord/stdlib` answer, hands the client to the preview, and its code-lens
 * middleware honours `coord.codeLens.enabled` and turns the lens's URI string
 * into a `vscode.Uri`. The entry bundle stays without the client's code.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const state = vi.hoisted(() => ({
    clients: [] as Array<{ id: string; serverOptions: any; clientOptions: any; requests: Array<[string, unknown]>; started: boolean }>,
    providers: new Map<string, { provideTextDocumentContent(uri: unknown): Promise<string> }>(),
    watchers: [] as string[],
    settings: new Map<string, unknown>(),
    trusted: true,
    previewClients: [] as Array<Promise<unknown>>,
    /** How many clients existed when the preview was registered. */
    clientsAtPreview: [] as number[],
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    /** When set, the client's start never finishes (a server that takes its time). */
    holdStart: false,
}));

vi.mock('vscode', () => {
    class Uri {
        constructor(readonly value: string) {}
        static parse(value: string) { return new Uri(value); }
        toString() { return this.value; }
    }
    return {
        Uri,
        commands: {
            registerCommand: (id: string, run: (...args: unknown[]) => unknown) => { state.commands.set(id, run); return { dispose() {} }; },
        },
        workspace: {
            get isTrusted() { return state.trusted; },
            createFileSystemWatcher: (glob: string) => { state.watchers.push(glob); return { glob, dispose() {} }; },
            registerTextDocumentContentProvider: (scheme: string, provider: any) => { state.providers.set(scheme, provider); return { dispose() {} }; },
            getConfiguration: (section: string) => ({
                get: (key: string, fallback?: unknown) => (state.settings.has(`${section}.${key}`) ? state.settings.get(`${section}.${key}`) : fallback),
            }),
        },
    };
});

vi.mock('vscode-languageclient/node', () => ({
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
        requests: Array<[string, unknown]> = [];
        started = false;
        constructor(readonly id: string, _name: string, readonly serverOptions: any, readonly clientOptions: any) {
            state.clients.push(this as any);
        }
        start() {
            this.started = true;
            return state.holdStart ? new Promise<void>(() => undefined) : Promise.resolve();
        }
        async stop() { this.started = false; }
        restarts = 0;
        async restart() { this.restarts++; }
        shown = 0;
        outputChannel = { show: () => { this.shown++; } };
        async sendRequest(method: string, params: unknown) {
            this.requests.push([method, params]);
            return method === 'coord/stdlib' ? 'domain productive "Productive"\n' : null;
        }
    },
}));

vi.mock('../../src/extension/preview.js', () => ({
    registerSummaryPreview: (_context: unknown, client: Promise<unknown>) => {
        state.previewClients.push(client);
        state.clientsAtPreview.push(state.clients.length);
    },
}));

const { activate, deactivate, startedClient } = await import('../../src/extension/extension.js');

/** Activates, then waits for the language client that activate starts after returning. */
async function activated(ctx = context()): Promise<void> {
    await activate(ctx as never);
    await startedClient();
}

function context() {
    return { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => `/ext/${p}`, extensionUri: { path: '/ext' } };
}

beforeEach(() => {
    state.clients.length = 0;
    state.providers.clear();
    state.watchers.length = 0;
    state.settings.clear();
    state.trusted = true;
    state.previewClients.length = 0;
    state.clientsAtPreview.length = 0;
    state.commands.clear();
    state.holdStart = false;
});

describe('activate', () => {
    test('registers commands to restart the server and show its output', async () => {
        await activated();
        const client = state.clients[0] as unknown as { restarts: number; shown: number };
        await state.commands.get('coord.restartServer')!();
        state.commands.get('coord.showOutput')!();
        expect([client.restarts, client.shown]).toEqual([1, 1]);
        const manifest = JSON.parse((await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
        expect(contributed).toEqual(expect.arrayContaining(['coord.restartServer', 'coord.showOutput', 'coord.openSummaryToSide']));
    });

    test('starts the bundled server for coord files and tells it about config files and the summary command', async () => {
        await activated();
        const [client] = state.clients;
        expect(client.id).toBe('coord');
        expect(client.started).toBe(true);
        expect(client.serverOptions.run.module).toBe('/ext/dist/server.cjs');
        expect(client.clientOptions.documentSelector).toEqual([{ scheme: 'file', language: 'coord' }, { scheme: 'untitled', language: 'coord' }]);
        expect(state.watchers).toEqual(['**/coord.config.json']);
        expect(client.clientOptions.initializationOptions).toEqual({ commands: ['coord.openSummaryToSide'] });
        expect(state.previewClients).toHaveLength(1);
        expect(await state.previewClients[0]).toBe(client);
        await deactivate();
        expect(client.started).toBe(false);
    });

    test('registers the preview first and returns before the language client is loaded, handing the preview the client once started', async () => {
        // VS Code hands a preview restored after a reload to the extension only once activate() has returned: loading
        // the client (vscode-languageclient, 97 % of the extension's code) or waiting for the server before that left
        // the restored panel blank.
        state.holdStart = true;
        // (Were activate to wait for the start, which never finishes, this await would never return.)
        await activate(context() as never);
        expect(state.clientsAtPreview).toEqual([0]);
        expect(state.clients).toHaveLength(0);
        await startedClient();
        expect(state.clients).toHaveLength(1);
        expect(state.clients[0].started).toBe(true);
        // The preview's client resolves only once the client has started.
        const settled = await Promise.race([state.previewClients[0].then(() => 'resolved'), new Promise(resolve => setTimeout(() => resolve('pending'), 50))]);
        expect(settled).toBe('pending');
    });

    test('the entry bundle holds the preview but not the language client, which it requires from its own bundle', async () => {
        const esbuild = await import('esbuild');
        const { clientApart } = await import('../../scripts/build-plugins.mjs');
        const result = await esbuild.build({
            entryPoints: ['src/extension/extension.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
            external: ['vscode'], plugins: [clientApart], supported: { 'dynamic-import': false }, write: false, metafile: true, logLevel: 'silent',
        });
        const inputs = Object.keys(result.metafile.inputs);
        expect(inputs).toContain('src/extension/preview.ts');
        expect(inputs.filter(input => /vscode-(languageclient|jsonrpc)/.test(input))).toEqual([]);
        expect(result.outputFiles[0].text).toContain('require("./language-client.cjs")');
        expect(result.outputFiles[0].contents.byteLength).toBeLessThan(60_000);
    });

    test('serves coord-stdlib documents from the server', async () => {
        await activated();
        const provider = state.providers.get('coord-stdlib')!;
        const vscode = await import('vscode');
        const text = await provider.provideTextDocumentContent(vscode.Uri.parse('coord-stdlib:///stdlib.coord'));
        expect(text).toContain('domain productive');
        expect(state.clients[0].requests).toEqual([['coord/stdlib', { uri: 'coord-stdlib:///stdlib.coord' }]]);
    });

    test('coord.server.path is used only in a trusted workspace', async () => {
        state.settings.set('coord.server.path', '/custom/server.cjs');
        await activated();
        expect(state.clients[0].serverOptions.run.module).toBe('/custom/server.cjs');
        state.trusted = false;
        await activated();
        expect(state.clients[1].serverOptions.run.module).toBe('/ext/dist/server.cjs');
    });

    test('the code-lens middleware honours coord.codeLens.enabled and passes a Uri to the summary command', async () => {
        await activated();
        const middleware = state.clients[0].clientOptions.middleware;
        const lenses = () => [
            { command: { title: '2 effects · 1 finding', command: '' } },
            { command: { title: 'Open effect summary', command: 'coord.openSummaryToSide', arguments: ['file:///ws/main.coord', 'C'] } },
        ];
        const document = { uri: 'file:///ws/main.coord' };
        const shown = await middleware.provideCodeLenses(document, {}, async () => lenses());
        expect(shown[1].command.arguments[0].toString()).toBe('file:///ws/main.coord');
        expect(shown[1].command.arguments[0].constructor.name).toBe('Uri');
        state.settings.set('coord.codeLens.enabled', false);
        expect(await middleware.provideCodeLenses(document, {}, async () => lenses())).toEqual([]);
    });
});
