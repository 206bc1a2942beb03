/**
 * The Coord playground: CodeMirror 6 editors (one per file, as tabs) speaking
 * LSP (@codemirror/lsp-client) to the Coord language server in a web worker —
 * the same server as the web extension's (`src/lsp/browser-main.ts`), inlined
 * in this bundle and started from a Blob URL so that the page also works from
 * `file://`. Beside the editor, the effect summary that the server renders, as
 * in the VS Code preview, updated after every build. Examples come from a menu;
 * the files can be shared as a link (compressed into the URL fragment,
 * `share.ts`) and downloaded as `.coord` and as the HTML report. Nothing is
 * sent anywhere: the page's Content-Security-Policy allows no connection.
 */
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Action, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import {
    formatDocument, formatKeymap, hoverTooltips, LSPClient, LSPPlugin, serverCompletion, serverDiagnostics,
    type Transport,
} from '@codemirror/lsp-client';
import { decodeState, encodeState, isValidFileName, type SharedFile, type SharedState } from './share.js';
import { sanitizeHtml } from './sanitize.js';

declare const __COORD_EXAMPLES__: SharedFile[];
declare const __COORD_WORKER_SOURCE__: string;

// --- Minimal LSP shapes (the protocol package is not bundled for types alone) ---
interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface LspDiagnostic { range: Range; severity?: number; code?: string | number; message: string; data?: unknown }
interface TextEdit { range: Range; newText: string }
interface CodeAction {
    title: string;
    kind?: string;
    diagnostics?: LspDiagnostic[];
    isPreferred?: boolean;
    edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string }; edits: TextEdit[] }> };
}
interface SummaryView { title: string; html: string }

const ROOT_URI = 'file:///playground/';
const SEVERITY = ['error', 'error', 'warning', 'info', 'hint'] as const;
const EXAMPLES = __COORD_EXAMPLES__;
const DEFAULT_EXAMPLE = 'peru.coord';
const ALL_EXAMPLES = '*';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tabs = $<HTMLDivElement>('tabs');
const editors = $<HTMLDivElement>('editors');
const problemsList = $<HTMLUListElement>('problems');
const problemCount = $<HTMLSpanElement>('problem-count');
const summaryRoot = $<HTMLDivElement>('root');
const summaryTitle = $<HTMLHeadingElement>('title');
const statusLine = $<HTMLSpanElement>('status');
const examplesMenu = $<HTMLSelectElement>('examples');
const shareLink = $<HTMLInputElement>('share-link');

// --- The language server in a worker, from a Blob URL (a file: worker URL is refused by Chromium) ---
function startWorker(): Worker {
    const url = URL.createObjectURL(new Blob([__COORD_WORKER_SOURCE__], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'coord-language-server' });
    URL.revokeObjectURL(url);
    return worker;
}

function workerTransport(worker: Worker): Transport {
    let handlers: Array<(value: string) => void> = [];
    worker.addEventListener('message', event => {
        const text = JSON.stringify(event.data);
        for (const handler of handlers) handler(text);
    });
    worker.addEventListener('error', event => setStatus(`The language server stopped: ${event.message}`));
    return {
        send: message => worker.postMessage(JSON.parse(message)),
        subscribe: handler => { handlers.push(handler); },
        unsubscribe: handler => { handlers = handlers.filter(h => h !== handler); },
    };
}

// --- Files and editors ---
interface OpenFile { name: string; uri: string; view: EditorView; tab: HTMLElement }
let files: OpenFile[] = [];
let active = 0;
const diagnostics = new Map<string, LspDiagnostic[]>();
/** The quick fixes of each file's latest diagnostics, by diagnostic (see diagnosticKey). */
const quickFixes = new Map<string, Map<string, Action[]>>();

const coordLanguage = StreamLanguage.define<{ comment: boolean; depth: number }>({
    name: 'coord',
    startState: () => ({ comment: false, depth: 0 }),
    copyState: state => ({ ...state }),
    // Two spaces per open block, as `coord format` lays it out.
    indent: (state, textAfter, cx) => Math.max(0, state.depth - (/^\s*\}/.test(textAfter) ? 1 : 0)) * cx.unit,
    token(stream, state) {
        if (state.comment) {
            if (stream.skipTo('*/')) { stream.match('*/'); state.comment = false; } else stream.skipToEnd();
            return 'comment';
        }
        if (stream.eatSpace()) return null;
        if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
        if (stream.match('/*')) { state.comment = true; return 'comment'; }
        if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
        if (stream.match(/^-?\d+(?:\.\d+)?%?/)) return 'number';
        if (stream.eat('{')) { state.depth++; return 'brace'; }
        if (stream.eat('}')) { state.depth = Math.max(0, state.depth - 1); return 'brace'; }
        if (stream.match(/^[\p{L}_][\p{L}\p{N}_-]*/u)) return /^[a-z]/.test(stream.current()) && stream.column() === stream.indentation() ? 'keyword' : 'variableName';
        stream.next();
        return null;
    },
    languageData: { indentOnInput: /^\s*\}$/, commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

/** Every token gets a class (and so its own element, which the tests hover). */
const coordHighlight = syntaxHighlighting(HighlightStyle.define([
    { tag: tags.keyword, class: 'tok-keyword' },
    { tag: tags.string, class: 'tok-string' },
    { tag: tags.comment, class: 'tok-comment' },
    { tag: tags.number, class: 'tok-number' },
    { tag: tags.variableName, class: 'tok-name' },
]));

const client = new LSPClient({
    rootUri: ROOT_URI,
    timeout: 30_000,
    sanitizeHTML: sanitizeHtml,
    extensions: [serverDiagnostics(), serverCompletion(), hoverTooltips(), keymap.of([...formatKeymap])],
    notificationHandlers: {
        'textDocument/publishDiagnostics': (_client, params: { uri: string; version?: number | null; diagnostics: LspDiagnostic[] }) => {
            publishDiagnostics(params);
            return true;
        },
        'coord/summaryChanged': () => {
            scheduleSummary();
            return true;
        },
    },
});

function uriOf(name: string): string {
    return ROOT_URI + encodeURIComponent(name);
}

function createFile(name: string, text: string): OpenFile {
    const uri = uriOf(name);
    const view = new EditorView({
        doc: text,
        extensions: [basicSetup, lintGutter(), coordLanguage, coordHighlight, client.plugin(uri, 'coord'), EditorView.contentAttributes.of({ 'aria-label': `Coord file ${name}` })],
        parent: editors,
    });
    view.dom.hidden = true;
    view.dom.dataset.file = name;
    const tab = document.createElement('div');
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.dataset.file = name;
    const label = document.createElement('button');
    label.type = 'button';
    label.className = 'tab-label';
    label.textContent = name;
    label.addEventListener('click', () => activate(files.findIndex(f => f.uri === uri)));
    const count = document.createElement('span');
    count.className = 'count';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'tab-close';
    close.textContent = '×';
    close.setAttribute('aria-label', `Close ${name}`);
    close.addEventListener('click', () => closeFile(uri));
    tab.append(label, count, close);
    tabs.insertBefore(tab, newFileButton);
    return { name, uri, view, tab };
}

const newFileButton = document.createElement('button');
newFileButton.type = 'button';
newFileButton.id = 'new-file';
newFileButton.textContent = '+';
newFileButton.title = 'New file';
newFileButton.setAttribute('aria-label', 'New file');
newFileButton.addEventListener('click', () => {
    let n = 1;
    while (files.some(f => f.name === `untitled-${n}.coord`)) n++;
    files.push(createFile(`untitled-${n}.coord`, ''));
    activate(files.length - 1);
    files[active].view.focus();
});
tabs.append(newFileButton);

function activate(index: number): void {
    if (index < 0 || index >= files.length) return;
    active = index;
    files.forEach((file, i) => {
        file.view.dom.hidden = i !== index;
        file.tab.setAttribute('aria-selected', String(i === index));
    });
}

function closeFile(uri: string): void {
    const index = files.findIndex(f => f.uri === uri);
    if (index < 0 || files.length === 1) return;
    const [file] = files.splice(index, 1);
    file.view.destroy();
    file.tab.remove();
    diagnostics.delete(uri);
    quickFixes.delete(uri);
    renderProblems();
    activate(Math.min(active, files.length - 1));
}

/** Replaces every open file (an example, a shared link). */
function openState(state: SharedState): void {
    for (const file of files) { file.view.destroy(); file.tab.remove(); }
    files = [];
    diagnostics.clear();
    quickFixes.clear();
    renderProblems();
    for (const shared of state.files) files.push(createFile(shared.name, shared.text));
    activate(state.active);
    summaryRoot.replaceChildren(message('loading', 'Computing the summary…'));
    scheduleSummary();
}

function currentState(): SharedState {
    return { files: files.map(f => ({ name: f.name, text: f.view.state.doc.toString() })), active };
}

// --- Diagnostics, problems and quick fixes ---
/** Per file: the latest publication, so that quick fixes for an older one are dropped. */
const diagnosticsGeneration = new Map<string, number>();

function publishDiagnostics(params: { uri: string; version?: number | null; diagnostics: LspDiagnostic[] }): void {
    const file = client.workspace.getFile(params.uri);
    if (!file) return;
    if (params.version != null && params.version !== file.version) return;
    diagnostics.set(params.uri, params.diagnostics);
    quickFixes.delete(params.uri);
    renderProblems();
    if (!performance.getEntriesByName('coord-first-diagnostics').length) performance.mark('coord-first-diagnostics');
    const view = file.getView();
    const plugin = view && LSPPlugin.get(view);
    if (!view || !plugin) return;
    view.dispatch(setDiagnostics(view.state, toCm(plugin, params.diagnostics, plugin.syncedDoc, new Map())));
    const generation = (diagnosticsGeneration.get(params.uri) ?? 0) + 1;
    diagnosticsGeneration.set(params.uri, generation);
    void addQuickFixes(params.uri, view, plugin, params.diagnostics, generation);
}

function diagnosticKey(d: LspDiagnostic): string {
    return `${String(d.code)}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
}

function toCm(plugin: LSPPlugin, items: LspDiagnostic[], doc: Text, fixes: Map<string, Action[]>): CmDiagnostic[] {
    return items.map(item => ({
        from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.start, doc)),
        to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.end, doc)),
        severity: SEVERITY[item.severity ?? 1] ?? 'error',
        message: item.message,
        ...(item.code !== undefined ? { source: String(item.code) } : {}),
        ...(fixes.has(diagnosticKey(item)) ? { actions: fixes.get(diagnosticKey(item)) } : {}),
    }));
}

/** Asks the server for the quick fixes of the published diagnostics, and shows them as lint actions. */
async function addQuickFixes(uri: string, view: EditorView, plugin: LSPPlugin, items: LspDiagnostic[], generation: number): Promise<void> {
    if (items.length === 0) return;
    const doc = plugin.syncedDoc;
    let actions: CodeAction[];
    try {
        actions = (await client.request<unknown, CodeAction[] | null>('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: plugin.toPosition(doc.length, doc) },
            context: { diagnostics: items, only: ['quickfix'] },
        })) ?? [];
    } catch {
        return;
    }
    if (generation !== diagnosticsGeneration.get(uri) || plugin.syncedDoc !== doc || !plugin.unsyncedChanges.empty) return;
    const fixes = new Map<string, Action[]>();
    for (const action of actions) {
        if (!action.edit) continue;
        for (const d of action.diagnostics ?? []) {
            const key = diagnosticKey(d);
            const list = fixes.get(key) ?? [];
            list.push({ name: action.title, apply: () => applyEdit(action.edit!, doc, uri) });
            fixes.set(key, list);
        }
    }
    if (fixes.size === 0) return;
    view.dispatch(setDiagnostics(view.state, toCm(plugin, items, doc, fixes)));
    quickFixes.set(uri, fixes);
    renderProblems();
}

/** Applies a workspace edit computed against `doc` (refused when the file changed since). */
function applyEdit(edit: NonNullable<CodeAction['edit']>, doc: Text, uri: string): void {
    const byUri: Record<string, TextEdit[]> = { ...(edit.changes ?? {}) };
    for (const change of edit.documentChanges ?? []) byUri[change.textDocument.uri] = change.edits;
    for (const [target, edits] of Object.entries(byUri)) {
        const file = files.find(f => f.uri === target);
        const plugin = file && LSPPlugin.get(file.view);
        if (!file || !plugin) continue;
        const base = target === uri ? doc : file.view.state.doc;
        if (file.view.state.doc !== base) { setStatus('The file changed; the quick fix was not applied.'); continue; }
        file.view.dispatch({
            changes: edits.map(e => ({ from: plugin.fromPosition(e.range.start, base), to: plugin.fromPosition(e.range.end, base), insert: e.newText })),
            userEvent: 'quickfix',
        });
    }
}

function renderProblems(): void {
    const items: HTMLLIElement[] = [];
    let total = 0;
    for (const file of files) {
        const list = [...(diagnostics.get(file.uri) ?? [])].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        file.tab.querySelector('.count')!.textContent = list.length > 0 ? String(list.length) : '';
        total += list.length;
        for (const d of list) {
            const li = document.createElement('li');
            const severity = SEVERITY[d.severity ?? 1] ?? 'error';
            li.dataset.file = file.name;
            li.dataset.line = String(d.range.start.line + 1);
            li.dataset.rule = String(d.code ?? '');
            li.dataset.severity = severity;
            li.tabIndex = 0;
            const where = document.createElement('span');
            where.textContent = `${file.name}:${d.range.start.line + 1}:${d.range.start.character + 1} `;
            const sev = document.createElement('span');
            sev.className = `sev-${severity}`;
            sev.textContent = `${severity} `;
            const text = document.createElement('span');
            text.textContent = `${d.message} `;
            const rule = document.createElement('span');
            rule.className = 'rule';
            rule.textContent = String(d.code ?? '');
            li.append(where, sev, text, rule);
            for (const fix of quickFixes.get(file.uri)?.get(diagnosticKey(d)) ?? []) {
                const button = document.createElement('button');
                button.type = 'button';
                button.className = 'fix';
                button.textContent = fix.name;
                button.title = 'Quick fix';
                button.addEventListener('click', event => { event.stopPropagation(); fix.apply(file.view, 0, 0); });
                li.append(' ', button);
            }
            li.addEventListener('click', () => reveal(file.uri, d.range.start.line + 1));
            items.push(li);
        }
    }
    problemsList.replaceChildren(...items);
    problemCount.textContent = `(${total})`;
}

/** Shows a file and selects a line (1-based). */
function reveal(uri: string, line: number): void {
    const index = files.findIndex(f => f.uri === uri);
    if (index < 0) return;
    activate(index);
    const view = files[index].view;
    const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    view.dispatch({ selection: { anchor: target.from, head: target.to }, scrollIntoView: true });
    view.focus();
}

// --- The effect summary ---
let summaryTimer: ReturnType<typeof setTimeout> | undefined;
let summaryGeneration = 0;

function scheduleSummary(): void {
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(() => void refreshSummary(), 150);
}

async function refreshSummary(): Promise<void> {
    const generation = ++summaryGeneration;
    try {
        await client.initializing;
        client.sync();
        const view = await client.request<unknown, SummaryView>('coord/summary', { scope: 'workspace' });
        if (generation !== summaryGeneration) return;
        summaryTitle.textContent = view.title;
        // The fragment comes from the core's HTML renderer, which escapes every user string.
        summaryRoot.innerHTML = view.html;
        document.body.dataset.summary = String(generation);
        if (!performance.getEntriesByName('coord-first-summary').length) performance.mark('coord-first-summary');
    } catch (e) {
        if (generation !== summaryGeneration) return;
        summaryRoot.replaceChildren(message('error', `The summary could not be computed: ${(e as Error).message ?? String(e)}`));
    }
}

function message(className: string, text: string): HTMLParagraphElement {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
}

function revealFrom(target: EventTarget | null): boolean {
    const element = target instanceof Element ? target.closest('[data-uri][data-line]') : null;
    if (!element) return false;
    const line = Number(element.getAttribute('data-line'));
    if (!Number.isInteger(line) || line < 1) return false;
    reveal(element.getAttribute('data-uri') ?? '', line);
    return true;
}
summaryRoot.addEventListener('click', event => { if (revealFrom(event.target)) event.preventDefault(); });
summaryRoot.addEventListener('keydown', event => {
    if ((event.key === 'Enter' || event.key === ' ') && revealFrom(event.target)) event.preventDefault();
});

// --- Toolbar: examples, format, downloads, share ---
function setStatus(text: string): void {
    statusLine.textContent = text;
}

for (const example of EXAMPLES) examplesMenu.append(new Option(example.name, example.name));
examplesMenu.append(new Option('All examples', ALL_EXAMPLES));
examplesMenu.addEventListener('change', () => {
    const choice = examplesMenu.value;
    const chosen = choice === ALL_EXAMPLES ? EXAMPLES : EXAMPLES.filter(e => e.name === choice);
    if (chosen.length === 0) return;
    openState({ files: chosen.map(e => ({ ...e })), active: 0 });
    history.replaceState(null, '', location.pathname + location.search);
    shareLink.hidden = true;
});

$('format').addEventListener('click', () => {
    const view = files[active]?.view;
    if (view) formatDocument(view);
});

function download(name: string, text: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

$('download-coord').addEventListener('click', () => {
    const file = files[active];
    if (file) download(file.name, file.view.state.doc.toString(), 'text/plain;charset=utf-8');
});

$('download-report').addEventListener('click', async () => {
    try {
        client.sync();
        const { text } = await client.request<unknown, { text: string }>('coord/summaryExport', { scope: 'workspace', format: 'html' });
        download('effect-summary.html', text, 'text/html;charset=utf-8');
    } catch (e) {
        setStatus(`The report could not be made: ${(e as Error).message ?? String(e)}`);
    }
});

$('share').addEventListener('click', async () => {
    const fragment = encodeState(currentState());
    history.replaceState(null, '', `#${fragment}`);
    shareLink.value = location.href;
    shareLink.hidden = false;
    shareLink.select();
    try {
        await navigator.clipboard.writeText(location.href);
        setStatus('Link copied. The text is in the link itself; nothing was uploaded.');
    } catch {
        setStatus('Copy the link above. The text is in the link itself; nothing was uploaded.');
    }
});

window.addEventListener('hashchange', () => {
    const state = decodeState(location.hash);
    if (state) openState(state);
});

// --- Start ---
function initialState(): SharedState {
    if (location.hash.length > 1) {
        const shared = decodeState(location.hash);
        if (shared) return shared;
        setStatus('The link holds no readable Coord files; showing an example instead.');
    }
    const example = EXAMPLES.find(e => e.name === DEFAULT_EXAMPLE) ?? EXAMPLES[0];
    examplesMenu.value = example.name;
    return { files: [{ ...example }], active: 0 };
}

const start = initialState();
if (start.files.some(f => !isValidFileName(f.name))) throw new Error('invalid file name');
client.connect(workerTransport(startWorker()));
openState(start);
client.initializing.then(
    () => {
        document.body.dataset.ready = 'true';
        if (!statusLine.textContent || statusLine.textContent.startsWith('Starting')) setStatus('Ready. Everything runs in this page.');
    },
    e => setStatus(`The language server did not start: ${(e as Error).message ?? String(e)}`),
);

/** For scripts and tests driving the page (the editors render only the lines in view). */
(globalThis as unknown as { coordPlayground: unknown }).coordPlayground = {
    state: currentState,
    open: (state: SharedState) => openState(state),
};
