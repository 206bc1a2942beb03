/**
 * The HTML report of `coord summary --format html` opened in headless
 * Chromium: it renders the brief's figure and institutional table with its
 * stylesheet allowed by the Content-Security-Policy (no CSP violation), loads
 * nothing from outside, prints, and stays inert against hostile input (no
 * dialog, no injected element). Screenshots go to test-results/summary/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from './cli-run.js';
import {
    CHROMIUM, CHROMIUM_ARGS, CHROMIUM_AVAILABLE, CHROMIUM_MISSING, EXAMPLES, HOSTILE, RESULTS, ROOT, summarise,
} from '../analysis/summary-helpers.js';
import { renderSummaryHtml } from '../../src/analysis/summary-render/html.js';
import { layoutNetwork, renderNetworkSvg } from '../../src/analysis/summary-render/network.js';

const required = process.env.COORD_REQUIRE_CHROMIUM === '1';
const require = createRequire(import.meta.url);

// The page's globals, for the functions that run in the browser (the tests compile without the DOM library).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare function getComputedStyle(element: unknown): any;

if (!CHROMIUM_AVAILABLE) {
    // Say so where the developer looks: in the test list and on stderr.
    console.warn(`coord summary browser tests: ${CHROMIUM_MISSING}`);
    test.skipIf(!required)(CHROMIUM_MISSING, () => {
        throw new Error(CHROMIUM_MISSING);
    });
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the HTML report in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
        fs.mkdirSync(RESULTS, { recursive: true });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
        await browser?.close();
    });

    /** Opens a report file and records what a page must never do. */
    async function open(file: string): Promise<{ page: Page; problems: string[]; requests: string[]; dialogs: string[] }> {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        const dialogs: string[] = [];
        page.on('console', m => problems.push(`${m.type()}: ${m.text()}`));
        page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
        page.on('request', r => requests.push(r.url()));
        page.on('dialog', d => {
            dialogs.push(d.message());
            void d.dismiss();
        });
        await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load' });
        return { page, problems, requests, dialogs };
    }

    test('shows the brief\'s effect figure and institutional table, styled, with nothing loaded from outside', async () => {
        const file = path.join(RESULTS, 'report.html');
        const run = await runCli(ROOT, 'summary', path.relative(ROOT, EXAMPLES), '--format', 'html', '-o', file);
        expect(run.code).toBe(0);
        const { page, problems, requests, dialogs } = await open(file);
        const text = await page.innerText('body');
        for (const expected of [
            'Effects by domain and programme combination', 'Coordination network', 'Synergies', 'Coordination',
            'Productive', 'Income, poverty and local economic development', 'Food security and education',
            'Finances and risks', 'Psychological and social', 'FEST + UNIDOS', 'HakuWinay + SoftSkills',
            '− Severe food insecurity', '+ Mild food insecurity', '− Powerful others index', 'adverse', 'neutral',
            'SNARIV', 'STEIA', 'budget-priorities',
            // v2: the added value of Soft Skills, the evidence table, the fictional example's forest plots.
            'Added value', 'Evidence', 'Forest plots', 'measured only for the combination',
        ]) expect(text).toContain(expected);
        expect(await page.locator('svg.forest-plot').count()).toBeGreaterThanOrEqual(3);

        // The figure's cells, read from the DOM: row by domain title, column by combination.
        const cell = (domain: string, combination: string) => page.evaluate(([d, c]) => {
            const table = document.querySelector('table.matrix')!;
            const column = [...table.querySelectorAll('thead th')].findIndex(th => th.textContent === c);
            const row = [...table.querySelectorAll('tbody tr')].find(tr => tr.querySelector('th')?.textContent === d)!;
            return [...row.children[column].querySelectorAll('li .text')].map(li => li.textContent);
        }, [domain, combination]);
        expect(await cell('Food security and education', 'FEST + UNIDOS')).toEqual(['− Severe food insecurity', '+ Mild food insecurity']);
        expect(await cell('Finances and risks', 'PPP')).toEqual(['+ Formal loans', '− Informal loans']);
        // HakuWinay + SoftSkills is measured versus HakuWinay: it has no column in the matrix of comparator none (§7.7).
        expect(await page.evaluate(() => [...document.querySelectorAll('table.matrix thead th')].map(th => th.textContent))).not.toContain('HakuWinay + SoftSkills');

        // The stylesheet applied (its hash is in the CSP), and the network was drawn.
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('table.matrix')!).borderCollapse)).toBe('collapse');
        expect(await page.locator('svg.coord-network g.node').count()).toBeGreaterThanOrEqual(9);
        expect(problems.filter(p => /Content Security Policy|Refused/i.test(p))).toEqual([]);
        expect(problems).toEqual([]);
        expect(requests.filter(u => !u.startsWith('file:'))).toEqual([]);
        expect(dialogs).toEqual([]);

        const png = path.join(RESULTS, 'report.png');
        await page.screenshot({ path: png, fullPage: true });
        expect(fs.statSync(png).size).toBeGreaterThan(10_000);
        await page.emulateMedia({ media: 'print' });
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('.scroll')!).overflowX)).toBe('visible');
        await page.pdf({ path: path.join(RESULTS, 'report.pdf'), format: 'A4', landscape: true, printBackground: true });
        await page.close();
    });

    test('axe-core finds no serious or critical violation in light, dark and forced colours; at 600 px the findings and the map\'s header column show', async () => {
        const file = path.join(RESULTS, 'report-axe.html');
        const run = await runCli(ROOT, 'summary', path.relative(ROOT, EXAMPLES), '--format', 'html', '-o', file);
        expect(run.code).toBe(0);
        const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
        const report: string[] = [];
        for (const [name, media] of [
            ['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['forced-colors', { forcedColors: 'active' }],
        ] as const) {
            // The report's policy allows no script: axe is injected past it, as a browser extension would be.
            const context = await browser.newContext({ viewport: { width: 600, height: 900 }, bypassCSP: true });
            const page = await context.newPage();
            await page.emulateMedia(media);
            await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load' });
            await page.evaluate(axe);
            const result = await page.evaluate(async () => {
                const r = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
                return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target?.join(' ') }));
            });
            const serious = result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
            report.push(`${name}: ${result.length} violations (${result.map((v: any) => `${v.id}/${v.impact}`).join(', ') || 'none'})`);
            expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
            // At 600 px: the first finding and the map's header column are on screen without scrolling sideways.
            const box = (sel: string) => page.evaluate(s => {
                const r = document.querySelector(s)!.getBoundingClientRect();
                return { left: r.left, right: r.right, top: r.top };
            }, sel);
            const strip = await box('.strip-item');
            expect(strip.left).toBeGreaterThanOrEqual(0);
            expect(strip.right).toBeLessThanOrEqual(600);
            expect(strip.top).toBeLessThan(900);
            await page.evaluate(() => document.getElementById('evidence-map')!.scrollIntoView());
            const header = await box('table.gap-map th.outcome');
            expect(header.left).toBeGreaterThanOrEqual(0);
            expect(header.right).toBeLessThanOrEqual(600);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
            await page.screenshot({ path: path.join(RESULTS, `report-600-${name}.png`) });
            await context.close();
        }
        fs.writeFileSync(path.join(RESULTS, 'report-axe.txt'), report.join('\n') + '\n');
    });

    test('keeps hostile input inert: no dialog, no injected element, the strings shown as text', async () => {
        const { summary } = await summarise({ 'evil.coord': HOSTILE });
        const html = renderSummaryHtml(summary, { title: '<img src=x onerror=alert("title")>', networkSvg: renderNetworkSvg(await layoutNetwork(summary)) });
        const file = path.join(RESULTS, 'hostile.html');
        fs.writeFileSync(file, html);
        const { page, problems, requests, dialogs } = await open(file);
        expect(await page.locator('script, img, iframe, a:not([href^="#"]), math, b, u, style:not(head style)').count()).toBe(0);
        const handlers = await page.evaluate(() => [...document.querySelectorAll('*')]
            .flatMap(el => [...el.attributes].map(a => a.name)).filter(n => n.startsWith('on')));
        expect(handlers).toEqual([]);
        const text = await page.innerText('body');
        expect(text).toContain('</script><img src=x onerror=alert(1)>');
        expect(text).toContain('<img src=x onerror=alert(7)>');
        expect(await page.title()).toBe('<img src=x onerror=alert("title")>');
        expect(dialogs).toEqual([]);
        expect(problems).toEqual([]);
        expect(requests.filter(u => !u.startsWith('file:'))).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS, 'hostile.png'), fullPage: true });
        await page.close();
    });
});
