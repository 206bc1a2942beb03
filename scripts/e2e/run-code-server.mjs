// `npm run test:e2e` (VS Code part): runs the extension-host suite inside a real VS Code — code-server
// 4.100.3 (VS Code 1.100.3) driven by headless Debian Chromium through playwright-core — against the
// packaged .vsix, and checks what the user sees with screenshots.
//
// How the installed extension is tested: `--install-extension coord-*.vsix` unpacks the package into a
// fresh extensions folder. VS Code only runs `extensionTestsPath` together with an
// `extensionDevelopmentPath`, so the workbench is opened with a `payload` naming test/e2e/runner — an
// empty extension that contributes nothing — as the development extension, and the bundled suite as the
// tests. Coord itself is loaded from the extensions folder, as for a user, and the suite asserts that.
//
// The suite asks for browser checks at checkpoints (test/e2e/suite/harness.ts): it writes
// `<name>.request.json` into COORD_E2E_CHECKPOINT_DIR, this driver takes a screenshot into
// test-results/e2e/<name>.png, checks the visible text and answers `<name>.result.json`.
//
// Environment: COORD_E2E_VSIX (test this package instead of running `npm run package`), COORD_E2E_GREP
// (run only matching tests), COORD_E2E_CACHE (cache folder, default .e2e), CHROMIUM (browser binary).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
    E2E_DIR, REPO, RESULTS_DIR, RUNNER_EXTENSION, buildSuite, ensureDebianPackages, packageVsix, prepareWorkspace,
    step, systemNodeEnv, writeUserSettings,
} from './common.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.COORD_E2E_SUITE_TIMEOUT_MS ?? 600_000);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Installs code-server when needed (scripts/e2e/install-code-server.sh) and returns its entry script. */
function installCodeServer() {
    const result = spawnSync('bash', [join(REPO, 'scripts', 'e2e', 'install-code-server.sh')], {
        env: systemNodeEnv(), stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`installing code-server failed (exit ${result.status})`);
    return result.stdout.trim().split('\n').pop();
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** Polls `probe` every 100 ms until it returns a truthy value or the deadline passes. */
async function poll(what, probe, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message ?? last})` : ''}`);
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

/** Browser checks, one per checkpoint name: each returns a message or throws. */
const BROWSER_CHECKS = {
    /** The editor shows warning squiggles and the status bar counts the problems the API reports. */
    async diagnostics(page, request) {
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
        const tab = await page.locator('.tabs-container .tab.active').first().textContent();
        if (!tab?.includes(request.file)) throw new Error(`the active tab is ${JSON.stringify(tab)}, not ${request.file}`);
        const problems = page.locator('[id="status.problems"]');
        let label = '';
        await poll(`the status bar to count ${request.errors} errors and ${request.warnings} warnings`, async () => {
            label = (await problems.getAttribute('aria-label')) ?? (await problems.textContent()) ?? '';
            const count = kind => Number(new RegExp(`${kind}: (\\d+)`, 'i').exec(label)?.[1] ?? (/no problems/i.test(label) ? 0 : NaN));
            return count('errors') === request.errors && count('warnings') === request.warnings;
        }, 15_000).catch(error => { throw new Error(`${error.message}; status bar says ${JSON.stringify(label)}`); });
        const squiggles = await page.locator('.monaco-editor .squiggly-warning').count();
        // Point at the squiggle, as a user would, and read the messages in the hover.
        // Decorations are re-rendered when diagnostics are republished, so aim again until the hover shows.
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: request.hoverText });
        await poll(`a hover showing ${JSON.stringify(request.hoverText)} over the squiggle`, async () => {
            const box = await page.locator('.monaco-editor .squiggly-warning:visible').first().boundingBox({ timeout: 1000 });
            if (!box) return false;
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            return hover.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
        }, 20_000);
        return `status bar "${label}", ${squiggles} warning squiggles in ${request.file}, the hover over one shows ${JSON.stringify(request.hoverText)}`;
    },
    /** The effect-summary webview renders the coordination table and the effect matrix of the file. */
    async summary(page, request) {
        let seen = '';
        const frame = await poll(`the summary webview to show ${request.expect.join(', ')}`, async () => {
            for (const candidate of page.frames()) {
                if (candidate === page.mainFrame()) continue;
                const text = await candidate.evaluate(() => document.body?.innerText ?? '').catch(() => '');
                if (text.length > seen.length) seen = text;
                if (request.expect.every(word => text.includes(word))) return candidate;
            }
            return undefined;
        }, 30_000).catch(error => {
            writeFileSync(join(RESULTS_DIR, 'summary.txt'), seen);
            throw new Error(`${error.message}; the largest webview text seen (in test-results/e2e/summary.txt) starts ${JSON.stringify(seen.slice(0, 300))}`);
        });
        writeFileSync(join(RESULTS_DIR, 'summary.txt'), await frame.evaluate(() => document.body.innerText));
        const tables = await frame.locator('table').count();
        if (tables < 2) throw new Error(`expected the effect matrix and the coordination table, found ${tables} table(s)`);
        return `webview shows ${request.expect.join(', ')} in ${tables} tables`;
    },
};

async function handleCheckpoints(page, checkpointDir, handled, results) {
    for (const file of readdirSync(checkpointDir)) {
        const match = /^(.+)\.request\.json$/.exec(file);
        if (!match || handled.has(match[1])) continue;
        const name = match[1];
        handled.add(name);
        const request = JSON.parse(readFileSync(join(checkpointDir, file), 'utf8'));
        const check = BROWSER_CHECKS[name];
        let answer;
        try {
            if (!check) throw new Error(`no browser check is defined for checkpoint '${name}'`);
            const message = await check(page, request);
            answer = { ok: true, message };
        } catch (error) {
            answer = { ok: false, message: String(error.message ?? error) };
        }
        const shot = join(RESULTS_DIR, `${name}.png`);
        await page.screenshot({ path: shot }).catch(error => console.log(`  (screenshot failed: ${error.message})`));
        answer.message += `; screenshot ${shot.slice(REPO.length + 1)}`;
        results.set(name, answer);
        writeFileSync(join(checkpointDir, `${name}.result.json`), JSON.stringify(answer));
    }
}

async function main() {
    const started = Date.now();
    ensureDebianPackages(['chromium']);
    step('checking code-server');
    const codeServer = installCodeServer();
    const vsix = packageVsix();
    const suite = await buildSuite();

    const runDir = join(E2E_DIR, 'code-server-run');
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const old of readdirSync(RESULTS_DIR)) if (old.endsWith('.png')) rmSync(join(RESULTS_DIR, old));
    const workspace = prepareWorkspace(runDir);
    const userData = join(runDir, 'user-data');
    const extensions = join(runDir, 'extensions');
    const checkpoints = join(runDir, 'checkpoints');
    mkdirSync(checkpoints, { recursive: true });
    writeUserSettings(userData);
    const env = systemNodeEnv({
        XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
        XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
        COORD_E2E_CHECKPOINT_DIR: checkpoints,
        COORD_E2E_EXTENSIONS_DIR: extensions,
    });
    delete env.NODE_OPTIONS;
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

    step(`installing ${vsix.slice(REPO.length + 1)} into a fresh extensions folder`);
    const install = spawnSync('node', [codeServer, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    const listed = spawnSync('node', [codeServer, ...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
    if (install.status !== 0 || !/coord-lang\.coord@/.test(listed.stdout)) {
        throw new Error(`installing the .vsix failed:\n${install.stdout}${install.stderr}\n${listed.stdout}`);
    }
    step(`installed: ${listed.stdout.trim().split('\n').join(', ')}`);

    const port = await freePort();
    const log = join(runDir, 'code-server.log');
    const logStream = createWriteStream(log);
    const server = spawn('node', [
        codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--config', join(runDir, 'config.yaml'),
    ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.pipe(logStream);
    server.stderr.pipe(logStream);
    let serverExited = false;
    server.on('exit', () => { serverExited = true; });
    const stopServer = () => { if (!serverExited) try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
    process.on('exit', stopServer);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

    let browser;
    try {
        const nodeVersion = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
        await poll('code-server to answer /healthz', async () => {
            if (serverExited) throw new Error(`code-server exited; see ${log}`);
            return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
        }, 60_000);
        step(`code-server is up on port ${port} (Node ${nodeVersion})`);

        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        });
        const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
        let exit;
        const exited = new Promise(resolve => { exit = resolve; });
        const output = [];
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            const line = (Array.isArray(args) ? args : [args]).map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
            output.push(line);
            console.log(line);
        });
        await page.exposeFunction('codeAutomationExit', code => exit(code));
        page.on('pageerror', error => console.log(`  [page error] ${error.message.slice(0, 300)}`));

        const authority = `127.0.0.1:${port}`;
        const payload = JSON.stringify([
            ['extensionDevelopmentPath', `vscode-remote://${authority}${RUNNER_EXTENSION}`],
            ['extensionTestsPath', `vscode-remote://${authority}${suite}`],
            ['skipWelcome', 'true'],
            ['skipReleaseNotes', 'true'],
        ]);
        step('opening the workbench with the suite');
        await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);

        const handled = new Set();
        const results = new Map();
        const deadline = Date.now() + SUITE_TIMEOUT_MS;
        let code;
        while (code === undefined) {
            await handleCheckpoints(page, checkpoints, handled, results);
            code = await Promise.race([exited, new Promise(resolve => setTimeout(() => resolve(undefined), 200))]);
            if (code === undefined && Date.now() > deadline) code = 'timeout';
            if (serverExited) code = 'code-server exited';
        }
        await page.screenshot({ path: join(RESULTS_DIR, 'final.png') }).catch(() => undefined);

        const summary = output.map(l => /^(\d+) passed, (\d+) failed$/.exec(l.trim())).find(Boolean);
        const missing = Object.keys(BROWSER_CHECKS).filter(name => !results.has(name));
        const problems = [];
        if (code !== 0) problems.push(`the suite ended with ${JSON.stringify(code)}`);
        if (!summary) problems.push('the suite printed no "N passed, N failed" line');
        if (missing.length && !process.env.COORD_E2E_GREP) problems.push(`browser checks that never ran: ${missing.join(', ')}`);
        step(`code-server run: ${summary ? summary[0] : 'no summary'}; browser checks ${[...results].map(([n, r]) => `${n} ${r.ok ? 'ok' : 'FAILED'}`).join(', ') || 'none'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        if (problems.length) {
            console.log(`FAILED: ${problems.join('; ')}\n  server log: ${log}\n  extension host logs: ${join(userData, 'logs')}`);
            return 1;
        }
        return 0;
    } finally {
        await browser?.close().catch(() => undefined);
        stopServer();
    }
}

main().then(code => process.exit(code), error => {
    console.error(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
});
