/**
 * The script of the effect summary webview (bundled by esbuild to
 * `dist/preview.js`, an IIFE for the browser; no `node:` import, so the
 * browser build of the extension can use it as is). It shows the summary HTML
 * that the language server rendered (every user string already escaped; the
 * page's Content-Security-Policy allows no other script and no inline
 * handler) and makes it interactive:
 *
 * - clicks and Enter on marked elements reveal their source line;
 * - the evidence map's filters (country, design, certainty, subgroup) hide
 *   columns and marks, and say so in a cell left empty by them;
 * - the network fits the width and zooms and pans (buttons, drag, keys),
 *   and highlights a node's neighbours on hover or focus;
 * - the *Export* menu (a menu button, keyboard-usable) lists the formats and
 *   each forest plot;
 * - an empty state's *Insert* button asks the extension to insert its snippet;
 * - `cursor` messages scroll to the entry of the declaration under the editor's
 *   cursor (as the Markdown preview does).
 *
 * Filters, zoom and scroll survive the re-renders that follow every edit.
 * It ignores any message that is not of the expected shape.
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
    | { type: 'error'; message: string }
    | { type: 'cursor'; uri: string; line: number };

/** The words the script adds to the page (English when the page gives none; the server's page carries them in the user's language). */
const TEXT = {
    forestItem: (title: string) => `Forest plot: ${title} (SVG)`,
};

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
    if (m.type === 'cursor' && typeof m.uri === 'string' && typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1) {
        return { type: 'cursor', uri: m.uri, line: m.line };
    }
    return undefined;
}

function setScope(scope: Scope): void {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-scope]')) {
        button.setAttribute('aria-pressed', String(button.dataset.scope === scope));
    }
}

// ---- Filters of the evidence map -------------------------------------------------------------

const filters: Record<string, string> = {};

function listAttr(element: Element, name: string): string[] {
    try {
        const value = JSON.parse(element.getAttribute(name) ?? '[]') as unknown;
        return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
        return [];
    }
}

function applyFilters(): void {
    const country = filters.country ?? '';
    const design = filters.design ?? '';
    const certainty = filters.certainty ?? '';
    const subgroup = filters.subgroup ?? '';
    const columnShown = (element: Element) => country === '' || listAttr(element, 'data-countries').includes(country);
    for (const th of root.querySelectorAll('table.gap-map thead th[data-countries]')) (th as HTMLElement).hidden = !columnShown(th);
    for (const td of root.querySelectorAll<HTMLElement>('table.gap-map td[data-col]')) {
        td.hidden = !columnShown(td);
        const entries = [...td.querySelectorAll<HTMLElement>('.entry')];
        for (const entry of entries) {
            entry.hidden = (certainty !== '' && entry.dataset.certainty !== certainty)
                || (subgroup !== '' && entry.dataset.subgroup !== subgroup)
                || (design !== '' && !listAttr(entry, 'data-design').includes(design));
        }
        const note = td.querySelector<HTMLElement>('.filtered');
        if (note) note.hidden = entries.length === 0 || entries.some(e => !e.hidden);
    }
    // A domain's heading spans the columns still shown.
    const shown = root.querySelectorAll('table.gap-map thead th.combination:not([hidden])').length;
    for (const th of root.querySelectorAll<HTMLTableCellElement>('table.gap-map tr.domain th')) th.colSpan = shown + 1;
    for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
        const value = filters[select.dataset.filter ?? ''] ?? '';
        if ([...select.options].some(o => o.value === value)) select.value = value;
    }
}

root.addEventListener('change', event => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (!select?.dataset.filter) return;
    filters[select.dataset.filter] = select.value;
    applyFilters();
});

// ---- The network: fit, zoom, pan, neighbours -------------------------------------------------

interface View { x: number; y: number; width: number; height: number }
let zoom: { scale: number; cx: number; cy: number } | undefined;

function network(): { svg: SVGSVGElement; full: View } | undefined {
    const svg = root.querySelector<SVGSVGElement>('svg.coord-network');
    if (!svg) return undefined;
    const full = (svg.dataset.full ?? svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
    if (full.length !== 4 || full.some(n => !Number.isFinite(n))) return undefined;
    svg.dataset.full = full.join(' ');
    return { svg, full: { x: full[0], y: full[1], width: full[2], height: full[3] } };
}

function applyZoom(): void {
    const n = network();
    if (!n) return;
    const { svg, full } = n;
    if (!zoom || zoom.scale <= 1) {
        zoom = undefined;
        svg.setAttribute('viewBox', `${full.x} ${full.y} ${full.width} ${full.height}`);
        return;
    }
    const width = full.width / zoom.scale, height = full.height / zoom.scale;
    zoom.cx = Math.min(Math.max(zoom.cx, full.x + width / 2), full.x + full.width - width / 2);
    zoom.cy = Math.min(Math.max(zoom.cy, full.y + height / 2), full.y + full.height - height / 2);
    svg.setAttribute('viewBox', `${zoom.cx - width / 2} ${zoom.cy - height / 2} ${width} ${height}`);
}

function zoomBy(factor: number): void {
    const n = network();
    if (!n) return;
    const scale = Math.min(Math.max((zoom?.scale ?? 1) * factor, 1), 8);
    zoom = { scale, cx: zoom?.cx ?? n.full.x + n.full.width / 2, cy: zoom?.cy ?? n.full.y + n.full.height / 2 };
    applyZoom();
}

function panBy(dx: number, dy: number): void {
    const n = network();
    if (!n || !zoom) return;
    zoom.cx += (dx * n.full.width) / zoom.scale;
    zoom.cy += (dy * n.full.height) / zoom.scale;
    applyZoom();
}

root.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-zoom]') : null;
    if (!button) return;
    if (button.dataset.zoom === 'in') zoomBy(1.5);
    else if (button.dataset.zoom === 'out') zoomBy(1 / 1.5);
    else {
        zoom = undefined;
        applyZoom();
    }
});

root.addEventListener('keydown', event => {
    const view = event.target instanceof Element ? event.target.closest('.network-view') : null;
    if (!view || event.target !== view) return;
    const step = 0.1;
    const actions: Record<string, () => void> = {
        '+': () => zoomBy(1.5), '=': () => zoomBy(1.5), '-': () => zoomBy(1 / 1.5), '0': () => { zoom = undefined; applyZoom(); },
        ArrowLeft: () => panBy(-step, 0), ArrowRight: () => panBy(step, 0), ArrowUp: () => panBy(0, -step), ArrowDown: () => panBy(0, step),
    };
    const action = actions[event.key];
    if (action) {
        action();
        event.preventDefault();
    }
});

let drag: { x: number; y: number; moved: boolean } | undefined;
root.addEventListener('pointerdown', event => {
    if (!zoom || !(event.target instanceof Element) || !event.target.closest('svg.coord-network')) return;
    drag = { x: event.clientX, y: event.clientY, moved: false };
});
root.addEventListener('pointermove', event => {
    const n = network();
    if (!drag || !n || !zoom) return;
    const rect = n.svg.getBoundingClientRect();
    const dx = (drag.x - event.clientX) / rect.width, dy = (drag.y - event.clientY) / rect.height;
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 3) drag.moved = true;
    zoom.cx += (dx * n.full.width) / zoom.scale;
    zoom.cy += (dy * n.full.height) / zoom.scale;
    drag.x = event.clientX;
    drag.y = event.clientY;
    applyZoom();
});
window.addEventListener('pointerup', () => {
    // A drag that moved is not a click on the node under the pointer.
    if (drag?.moved) setTimeout(() => { drag = undefined; }, 0);
    else drag = undefined;
});

function highlight(node: Element | null): void {
    const svg = root.querySelector('svg.coord-network');
    if (!svg) return;
    for (const el of svg.querySelectorAll('.highlight')) el.classList.remove('highlight');
    svg.classList.toggle('dimmed', node !== null);
    if (!node) return;
    const id = node.getAttribute('data-id') ?? '';
    node.classList.add('highlight');
    for (const other of (node.getAttribute('data-neighbours') ?? '').split(' ').filter(Boolean)) {
        svg.querySelector(`g.node[data-id="${CSS.escape(other)}"]`)?.classList.add('highlight');
    }
    for (const edge of svg.querySelectorAll('g.edge[data-ends]')) {
        if ((edge.getAttribute('data-ends') ?? '').split(' ').includes(id)) edge.classList.add('highlight');
    }
}
const nodeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('svg.coord-network g.node') : null);
root.addEventListener('mouseover', event => highlight(nodeOf(event.target)));
root.addEventListener('focusin', event => highlight(nodeOf(event.target)));
root.addEventListener('mouseleave', () => highlight(null));

// ---- Reveal, insert ---------------------------------------------------------------------------

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
    if (drag?.moved) return;
    const insert = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-insert]') : null;
    if (insert) {
        vscode.postMessage({ type: 'insert', snippet: insert.dataset.insert });
        return;
    }
    if (revealFrom(event.target)) event.preventDefault();
});
root.addEventListener('keydown', event => {
    if ((event.key === 'Enter' || event.key === ' ') && !(event.target instanceof HTMLAnchorElement && event.key === ' ') && revealFrom(event.target)) event.preventDefault();
});

// ---- Scroll sync ---------------------------------------------------------------------------------

function showEntry(uri: string, line: number): void {
    let best: HTMLElement | undefined;
    let bestLine = 0;
    for (const element of root.querySelectorAll<HTMLElement>('[data-sync][data-uri][data-line]')) {
        if (element.getAttribute('data-uri') !== uri) continue;
        const at = Number(element.getAttribute('data-line'));
        if (at <= line && at > bestLine) {
            best = element;
            bestLine = at;
        }
    }
    for (const old of root.querySelectorAll('.synced')) old.classList.remove('synced');
    if (!best) return;
    best.classList.add('synced');
    best.scrollIntoView({ block: 'center', inline: 'nearest' });
}

// ---- The Export menu --------------------------------------------------------------------------

const exportButton = document.getElementById('export-button') as HTMLButtonElement | null;
const exportList = document.getElementById('export-list') as HTMLUListElement | null;

function menuItems(): HTMLButtonElement[] {
    return exportList ? [...exportList.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]')] : [];
}

function openMenu(open: boolean, focusFirst = true): void {
    if (!exportButton || !exportList) return;
    exportList.hidden = !open;
    exportButton.setAttribute('aria-expanded', String(open));
    if (open && focusFirst) menuItems()[0]?.focus();
}

/** One menu item per forest plot on the page, after the fixed items. */
function refreshForestItems(): void {
    if (!exportList) return;
    for (const old of exportList.querySelectorAll('li[data-forest-item]')) old.remove();
    for (const figure of root.querySelectorAll<HTMLElement>('figure[data-forest]')) {
        const index = Number(figure.dataset.forest);
        const heading = figure.querySelector('svg.forest-plot text.heading')?.textContent ?? String(index + 1);
        const li = document.createElement('li');
        li.setAttribute('role', 'none');
        li.dataset.forestItem = '';
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('role', 'menuitem');
        button.tabIndex = -1;
        button.dataset.export = 'forest';
        button.dataset.index = String(index);
        // The page says it in the user's language (`data-export-label`, from the message catalogue).
        button.textContent = figure.dataset.exportLabel || TEXT.forestItem(heading);
        li.append(button);
        exportList.append(li);
    }
}

exportButton?.addEventListener('click', () => openMenu(exportList?.hidden ?? false));
exportButton?.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        openMenu(true);
        if (event.key === 'ArrowUp') menuItems().at(-1)?.focus();
        event.preventDefault();
    }
});
exportList?.addEventListener('keydown', event => {
    const items = menuItems();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
        openMenu(false);
        if (event.key === 'Escape') exportButton?.focus();
        return;
    } else return;
    event.preventDefault();
});
exportList?.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-export]') : null;
    if (!button) return;
    const format = button.dataset.export as SummaryExportFormat;
    if (!EXPORTS.includes(format)) return;
    const index = button.dataset.index !== undefined ? Number(button.dataset.index) : undefined;
    vscode.postMessage(index !== undefined && Number.isInteger(index) ? { type: 'export', format, index } : { type: 'export', format });
    openMenu(false);
    exportButton?.focus();
});
document.addEventListener('click', event => {
    if (exportList && !exportList.hidden && event.target instanceof Node && !exportList.parentElement?.contains(event.target)) openMenu(false, false);
});

// ---- Messages ---------------------------------------------------------------------------------

window.addEventListener('message', event => {
    const message = parseIncoming(event.data);
    if (!message) return;
    if (message.type === 'cursor') {
        showEntry(message.uri, message.line);
        return;
    }
    root.setAttribute('aria-busy', 'false');
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
    applyFilters();
    applyZoom();
    refreshForestItems();
    // Kept by VS Code, and handed back to the extension when it restores the preview after a reload.
    vscode.setState({ scope: message.scope, ...(message.source ? { source: message.source } : {}) });
});

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
