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

/**
 * The shell's own styles, inline (under the nonce) so that the first paint needs no resource: the page, the
 * toolbar, the buttons and the loading state. In VS Code a webview's resources are fetched through the webview's
 * service worker and the workbench, and the host keeps a new page hidden until its `load` event (or 200 ms); with
 * nothing to fetch before `load`, the loading state shows as soon as VS Code writes the page. The summary's own
 * styles (`dist/preview.css`) and the script (`dist/preview.js`) are requested by `LOADER` after `load`.
 */
export const SHELL_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background, #ffffff); padding: 0 16px 24px; line-height: 1.45; }
a { color: var(--vscode-textLink-foreground); }
.toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 8px; padding: 8px 0; background: var(--vscode-editor-background, #ffffff); border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h1 { font-size: 1.3em; margin: 0; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; }
.actions > span { display: inline-flex; gap: 4px; position: relative; }
button { font: inherit; cursor: pointer; padding: 2px 8px; color: var(--vscode-button-secondaryForeground);
  background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:focus-visible, [tabindex]:focus-visible, a:focus-visible, select:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
#export-list { position: absolute; right: 0; top: 100%; z-index: 10; margin: 2px 0 0; padding: 4px 0; list-style: none; min-width: 16em;
  background: var(--vscode-menu-background, var(--vscode-editorWidget-background, #f1f5f9)); color: var(--vscode-menu-foreground, var(--vscode-foreground));
  border: 1px solid var(--vscode-menu-border, var(--vscode-panel-border, #8884)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, #0004); }
#export-list[hidden] { display: none; }
#export-list button { display: block; width: 100%; text-align: left; border: 0; border-radius: 0; padding: 3px 12px; color: inherit; background: transparent; }
#export-list button:hover, #export-list button:focus { color: var(--vscode-menu-selectionForeground, inherit);
  background: var(--vscode-menu-selectionBackground, var(--vscode-list-hoverBackground)); }
.loading { padding: 1em 0; color: var(--vscode-descriptionForeground); }
.loading strong { color: var(--vscode-foreground); }
.spinner { display: inline-block; width: 12px; height: 12px; border: 2px solid var(--vscode-descriptionForeground); border-top-color: transparent;
  border-radius: 50%; animation: spin 1s linear infinite; vertical-align: -1px; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
`;

/**
 * The shell's one inline script: once the page has loaded (VS Code then shows it, with its loading state), it
 * adds the stylesheet and the script named by `data-style` and `data-script` on `<body>`; the script carries the
 * same nonce. Should `load` never come, a timer adds them anyway. The summary that VS Code may deliver before the
 * script runs is not lost: the script's first message (`ready`) asks for it again.
 */
export const LOADER = `(() => {
const body = document.body, nonce = document.currentScript.nonce;
let added = false;
const add = () => {
if (added) return;
added = true;
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = body.dataset.style;
document.head.appendChild(link);
const script = document.createElement('script');
script.nonce = nonce;
script.src = body.dataset.script;
body.appendChild(script);
};
if (document.readyState === 'complete') add();
else { window.addEventListener('load', add, { once: true }); setTimeout(add, 1000); }
})();`;

/** The Content-Security-Policy of the webview: styles from the extension and the nonce's, scripts only the nonce's. */
export function previewCsp(cspSource: string, nonce: string): string {
    return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; img-src ${cspSource} data:; font-src ${cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

/**
 * The page VS Code shows in the panel, set synchronously when the panel is created or handed back after a reload:
 * the toolbar and the loading state as static markup with their styles inline, so they show before any resource,
 * script or message; `LOADER` then brings in the summary's stylesheet and script.
 */
export function previewShellHtml(o: ShellOptions): string {
    const l10n = o.translate ?? english;
    const restored = o.restoredAt !== undefined && Number.isFinite(o.restoredAt) ? ` data-restored-at="${Math.round(o.restoredAt)}"` : '';
    return `<!DOCTYPE html>
<html lang="${attr(o.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${attr(o.nonce)}">${SHELL_CSS}</style>
<title>${attr(l10n(SHELL_TEXT.title))}</title>
</head>
<body${restored} data-style="${attr(o.styleUri)}" data-script="${attr(o.scriptUri)}">
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
<script nonce="${attr(o.nonce)}">${LOADER}</script>
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

