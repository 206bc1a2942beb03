/**
 * The script of the effect summary webview (bundled by esbuild to
 * `dist/preview.js`, an IIFE for the browser). It shows the summary HTML that
 * the language server rendered (every user string already escaped; the page's
 * Content-Security-Policy allows no other script and no inline handler), and
 * turns clicks into messages for the extension: reveal a source line, export,
 * switch between the workspace and the active file. It ignores any message
 * that is not of the expected shape.
 */
import type { SummaryExportFormat } from '../src/shared/summary-messages.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Scope = 'workspace' | 'file';
type Incoming =
    | { type: 'summary'; title: string; html: string; scope: Scope; source?: string }
    | { type: 'error'; message: string };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const title = document.getElementById('title')!;
const EXPORTS: readonly string[] = ['html', 'md', 'csv', 'json', 'svg', 'forest'];

function parseIncoming(data: unknown): Incoming | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    const m = data as Record<string, unknown>;
    if (m.type === 'summary' && typeof m.title === 'string' && typeof m.html === 'string' && (m.scope === 'workspace' || m.scope === 'file')) {
        if (m.source !== undefined && typeof m.source !== 'string') return undefined;
        return { type: 'summary', title: m.title, html: m.html, scope: m.scope, ...(typeof m.source === 'string' ? { source: m.source } : {}) };
    }
    if (m.type === 'error' && typeof m.message === 'string') return { type: 'error', message: m.message };
    return undefined;
}

function setScope(scope: Scope): void {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-scope]')) {
        button.setAttribute('aria-pressed', String(button.dataset.scope === scope));
    }
}

window.addEventListener('message', event => {
    const message = parseIncoming(event.data);
    if (!message) return;
    if (message.type === 'error') {
        const p = document.createElement('p');
        p.className = 'error';
        p.textContent = message.message;
        root.replaceChildren(p);
        return;
    }
    title.textContent = message.title;
    setScope(message.scope);
    // The fragment comes from the core's HTML renderer, which escapes every user string.
    root.innerHTML = message.html;
    // Kept by VS Code, and handed back to the extension when it restores the preview after a reload.
    vscode.setState({ scope: message.scope, ...(message.source ? { source: message.source } : {}) });
});

function revealFrom(target: EventTarget | null): boolean {
    const element = target instanceof Element ? target.closest<HTMLElement | SVGElement>('[data-uri][data-line]') : null;
    if (!element) return false;
    const uri = element.getAttribute('data-uri') ?? '';
    const line = Number(element.getAttribute('data-line'));
    if (!uri || !Number.isInteger(line) || line < 1) return false;
    vscode.postMessage({ type: 'reveal', uri, line });
    return true;
}

root.addEventListener('click', event => {
    if (revealFrom(event.target)) event.preventDefault();
});
root.addEventListener('keydown', event => {
    if ((event.key === 'Enter' || event.key === ' ') && revealFrom(event.target)) event.preventDefault();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    button.addEventListener('click', () => {
        const format = button.dataset.export as SummaryExportFormat;
        if (EXPORTS.includes(format)) vscode.postMessage({ type: 'export', format });
    });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-scope]')) {
    button.addEventListener('click', () => {
        const scope = button.dataset.scope === 'file' ? 'file' : 'workspace';
        setScope(scope);
        vscode.postMessage({ type: 'scope', scope });
    });
}

const saved = vscode.getState() as { scope?: unknown } | undefined;
if (saved?.scope === 'file') {
    setScope('file');
    vscode.postMessage({ type: 'scope', scope: 'file' });
}
vscode.postMessage({ type: 'ready' });
