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
}

const EXPORTS: ReadonlyArray<[SummaryExportFormat, string]> = [
    ['html', 'HTML'], ['md', 'Markdown'], ['csv', 'CSV'], ['svg', 'Network SVG'], ['forest', 'Forest plots SVG'],
];

function attr(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the webview. */
export function previewCsp(cspSource: string, nonce: string): string {
    return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource} data:; font-src ${cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export function previewShellHtml(o: ShellOptions): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>Effect summary</title>
</head>
<body>
<header class="toolbar">
<h1 id="title">Effect summary</h1>
<div class="actions">
<span class="scope" role="group" aria-label="Scope">
<button type="button" data-scope="workspace" aria-pressed="true">Workspace</button>
<button type="button" data-scope="file" aria-pressed="false">This file</button>
</span>
<span class="export" role="group" aria-label="Export">
${EXPORTS.map(([format, label]) => `<button type="button" data-export="${format}" title="Save the ${label === 'Network SVG' ? 'coordination network as SVG' : label === 'Forest plots SVG' ? 'forest plots as SVG' : `summary as ${label}`}">${label}</button>`).join('\n')}
</span>
</div>
</header>
<main id="root" aria-live="polite"><p class="loading">Computing the summary…</p></main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** Messages the webview may post; anything else is ignored. */
export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; uri: string; line: number }
    | { type: 'export'; format: SummaryExportFormat }
    | { type: 'scope'; scope: 'workspace' | 'file' };

const EXPORT_FORMATS: readonly string[] = ['html', 'md', 'csv', 'json', 'svg'];

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
            return only('type', 'format') && typeof m.format === 'string' && EXPORT_FORMATS.includes(m.format)
                ? { type: 'export', format: m.format as SummaryExportFormat } : undefined;
        case 'scope':
            return only('type', 'scope') && (m.scope === 'workspace' || m.scope === 'file') ? { type: 'scope', scope: m.scope } : undefined;
        default:
            return undefined;
    }
}

