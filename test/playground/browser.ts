/**
 * Helpers for the tests that open the built playground in headless Chromium
 * (Debian's `/usr/bin/chromium`, driven by playwright-core): launching it with
 * the project's flags, serving a folder over HTTP on 127.0.0.1, and recording
 * what a page logs and requests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
/**
 * The browser bundles the tests open: built by the tests themselves into a folder of their own
 * (`scripts/build-web.mjs --out`), because other tests rebuild dist/ (`npm run package`) while these run.
 */
export const BUILT = join(tmpdir(), `coord-web-test-${process.pid}`);
export const PLAYGROUND = join(BUILT, 'playground');
export const CHROMIUM = process.env.CHROMIUM ?? process.env.COORD_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
];

/** Builds the playground and the web extension into BUILT (once per test process). */
export function ensureBuilt(): void {
    if (existsSync(join(PLAYGROUND, 'playground.js')) && existsSync(join(BUILT, 'web', 'server.js'))) return;
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs'), '--out', BUILT], { cwd: ROOT, stdio: 'ignore' });
}

export async function launch(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
};

/** A static file server for `folder` on 127.0.0.1 (a free port), plus `pages` (path → HTML); GET only, nothing outside the folder. */
export async function serveStatic(folder: string, pages: Record<string, string> = {}): Promise<{ url: string; server: Server; requests: string[] }> {
    const requests: string[] = [];
    const server = createServer((req, res) => {
        requests.push(req.url ?? '');
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (req.method === 'GET' && path in pages) {
            res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages[path]);
            return;
        }
        const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
        if (req.method !== 'GET' || !file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    return { url: `http://127.0.0.1:${address.port}/`, server, requests };
}

/** What a page did: console errors, uncaught errors, and every request it made. */
export interface PageLog {
    errors: string[];
    requests: string[];
}

export function record(page: Page): PageLog {
    const log: PageLog = { errors: [], requests: [] };
    page.on('console', message => { if (message.type() === 'error') log.errors.push(message.text()); });
    page.on('pageerror', error => log.errors.push(`uncaught: ${error.message}`));
    page.on('request', request => log.requests.push(request.url()));
    page.on('worker', worker => worker.on('console', message => { if (message.type() === 'error') log.errors.push(`worker: ${message.text()}`); }));
    return log;
}

/** Requests that leave the page's origin (`origin` is a URL prefix: the folder for file://). Blob and data URLs stay. */
export function foreignRequests(log: PageLog, origin: string): string[] {
    return log.requests.filter(url => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
}
