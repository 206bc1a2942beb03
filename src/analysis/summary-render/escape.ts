/**
 * Escaping for the summary renderers. Every string that comes from a user's
 * files goes through one of these before it reaches an HTML, SVG, Markdown or
 * CSV report, so a name or a note can never become markup or a new column.
 */

const HTML_ESCAPES: Record<string, string> = {
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
    '\u2028': '&#x2028;', '\u2029': '&#x2029;',
};

/** Escapes text for HTML and SVG content and for quoted attribute values. */
export function escapeHtml(text: string | number): string {
    return String(text).replace(/[&<>"'\u2028\u2029]/g, c => HTML_ESCAPES[c]);
}

/**
 * Escapes text for a Markdown table cell: no pipe, no line break, no inline
 * HTML, no emphasis, code or link syntax.
 */
export function escapeMarkdownCell(text: string | number): string {
    return String(text)
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/[\\|*_`[\]~]/g, c => `\\${c}`);
}

/** Quotes a CSV field per RFC 4180 when it holds a comma, a quote or a line break. */
export function csvField(text: string | number | undefined): string {
    const s = text === undefined ? '' : String(text);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as a spreadsheet reads it: `-3`, `+0.5`, `1e3`; such a cell is data, never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises a text cell that a spreadsheet (Excel, LibreOffice, Google
 * Sheets) would run as a formula — one that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return — by prefixing `'`, as OWASP recommends; plain
 * numbers are left as they are. Apply it to every user text in a table a
 * spreadsheet may open, before {@link csvField}.
 */
export function spreadsheetText(text: string): string {
    return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
