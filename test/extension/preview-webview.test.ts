/**
 * The effect summary webview without VS Code: the extension's message
 * validation, and the real webview page (the extension's HTML shell, the
 * bundled `media/preview.ts`, `media/preview.css`) in headless Chromium with a
 * stand-in for `acquireVsCodeApi`. The page shows the server's fragment,
 * ignores messages of the wrong shape, keeps hostile input inert — and its
 * Content-Security-Policy blocks even unescaped markup — and turns clicks into
 * `reveal`, `export` and `scope` messages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
import { chromium, type Browser, type Page } from 'playwright-core';
import { LOADER, parseWebviewMessage, previewCsp, previewShellHtml, SHELL_CSS } from '../../src/extension/preview-html.js';
import { previewCss } from '../../scripts/preview-css.mjs';
import { renderSummaryBody } from '../../src/analysis/summary-render/html.js';
import { layoutNetwork, renderNetworkSvg } from '../../src/analysis/summary-render/network.js';
import type { Summary } from '../../src/analysis/summary.js';
import {
    CHROMIUM, CHROMIUM_ARGS, CHROMIUM_AVAILABLE, CHROMIUM_MISSING, EXAMPLES, HOSTILE, RESULTS, ROOT, readFolder, summarise,
} from '../analysis/summary-helpers.js';

// The page's globals, for the functions that run in the browser (the tests compile without the DOM library).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

describe('messages from the webview', () => {
    test.each([
        [{ type: 'ready' }, { type: 'ready' }],
        [{ type: 'reveal', uri: 'file:///ws/a.coord', line: 3 }, { type: 'reveal', uri: 'file:///ws/a.coord', line: 3 }],
        [{ type: 'export', format: 'csv' }, { type: 'export', format: 'csv' }],
        [{ type: 'scope', scope: 'file' }, { type: 'scope', scope: 'file' }],
        [{ type: 'export', format: 'forest', index: 2 }, { type: 'export', format: 'forest', index: 2 }],
        [{ type: 'insert', snippet: 'effects' }, { type: 'insert', snippet: 'effects' }],
    ])('accepts %j', (message, expected) => {
        expect(parseWebviewMessage(message)).toEqual(expected);
    });

    test.each([
        null, 'reveal', 42, [], {}, { type: 'command', command: 'workbench.action.terminal.new' },
        { type: 'reveal', uri: 'file:///a', line: 0 }, { type: 'reveal', uri: 'file:///a', line: 1.5 },
        { type: 'reveal', uri: 'file:///a', line: '3' }, { type: 'reveal', uri: 7, line: 3 }, { type: 'reveal', uri: '', line: 3 },
        { type: 'reveal', uri: 'file:///a', line: 3, extra: true }, { type: 'reveal', uri: 'x'.repeat(5000), line: 3 },
        { type: 'export', format: 'exe' }, { type: 'export', format: 'csv', path: '/etc/passwd' },
        { type: 'scope', scope: 'everything' }, { type: 'ready', now: true },
        { type: 'export', format: 'csv', index: 1 }, { type: 'export', format: 'forest', index: -1 }, { type: 'export', format: 'forest', index: 1.5 },
        { type: 'insert', snippet: 'programme' }, { type: 'insert', snippet: 'effects', text: 'rm -rf /' },
    ])('ignores %j', message => {
        expect(parseWebviewMessage(message)).toBeUndefined();
    });

    test('the shell\'s policy allows the nonce\'s script and styles and the extension\'s styles, nothing else', () => {
        const html = previewShellHtml({ cspSource: 'https://res.example', nonce: 'N0nce', scriptUri: 'https://res.example/p.js', styleUri: 'https://res.example/p.css' });
        const csp = previewCsp('https://res.example', 'N0nce');
        expect(csp).toMatch(/^default-src 'none';/);
        expect(csp).toContain("script-src 'nonce-N0nce'");
        expect(csp).toContain("style-src https://res.example 'nonce-N0nce'");
        expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)/);
        expect(html).toContain(`content="${csp.replace(/'/g, "'")}"`);
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html.match(/<style/g)).toHaveLength(1);
        expect(html).toContain('<style nonce="N0nce">');
        expect(html).toContain(`<script nonce="N0nce">${LOADER}</script>`);
        // The loading state is in the shell itself, so it shows before any script or message.
        expect(html).toMatch(/<main id="root"[^>]*aria-busy="true"><div class="loading" role="status">/);
        expect(html).not.toContain('data-restored-at');
        expect(previewShellHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 't', restoredAt: 1234.5 })).toContain('<body data-restored-at="1235" ');
    });

    test('the shell fetches nothing before its loading state shows: its styles are inline, the stylesheet and the script come after load', () => {
        const html = previewShellHtml({ cspSource: 'https://res.example', nonce: 'N0nce', scriptUri: 'https://res.example/p.js', styleUri: 'https://res.example/p.css' });
        // No stylesheet link, no script source, no image: VS Code keeps the page hidden until its load event, and a
        // render-blocking stylesheet would keep even a shown page blank until the webview's service worker served it.
        expect(html).not.toMatch(/<link|\ssrc=|<img|url\(/);
        expect(html).toContain('data-style="https://res.example/p.css" data-script="https://res.example/p.js"');
        // What the first paint shows is styled inline: the toolbar, the buttons and the loading state with its spinner.
        for (const selector of ['.toolbar', 'button', '.loading', '.spinner', '#export-list[hidden]']) expect(SHELL_CSS).toContain(`${selector} {`);
    });
});

const required = process.env.COORD_REQUIRE_CHROMIUM === '1';
if (!CHROMIUM_AVAILABLE) {
    console.warn(`coord preview browser tests: ${CHROMIUM_MISSING}`);
    test.skipIf(!required)(CHROMIUM_MISSING, () => {
        throw new Error(CHROMIUM_MISSING);
    });
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the webview page in Chromium', () => {
    const folder = path.join(RESULTS, 'webview');
    let browser: Browser;
    let shell: string;

    beforeAll(async () => {
        fs.mkdirSync(folder, { recursive: true });
        const script = path.join(folder, 'preview.js');
        // The same options as the webview entry of scripts/build.mjs.
        await esbuild.build({
            entryPoints: [path.join(ROOT, 'media/preview.ts')], outfile: script, bundle: true,
            platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning',
        });
        // The stylesheet as scripts/build.mjs writes dist/preview.css.
        const style = path.join(folder, 'preview.css');
        fs.writeFileSync(style, await previewCss(ROOT));
        shell = path.join(folder, 'index.html');
        fs.writeFileSync(shell, previewShellHtml({
            cspSource: 'file:', nonce: 'TestNonce123',
            scriptUri: pathToFileURL(script).toString(),
            styleUri: pathToFileURL(style).toString(),
        }));
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
        await browser?.close();
    });

    async function openWebview(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const dialogs: string[] = [];
        const errors: string[] = [];
        page.on('dialog', d => {
            dialogs.push(d.message());
            void d.dismiss();
        });
        page.on('pageerror', e => errors.push(e.message));
        // What VS Code provides to a webview: acquireVsCodeApi, here recording what the page posts.
        await page.addInitScript(() => {
            const w = window as any;
            w.__posted = [];
            w.__state = undefined;
            w.acquireVsCodeApi = () => ({
                postMessage: (m: unknown) => w.__posted.push(m),
                getState: () => w.__state,
                setState: (s: unknown) => { w.__state = s; },
            });
        });
        await page.goto(pathToFileURL(shell).toString());
        await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'ready'));
        return { page, dialogs, errors };
    }

    async function show(page: Page, message: unknown): Promise<void> {
        await page.evaluate(m => window.postMessage(m, '*'), message);
    }

    async function fragment(summary: Summary): Promise<string> {
        return renderSummaryBody(summary, { interactive: true, networkSvg: renderNetworkSvg(await layoutNetwork(summary), { interactive: true }) });
    }

    const posted = (page: Page) => page.evaluate(() => (window as any).__posted as unknown[]);

    test('the loading state shows, styled, while the stylesheet and the script are still on their way: both are asked for only after load', async () => {
        const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
        try {
            // Requests that are never answered: a webview's resources come through VS Code's service worker and the
            // workbench, which after a reload can take seconds.
            const asked: string[] = [];
            await page.route('http://slow.test/**', route => { asked.push(new URL(route.request().url()).pathname); });
            const file = path.join(folder, 'slow-resources.html');
            fs.writeFileSync(file, previewShellHtml({
                cspSource: 'http://slow.test', nonce: 'SlowNonce1', scriptUri: 'http://slow.test/preview.js', styleUri: 'http://slow.test/preview.css',
            }));
            // The load event comes without them (VS Code shows a webview's page at its load event, or after 200 ms).
            await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load', timeout: 15_000 });
            await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 15_000 });
            const shown = await page.evaluate(() => {
                const spinner = document.querySelector('.spinner');
                const loading = document.querySelector('.loading');
                return {
                    text: loading.textContent,
                    spinner: getComputedStyle(spinner).width,
                    animation: getComputedStyle(spinner).animationName,
                    toolbar: getComputedStyle(document.querySelector('.toolbar')).display,
                    added: [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e: any) => e.getAttribute('href') ?? e.getAttribute('src')),
                };
            });
            expect(shown.text).toContain('Computing the summary…');
            expect([shown.spinner, shown.animation, shown.toolbar]).toEqual(['12px', 'spin', 'flex']);
            expect(shown.added).toEqual(['http://slow.test/preview.css', 'http://slow.test/preview.js']);
            await expect.poll(() => [...asked].sort()).toEqual(['/preview.css', '/preview.js']);
        } finally {
            await page.close();
        }
    });

    test('shows the summary the server sent and reveals the line of a clicked effect', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, ['colombia.coord', 'mexico.coord', 'peru.coord']));
        const { page, dialogs, errors } = await openWebview();
        await show(page, { type: 'summary', title: 'Effect summary — workspace', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.matrix');
        expect(await page.textContent('#title')).toBe('Effect summary — workspace');
        const text = await page.innerText('#root');
        for (const expected of ['FEST + UNIDOS', '− Severe food insecurity', '+ Mild food insecurity', 'neutral', 'adverse', 'Coordination network', 'STEIA']) {
            expect(text).toContain(expected);
        }
        await page.screenshot({ path: path.join(folder, 'webview.png'), fullPage: true });

        const effect = summary.effects.find(e => e.outcome === 'powerful_others_index')!;
        await page.click(`#root li.effect [data-line="${effect.line}"]`);
        await page.focus('#root tr.coordination');
        await page.keyboard.press('Enter');
        await page.click('#root svg g.node[data-uri]');
        const reveals = (await posted(page)).filter((m: any) => m.type === 'reveal');
        expect(reveals[0]).toEqual({ type: 'reveal', uri: effect.uri, line: effect.line });
        expect(reveals[1]).toEqual({ type: 'reveal', uri: summary.coordinations[0].uri, line: summary.coordinations[0].line });
        expect(reveals).toHaveLength(3);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
    });

    test('the Export menu (mouse and keyboard) and the scope buttons post their messages', async () => {
        const { page } = await openWebview();
        expect(await page.isVisible('#export-list')).toBe(false);
        await page.click('#export-button');
        expect(await page.getAttribute('#export-button', 'aria-expanded')).toBe('true');
        await page.click('button[data-export="csv"]');
        expect(await page.isVisible('#export-list')).toBe(false);
        // Keyboard: focus the menu button, open with ArrowDown, move down three items (HTML, Markdown, CSV → Network), Enter.
        await page.focus('#export-button');
        await page.keyboard.press('ArrowDown');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('html');
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-button');
        // Escape closes the menu and gives the focus back.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Escape');
        expect(await page.isVisible('#export-list')).toBe(false);
        await page.click('button[data-scope="file"]');
        expect(await page.getAttribute('button[data-scope="file"]', 'aria-pressed')).toBe('true');
        expect((await posted(page)).slice(1)).toEqual([
            { type: 'export', format: 'csv' }, { type: 'export', format: 'svg' }, { type: 'scope', scope: 'file' },
        ]);
        await page.close();
    });

    test('at 600 px the findings strip and the map\'s header column are visible without scrolling; the page itself never scrolls sideways', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const { page } = await openWebview();
        await page.setViewportSize({ width: 600, height: 900 });
        await show(page, { type: 'summary', title: 't', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.gap-map');
        const visible = (selector: string) => page.evaluate(sel => {
            const r = document.querySelector(sel)!.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, width: r.width };
        }, selector);
        const strip = await visible('#findings .strip-item');
        expect(strip.left).toBeGreaterThanOrEqual(0);
        expect(strip.right).toBeLessThanOrEqual(600);
        expect(strip.top).toBeLessThan(900);
        await page.evaluate(() => document.querySelector('#evidence-map')!.scrollIntoView());
        const corner = await visible('table.gap-map th.corner');
        const outcome = await visible('table.gap-map th.outcome');
        for (const box of [corner, outcome]) {
            expect(box.left).toBeGreaterThanOrEqual(0);
            expect(box.right).toBeLessThanOrEqual(600);
            expect(box.width).toBeGreaterThan(60);
        }
        // Scrolled sideways, the map keeps its header column in place (frozen), and so does the coordination table.
        await page.evaluate(() => { document.querySelector('.map-scroll')!.scrollLeft = 400; });
        expect((await visible('table.gap-map th.outcome')).left).toBeCloseTo(outcome.left, 0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
        await page.evaluate(() => { document.querySelector('.map-scroll')!.scrollLeft = 0; window.scrollTo(0, 0); });
        await page.screenshot({ path: path.join(folder, 'webview-600.png') });
        await page.close();
    });

    test('axe-core finds no serious or critical violation in the page (structure: lists, names, roles)', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const { page } = await openWebview();
        await show(page, { type: 'summary', title: 't', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.gap-map');
        await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const violations = await page.evaluate(async () => ((await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations as any[])
            .map(v => ({ id: v.id, impact: v.impact, first: v.nodes[0]?.target?.join(' ') })));
        expect(violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        await page.close();
    });

    test('the map\'s filters hide columns and marks, and survive the next update', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const { page } = await openWebview();
        const html = await fragment(summary);
        await show(page, { type: 'summary', title: 't', html, scope: 'workspace' });
        await page.waitForSelector('#root table.gap-map');
        const shownColumns = () => page.evaluate(() => [...document.querySelectorAll('table.gap-map th.combination')].filter((th: any) => !th.hidden).map((th: any) => th.textContent));
        const before = await shownColumns();
        expect(before).toContain('FEST + UNIDOS');
        await page.selectOption('select[data-filter="country"]', 'Peru');
        const peru = await shownColumns();
        expect(peru.length).toBeGreaterThan(0);
        expect(peru).not.toContain('FEST + UNIDOS');
        expect(peru.every((c: string) => /HakuWinay|SoftSkills|Juntos/.test(c))).toBe(true);
        // Certainty: only marks of that level stay; a cell left without marks says so.
        await page.selectOption('select[data-filter="country"]', '');
        await page.selectOption('select[data-filter="certainty"]', 'high');
        const levels = await page.evaluate(() => [...document.querySelectorAll('.entry')].filter((e: any) => !e.hidden).map((e: any) => e.dataset.certainty));
        expect(levels.every((l: string) => l === 'high')).toBe(true);
        expect(await page.locator('.filtered:not([hidden])').count()).toBeGreaterThan(0);
        // The next summary (after an edit) keeps the filter.
        await show(page, { type: 'summary', title: 't2', html, scope: 'workspace' });
        await page.waitForFunction(() => document.getElementById('title')!.textContent === 't2');
        expect(await page.inputValue('select[data-filter="certainty"]')).toBe('high');
        expect(await page.evaluate(() => [...document.querySelectorAll('.entry')].filter((e: any) => !e.hidden).every((e: any) => e.dataset.certainty === 'high'))).toBe(true);
        await page.close();
    });

    test('the network fits the width, zooms and pans (buttons and keys), and highlights a node\'s neighbours on hover', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, ['colombia.coord']));
        const { page } = await openWebview();
        await page.setViewportSize({ width: 600, height: 900 });
        await show(page, { type: 'summary', title: 't', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root svg.coord-network');
        const box = await page.evaluate(() => {
            const r = document.querySelector('svg.coord-network')!.getBoundingClientRect();
            return { right: r.right, width: r.width };
        });
        expect(box.right).toBeLessThanOrEqual(600);
        const full = await page.getAttribute('svg.coord-network', 'viewBox');
        await page.click('button[data-zoom="in"]');
        const zoomed = (await page.getAttribute('svg.coord-network', 'viewBox'))!.split(' ').map(Number);
        expect(zoomed[2]).toBeCloseTo(Number(full!.split(' ')[2]) / 1.5, 3);
        await page.focus('.network-view');
        await page.keyboard.press('ArrowRight');
        expect((await page.getAttribute('svg.coord-network', 'viewBox'))!.split(' ').map(Number)[0]).toBeGreaterThan(zoomed[0]);
        await page.keyboard.press('0');
        expect(await page.getAttribute('svg.coord-network', 'viewBox')).toBe(full);
        // Hover FEST: it, UNIDOS and their edge are highlighted, the rest dimmed.
        await page.hover('svg.coord-network g.node[data-id="programme:FEST"]');
        const highlighted = await page.evaluate(() => [...document.querySelectorAll('svg.coord-network .highlight')].map((e: any) => e.dataset.id ?? e.dataset.ends));
        expect(highlighted.sort()).toEqual(['programme:FEST', 'programme:FEST programme:UNIDOS', 'programme:UNIDOS']);
        expect(await page.getAttribute('svg.coord-network', 'class')).toContain('dimmed');
        await page.close();
    });

    test('scroll sync: a cursor message marks and shows the entry of the declaration under the cursor', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const { page } = await openWebview();
        await show(page, { type: 'summary', title: 't', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.gap-map');
        const c = summary.coordinations.at(-1)!;
        // A cursor a few lines into the coordination's body.
        await show(page, { type: 'cursor', uri: c.uri, line: c.line + 2 });
        await page.waitForSelector('tr.coordination.synced');
        expect(await page.getAttribute('tr.coordination.synced', 'data-line')).toBe(String(c.line));
        expect(await page.evaluate(() => {
            const r = document.querySelector('tr.coordination.synced')!.getBoundingClientRect();
            return r.top >= 0 && r.top < window.innerHeight;
        })).toBe(true);
        // Malformed cursor messages are ignored.
        await show(page, { type: 'cursor', uri: c.uri, line: 0 });
        expect(await page.locator('.synced').count()).toBe(1);
        await page.close();
    });

    test('an empty state\'s Insert button asks for its snippet; the Export menu lists each forest plot', async () => {
        const { summary: empty } = await summarise({ 'a.coord': 'programme A "A" { country Peru sector productive }\n' });
        const { page } = await openWebview();
        await show(page, { type: 'summary', title: 't', html: await fragment(empty), scope: 'workspace' });
        await page.click('button[data-insert="effects"]');
        expect((await posted(page)).at(-1)).toEqual({ type: 'insert', snippet: 'effects' });
        const { summary } = await summarise(readFolder(EXAMPLES));
        await show(page, { type: 'summary', title: 't', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.gap-map');
        await page.click('#export-button');
        const items = await page.locator('#export-list button[data-index]').allTextContents();
        expect(items).toHaveLength(summary.forestPlots.length);
        expect(items[0]).toContain(summary.forestPlots[0].outcomeLabel);
        await page.click('#export-list button[data-index="1"]');
        expect((await posted(page)).at(-1)).toEqual({ type: 'export', format: 'forest', index: 1 });
        await page.close();
    });

    test('saves its scope and file for VS Code to restore after a reload', async () => {
        const { page } = await openWebview();
        await show(page, { type: 'summary', title: 't', html: '<p id="x">x</p>', scope: 'file', source: 'file:///ws/a.coord' });
        await page.waitForSelector('#x');
        expect(await page.evaluate(() => (window as any).__state)).toEqual({ scope: 'file', source: 'file:///ws/a.coord' });
        expect(await page.getAttribute('button[data-scope="file"]', 'aria-pressed')).toBe('true');
        await page.close();
    });

    test('ignores messages of the wrong shape', async () => {
        const { page } = await openWebview();
        await show(page, { type: 'summary', title: 'ok', html: '<p id="good">good</p>', scope: 'workspace' });
        await page.waitForSelector('#good');
        for (const bad of [{ type: 'summary', title: 'x', html: 5, scope: 'workspace' }, { type: 'summary', html: '<p id="bad">' },
            { type: 'bogus', html: '<p id="bad">' }, 'summary', null]) {
            await show(page, bad);
        }
        // A valid message after the bad ones proves they were all handled (in order) and dropped.
        await show(page, { type: 'error', message: '<b id="bad">not markup</b>' });
        await page.waitForSelector('#root p.error');
        expect(await page.locator('#bad').count()).toBe(0);
        expect(await page.textContent('#root p.error')).toBe('<b id="bad">not markup</b>');
        await page.close();
    });

    test('hostile strings stay inert, and the policy blocks even markup that was never escaped', async () => {
        const { summary } = await summarise({ 'evil.coord': HOSTILE });
        const { page, dialogs } = await openWebview();
        await show(page, { type: 'summary', title: '</h1><img src=x onerror=alert(1)>', html: await fragment(summary), scope: 'workspace' });
        await page.waitForSelector('#root table.matrix');
        expect(await page.locator('#root script, #root img, #root iframe, #root a:not([href^="#"]), #root math, #root style').count()).toBe(0);
        const handlers = await page.evaluate(() => [...document.querySelectorAll('*')]
            .flatMap((el: any) => [...el.attributes].map((a: any) => a.name)).filter((n: string) => n.startsWith('on')));
        expect(handlers).toEqual([]);
        expect(await page.textContent('#title')).toBe('</h1><img src=x onerror=alert(1)>');
        expect(await page.innerText('#root')).toContain('</script><img src=x onerror=alert(1)>');

        // Defence in depth: raw markup (which the core never sends) still runs nothing.
        await show(page, {
            type: 'summary', title: 'raw', scope: 'workspace',
            html: '<img id="raw" src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3"></svg><p id="done">done</p>',
        });
        await page.waitForSelector('#done');
        // Give the broken image its chance to fire its handler before looking.
        await page.waitForFunction(() => document.getElementById('raw')?.complete === true);
        expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
        expect(dialogs).toEqual([]);
        await page.close();
    });
});
