/**
 * The summary model → HTML, by structure (issue 16): the findings strip comes
 * first with code spans as `<code>`; the evidence gap map has outcomes by
 * domain × combinations by country and comparator, marks sized by sources and
 * marked by certainty in symbols and words, and *not measured* in every empty
 * cell; the coordination table puts Achieved and Findings next to the name
 * and leaves empty columns out; a syntax error gives the banner; empty
 * sections say what to write, with the same templates completion inserts.
 * Pages are parsed with parse5 and queried, never compared whole.
 */
import { DECLARATION_SNIPPETS } from '../../src/shared/declaration-snippets.js';
import { describe, expect, test } from 'vitest';
import { parseFragment } from 'parse5';
import { renderSummaryBody, inlineCode } from '../../src/analysis/summary-render/html.js';
import { renderSummaryMarkdown } from '../../src/analysis/summary-render/markdown.js';
import { escapeMarkdownCell } from '../../src/analysis/summary-render/escape.js';
import { evidenceMap, CERTAINTY_SYMBOL, MAP_TEXT } from '../../src/analysis/summary-render/evidence-map.js';
import { EMPTY_SNIPPETS, snippetText } from '../../src/analysis/summary-render/empty-states.js';
import { join } from 'node:path';
import { EXAMPLES, ROOT, readFolder, summarise } from './summary-helpers.js';
import { t, withLocale, type Locale } from '../../src/i18n/index.js';
import { countBySeverity } from '../../src/analysis/severity-counts.js';
import { countBySeverity as countBySeverityOfValidation } from '../../src/validation/finding-counts.js';

interface El {
    nodeName: string;
    tagName?: string;
    attrs?: Array<{ name: string; value: string }>;
    childNodes?: El[];
    value?: string;
}

function all(root: El, test: (e: El) => boolean): El[] {
    const out: El[] = [];
    const walk = (n: El) => {
        if (n.tagName && test(n)) out.push(n);
        n.childNodes?.forEach(walk);
    };
    walk(root);
    return out;
}
const attr = (e: El, name: string) => e.attrs?.find(a => a.name === name)?.value;
const hasClass = (name: string) => (e: El) => (attr(e, 'class') ?? '').split(/\s+/).includes(name);
const tag = (name: string) => (e: El) => e.tagName === name;
function text(e: El): string {
    if (e.nodeName === '#text') return e.value ?? '';
    return (e.childNodes ?? []).map(text).join('');
}
const one = (root: El, t: (e: El) => boolean) => {
    const found = all(root, t);
    expect(found.length, 'exactly one element').toBe(1);
    return found[0];
};

async function examplesPage(interactive = false): Promise<El> {
    const { summary } = await summarise(readFolder(EXAMPLES));
    return parseFragment(renderSummaryBody(summary, { interactive })) as unknown as El;
}

describe('the page of the examples', () => {
    test('opens with the findings strip: one line per arrangement with findings, most severe message first, code spans as <code>', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const page = parseFragment(renderSummaryBody(summary)) as unknown as El;
        const sections = all(page, tag('section'));
        expect(attr(sections[0], 'class')).toBe('findings-strip');
        const items = all(sections[0], hasClass('strip-item'));
        const withFindings = summary.coordinations.filter(c => c.findings.length > 0);
        expect(items.map(i => text(one(i, hasClass('name'))))).toEqual(withFindings.map(c => c.name));
        for (const [i, c] of withFindings.entries()) {
            const item = items[i];
            // Its link goes to its row of the coordination table.
            const href = attr(one(item, hasClass('name')), 'href')!;
            expect(href).toMatch(/^#coordination-\d+$/);
            expect(summary.coordinations[Number(href.slice('#coordination-'.length))].name).toBe(c.name);
            expect(text(one(item, hasClass('country')))).toBe(c.countries.join(', '));
            expect(text(one(item, hasClass('achieved')))).toBe(c.achieved ? `${c.achieved} coordination` : 'level not stated');
            const warnings = c.findings.filter(f => f.severity === 'warning').length;
            if (warnings > 0) expect(text(one(item, e => hasClass('severity')(e) && hasClass('warning')(e)))).toContain(`${warnings} warning`);
            // The first message is of the most severe finding; its backticks became <code>.
            const message = one(item, hasClass('first-message'));
            const worst = ['error', 'warning', 'info', 'hint'].find(s => c.findings.some(f => f.severity === s));
            const first = c.findings.find(f => f.severity === worst)!;
            expect(text(message)).toBe(`${first.rule} (line ${first.line}): ${first.message.replace(/`/g, '')}`);
            expect(text(message)).not.toContain('`');
            expect(all(message, tag('code')).length).toBe((first.message.match(/`/g) ?? []).length / 2);
        }
    });

    test('the strip counts findings by severity with the counter the CLI and the code lens use, most severe first', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const target = summary.coordinations.find(c => c.findings.length > 0)!;
        const base = target.findings[0];
        target.findings = [
            { ...base, severity: 'hint' }, { ...base, severity: 'warning' }, { ...base, severity: 'error' }, { ...base, severity: 'warning' },
        ];
        const page = parseFragment(renderSummaryBody(summary)) as unknown as El;
        const item = all(page, hasClass('strip-item')).find(i => text(one(i, hasClass('name'))) === target.name)!;
        const shown = all(item, e => hasClass('severity')(e)).map(e => [attr(e, 'class'), text(e).trim()]);
        expect(shown).toEqual([['severity error', '✗ 1 error'], ['severity warning', '⚠ 2 warnings'], ['severity hint', '✎ 1 hint']]);
        // One counter: the CLI's and the lens's (validation/finding-counts.ts) is the summary's (analysis/severity-counts.ts).
        expect(countBySeverityOfValidation).toBe(countBySeverity);
        expect(countBySeverity(target.findings.map(f => f.severity))).toEqual({ error: 1, warning: 2, info: 0, hint: 1 });
    });

    test('an effect whose cell has no source says "no source" in the page and the Markdown report, in every language, never "0 sources"', async () => {
        const { summary } = await summarise(readFolder(join(ROOT, 'test/fixtures/summary/brief')));
        expect(summary.effects.some(e => e.sources === 0), 'the brief\'s workspace has unsourced effects').toBe(true);
        const words = { en: ['no source', /\b0 sources\b/], es: ['sin fuente', /\b0 fuentes\b/], 'pt-BR': ['sem fonte', /\b0 fontes\b/] } as const;
        for (const [locale, [none, zero]] of Object.entries(words)) {
            withLocale(locale as Locale, () => {
                expect(t('report.count.source', { count: 0 }), 'the same words as an effect without a source').toBe(t('report.no-source'));
                for (const page of [renderSummaryBody(summary), renderSummaryMarkdown(summary)]) {
                    expect(page).toContain(none);
                    expect(page).not.toMatch(zero);
                }
            });
        }
    });

    test('the evidence gap map: outcome rows by domain, combination columns by country and comparator, a mark per cell', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const map = evidenceMap(summary);
        const page = parseFragment(renderSummaryBody(summary)) as unknown as El;
        const table = one(page, e => e.tagName === 'table' && hasClass('gap-map')(e));
        // Header: the country groups span their columns, in the model's order; the comparator shows in the label.
        const groups = all(table, e => e.tagName === 'th' && hasClass('group')(e));
        expect(groups.map(g => [text(g), Number(attr(g, 'colspan'))])).toEqual(map.groups.map(g => [g.label, g.span]));
        expect(map.groups.map(g => g.label)).toEqual(expect.arrayContaining(['Colombia', 'Peru']));
        const columns = all(table, e => e.tagName === 'th' && hasClass('combination')(e)).map(text);
        expect(columns).toContain('HakuWinay + SoftSkills vs HakuWinay');
        expect(columns).toContain('FEST + UNIDOS');
        // A column's group is the country of its programmes.
        const peru = map.columns.find(c => c.programmes === 'HakuWinay+SoftSkills')!;
        expect(peru.group).toBe('Peru');
        // Rows: one per outcome, under its domain's heading, in the matrix's domain order.
        const domainRows = all(table, e => e.tagName === 'tr' && hasClass('domain')(e)).map(text);
        const matrixOrder = summary.matrix.rows.map(r => r.title);
        expect(domainRows).toEqual(matrixOrder.filter(t => domainRows.includes(t)));
        const outcomes = all(table, e => e.tagName === 'th' && hasClass('outcome')(e)).map(text);
        expect(new Set(outcomes).size).toBe(outcomes.length);
        expect(outcomes.length).toBe(new Set(summary.cells.map(c => `${c.domain}|${c.outcome}`)).size);
        // Every body cell is either marks or "not measured"; never blank.
        const cells = all(table, e => e.tagName === 'td');
        expect(cells.length).toBe(outcomes.length * columns.length);
        for (const td of cells) {
            const entries = all(td, hasClass('entry'));
            if (entries.length === 0) {
                expect(hasClass('not-measured')(td)).toBe(true);
                expect(text(td)).toBe(MAP_TEXT.notMeasured);
            }
        }
        expect(cells.filter(hasClass('not-measured')).length).toBeGreaterThan(0);
        // Marks: one per summary cell; certainty as a class, GRADE symbols and the word; size by sources.
        const entries = all(table, hasClass('entry'));
        expect(entries.length).toBe(summary.cells.length);
        for (const [i, e] of entries.entries()) {
            const level = attr(e, 'data-certainty')!;
            expect(hasClass(`cert-${level}`)(e)).toBe(true);
            expect(text(one(e, hasClass('cert')))).toBe(`${CERTAINTY_SYMBOL[level as 'low']} ${level.replace('-', ' ')}`);
            void i;
        }
        // Sized by sources: the fictional example has a cell with three or more sources.
        const big = summary.cells.find(c => c.sources >= 3);
        expect(big).toBeDefined();
        expect(entries.some(hasClass('size-3'))).toBe(true);
        expect(entries.some(hasClass('size-1'))).toBe(true);
        // Direction and desirability: the signs of Colombia's severe food insecurity (− ✓).
        const sign = entries.map(e => text(one(e, hasClass('signs'))));
        expect(sign).toContain('−✓');
    });

    test('filters are the preview\'s only: country, design, certainty and subgroup, with the values the map holds', async () => {
        expect(all(await examplesPage(false), tag('select'))).toEqual([]);
        const page = await examplesPage(true);
        const selects = all(page, tag('select'));
        expect(selects.map(s => attr(s, 'data-filter'))).toEqual(['country', 'design', 'certainty', 'subgroup']);
        const values = (name: string) => all(selects.find(s => attr(s, 'data-filter') === name)!, tag('option')).map(o => attr(o, 'value'));
        expect(values('country')).toEqual(expect.arrayContaining(['', 'Colombia', 'Peru']));
        expect(values('design')).toEqual(expect.arrayContaining(['', 'rct']));
        expect(values('subgroup')[1]).toBe(MAP_TEXT.wholePopulation);
        expect(values('subgroup').length).toBeGreaterThan(2);
    });

    test('the coordination table: the name first, then Achieved and Findings, and no column empty in every row', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const page = parseFragment(renderSummaryBody(summary)) as unknown as El;
        const table = one(page, e => e.tagName === 'table' && hasClass('coordination-table')(e));
        const headers = all(all(table, tag('thead'))[0], tag('th')).map(text);
        expect(headers.slice(0, 3)).toEqual(['Coordination', 'Achieved', 'Findings']);
        const rows = all(all(table, tag('tbody'))[0], tag('tr'));
        expect(rows.length).toBe(summary.coordinations.length);
        for (let column = 1; column < headers.length; column++) {
            if (headers[column] === 'Achieved' || headers[column] === 'Findings') continue;
            expect(rows.some(r => text(all(r, e => e.tagName === 'td' || e.tagName === 'th')[column]).trim() !== ''), `column ${headers[column]} is empty`).toBe(true);
        }
        // The examples declare no Regional agreement anywhere: that column is left out.
        expect(summary.coordinations.every(c => c.agreements.regional.length === 0)).toBe(true);
        expect(headers).not.toContain('Regional');
    });

    test('sections come in order: banner (when any), findings, counts, map, forest plots, evidence, network, coordination', async () => {
        const page = await examplesPage();
        const ids = all(page, tag('section')).map(s => attr(s, 'id') ?? attr(s, 'class'));
        expect(ids.slice(0, 7)).toEqual(['findings', 'counts', 'evidence-map', 'forest', 'evidence', 'network', 'coordinations']);
        // The contents link to every section that follows.
        const links = all(one(page, tag('nav')), tag('a')).map(a => attr(a, 'href')!.slice(1));
        for (const id of links) expect(ids).toContain(id);
    });
});

describe('states', () => {
    test('a file with a syntax error gives the "summary incomplete" banner, first on the page, naming the file and line', async () => {
        const { summary } = await summarise({
            'good.coord': 'programme A "A" { country Peru sector productive }\n',
            'broken.coord': 'programme B "B" { country Peru sector productive }\n\ncoordination C {\n  between A, B\n  achieved \n}\n',
        });
        expect(summary.syntaxErrors).toHaveLength(1);
        // The mistake is reported where `achieved` lacks its level, at the end of line 5.
        expect(summary.syntaxErrors[0]).toMatchObject({ file: 'broken.coord', line: 5, count: 1 });
        for (const interactive of [false, true]) {
            const page = parseFragment(renderSummaryBody(summary, { interactive })) as unknown as El;
            const first = all(page, tag('section'))[0];
            expect(hasClass('banner')(first) && attr(first, 'role') === 'alert').toBe(true);
            expect(text(first)).toContain('Summary incomplete');
            expect(text(first)).toContain('broken.coord:5');
            expect(all(first, tag('code')).map(text)).toContain('achieved');
            const link = all(first, tag('a'));
            // The preview links to the line; the report links nowhere outside itself.
            if (interactive) expect(attr(link[0], 'data-line')).toBe('5');
            else expect(link).toEqual([]);
        }
    });

    test('the Markdown report opens with the same note', async () => {
        const { summary } = await summarise({ 'broken.coord': 'coordination C {\n  achieved \n}\n' });
        const markdown = renderSummaryMarkdown(summary);
        expect(markdown.split('\n').slice(2, 4)).toEqual(['> **Summary incomplete**: a file has syntax errors.', `> - broken.coord:2: ${escapeMarkdownCell(summary.syntaxErrors[0].message)}`]);
    });

    test('no banner when every file parses', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        expect(summary.syntaxErrors).toEqual([]);
        expect(renderSummaryBody(summary)).not.toContain('Summary incomplete');
    });

    test('an empty workspace says what to write, with the snippet to insert (a button in the preview)', async () => {
        const { summary } = await summarise({ 'a.coord': 'programme A "A" { country Peru sector productive }\n' });
        const report = parseFragment(renderSummaryBody(summary)) as unknown as El;
        const states = all(report, hasClass('empty-state'));
        expect(states.map(s => text(all(s, tag('code'))[0]))).toEqual([snippetText(EMPTY_SNIPPETS.effects), snippetText(EMPTY_SNIPPETS.coordination)]);
        expect(all(report, tag('button'))).toEqual([]);
        const preview = parseFragment(renderSummaryBody(summary, { interactive: true })) as unknown as El;
        expect(all(preview, tag('button')).map(b => attr(b, 'data-insert'))).toEqual(['effects', 'coordination']);
        // No map cell pretends to be empty data: there is no map at all.
        expect(all(preview, e => e.tagName === 'table' && hasClass('gap-map')(e))).toEqual([]);
    });

    test('the empty states\' snippets are the declaration templates completion inserts, and read as plain text with their defaults', () => {
        for (const [name, body] of Object.entries(EMPTY_SNIPPETS)) expect(body).toEqual(DECLARATION_SNIPPETS[name].body);
        expect(snippetText(EMPTY_SNIPPETS.effects)).toBe('effects of PROGRAMME_A + PROGRAMME_B from Eval {\n  + outcome\n}');
    });
});

describe('inline code', () => {
    test.each([
        ['the `local` block', 'the <code>local</code> block'],
        ['`a` and `b`', '<code>a</code> and <code>b</code>'],
        ['an unpaired ` stays', 'an unpaired ` stays'],
        ['`<b>x</b>`', '<code>&lt;b&gt;x&lt;/b&gt;</code>'],
    ])('%j', (input, html) => {
        expect(inlineCode(input)).toBe(html);
    });
});
