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
// (run only matching tests), COORD_E2E_CACHE (cache folder, default .e2e), CHROMIUM (browser binary),
// COORD_E2E_RELOADS (how many reloads the restored-preview check times, default 3; with COORD_E2E_GREP it runs too),
// COORD_E2E_RELOAD_BOUND_MS (its bound on Coord's page, default 500).
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

/** The webview frame whose document matches `selector` (VS Code nests the content in an inner iframe). */
async function webviewFrame(page, selector, what, timeoutMs = 30_000) {
    return poll(what, async () => {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            if (await frame.evaluate(sel => document.querySelector(sel) !== null, selector).catch(() => false)) return frame;
        }
        return undefined;
    }, timeoutMs);
}

/** Resizes the window until the webview's own width is about `width` (the preview is half of the editor area). */
async function sizeWebview(page, frame, width) {
    let inner = 0;
    for (let i = 0; i < 4; i++) {
        inner = await frame.evaluate(() => window.innerWidth);
        if (Math.abs(inner - width) <= 6) break;
        const viewport = page.viewportSize();
        await page.setViewportSize({ width: Math.max(800, Math.round(viewport.width - 2 * (inner - width))), height: viewport.height });
        await new Promise(resolve => setTimeout(resolve, 600));
    }
    return inner;
}

const AXE_SOURCE = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SECTIONS = ['findings', 'evidence-map', 'forest', 'evidence', 'network', 'coordinations'];
const THEME_CLASS = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

/**
 * The preview in one theme: axe-core (no serious or critical violation), the findings strip and the map's
 * header column visible at a 600 px preview width, and a screenshot of each section.
 */
async function previewInTheme(page, request) {
    const theme = request.theme;
    const frame = await webviewFrame(page, `body.${THEME_CLASS[theme]} #evidence-map`, `the preview in the ${theme} theme`);
    const original = page.viewportSize();
    try {
        const width = await sizeWebview(page, frame, 600);
        if (Math.abs(width - 600) > 6) throw new Error(`could not size the preview to 600 px (it is ${width} px)`);
        await new Promise(resolve => setTimeout(resolve, 300));
        await frame.evaluate(AXE_SOURCE);
        const violations = await frame.evaluate(async () => {
            const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target?.join(' '), summary: v.nodes[0]?.failureSummary?.slice(0, 300) }));
        });
        writeFileSync(join(RESULTS_DIR, `preview-${theme}-axe.json`), JSON.stringify(violations, null, 2));
        const serious = violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
        if (serious.length > 0) throw new Error(`axe-core: ${serious.map(v => `${v.id} (${v.impact}, ${v.nodes} nodes, e.g. ${v.first}: ${v.summary})`).join('; ')}`);
        // At 600 px, without scrolling: the first line of the findings strip; the map's header column once the map is in view.
        const box = selector => frame.evaluate(sel => {
            const element = document.querySelector(sel);
            if (!element) return undefined;
            const r = element.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: window.innerWidth, height: window.innerHeight };
        }, selector);
        await frame.evaluate(() => window.scrollTo(0, 0));
        const strip = await box('#findings .strip-item, #findings .empty');
        if (!strip || strip.left < 0 || strip.right > strip.width || strip.top > strip.height) throw new Error(`the findings strip is not in view at 600 px: ${JSON.stringify(strip)}`);
        await frame.evaluate(() => document.getElementById('evidence-map').scrollIntoView());
        const header = await box('table.gap-map th.outcome');
        if (!header || header.left < 0 || header.right > header.width || header.bottom > header.height) throw new Error(`the map's header column is not in view at 600 px: ${JSON.stringify(header)}`);
        const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) throw new Error(`the preview scrolls sideways by ${overflow} px at 600 px`);
        const shots = [];
        for (const id of SECTIONS) {
            if (!(await frame.evaluate(section => { const el = document.getElementById(section); if (el) el.scrollIntoView(); return el !== null; }, id))) continue;
            await new Promise(resolve => setTimeout(resolve, 150));
            const shot = join(RESULTS_DIR, `preview-${theme}-${id}.png`);
            await page.screenshot({ path: shot });
            shots.push(id);
        }
        await frame.evaluate(() => window.scrollTo(0, 0));
        return `${theme}: preview ${width} px wide, axe-core ${violations.length} violation(s) none serious (${violations.map(v => `${v.id}/${v.impact}`).join(', ') || 'none'}), findings strip and map header column in view, sections ${shots.join(', ')} saved`;
    } finally {
        await page.setViewportSize(original);
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
    /** Typing a space after `between` opens the suggest widget by itself, the programmes of the document's country on top. */
    async completion(page, request) {
        const widget = page.locator('.editor-widget.suggest-widget.visible');
        await widget.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => { throw new Error('the suggest widget did not open after typing a space after `between`'); });
        let rows = [];
        await poll(`the suggest widget to list ${request.first.join(', ')} first`, async () => {
            const found = await widget.locator('.monaco-list-row').evaluateAll(els => els
                .map(el => ({ index: Number(el.getAttribute('data-index')), text: el.innerText.replace(/\s+/g, ' ').trim() }))
                .sort((a, b) => a.index - b.index).map(r => r.text));
            rows = found;
            const top = found.slice(0, request.first.length).map(text => text.split(' ')[0]).sort();
            return JSON.stringify(top) === JSON.stringify([...request.first].sort());
        }, 15_000).catch(error => { throw new Error(`${error.message}; rows: ${JSON.stringify(rows.slice(0, 8))}`); });
        if (!rows.some(text => text.includes(request.detail))) throw new Error(`no row shows ${JSON.stringify(request.detail)} beside its name: ${JSON.stringify(rows.slice(0, 8))}`);
        return `the suggest widget opened after the space; first rows ${JSON.stringify(rows.slice(0, request.first.length))}`;
    },
    /** The file's badge in the explorer, its count in the Problems panel and the code lens on screen give the suite's numbers. */
    async counts(page, request) {
        const seen = {};
        // The Problems panel lists its files expanded; collapsed, every file's row (with its count) is on screen.
        await page.locator('.part.panel .action-label.codicon-collapse-all').first().click({ timeout: 5000 })
            .catch(error => { seen.collapse = String(error.message ?? error).split('\n')[0]; });
        await poll(`the explorer badge ${request.badge}, the Problems panel count ${request.problems} and the lens "${request.lens}"`, async () => {
            const explorer = page.locator('.explorer-folders-view .monaco-list-row', { hasText: request.file }).first();
            // The badge is drawn by CSS (`::after { content: "4" }`) on the row's label.
            seen.badge = await explorer.evaluate(row => [row, ...row.querySelectorAll('*')]
                .map(el => getComputedStyle(el, '::after').content).find(c => /^"(\d+|9\+)"$/.test(c))?.replace(/"/g, '')).catch(() => undefined);
            const problems = page.locator('.markers-panel .monaco-list-row', { hasText: request.file }).first();
            seen.problems = (await problems.locator('.monaco-count-badge').first().textContent({ timeout: 1000 }).catch(() => undefined))?.trim();
            seen.lens = await page.locator('.monaco-editor .codelens-decoration', { hasText: request.lens }).count();
            return seen.badge === String(request.badge) && seen.problems === String(request.problems) && seen.lens > 0;
        }, 20_000).catch(error => { throw new Error(`${error.message}; seen ${JSON.stringify(seen)}`); });
        return `${request.file}: explorer badge ${seen.badge}, Problems panel ${seen.problems}, lens "${request.lens}" on screen`;
    },
    /** The rule id of a finding in the Problems panel is a link; clicking it opens the rule's page. */
    async 'problems-link'(page, request) {
        const link = page.locator('.markers-panel a.monaco-link', { hasText: request.rule }).first();
        await link.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => { throw new Error(`no link named ${request.rule} in the Problems panel`); });
        const href = await link.getAttribute('href');
        await link.click();
        return `clicked the ${request.rule} link of the Problems panel (${href})`;
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
    /** A workspace with syntax errors: the banner, first on the page, with a link per file. */
    async banner(page, request) {
        const frame = await webviewFrame(page, 'section.banner', 'the "summary incomplete" banner');
        const text = await poll(`the banner to name ${request.expect.join(', ')}`, async () => {
            const t = await frame.evaluate(() => document.querySelector('section.banner')?.innerText ?? '');
            return request.expect.every(word => t.includes(word)) && t;
        }, 30_000);
        const first = await frame.evaluate(() => document.querySelector('#root > section')?.className);
        if (first !== 'banner incomplete') throw new Error(`the first section is ${first}, not the banner`);
        const links = await frame.locator('section.banner a[data-uri][data-line]').count();
        if (links < 2) throw new Error(`expected a link per broken file, found ${links}`);
        await frame.evaluate(() => window.scrollTo(0, 0));
        return `banner: ${JSON.stringify(text.split('\n')[0])} with ${links} links`;
    },
    /** The editor's cursor in a coordination: its entry in the preview is marked and in view. */
    async 'scroll-sync'(page, request) {
        const frame = await webviewFrame(page, '#evidence-map', 'the preview');
        const found = await poll(`the preview to show ${request.expect}`, () => frame.evaluate(expected => {
            const element = document.querySelector('.synced');
            if (!element || !element.textContent.includes(expected)) return undefined;
            const r = element.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight ? element.tagName.toLowerCase() + ' ' + element.className : undefined;
        }, request.expect), 20_000);
        return `scroll sync: the preview marked and showed ${found} (${request.expect})`;
    },
    'preview-light': previewInTheme,
    'preview-dark': previewInTheme,
    'preview-high-contrast': previewInTheme,
};

/**
 * Makes `locale` a display language offline. VS Code (and code-server) switch
 * the display language only to a language with an installed language pack: with
 * none, the server resolves `resolvedLanguage: "en"` and `vscode.env.language`
 * stays `en`. The Marketplace's packs cannot be downloaded here, so this writes
 * a stub pack — a `main.i18n.json` with no translations, listed in the user data
 * folder's `languagepacks.json` as an installed pack would be — so that the
 * workbench and the extension host run in `locale` (VS Code's own texts stay
 * English, Coord's follow: its l10n bundle, package.nls, and the server through
 * the LSP `locale`).
 */
function displayLanguage(userData, runDir, locale) {
    const pack = join(runDir, 'language-pack-stub');
    mkdirSync(join(pack, 'translations'), { recursive: true });
    writeFileSync(join(pack, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({
        [locale.toLowerCase()]: {
            hash: `coorde2estub${Date.now()}`, label: locale,
            extensions: [{ extensionIdentifier: { id: 'coord-e2e.language-pack-stub' }, version: '0.0.1' }],
            translations: { vscode: join(pack, 'translations', 'main.i18n.json') },
        },
    }));
    step(`display language ${locale} (a stub language pack: VS Code's own texts stay English)`);
}

/** When the extension host last activated Coord for a restored preview (its log's local timestamp), or undefined. */
function previewActivationTime(userData) {
    const logs = join(userData, 'logs');
    let latest;
    for (const session of existsSync(logs) ? readdirSync(logs) : []) {
        for (const host of readdirSync(join(logs, session)).filter(name => name.startsWith('exthost'))) {
            const file = join(logs, session, host, 'remoteexthost.log');
            if (!existsSync(file)) continue;
            for (const line of readFileSync(file, 'utf8').split('\n')) {
                const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+) .*_doActivateExtension coord-lang\.coord, .*onWebviewPanel:coord\.effectSummary/.exec(line);
                if (m) {
                    const at = new Date(`${m[1]}T${m[2]}`).getTime();
                    if (latest === undefined || at > latest) latest = at;
                }
            }
        }
    }
    return latest;
}

/**
 * What the restored preview's page shows, read inside the page once it holds Coord's shell: `seenAt` when the
 * shell was first seen, `visibleAt` when the webview host showed the frame (it keeps a new page hidden until the
 * page's `load` event, or 200 ms), `paintedAt` after the next frame was drawn (a `requestAnimationFrame`, which
 * waits for render-blocking styles, then a task) — all epoch ms from the page's clock, not the driver's polling.
 */
function readRestoredPage() {
    return (async () => {
        const root = document.getElementById('root');
        if (!root || !document.getElementById('export-button')) return undefined;
        const what = () => (root.querySelector('.loading') ? 'loading' : root.children.length > 0 ? 'summary' : undefined);
        if (!what()) return undefined;
        const now = () => performance.timeOrigin + performance.now();
        const seenAt = now();
        const hidden = element => {
            try {
                if (!element) return false;
                const style = element.ownerDocument.defaultView.getComputedStyle(element);
                return style.visibility === 'hidden' || style.display === 'none';
            } catch {
                return false;
            }
        };
        const shown = () => {
            if (hidden(window.frameElement)) return false;
            try {
                return !hidden(window.parent.frameElement);
            } catch {
                return true;
            }
        };
        const until = performance.now() + 20_000;
        while (!shown() && performance.now() < until) await new Promise(resolve => setTimeout(resolve, 2));
        const visibleAt = now();
        const state = what();
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const paintedAt = now();
        // The host first loads an empty page (fake.html) into the frame, then writes the shell into it once that
        // page's DOMContentLoaded has run; the browser's own paint timing says when the shell was first drawn.
        const [navigation] = performance.getEntriesByType('navigation');
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const at = ms => (ms > 0 ? performance.timeOrigin + ms : undefined);
        return {
            what: state, seenAt, visibleAt, paintedAt, shown: shown(),
            emptyLoadedAt: at(navigation?.domContentLoadedEventEnd ?? 0), contentfulPaintAt: at(fcp?.startTime ?? 0),
            restoredAt: Number(document.body.dataset.restoredAt), origin: performance.timeOrigin,
        };
    })();
}

/**
 * Reloads the window as a user would reopen it — the same folder, without the test payload, so that the suite
 * does not run again — and measures how soon the restored preview shows something: its loading state or the
 * summary. VS Code shows a restored panel empty until the extension host has started, Coord is activated and the
 * panel is handed to it (`deserializeWebviewPanel`); the extension stamps that moment on the page
 * (`data-restored-at`). Returns the figures of one reload.
 */
/**
 * Whether VS Code's saved workspace state (IndexedDB, the editor part's memento) lists Coord's preview: what it
 * restores after a reload. Read in the workbench page; `undefined` when the state cannot be read.
 */
function previewInSavedState() {
    return (async () => {
        const read = name => new Promise(resolve => {
            const open = indexedDB.open(name);
            open.onerror = () => resolve(undefined);
            open.onsuccess = () => {
                const db = open.result;
                try {
                    const stores = [...db.objectStoreNames];
                    if (!stores.length) { db.close(); resolve(undefined); return; }
                    const request = db.transaction(stores[0], 'readonly').objectStore(stores[0]).get('memento/workbench.parts.editor');
                    request.onsuccess = () => { db.close(); resolve(request.result); };
                    request.onerror = () => { db.close(); resolve(undefined); };
                } catch {
                    db.close();
                    resolve(undefined);
                }
            };
        });
        const names = (await indexedDB.databases()).map(d => d.name).filter(name => /state-db-(?!global)/.test(name ?? ''));
        if (!names.length) return undefined;
        for (const name of names) {
            const value = await read(name);
            if (typeof value === 'string' && value.includes('coord.effectSummary')) return true;
        }
        return false;
    })();
}

/**
 * Waits until VS Code has saved the open preview in its workspace state. In the browser the workbench saves its state
 * every 5 s when the page is idle, and only starts (does not await) a last save when the page is navigated away, so
 * a reload right after the preview was opened, or while the page was busy, can come back without it. Throws, naming
 * the cause, when the state never lists the preview.
 */
async function waitForSavedPreview(page, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        last = await page.evaluate(previewInSavedState).catch(error => `unreadable (${String(error.message ?? error).slice(0, 120)})`);
        if (last === true) return;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`VS Code had not saved the open preview in its workspace state ${timeoutMs / 1000} s after the suite (state: ${last}), so a reload could not restore it`);
}

async function reloadOnce(page, userData, url) {
    await waitForSavedPreview(page);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let frameAt;
    let found;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && found === undefined) {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            if (frameAt === undefined && /coord-lang\.coord|extensionId=coord/i.test(frame.url())) frameAt = Date.now();
            // The host writes the page into a fresh frame with document.open(), which may end an evaluation under way.
            const state = await frame.evaluate(readRestoredPage).catch(error => { if (process.env.COORD_E2E_DEBUG) console.log(`  [reload] ${frame.url().slice(0, 120)}: ${String(error.message ?? error).slice(0, 200)}`); return undefined; });
            if (state) {
                found = state;
                break;
            }
        }
        if (found === undefined) await new Promise(resolve => setTimeout(resolve, 25));
    }
    if (found === undefined) await page.screenshot({ path: join(RESULTS_DIR, 'reload.png') }).catch(() => undefined);
    if (found === undefined) throw new Error(`the preview was not restored within 90 s of the reload${frameAt ? ` (its webview appeared after ${frameAt - started} ms)` : ''}`);
    const activated = previewActivationTime(userData);
    const restoredAt = Number.isFinite(found.restoredAt) && found.restoredAt > 0 ? found.restoredAt : undefined;
    const ms = at => Math.round(at - started);
    return {
        what: found.what, shown: found.shown, restoredAt: restoredAt !== undefined ? ms(restoredAt) : undefined,
        activated: activated !== undefined && activated >= started ? ms(activated) : undefined,
        frame: frameAt !== undefined ? ms(frameAt) : undefined, origin: ms(found.origin),
        seen: ms(found.seenAt), visible: ms(found.visibleAt), painted: ms(found.paintedAt),
        emptyLoaded: found.emptyLoadedAt !== undefined ? ms(found.emptyLoadedAt) : undefined,
        contentfulPaint: found.contentfulPaintAt !== undefined ? ms(found.contentfulPaintAt) : undefined,
    };
}

/**
 * The bound on Coord's share of "a restored preview shows its loading state within 500 ms" (issue 16): from VS Code
 * writing Coord's page into the panel's frame to the loading state drawn. (VS Code writes it on the task after the
 * frame's empty page has loaded, so that moment is taken as the start: a little of VS Code's time is counted as
 * Coord's, never the other way.)
 */
const PAGE_TO_LOADING_MS = Number(process.env.COORD_E2E_RELOAD_BOUND_MS ?? 500);

/**
 * Opens the folder again without the suite, as a user would, and makes sure the preview is open in that session and
 * saved in VS Code's state, ready for the measured reloads. The suite's own session cannot be reloaded as it is: when
 * the suite ends VS Code stops its extension host, so the preview's serializer is gone, and a state save after that
 * moment (every 5 s when idle) drops the preview from the state; whether one falls before the reload is a race, which
 * CI lost once ("the preview was not restored within 90 s of the reload").
 */
async function reopenWithPreview(page, url) {
    const started = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const savedBefore = await page.evaluate(previewInSavedState).catch(() => undefined);
    let how = 'restored by VS Code';
    if (savedBefore !== true) try {
        // Open a Coord file through Quick Open (F1, then Backspace leaves the command mode), then the command in it.
        const palette = async (text, mode) => {
            await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input').first();
            await input.waitFor({ state: 'visible', timeout: 30_000 });
            if (mode === 'file') await page.keyboard.press('Backspace');
            await page.keyboard.type(text);
            await page.locator('.quick-input-list .monaco-list-row', { hasText: text.split(': ').pop() }).first().waitFor({ state: 'visible', timeout: 30_000 });
            await page.keyboard.press('Enter');
            await input.waitFor({ state: 'hidden', timeout: 30_000 });
        };
        await palette('colombia.coord', 'file');
        await page.locator('.monaco-workbench .part.editor .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30_000 });
        await palette('Coord: Open Effect Summary to the Side', 'command');
        how = 'opened from the command palette';
    } catch (error) {
        await page.screenshot({ path: join(RESULTS_DIR, 'reload.png') }).catch(() => undefined);
        throw new Error(`reopening the folder to open the preview for the reload check: ${String(error.message ?? error).split('\n')[0]} (screenshot test-results/e2e/reload.png)`);
    }
    await waitForSavedPreview(page);
    step(`reopened the folder without the suite; the preview ${how}, and saved in VS Code's state after ${Date.now() - started} ms`);
}

/**
 * After the suite: reloads the window COORD_E2E_RELOADS times (default 3) and writes each reload's times to
 * test-results/e2e/reload.txt. Each reload must restore the panel through Coord's serializer and show the loading
 * state first. From the reload to the hand-over is VS Code's start (workbench, extension host, activation), and
 * from the hand-over to Coord's page being written is VS Code's too (the webview's host frame, its service worker,
 * an empty page fetched from the server): seconds in code-server, more under load, and not Coord's to cut. Coord's
 * share is judged: the median over the reloads of "page written → loading state drawn" must stay within
 * PAGE_TO_LOADING_MS. The unit tests pin down the rest of what Coord controls: activate returns before the language
 * client is loaded (test/extension/extension.test.ts), and the shell draws its loading state with every resource
 * still pending (test/extension/preview-webview.test.ts).
 */
async function reloadCheck(page, userData, url) {
    await reopenWithPreview(page, url);
    const count = Math.max(1, Number(process.env.COORD_E2E_RELOADS ?? 3) || 1);
    const lines = [];
    const handovers = [];
    const pages = [];
    for (let i = 1; i <= count; i++) {
        const r = await reloadOnce(page, userData, url);
        if (i === 1) await page.screenshot({ path: join(RESULTS_DIR, 'reload.png') });
        const after = at => (r.restoredAt !== undefined ? at - r.restoredAt : undefined);
        const line = `reload ${i}: after the reload (ms): Coord activated ${r.activated ?? '?'}, handed the panel ${r.restoredAt ?? '?'}, `
            + `the webview frame listed ${r.frame ?? '?'}, the frame's empty page started ${r.origin} and loaded ${r.emptyLoaded ?? '?'}, `
            + `the shell seen ${r.seen}, the frame shown ${r.visible}, the shell's first contentful paint ${r.contentfulPaint ?? '?'}, `
            + `the ${r.what} state drawn ${r.painted}; after the hand-over: empty page ${after(r.origin) ?? '?'}, loaded ${after(r.emptyLoaded ?? NaN) ?? '?'}, `
            + `shown ${after(r.visible) ?? '?'}, drawn ${after(r.painted) ?? '?'}; Coord's page written → drawn ${r.emptyLoaded !== undefined ? r.painted - r.emptyLoaded : '?'}`
            + `${r.shown ? '' : ' (the frame was still hidden after 20 s)'}`;
        lines.push(line);
        step(line);
        if (r.restoredAt === undefined) throw new Error(`${line}: the page carries no data-restored-at, so the panel was not restored by Coord's serializer`);
        if (r.what !== 'loading') throw new Error(`${line}: the first state seen was the summary, not the loading state`);
        if (!r.shown) throw new Error(`${line}: the webview host never showed the page`);
        if (r.emptyLoaded === undefined) throw new Error(`${line}: the frame's navigation timing has no DOMContentLoaded`);
        handovers.push(r.painted - r.restoredAt);
        pages.push(r.painted - r.emptyLoaded);
    }
    const median = list => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
    const message = `reload: hand-over → loading state drawn ${handovers.join(', ')} ms (median ${median(handovers)}; VS Code's and Coord's); `
        + `Coord's page written → drawn ${pages.join(', ')} ms (median ${median(pages)}, bound ${PAGE_TO_LOADING_MS})`;
    writeFileSync(join(RESULTS_DIR, 'reload.txt'), [...lines, message].join('\n') + '\n');
    if (median(pages) > PAGE_TO_LOADING_MS) throw new Error(`${message}: over the bound`);
    return message;
}

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
    // COORD_E2E_LOCALE=es: the workbench in that display language (see displayLanguage below).
    const locale = process.env.COORD_E2E_LOCALE;
    if (locale) displayLanguage(userData, runDir, locale);
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
        '--config', join(runDir, 'config.yaml'), ...(locale ? ['--locale', locale] : []),
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
        let reload;
        if (code === 0 && (!process.env.COORD_E2E_GREP || process.env.COORD_E2E_RELOADS)) {
            reload = await reloadCheck(page, userData, `http://${authority}/?folder=${encodeURIComponent(workspace)}`).then(message => ({ ok: true, message }), error => ({ ok: false, message: String(error.message ?? error) }));
            step(reload.message);
        }

        const summary = output.map(l => /^(\d+) passed, (\d+) failed$/.exec(l.trim())).find(Boolean);
        // VS Code logs it once per editor session when a provider's tokens overlap, are too long or edit past the end.
        const tokenWarnings = output.filter(l => /Overlapping semantic tokens|Semantic token with invalid length|Invalid semantic tokens edit/.test(l));
        const missing = Object.keys(BROWSER_CHECKS).filter(name => !results.has(name));
        const problems = [];
        if (code !== 0) problems.push(`the suite ended with ${JSON.stringify(code)}`);
        if (!summary) problems.push('the suite printed no "N passed, N failed" line');
        if (missing.length && !process.env.COORD_E2E_GREP) problems.push(`browser checks that never ran: ${missing.join(', ')}`);
        if (tokenWarnings.length) problems.push(`the editor log warns about semantic tokens: ${tokenWarnings.join(' | ')}`);
        step(`editor log: ${output.length} lines, ${tokenWarnings.length} semantic-token warnings ("Overlapping semantic tokens" and the like)`);
        if (reload && !reload.ok) problems.push(reload.message);
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
