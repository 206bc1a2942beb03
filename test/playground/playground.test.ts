/**
 * The built playground (`dist/playground`) in headless Chromium, from file://
 * and from a static server on 127.0.0.1: every example shows the findings
 * `coord check` reports for it (same rule ids and lines), an edit changes the
 * diagnostics and the summary, completion, hover, quick fixes and formatting
 * answer, a shared link reopens the same text, downloads carry the text and
 * the report; no console error, and no request leaves the page's origin.
 * Waits poll the page until a condition holds (with a deadline), never sleep.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT, ensureBuilt, foreignRequests, launch, PLAYGROUND, record, ROOT, serveStatic, type PageLog } from './browser.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter(f => f.endsWith('.coord')).sort();
const DEADLINE = { timeout: 30_000, intervals: [50, 100, 250] };

interface CliDiagnostic { file: string; line: number; rule: string; suppressed?: unknown }

/** What `coord check` reports for some files, as `file:line rule` (unsuppressed, as an editor shows them). */
function cliFindings(files: string[]): string[] {
    let out: string;
    try {
        // --no-project: the files shown are the playground's whole workspace (else the repository's other .coord files join).
        out = execFileSync(process.execPath, [join(ROOT, 'bin/coord.js'), 'check', ...files, '--no-project', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
        out = (e as { stdout: string }).stdout; // exit 1: failing findings, still a report
    }
    const report = JSON.parse(out) as { diagnostics: CliDiagnostic[] };
    return report.diagnostics.filter(d => !d.suppressed).map(d => `${d.file.replace(/^.*\//, '')}:${d.line} ${d.rule}`).sort();
}

/** How many programmes `coord summary` counts in these files (the playground's whole workspace). */
function cliProgrammes(files: string[]): number {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin/coord.js'), 'summary', ...files, '--no-project', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    return (JSON.parse(out) as { counts: { programmes: number } }).counts.programmes;
}

async function problems(page: Page): Promise<string[]> {
    return (await page.$$eval('#problems li', items => items.map(li => `${li.getAttribute('data-file')}:${li.getAttribute('data-line')} ${li.getAttribute('data-rule')}`))).sort();
}

async function state(page: Page): Promise<{ files: Array<{ name: string; text: string }>; active: number }> {
    return page.evaluate(() => (globalThis as unknown as { coordPlayground: { state(): never } }).coordPlayground.state());
}

async function summaryText(page: Page): Promise<string> {
    return (await page.textContent('#root')) ?? '';
}

async function openExample(page: Page, value: string): Promise<void> {
    await page.selectOption('#examples', value);
    await expect.poll(async () => (await state(page)).files.map(f => f.name).join(','), DEADLINE)
        .toBe(value === '*' ? EXAMPLES.join(',') : value);
}

let browser: Browser;

beforeAll(async () => {
    ensureBuilt();
    browser = await launch();
}, 120_000);

afterAll(async () => {
    await browser?.close();
    rmSync(BUILT, { recursive: true, force: true });
});

describe('the playground from file://', () => {
    let page: Page;
    let log: PageLog;
    const origin = pathToFileURL(PLAYGROUND).href + '/';

    beforeAll(async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        page = await context.newPage();
        log = record(page);
        await page.goto(origin + 'index.html');
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    }, 60_000);

    test('each example shows the findings coord check reports, and the summary', async () => {
        for (const example of EXAMPLES) {
            await openExample(page, example);
            const expected = cliFindings([`examples/${example}`]);
            await expect.poll(() => problems(page), DEADLINE).toEqual(expected);
            await expect.poll(() => summaryText(page), DEADLINE).toMatch(/\d+ programmes?/);
        }
        await openExample(page, '*');
        await expect.poll(() => problems(page), DEADLINE).toEqual(cliFindings(EXAMPLES.map(e => `examples/${e}`)));
        expect((await page.$$('#tabs .tab')).length).toBe(EXAMPLES.length);
    }, 120_000);

    test('an edit changes the diagnostics and the summary; the quick fix repairs it', async () => {
        await openExample(page, 'peru.coord');
        const before = cliFindings(['examples/peru.coord']);
        await expect.poll(() => problems(page), DEADLINE).toEqual(before);
        // The counts line of the summary; the summary may still show the workspace before the switch
        // (all the examples) for a moment after the diagnostics show, so wait for the count coord summary gives.
        const programmes = async () => Number(/(\d+) programmes?/.exec((await (await page.$('#root .totals'))?.textContent()) ?? '')?.[1] ?? NaN);
        const programmesBefore = cliProgrammes(['examples/peru.coord']);
        await expect.poll(programmes, DEADLINE).toBe(programmesBefore);
        // Typed key by key, as a person would (brackets and quotes close themselves; Escape closes completion).
        await page.click('.cm-content');
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('population playground_farmers "Farmers of the playground"');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
        await page.keyboard.type('programme PlaygroundEdit "An edit" {');
        for (const line of ['country Peru', 'sector productive', 'targets playground_farmrs']) {
            await page.keyboard.press('Escape');
            await page.keyboard.press('Enter');
            await page.keyboard.type(line);
        }
        await page.keyboard.press('Escape');
        const text = (await state(page)).files[0].text;
        expect(text).toContain('\nprogramme PlaygroundEdit "An edit" {\n  country Peru\n  sector productive\n  targets playground_farmrs\n}');
        const typoLine = text.split('\n').findIndex(l => l.includes('playground_farmrs')) + 1;
        await expect.poll(programmes, DEADLINE).toBe(programmesBefore + 1);
        await expect.poll(async () => (await problems(page)).filter(p => !before.includes(p)), DEADLINE)
            .toContain(`peru.coord:${typoLine} unresolved-reference`);

        // The quick fix offered on the finding ("did you mean"), from the problems list.
        const fix = page.locator(`#problems li[data-line="${typoLine}"][data-rule="unresolved-reference"] button.fix`, { hasText: "Change to 'playground_farmers'" });
        await fix.waitFor({ timeout: 30_000 });
        await fix.click();
        await expect.poll(async () => (await state(page)).files[0].text, DEADLINE).toContain('targets playground_farmers\n}');
        await expect.poll(async () => (await problems(page)).filter(p => p.endsWith('unresolved-reference')), DEADLINE).toEqual([]);
    }, 90_000);

    test('completion and hover come from the language server', async () => {
        await openExample(page, 'peru.coord');
        await page.click('.cm-content');
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('progr');
        await page.keyboard.press('Control+Space');
        const option = page.locator('.cm-tooltip-autocomplete li', { hasText: /^programme/ }).first();
        await option.waitFor({ timeout: 30_000 });
        await page.keyboard.press('Escape');

        // A reference in view (the editor renders only the lines in view): the last SoftSkills.
        const name = page.locator('.cm-line .tok-name', { hasText: /^SoftSkills$/ }).last();
        await name.hover();
        const hover = page.locator('.cm-tooltip-hover');
        await expect.poll(async () => (await hover.count()) > 0 ? hover.first().textContent() : '', DEADLINE)
            .toMatch(/SoftSkills/);
    }, 90_000);

    test('Format lays the file out as coord format does', async () => {
        const ugly = 'programme   Messy "Messy"{ country   Peru\n      sector productive }\n';
        const dir = mkdtempSync(join(tmpdir(), 'coord-playground-'));
        writeFileSync(join(dir, 'messy.coord'), ugly);
        execFileSync(process.execPath, [join(ROOT, 'bin/coord.js'), 'format', join(dir, 'messy.coord')], { cwd: ROOT, stdio: 'ignore' });
        const expected = readFileSync(join(dir, 'messy.coord'), 'utf8');
        expect(expected).not.toBe(ugly);

        await page.evaluate(text => (globalThis as unknown as { coordPlayground: { open(s: unknown): void } }).coordPlayground.open({ files: [{ name: 'messy.coord', text }], active: 0 }), ugly);
        await page.waitForSelector('body[data-ready="true"]');
        await page.click('#format');
        await expect.poll(async () => (await state(page)).files[0].text, DEADLINE).toBe(expected);
    }, 60_000);

    test('a shared link reopens the same files; downloads carry the text and the report', async () => {
        await openExample(page, '*');
        await page.click('#tabs .tab[data-file="mexico.coord"] .tab-label');
        const shared = await state(page);
        await page.click('#share');
        const link = await page.inputValue('#share-link');
        expect(link.startsWith(origin + 'index.html#files=')).toBe(true);
        expect(link).not.toContain('PROINPRO'); // compressed, not plain text

        const other = await browser.newPage();
        const otherLog = record(other);
        await other.goto(link);
        await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
        expect(await state(other)).toEqual(shared);
        await expect.poll(() => problems(other), DEADLINE).toEqual(cliFindings(EXAMPLES.map(e => `examples/${e}`)));
        expect(otherLog.errors).toEqual([]);
        expect(foreignRequests(otherLog, origin)).toEqual([]);
        await other.close();

        const [coordFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-coord')]);
        expect(coordFile.suggestedFilename()).toBe('mexico.coord');
        expect(readFileSync((await coordFile.path())!, 'utf8')).toBe(readFileSync(join(ROOT, 'examples/mexico.coord'), 'utf8'));
        const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
        expect(report.suggestedFilename()).toBe('effect-summary.html');
        const html = readFileSync((await report.path())!, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('Content-Security-Policy');
        expect(html).toContain('PROINPRO_PDPs');
    }, 90_000);

    test('a damaged link opens an example and says so', async () => {
        const other = await browser.newPage();
        const otherLog = record(other);
        await other.goto(origin + 'index.html#files=not-lz-at-all');
        await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
        expect((await state(other)).files.map(f => f.name)).toEqual(['peru.coord']);
        expect(await other.textContent('#status')).toContain('no readable Coord files');
        expect(otherLog.errors).toEqual([]);
        await other.close();
    }, 60_000);

    test('no console error, and every request stayed in the folder', () => {
        expect(log.errors).toEqual([]);
        expect(log.requests.length).toBeGreaterThan(2);
        expect(foreignRequests(log, origin)).toEqual([]);
    });
});

describe('the playground from a static server on 127.0.0.1', () => {
    test('diagnostics, summary and a shared link, with every request to that server', async () => {
        const { url, server, requests } = await serveStatic(PLAYGROUND);
        try {
            const page = await browser.newPage();
            const log = record(page);
            await page.goto(url);
            await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
            await expect.poll(() => problems(page), DEADLINE).toEqual(cliFindings(['examples/peru.coord']));
            await expect.poll(() => summaryText(page), DEADLINE).toMatch(/\d+ programmes/);
            await openExample(page, 'colombia.coord');
            await expect.poll(() => problems(page), DEADLINE).toEqual(cliFindings(['examples/colombia.coord']));
            await page.click('#share');
            const link = await page.inputValue('#share-link');
            const other = await browser.newPage();
            await other.goto(link);
            await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
            expect(await state(other)).toEqual(await state(page));
            await other.close();
            expect(log.errors).toEqual([]);
            expect(foreignRequests(log, url)).toEqual([]);
            expect(requests).toEqual(expect.arrayContaining(['/', '/playground.js', '/playground.css']));
            await page.close();
        } finally {
            server.close();
        }
    }, 90_000);
});
