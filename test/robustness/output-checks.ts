/**
 * Checks that a report is well-formed and inert, by parsing it as its
 * consumer would: HTML with parse5 (no script, no event handler, no
 * `javascript:` URL, no element the renderer did not write), CSV per RFC 4180
 * with csv-parse (a fixed number of fields per row, no cell a spreadsheet runs), Markdown tables (a fixed number of cells
 * per row), XML with fast-xml-parser, JSON with JSON.parse.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsvStrict } from 'csv-parse/sync';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SCRIPTING = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'img', 'audio', 'video', 'source']);

/** Parses an HTML document; throws when it holds anything that could run or load, returns its text content. */
export function checkHtml(html: string, allowed: { elements?: ReadonlySet<string> } = {}): { text: string; elements: Set<string> } {
    const errors: string[] = [];
    const document = parse(html, { onParseError: e => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    // Control characters in text are reported by parse5 but stay text; anything else is malformed markup.
    const serious = errors.filter(e => !/^(control-character-in-input-stream|noncharacter-in-input-stream|surrogate-in-input-stream|unexpected-null-character)/.test(e));
    if (serious.length > 0) throw new Error(`HTML parse errors: ${serious.slice(0, 5).join(', ')}`);
    const elements = new Set<string>();
    let text = '';
    const visit = (node: Node, inHead: boolean) => {
        if (node.nodeName === '#text') {
            text += (node as DefaultTreeAdapterMap['textNode']).value;
            return;
        }
        if ('tagName' in node) {
            const el = node as Element;
            elements.add(el.tagName);
            const headMeta = inHead && (el.tagName === 'meta' || el.tagName === 'style' || el.tagName === 'title');
            if (SCRIPTING.has(el.tagName) && !headMeta && !allowed.elements?.has(el.tagName)) {
                throw new Error(`HTML holds a <${el.tagName}> element`);
            }
            for (const attr of el.attrs) {
                if (/^on/i.test(attr.name)) throw new Error(`HTML holds an event handler attribute ${attr.name} on <${el.tagName}>`);
                if (/^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value) && /href|src|action|formaction|xlink:href/i.test(attr.name)) {
                    throw new Error(`HTML holds a script URL in ${attr.name}`);
                }
            }
        }
        const children = 'childNodes' in node ? (node.childNodes as Node[]) : [];
        for (const child of children) visit(child, inHead || node.nodeName === 'head');
        if (node.nodeName === 'template') {
            const content = (node as DefaultTreeAdapterMap['template']).content;
            for (const child of content.childNodes as Node[]) visit(child, inHead);
        }
    };
    visit(document as unknown as Node, false);
    return { text, elements };
}

/** Parses CSV per RFC 4180 with csv-parse (strict: no loose quotes, equal row lengths); throws on a malformed field. */
export function parseCsv(csv: string): string[][] {
    return parseCsvStrict(csv, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false, bom: false }) as string[][];
}

/** What a spreadsheet runs as a formula: a cell that starts with one of these (OWASP's CSV injection list). */
export const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks that every row of a CSV has as many fields as its header, and that no
 * text cell would run as a formula in a spreadsheet (a `direction` column's
 * `+`, `-` and `~` and plain numbers aside); returns the rows without the header.
 */
export function checkCsv(csv: string, header: readonly string[]): string[][] {
    const rows = parseCsv(csv);
    if (rows.length === 0 || rows[0].join(',') !== header.join(',')) throw new Error(`CSV header is ${JSON.stringify(rows[0])}`);
    const direction = header.indexOf('direction');
    for (const [i, r] of rows.entries()) {
        if (r.length !== header.length) throw new Error(`CSV row ${i + 1} has ${r.length} fields, not ${header.length}: ${JSON.stringify(r)}`);
        for (const [j, cell] of r.entries()) {
            if (j === direction && ['+', '-', '~'].includes(cell)) continue;
            if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) throw new Error(`CSV row ${i + 1}, ${header[j]}: a spreadsheet would run ${JSON.stringify(cell)} as a formula`);
        }
    }
    return rows.slice(1);
}

/** Cells of a Markdown table row, splitting on pipes that are not escaped. */
export function markdownCells(line: string): string[] {
    const cells: string[] = [];
    let cell = '';
    for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\' && i + 1 < line.length) { cell += line[i] + line[i + 1]; i++; continue; }
        if (line[i] === '|') { cells.push(cell); cell = ''; continue; }
        cell += line[i];
    }
    cells.push(cell);
    return cells;
}

/** Checks that every Markdown table has the same number of cells in each row, and that no raw HTML tag appears. */
export function checkMarkdown(md: string): void {
    const lines = md.split('\n');
    let width: number | undefined;
    for (const [i, line] of lines.entries()) {
        if (/[\r\u2028\u2029]/.test(line)) throw new Error(`Markdown line ${i + 1} holds a line break inside a line`);
        if (line.startsWith('|')) {
            const n = markdownCells(line).length;
            if (width === undefined) width = n;
            else if (n !== width) throw new Error(`Markdown table row at line ${i + 1} has ${n - 2} cells, not ${width - 2}: ${line}`);
        } else {
            width = undefined;
        }
        if (/<\s*(script|iframe|img|a|svg|style|object|embed)\b/i.test(line)) throw new Error(`Markdown line ${i + 1} holds raw HTML: ${line}`);
    }
}

/** Checks an XML document is well-formed; returns it parsed. */
export function checkXml(xml: string): unknown {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`XML is not well-formed: ${JSON.stringify(valid.err)}`);
    // XML 1.0 forbids most control characters, raw or as character references, and lone surrogates.
    for (const m of xml.matchAll(/&#(x?)([0-9a-f]+);/gi)) {
        const code = parseInt(m[2], m[1] ? 16 : 10);
        if (!xmlChar(code)) throw new Error(`XML holds a character reference XML 1.0 forbids: ${m[0]}`);
    }
    for (const ch of xml) {
        const code = ch.codePointAt(0)!;
        if (!xmlChar(code)) throw new Error(`XML holds a character XML 1.0 forbids: U+${code.toString(16).padStart(4, '0')}`);
    }
    return new XMLParser({ ignoreAttributes: false }).parse(xml);
}

/** Whether XML 1.0 allows a character (a lone surrogate, iterated alone, is not allowed). */
function xmlChar(code: number): boolean {
    return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
        || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
