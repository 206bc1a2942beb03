/**
 * The summary renderers against hostile input: names, titles, notes and texts
 * that try to close a tag, open a script, add an event handler, break a
 * Markdown table or a CSV row, or smuggle U+2028. The HTML report, the
 * preview's fragment and the network SVG are parsed with a real HTML parser
 * (parse5) and must contain only the elements and attributes the renderer
 * writes; the Markdown must keep its table shape; the CSV must read back
 * field for field.
 */
import { describe, expect, test } from 'vitest';
import { parse, parseFragment } from 'parse5';
import { XMLValidator } from 'fast-xml-parser';
import type { Summary } from '../../src/analysis/summary.js';
import { renderSummaryBody, renderSummaryHtml, REPORT_CSS } from '../../src/analysis/summary-render/html.js';
import { renderSummaryMarkdown } from '../../src/analysis/summary-render/markdown.js';
import { CSV_COLUMNS, CSV_COLUMNS_V1, renderSummaryCsv } from '../../src/analysis/summary-render/csv.js';
import { renderSummaryJson } from '../../src/analysis/summary-render/json.js';
import { layoutNetwork, renderNetworkSvg } from '../../src/analysis/summary-render/network.js';
import { createHash } from 'node:crypto';
import { HOSTILE, summarise } from './summary-helpers.js';

/** The elements and attributes the renderers write; anything else came from the input. */
const ALLOWED_ELEMENTS = new Set([
    'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'section', 'p', 'div', 'table', 'thead', 'tbody',
    'tr', 'th', 'td', 'ul', 'li', 'span', 'dl', 'dt', 'dd', 'footer', 'main', 'svg', 'g', 'rect', 'text', 'path',
    // (v2) the synergy headings and the forest plots
    'h3', 'line', 'tspan',
    // (issue 16) in-page links, the contents, figures, code spans and snippets, the preview's controls
    'a', 'nav', 'figure', 'code', 'pre', 'strong', 'button', 'select', 'option', 'label',
]);
const ALLOWED_ATTRIBUTES = new Set([
    'charset', 'http-equiv', 'content', 'name', 'lang', 'class', 'id', 'title', 'scope', 'aria-label', 'aria-labelledby',
    'aria-hidden', 'data-uri', 'data-line', 'tabindex', 'role', 'xmlns', 'viewbox', 'width', 'height', 'font-family',
    'font-size', 'transform', 'x', 'y', 'rx', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'd', 'text-anchor',
    'font-weight', 'x1', 'x2', 'y1', 'y2', 'dy',
    // (issue 16) the evidence map, the network's hover and zoom, scroll sync, the empty states
    'href', 'colspan', 'rowspan', 'hidden', 'type', 'value', 'fill-opacity', 'data-sync', 'data-ends', 'data-id', 'data-neighbours',
    'data-col', 'data-countries', 'data-certainty', 'data-subgroup', 'data-design', 'data-forest', 'data-insert', 'data-zoom', 'data-filter',
]);

interface Node5 {
    nodeName: string;
    tagName?: string;
    attrs?: Array<{ name: string; value: string }>;
    childNodes?: Node5[];
    content?: Node5;
    value?: string;
}

function walk(node: Node5, visit: (n: Node5) => void): void {
    visit(node);
    for (const child of node.childNodes ?? []) walk(child, visit);
    if (node.content) walk(node.content, visit);
}

/** Asserts that parsed HTML holds only the renderer's own elements and attributes; returns its text. */
function expectInert(root: Node5): string {
    let text = '';
    walk(root, n => {
        if (n.tagName) {
            expect(ALLOWED_ELEMENTS, `unexpected element <${n.tagName}>`).toContain(n.tagName);
            for (const a of n.attrs ?? []) {
                expect(ALLOWED_ATTRIBUTES, `unexpected attribute ${a.name} on <${n.tagName}>`).toContain(a.name.toLowerCase());
                // No script URL where a URL is followed; a title or data attribute may quote the user's text (escaped, inert).
                if (/^(href|src|xlink:href|action|formaction|data-uri)$/i.test(a.name)) expect(a.value.toLowerCase()).not.toContain('javascript:');
                // Links stay inside the page.
                if (a.name === 'href') expect(a.value).toMatch(/^#[\w-]*$/);
            }
        }
        if (n.nodeName === '#text') text += n.value;
    });
    return text;
}

async function hostileSummary(): Promise<Summary> {
    return (await summarise({ 'evil.coord': HOSTILE }, { fileName: () => 'weird, "name" <b>.coord' })).summary;
}

describe('hostile input', () => {
    test('the workspace parses: every attack sits in a string', async () => {
        const summary = await hostileSummary();
        expect(summary.effects).toHaveLength(2);
        expect(summary.coordinations).toHaveLength(1);
    });

    test('the HTML report holds no injected element or attribute, and shows the strings as text', async () => {
        const summary = await hostileSummary();
        const svg = renderNetworkSvg(await layoutNetwork(summary));
        const html = renderSummaryHtml(summary, { title: '<script>alert("title")</script>', networkSvg: svg, generator: '<b>gen</b>' });
        const text = expectInert(parse(html) as unknown as Node5);
        expect(text).toContain('</script><img src=x onerror=alert(1)>');
        expect(text).toContain('<img src=x onerror=alert(7)>');
        expect(text).toContain('</td></tr></table><script>alert(8)</script>');
        expect(html).not.toMatch(/[\u2028\u2029]/);
        expect(html.match(/<script/gi)).toBeNull();
        expect(html.match(/<style/gi)).toHaveLength(1);
    });

    test('the preview fragment and its interactive network are inert too', async () => {
        const summary = await hostileSummary();
        const svg = renderNetworkSvg(await layoutNetwork(summary), { interactive: true });
        const fragment = renderSummaryBody(summary, { interactive: true, networkSvg: svg });
        expectInert(parseFragment(fragment) as unknown as Node5);
        // The note lives in the effect's tooltip, escaped.
        expect(fragment).toContain('&lt;/li&gt;&lt;script&gt;alert(10)&lt;/script&gt;');
        expect(fragment).toContain('data-uri="file:///ws/evil.coord"');
    });

    test('the network SVG is well-formed XML with the labels escaped', async () => {
        const summary = await hostileSummary();
        const svg = renderNetworkSvg(await layoutNetwork(summary), { title: '<x>&' });
        expect(XMLValidator.validate(svg)).toBe(true);
        expectInert(parseFragment(svg) as unknown as Node5);
        expect(svg).toContain('&lt;x&gt;&amp;');
    });

    test('the Markdown keeps its table shape and no raw HTML', async () => {
        const summary = await hostileSummary();
        const md = renderSummaryMarkdown(summary, '<h1>title</h1>');
        expect(md.replace(/<br>/g, '')).not.toContain('<');
        expect(md).not.toMatch(/[\u2028\u2029]/);
        const lines = md.split('\n');
        for (let i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith('| ---') && !lines[i].startsWith('| --- |')) continue;
            const columns = cells(lines[i]).length;
            for (let j = i - 1; j < lines.length && lines[j].startsWith('|'); j++) {
                expect(cells(lines[j]), lines[j]).toHaveLength(columns);
            }
        }
    });

    test('the CSV reads back field for field (RFC 4180)', async () => {
        const summary = await hostileSummary();
        const rows = parseCsv(renderSummaryCsv(summary));
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows.slice(1).map(r => r.slice(0, CSV_COLUMNS_V1.length))).toEqual(summary.effects.map(e => CSV_COLUMNS_V1.map(c => String(e[c]))));
        expect(rows.every(r => r.length === CSV_COLUMNS.length)).toBe(true);
        expect(rows[1][0]).toBe('weird, "name" <b>.coord');
    });

    test('the JSON is the summary itself', async () => {
        const summary = await hostileSummary();
        expect(JSON.parse(renderSummaryJson(summary, { name: 'coord', version: '1' }))).toEqual({ tool: { name: 'coord', version: '1' }, ...summary });
    });
});

describe('the network of an integrated programme (§8)', () => {
    test('carries both sectors in its classes and title, coloured by the first', async () => {
        const { summary } = await summarise(`programme I { country X sector productive, social-protection }
programme S { country X sector social-protection }
coordination C { between I, S }`);
        const network = await layoutNetwork(summary);
        expect(network.nodes.find(n => n.name === 'I')?.sectors).toEqual(['productive', 'social-protection']);
        const svg = renderNetworkSvg(network);
        expect(svg).toContain('<g class="node sector-productive sector-social-protection"');
        expect(svg).toContain('<title>I (productive, social protection)</title>');
        expect(svg).toContain('<g class="node sector-social-protection"');
    });
});

describe('the HTML report', () => {
    test('is self-contained: no script, no external resource, a strict CSP that allows its one stylesheet', async () => {
        const html = renderSummaryHtml((await summarise('')).summary);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
        expect(csp).toContain("default-src 'none'");
        const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
        expect(csp).toContain(`style-src 'sha256-${hash}'`);
        expect(html).toContain(`<style>${REPORT_CSS}</style>`);
        expect(html).not.toMatch(/\ssrc=/);
        // Only links within the page (the findings strip to the coordination table, the contents).
        expect([...html.matchAll(/\shref="([^"]*)"/g)].map(m => m[1]).filter(h => !/^#[\w-]+$/.test(h))).toEqual([]);
        expect(html).not.toMatch(/url\(/);
        expect(html).toContain('@media print');
    });
});

/** The cells of a Markdown table row, splitting on unescaped pipes. */
function cells(line: string): string[] {
    return line.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let i = 0;
    let quoted = false;
    while (i < text.length) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
            if (c === '"') { quoted = false; i++; continue; }
            field += c; i++; continue;
        }
        if (c === '"' && field === '') { quoted = true; i++; continue; }
        if (c === ',') { row.push(field); field = ''; i++; continue; }
        if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
        expect(c, `bare ${JSON.stringify(c)} at ${i}`).not.toMatch(/["\r\n]/);
        field += c; i++;
    }
    expect(field).toBe('');
    expect(row).toEqual([]);
    return rows;
}
