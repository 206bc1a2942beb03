// `npm run bench:playground`: what the playground costs a visitor, in headless Chromium on this machine.
//   - First load: the bytes a static host that gzips (level 6, as nginx's default) sends for the first
//     visit — every request the page makes, counted on the wire by the local server.
//   - Navigation → first diagnostics: for each example (opened from a share link, so that it is the first
//     thing the server checks) and for the default page, the time from navigation start to the first
//     `publishDiagnostics` the page shows (`performance.mark('coord-first-diagnostics')`) and to the first
//     effect summary (`coord-first-summary`). A fresh browser context (no cache) for every run; medians.
// Writes bench/results/playground.json and prints the tables of docs/performance.md.
// Options: --runs N (default 5).
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lzString from 'lz-string';
const { compressToEncodedURIComponent } = lzString;
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'dist', 'playground');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5);
const CHROMIUM = process.env.CHROMIUM ?? process.env.COORD_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(join(site, 'playground.js'))) throw new Error('build the playground first: npm run build:playground');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
const wire = [];
const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(site, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    const raw = readFileSync(file);
    const gz = /gzip/.test(req.headers['accept-encoding'] ?? '');
    const body = gz ? gzipSync(raw, { level: 6 }) : raw;
    wire.push({ path, raw: raw.length, sent: body.length });
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(gz ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length }).end(body);
});
await new Promise(done => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

const median = values => { const s = [...values].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function visit(target) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(target);
    await page.waitForFunction(() => performance.getEntriesByName('coord-first-diagnostics').length > 0 && performance.getEntriesByName('coord-first-summary').length > 0, null, { timeout: 60_000 });
    const times = await page.evaluate(() => ({
        diagnostics: performance.getEntriesByName('coord-first-diagnostics')[0].startTime,
        summary: performance.getEntriesByName('coord-first-summary')[0].startTime,
        domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    }));
    await context.close();
    return times;
}

// First load, as a visitor's browser fetches it.
wire.length = 0;
await visit(url);
const firstLoad = wire.map(w => ({ ...w }));

const examples = readdirSync(join(root, 'examples')).filter(f => f.endsWith('.coord')).sort();
const cases = [{ name: 'default page (peru.coord)', target: url }, ...examples.map(name => {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    const fragment = compressToEncodedURIComponent(JSON.stringify({ v: 1, active: 0, files: [[name, text]] }));
    return { name: `${name} (${text.split('\n').length} lines, share link)`, target: `${url}#files=${fragment}` };
})];
const results = [];
for (const c of cases) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(c.target));
    results.push({
        case: c.name,
        domContentLoadedMs: Math.round(median(runs.map(r => r.domContentLoaded))),
        firstDiagnosticsMs: Math.round(median(runs.map(r => r.diagnostics))),
        firstSummaryMs: Math.round(median(runs.map(r => r.summary))),
        runs: runs.map(r => Math.round(r.diagnostics)),
    });
}
await browser.close();
server.close();

const chromiumVersion = browser.version?.() ?? '';
const out = {
    date: new Date().toISOString(), runs: RUNS, cpus: cpus().length, load: loadavg().map(l => Math.round(l * 100) / 100), chromium: chromiumVersion,
    firstLoad, firstLoadTotal: { raw: firstLoad.reduce((s, w) => s + w.raw, 0), sent: firstLoad.reduce((s, w) => s + w.sent, 0) },
    results,
};
writeFileSync(join(root, 'bench', 'results', 'playground.json'), JSON.stringify(out, null, 2) + '\n');
const kb = n => `${(n / 1024).toFixed(0)} KB`;
console.log(`First load (gzip level 6):\n\n| request | size | sent (gzip) |\n|---|---:|---:|`);
for (const w of firstLoad) console.log(`| \`${w.path}\` | ${kb(w.raw)} | ${kb(w.sent)} |`);
console.log(`| **total** | **${kb(out.firstLoadTotal.raw)}** | **${kb(out.firstLoadTotal.sent)}** |\n`);
console.log(`Navigation → first diagnostics (median of ${RUNS}, fresh context each; load ${out.load.join(', ')}):\n\n| page | DOM ready | first diagnostics | first summary |\n|---|---:|---:|---:|`);
for (const r of results) console.log(`| ${r.case} | ${r.domContentLoadedMs} ms | ${r.firstDiagnosticsMs} ms | ${r.firstSummaryMs} ms |`);
