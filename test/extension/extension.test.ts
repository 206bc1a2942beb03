/**
 * The extension's `activate` without VS Code: with stand-ins for `vscode` and
 * `vscode-languageclient`, it starts a client for `coord` files with the
 * bundled server, watches `coord.config.json`, announces the summary command
 * to the server, serves `coord-stdlib:` documents from the server's
 * `coord/stdlib` answer, hands the client to the preview, and its code-lens
 * middleware honours `coord.codeLens.enabled` and turns the lens's URI string
 * into a `vscode.Uri`.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const state = vi.hoisted(() => ({
    clients: [] as Array<{ id: string; serverOptions: any; clientOptions: any; requests: Array<[string, unknown]>; started: boolean }>,
    providers: new Map<string, { provideTextDocumentContent(uri: unknown): Promise<string> }>(),
    watchers: [] as string[],
    settings: new Map<string, unknown>(),
    trusted: true,
    previewClients: [] as unknown[],
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    /** When set, the client's start never finishes (a server that takes its time). */
    holdStart: false,
    previewReady: [] as Array<Promise<void>>,
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
    registerSummaryPreview: (_context: unknown, client: unknown, ready: Promise<void>) => {
        state.previewClients.push(client);
        state.previewReady.push(ready);
    },
}));

const { activate, deactivate } = await import('../../src/extension/extension.js');

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
    state.commands.clear();
    state.holdStart = false;
    state.previewReady.length = 0;
});

describe('activate', () => {
    test('registers commands to restart the server and show its output', async () => {
        await activate(context() as never);
        const client = state.clients[0] as unknown as { restarts: number; shown: number };
        await state.commands.get('coord.restartServer')!();
        state.commands.get('coord.showOutput')!();
        expect([client.restarts, client.shown]).toEqual([1, 1]);
        const manifest = JSON.parse((await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
        expect(contributed).toEqual(expect.arrayContaining(['coord.restartServer', 'coord.showOutput', 'coord.openSummaryToSide']));
    });

    test('starts the bundled server for coord files and tells it about config files and the summary command', async () => {
        await activate(context() as never);
        const [client] = state.clients;
        expect(client.id).toBe('coord');
        expect(client.started).toBe(true);
        expect(client.serverOptions.run.module).toBe('/ext/dist/server.cjs');
        expect(client.clientOptions.documentSelector).toEqual([{ scheme: 'file', language: 'coord' }, { scheme: 'untitled', language: 'coord' }]);
        expect(state.watchers).toEqual(['**/coord.config.json']);
        expect(client.clientOptions.initializationOptions).toEqual({ commands: ['coord.openSummaryToSide'] });
        expect(state.previewClients).toEqual([client]);
        await deactivate();
        expect(client.started).toBe(false);
    });

    test('returns without waiting for the server, with the preview registered and handed the start', async () => {
        // VS Code revives a restored preview only once activate() has returned: waiting for the server here
        // left a restored preview blank until the server was up.
        state.holdStart = true;
        // (Were activate to wait for the start, which never finishes, this await would never return.)
        await activate(context() as never);
        expect(state.previewClients).toEqual([state.clients[0]]);
        expect(state.previewReady).toHaveLength(1);
        expect(state.previewReady[0]).toBeInstanceOf(Promise);
    });

    test('serves coord-stdlib documents from the server', async () => {
        await activate(context() as never);
        const provider = state.providers.get('coord-stdlib')!;
        const vscode = await import('vscode');
        const text = await provider.provideTextDocumentContent(vscode.Uri.parse('coord-stdlib:///stdlib.coord'));
        expect(text).toContain('domain productive');
        expect(state.clients[0].requests).toEqual([['coord/stdlib', { uri: 'coord-stdlib:///stdlib.coord' }]]);
    });

    test('coord.server.path is used only in a trusted workspace', async () => {
        state.settings.set('coord.server.path', '/custom/server.cjs');
        await activate(context() as never);
        expect(state.clients[0].serverOptions.run.module).toBe('/custom/server.cjs');
        state.trusted = false;
        await activate(context() as never);
        expect(state.clients[1].serverOptions.run.module).toBe('/ext/dist/server.cjs');
    });

    test('the code-lens middleware honours coord.codeLens.enabled and passes a Uri to the summary command', async () => {
        await activate(context() as never);
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
