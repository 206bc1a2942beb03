/**
 * The web extension's language server (`dist/web/server.js`) in a real web
 * worker in headless Chromium, driven by a page through the same protocol the
 * web extension speaks: `initialize` with a workspace folder on a virtual file
 * system (`vscode-vfs:`, as on vscode.dev) and `clientFileSystem`; the page
 * answers `coord/fs/readDirectory` and `coord/fs/readFile` from an in-memory
 * workspace, as the extension does from `vscode.workspace.fs`. The server finds
 * the files itself (listing the folders), reports for the opened files what `coord check` reports with the same
 * `coord.config.json`, follows a changed config (`coord/fs/didChange`), and
 * answers the summary requests. (VS Code for the Web itself is not run here.)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT, ensureBuilt, foreignRequests, launch, record, ROOT, serveStatic, type PageLog } from './browser.js';

const FOLDER = 'vscode-vfs://github/acme/specs';
const MEXICO = readFileSync(join(ROOT, 'examples/mexico.coord'), 'utf8');
const PERU = readFileSync(join(ROOT, 'examples/peru.coord'), 'utf8');
const CONFIG = JSON.stringify({ rules: { 'local-roles': 'error', 'agriculture-anchor': 'off' } });

/** `coord check` on the same files and config, as `file:line rule severity`. */
function cliFindings(config: string | undefined): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'coord-web-'));
    writeFileSync(join(dir, 'mexico.coord'), MEXICO);
    writeFileSync(join(dir, 'peru.coord'), PERU);
    if (config) writeFileSync(join(dir, 'coord.config.json'), config);
    let out: string;
    try {
        // --no-project: the folder is the whole workspace, as the server's workspace folder (else the CLI's project, the repository, joins).
        out = execFileSync(process.execPath, [join(ROOT, 'bin/coord.js'), 'check', dir, '--no-project', '--format', 'json'], { encoding: 'utf8' });
    } catch (e) {
        out = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { diagnostics: Array<{ file: string; line: number; rule: string; severity: string; suppressed?: unknown }> };
    return report.diagnostics.filter(d => !d.suppressed).map(d => `${d.file.replace(/^.*\//, '')}:${d.line} ${d.rule} ${d.severity}`).sort();
}

let browser: Browser;
let page: Page;
let log: PageLog;
let close: () => void;
let origin: string;

beforeAll(async () => {
    ensureBuilt();
    const served = await serveStatic(BUILT, { '/host.html': '<!DOCTYPE html><title>host</title><link rel="icon" href="data:,">' });
    close = () => served.server.close();
    origin = served.url;
    browser = await launch();
    page = await browser.newPage();
    log = record(page);
    await page.goto(`${origin}host.html`); // a page of that origin: the worker must be same-origin
}, 60_000);

afterAll(async () => {
    await browser?.close();
    rmSync(BUILT, { recursive: true, force: true });
    close?.();
});

/** Starts the worker and a JSON-RPC client in the page; leaves them on `window.coordTest`. */
async function startServer(): Promise<void> {
    await page.evaluate(async ({ folder, files }) => {
        const fs = new Map<string, string>(Object.entries(files));
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON-RPC messages of any shape
        type PageWorker = { onmessage: ((event: { data: any }) => void) | null; postMessage(message: unknown): void };
        const worker = new (globalThis as unknown as { Worker: new (url: string) => PageWorker }).Worker('/web/server.js');
        const pending = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
        const diagnostics = new Map<string, Array<{ range: { start: { line: number } }; code?: string; severity?: number }>>();
        let summaryChanged = 0;
        let nextId = 1;
        const reads: string[] = [];
        worker.onmessage = ({ data }) => {
            if (data.method === 'textDocument/publishDiagnostics') diagnostics.set(data.params.uri, data.params.diagnostics);
            else if (data.method === 'coord/summaryChanged') summaryChanged++;
            else if (data.method === 'coord/fs/readDirectory') {
                const dir = data.params.uri.endsWith('/') ? data.params.uri : `${data.params.uri}/`;
                const children = new Map<string, boolean>();
                for (const uri of fs.keys()) {
                    if (!uri.startsWith(dir)) continue;
                    const rest = uri.slice(dir.length);
                    const slash = rest.indexOf('/');
                    children.set(dir + (slash < 0 ? rest : rest.slice(0, slash)), slash < 0);
                }
                worker.postMessage({ jsonrpc: '2.0', id: data.id, result: { entries: [...children].map(([uri, isFile]) => ({ uri, isFile, isDirectory: !isFile })) } });
            } else if (data.method === 'coord/fs/readFile') {
                reads.push(data.params.uri);
                const text = fs.get(data.params.uri);
                worker.postMessage(text === undefined
                    ? { jsonrpc: '2.0', id: data.id, error: { code: -32803, message: `no file ${data.params.uri}` } }
                    : { jsonrpc: '2.0', id: data.id, result: { text } });
            } else if (data.id !== undefined && data.method !== undefined) {
                worker.postMessage({ jsonrpc: '2.0', id: data.id, result: null }); // client/registerCapability and the like
            } else if (data.id !== undefined) pending.get(data.id)?.(data);
        };
        const request = (method: string, params: unknown) => new Promise<{ result?: unknown; error?: unknown }>(done => {
            const id = nextId++;
            pending.set(id, done);
            worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
        const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
        (globalThis as unknown as { coordTest: unknown }).coordTest = { fs, diagnostics, request, notify, reads, summaryChanged: () => summaryChanged };
        const init = await request('initialize', {
            processId: null, rootUri: folder, capabilities: {}, workspaceFolders: [{ uri: folder, name: 'specs' }],
            initializationOptions: { clientFileSystem: true },
        });
        if (init.error) throw new Error(JSON.stringify(init.error));
        notify('initialized', {});
        // As VS Code does when the user opens the files (the server validates open documents, as on the desktop).
        for (const [uri, text] of fs) {
            if (uri.endsWith('.coord')) notify('textDocument/didOpen', { textDocument: { uri, languageId: 'coord', version: 1, text } });
        }
    }, {
        folder: FOLDER,
        files: {
            [`${FOLDER}/specs/mexico.coord`]: MEXICO,
            [`${FOLDER}/specs/peru.coord`]: PERU,
            [`${FOLDER}/specs/notes.txt`]: 'not a spec',
            [`${FOLDER}/coord.config.json`]: CONFIG,
        },
    });
}

async function findings(): Promise<string[]> {
    return page.evaluate(() => {
        const { diagnostics } = (globalThis as unknown as { coordTest: { diagnostics: Map<string, Array<{ range: { start: { line: number } }; code?: string; severity?: number }>> } }).coordTest;
        const names = ['', 'error', 'warning', 'info', 'hint'];
        return [...diagnostics].flatMap(([uri, list]) => list.map(d => `${uri.replace(/^.*\//, '')}:${d.range.start.line + 1} ${d.code} ${names[d.severity ?? 1]}`)).sort();
    });
}

describe('the web extension\'s server in a web worker', () => {
    test('reads the workspace through the client and reports what coord check reports, config included', async () => {
        await startServer();
        const expected = cliFindings(CONFIG);
        expect(expected.some(f => f.includes('local-roles error'))).toBe(true);
        expect(expected.some(f => f.includes('agriculture-anchor'))).toBe(false);
        await expect.poll(findings, { timeout: 30_000 }).toEqual(expected);
        const reads = await page.evaluate(() => (globalThis as unknown as { coordTest: { reads: string[] } }).coordTest.reads);
        expect(reads).toContain(`${FOLDER}/coord.config.json`);
        expect(reads).toEqual(expect.arrayContaining([`${FOLDER}/specs/mexico.coord`, `${FOLDER}/specs/peru.coord`])); // found by listing the folders
        expect(reads).not.toContain(`${FOLDER}/specs/notes.txt`);
    }, 60_000);

    test('follows a changed coord.config.json', async () => {
        const changed = JSON.stringify({ rules: { 'budget-incentive': 'off' } });
        await page.evaluate(({ uri, text }) => {
            const t = (globalThis as unknown as { coordTest: { fs: Map<string, string>; notify(m: string, p: unknown): void } }).coordTest;
            t.fs.set(uri, text);
            t.notify('coord/fs/didChange', { changes: [{ uri, type: 2 }] });
        }, { uri: `${FOLDER}/coord.config.json`, text: changed });
        await expect.poll(findings, { timeout: 30_000 }).toEqual(cliFindings(changed));

        await page.evaluate(uri => {
            const t = (globalThis as unknown as { coordTest: { fs: Map<string, string>; notify(m: string, p: unknown): void } }).coordTest;
            t.fs.delete(uri);
            t.notify('coord/fs/didChange', { changes: [{ uri, type: 3 }] });
        }, `${FOLDER}/coord.config.json`);
        await expect.poll(findings, { timeout: 30_000 }).toEqual(cliFindings(undefined));
    }, 60_000);

    test('answers the summary and its export, as the preview asks', async () => {
        const view = await page.evaluate(async () => (await (globalThis as unknown as { coordTest: { request(m: string, p: unknown): Promise<{ result?: { html: string; title: string } }> } }).coordTest.request('coord/summary', { scope: 'workspace' })).result);
        expect(view?.title).toBe('Effect summary — workspace');
        expect(view?.html).toContain('PROINPRO_PDPs');
        expect(view?.html).toContain('<svg'); // the network, laid out by ELK inside the worker
        const exported = await page.evaluate(async () => (await (globalThis as unknown as { coordTest: { request(m: string, p: unknown): Promise<{ result?: { text: string } }> } }).coordTest.request('coord/summaryExport', { scope: 'workspace', format: 'html' })).result);
        expect(exported?.text).toMatch(/^<!DOCTYPE html>/);
        expect(exported?.text).toContain("style-src 'sha256-");
    }, 60_000);

    test('closing a document: a file of the workspace is read again, an untitled one leaves the workspace', async () => {
        type T = { coordTest: { reads: string[]; notify(m: string, p: unknown): void } };
        const mexico = `${FOLDER}/specs/mexico.coord`;
        const duplicatesInMexico = async () => (await findings()).filter(f => f.startsWith('mexico.coord:') && f.includes('duplicate-name'));
        // An untitled document declaring one of mexico.coord's names: a duplicate while it is open.
        await page.evaluate(() => (globalThis as unknown as T).coordTest.notify('textDocument/didOpen', {
            textDocument: { uri: 'untitled:Untitled-1', languageId: 'coord', version: 1, text: 'population proinpro_population "Again"\n' },
        }));
        await expect.poll(duplicatesInMexico, { timeout: 30_000 }).not.toEqual([]);
        await page.evaluate(() => (globalThis as unknown as T).coordTest.notify('textDocument/didClose', { textDocument: { uri: 'untitled:Untitled-1' } }));
        await expect.poll(duplicatesInMexico, { timeout: 30_000 }).toEqual([]);

        // mexico.coord edited without saving, then closed: the edit is dropped, the file read again from the client.
        const readsOf = () => page.evaluate(uri => (globalThis as unknown as T).coordTest.reads.filter(r => r === uri).length, mexico);
        const before = await readsOf();
        await page.evaluate(({ uri, text }) => {
            const t = (globalThis as unknown as T).coordTest;
            t.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
            t.notify('textDocument/didClose', { textDocument: { uri } });
        }, { uri: mexico, text: `${MEXICO}\npopulation unsaved_population "Unsaved"\n` });
        await expect.poll(readsOf, { timeout: 30_000 }).toBeGreaterThan(before);
    }, 90_000);

    test('a .coord file created in the workspace joins it; deleted, it leaves (as the extension\'s watcher reports)', async () => {
        type T = { coordTest: { fs: Map<string, string>; notify(m: string, p: unknown): void } };
        const extra = `${FOLDER}/specs/extra.coord`;
        const duplicatesInMexico = async () => (await findings()).filter(f => f.startsWith('mexico.coord:') && f.includes('duplicate-name'));
        await page.evaluate(uri => {
            const t = (globalThis as unknown as T).coordTest;
            t.fs.set(uri, 'population proinpro_population "Again"\n');
            t.notify('coord/fs/didChange', { changes: [{ uri, type: 1 }] });
        }, extra);
        await expect.poll(duplicatesInMexico, { timeout: 30_000 }).not.toEqual([]);
        await page.evaluate(uri => {
            const t = (globalThis as unknown as T).coordTest;
            t.fs.delete(uri);
            t.notify('coord/fs/didChange', { changes: [{ uri, type: 3 }] });
        }, extra);
        await expect.poll(duplicatesInMexico, { timeout: 30_000 }).toEqual([]);
    }, 90_000);

    test('no console error, and no request left the origin', () => {
        expect(log.errors).toEqual([]);
        expect(foreignRequests(log, origin)).toEqual([]);
    });
});
