// The web extension in code-server's browser extension host: Coord installed from the .vsix, forced to
// run as a web extension (`remote.extensionKind: { "coord-lang.coord": ["web"] }`, so VS Code runs its
// `browser` entry in the web worker extension host instead of `main` in the Node one), a workspace of the
// examples and the e2e fixtures, mexico.coord opened from the explorer; the status bar must count the errors
// and warnings `coord check` reports for the folder, no Node language server (dist/server.cjs) may run, and
// the effect summary must open. Not part of `npm test` (it packages and starts code-server, ~1 minute).
// Screenshots go to test-results/e2e/web-*.png. Run: node scripts/e2e/run-web-extension.mjs
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVsix, prepareWorkspace, REPO, RESULTS_DIR, step, systemNodeEnv, writeUserSettings } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM ?? process.env.COORD_CHROMIUM ?? '/usr/bin/chromium';

async function freePort() {
    return new Promise((resolve, reject) => {
        const s = createServer();
        s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
        s.on('error', reject);
    });
}

async function poll(what, check, timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await check().catch(() => undefined);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(r => setTimeout(r, 250));
    }
}

const codeServer = execFileSync('bash', [join(REPO, 'scripts/e2e/install-code-server.sh')], { env: systemNodeEnv(), encoding: 'utf8' }).trim().split('\n').pop();
const vsix = packageVsix();
const runDir = mkdtempSync(join(tmpdir(), 'coord-web-e2e-'));
const userData = join(runDir, 'user-data');
const extensions = join(runDir, 'extensions');
writeUserSettings(userData);
const settingsFile = join(userData, 'User', 'settings.json');
writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'remote.extensionKind': { 'coord-lang.coord': ['web'] } }, null, 2));
const workspace = prepareWorkspace(runDir);
writeFileSync(join(runDir, 'config.yaml'), '');
const env = systemNodeEnv({ XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'), XDG_DATA_HOME: join(runDir, 'xdg', 'data') });
delete env.NODE_OPTIONS;
const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
const install = spawnSync('node', [codeServer, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}${install.stderr}`);

// The status bar counts the whole workspace, as `coord check` on the folder does (--no-project: the folder
// alone, as the web server sees it; run from the repository, the CLI would add the repository's project).
const checked = spawnSync(process.execPath, [join(REPO, 'bin/coord.js'), 'check', workspace, '--no-project', '--format', 'json'], { encoding: 'utf8' });
const expected = JSON.parse(checked.stdout);
const count = severity => expected.diagnostics.filter(d => d.severity === severity && !d.suppressed).length;
const [errors, warnings] = [count('error'), count('warning')];

const port = await freePort();
const log = join(runDir, 'code-server.log');
const server = spawn('node', [
    codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--config', join(runDir, 'config.yaml'),
], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
const logStream = createWriteStream(log);
server.stdout.pipe(logStream);
server.stderr.pipe(logStream);
const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);

let failed = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failed++; };
let browser;
try {
    await poll('code-server', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests = [];
    page.on('request', r => requests.push(r.url()));
    page.on('worker', w => requests.push(`worker ${w.url()}`));
    const consoleLines = [];
    page.on('console', m => consoleLines.push(`${m.type()}: ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    step('workbench up; opening mexico.coord');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^mexico\.coord$/ }).first().dblclick({ timeout: 30_000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    mkdirSync(RESULTS_DIR, { recursive: true });
    const counted = await poll('the status bar to count the warnings', async () => {
        const item = await page.$('[id="status.problems"]');
        const label = item ? `${await item.getAttribute('aria-label') ?? ''} ${await item.evaluate(e => e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '')}` : '';
        const e = /(\d+)\s+errors?|errors?:?\s*(\d+)/i.exec(label);
        const w = /(\d+)\s+warnings?|warnings?:?\s*(\d+)/i.exec(label);
        const n = m => Number(m[1] ?? m[2]);
        return e && w && n(e) === errors && n(w) === warnings ? label.trim() : undefined;
    }, 90_000).catch(e => { console.log(e.message); return undefined; });
    await page.screenshot({ path: join(RESULTS_DIR, 'web-diagnostics.png') });
    check(Boolean(counted), `the status bar counts the ${errors} errors and ${warnings} warnings coord check reports for the workspace (${counted ?? 'not seen'})`);
    const nodeServers = spawnSync('pgrep', ['-f', 'dist/server.cjs'], { encoding: 'utf8' }).stdout.trim();
    check(nodeServers === '', `no Node language server process (dist/server.cjs) runs${nodeServers ? `: ${nodeServers}` : ''}`);
    check(requests.some(u => u.includes('webWorkerExtensionHostIframe')), 'the workbench started its web worker extension host');

    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('Coord: Open Effect Summary to the Side');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const summary = await poll('the summary webview', async () => {
        for (const frame of page.frames()) {
            const root = await frame.$('#root').catch(() => null);
            const text = root ? await root.textContent() : null;
            if (text && text.includes('PROINPRO_PDPs')) return text;
        }
        return undefined;
    }, 60_000).catch(() => undefined);
    await page.screenshot({ path: join(RESULTS_DIR, 'web-summary.png') });
    check(Boolean(summary), 'the effect summary webview shows PROINPRO_PDPs');
    writeFileSync(join(RESULTS_DIR, 'web-requests.txt'), requests.join('\n'));
    writeFileSync(join(RESULTS_DIR, 'web-console.txt'), consoleLines.join('\n'));
} finally {
    await browser?.close();
    stop();
}
console.log(`${4 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
