/**
 * The HTML shell of the effect summary webview and the messages it may
 * exchange with the extension. Kept free of the `vscode` module so that tests
 * can check the shell's Content-Security-Policy and the message validation
 * without VS Code.
 *
 * The shell holds no user text: the summary arrives later as a message whose
 * HTML the core rendered with every user string escaped, and the policy
 * (`default-src 'none'`, one nonce script, styles only from the extension)
 * would keep any markup that slipped through inert anyway.
 */
import type { SummaryExportFormat } from '../shared/summary-messages.js';

export interface ShellOptions {
    /** `webview.cspSource`. */
    cspSource: string;
    /** A fresh random nonce for the one script. */
    nonce: string;
    scriptUri: string;
    styleUri: string;
    /** The display language (`vscode.env.language`), for `<html lang>`. */
    language?: string;
    /**
     * Translates an English text of the shell, with `{0}` placeholders (the
     * extension passes `vscode.l10n.t`; its bundles are l10n/bundle.l10n.*.json).
     */
    translate?: (message: string, ...args: string[]) => string;
    /** When VS Code handed a restored panel to the extension (ms since the epoch); the e2e run times the loading state from it. */
    restoredAt?: number;
}

/** English, `{0}`… filled in: the shell's texts when no translation is given. */
const english = (message: string, ...args: string[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');

/** Every user-facing string of the shell, in English; translated through `translate` (l10n/bundle.l10n.*.json). */
export const SHELL_TEXT = {
    title: 'Effect summary',
    scope: 'Scope',
    workspace: 'Workspace',
    file: 'This file',
    export: 'Export',
    exportTitle: 'Save the summary, the network or a forest plot',
    loading: 'Computing the summary…',
    loadingDetail: 'The language server is reading the workspace; the summary appears here as soon as it is ready.',
} as const;

/** The Export menu's fixed items (the forest plots are added per plot by the page's script). */
export const EXPORT_ITEMS: ReadonlyArray<[SummaryExportFormat, string]> = [
    ['html', 'HTML report'], ['md', 'Markdown'], ['csv', 'CSV'], ['svg', 'Network (SVG)'], ['forest', 'All forest plots (SVG)'],
];

function attr(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the webview. */
export function previewCsp(cspSource: string, nonce: string): string {
    return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource} data:; font-src ${cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export function previewShellHtml(o: ShellOptions): string {
    const l10n = o.translate ?? english;
    return `<!DOCTYPE html>
<html lang="${attr(o.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${attr(l10n(SHELL_TEXT.title))}</title>
</head>
<body${o.restoredAt !== undefined && Number.isFinite(o.restoredAt) ? ` data-restored-at="${Math.round(o.restoredAt)}"` : ''}>
<header class="toolbar">
<h1 id="title">${attr(l10n(SHELL_TEXT.title))}</h1>
<div class="actions">
<span class="scope" role="group" aria-label="${attr(l10n(SHELL_TEXT.scope))}">
<button type="button" data-scope="workspace" aria-pressed="true">${attr(l10n(SHELL_TEXT.workspace))}</button>
<button type="button" data-scope="file" aria-pressed="false">${attr(l10n(SHELL_TEXT.file))}</button>
</span>
<span class="export-menu">
<button type="button" id="export-button" aria-haspopup="menu" aria-expanded="false" aria-controls="export-list" title="${attr(l10n(SHELL_TEXT.exportTitle))}">${attr(l10n(SHELL_TEXT.export))} <span aria-hidden="true">▾</span></button>
<ul id="export-list" role="menu" aria-labelledby="export-button" hidden>
${EXPORT_ITEMS.map(([format, label]) => `<li role="none"><button type="button" role="menuitem" tabindex="-1" data-export="${format}">${attr(l10n(label))}</button></li>`).join('\n')}
</ul>
</span>
</div>
</header>
<main id="root" aria-live="polite" aria-busy="true"><div class="loading" role="status"><span class="spinner" aria-hidden="true"></span> <strong>${attr(l10n(SHELL_TEXT.loading))}</strong><p>${attr(l10n(SHELL_TEXT.loadingDetail))}</p></div></main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** Messages the webview may post; anything else is ignored. */
export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; uri: string; line: number }
    | { type: 'export'; format: SummaryExportFormat; index?: number }
    | { type: 'scope'; scope: 'workspace' | 'file' }
    | { type: 'insert'; snippet: InsertableSnippet };

/** The templates (keys of shared/declaration-snippets.ts) an empty state's *Insert* button may ask for. */
export type InsertableSnippet = 'effects' | 'coordination';
const INSERTABLE: readonly string[] = ['effects', 'coordination'];

const EXPORT_FORMATS: readonly string[] = ['html', 'md', 'csv', 'json', 'svg', 'forest'];

/** Validates a message from the webview; `undefined` for anything of another shape. */
export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
    const m = message as Record<string, unknown>;
    const keys = Object.keys(m);
    const only = (...allowed: string[]) => keys.every(k => allowed.includes(k));
    switch (m.type) {
        case 'ready':
            return only('type') ? { type: 'ready' } : undefined;
        case 'reveal':
            if (!only('type', 'uri', 'line')) return undefined;
            if (typeof m.uri !== 'string' || m.uri.length === 0 || m.uri.length > 4096) return undefined;
            if (typeof m.line !== 'number' || !Number.isInteger(m.line) || m.line < 1 || m.line > 10_000_000) return undefined;
            return { type: 'reveal', uri: m.uri, line: m.line };
        case 'export':
            if (!only('type', 'format', 'index') || typeof m.format !== 'string' || !EXPORT_FORMATS.includes(m.format)) return undefined;
            if (m.index === undefined) return { type: 'export', format: m.format as SummaryExportFormat };
            // One forest plot, by its index in the summary.
            return m.format === 'forest' && typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index < 100_000
                ? { type: 'export', format: 'forest', index: m.index } : undefined;
        case 'insert':
            return only('type', 'snippet') && typeof m.snippet === 'string' && INSERTABLE.includes(m.snippet)
                ? { type: 'insert', snippet: m.snippet as InsertableSnippet } : undefined;
        case 'scope':
            return only('type', 'scope') && (m.scope === 'workspace' || m.scope === 'file') ? { type: 'scope', scope: m.scope } : undefined;
        default:
            return undefined;
    }
}

