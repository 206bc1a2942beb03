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
 * HTML, no emphasis, code or link syntax, no control character.
 */
export function escapeMarkdownCell(text: string | number): string {
    return escapeControls(String(text).replace(/[\r\n\u2028\u2029]+/g, ' '))
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

/**
 * Characters that drive a terminal or reorder text: C0 and C1 controls (ESC
 * starts the sequences that clear a screen or set a title), DEL, the Unicode
 * line and paragraph separators, and the bidirectional marks and overrides.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Shows every control character as a visible `\uXXXX` escape, for text printed to a terminal or a log. */
export function escapeControls(text: string): string {
    return text.replace(CONTROLS, ch => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Escapes user text for Markdown prose inside a line (a hover's title or
 * fact): the characters of links, images, autolinks (`:`, `@`, `.`), HTML tags
 * and entities, emphasis, code spans and tables get a backslash, so none can
 * form; line breaks become spaces and control characters `\uXXXX`.
 */
export function escapeMarkdownText(text: string): string {
    return escapeControls(text.replace(/[\r\n\u2028\u2029]+/g, ' ')).replace(/[\\`*_{}[\]()<>#!|~&:@.]/g, c => `\\${c}`);
}

/**
 * A line that starts with user text (a path, a name) and must not read as a
 * GitHub Actions workflow command: such a line starting with `::` gets `./` in
 * front (the same path). Control characters are escaped as well.
 */
export function safeLineStart(text: string): string {
    const visible = escapeControls(text);
    return /^\s*::/.test(visible) ? `./${visible}` : visible;
}
