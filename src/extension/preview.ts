/**
 * "Coord: Open Effect Summary to the Side" (`coord.openSummaryToSide`): a
 * webview beside the editor that shows the effect matrix, the coordination
 * network and the coordination table of the workspace (or of the active
 * file), as the language server computes them. It asks the server for the
 * summary (`coord/summary`) when opened and again, debounced, whenever the
 * server reports a finished build (`coord/summaryChanged`), so it follows
 * the user's typing without parsing anything itself. Clicking an effect, a
 * coordination or a network node reveals its source line; the toolbar saves
 * the summary as HTML, Markdown or CSV and the network as SVG, rendered by the
 * same core renderers as `coord summary`.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { SummaryExportFormat, SummaryParams, SummaryView } from '../shared/summary-messages.js';
import { parseWebviewMessage, previewShellHtml, type InsertableSnippet, type WebviewMessage } from './preview-html.js';
// By name, not through the typed messages: this module is in the extension's small entry bundle, without vscode-jsonrpc.
import { OPEN_SUMMARY_TO_SIDE_COMMAND, SUMMARY_CHANGED_METHOD, SUMMARY_EXPORT_METHOD, SUMMARY_METHOD } from '../shared/message-names.js';
import { DECLARATION_SNIPPETS } from '../shared/declaration-snippets.js';

const VIEW_TYPE = 'coord.effectSummary';
const DEBOUNCE_MS = 150;
const CURSOR_DEBOUNCE_MS = 100;

const EXPORT_FILTERS: Record<SummaryExportFormat, [string, string]> = {
    html: ['HTML', 'html'], md: ['Markdown', 'md'], csv: ['CSV', 'csv'], json: ['JSON', 'json'], svg: ['SVG', 'svg'], forest: ['SVG', 'svg'],
};

/**
 * Registers the command and the preview; call once from `activate`, first,
 * with the language client to come (`client` resolves once it has started):
 * the serializer is then in place when VS Code hands over a preview restored
 * after a reload, and the panel shows its loading state at once, instead of a
 * blank page until the client and the server are up.
 */
export function registerSummaryPreview(context: vscode.ExtensionContext, client: Promise<LanguageClient>): void {
    const preview = new SummaryPreview(context, client);
    context.subscriptions.push(
        // Like Markdown's preview, an open summary comes back after a reload.
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
        }),
        vscode.commands.registerCommand(OPEN_SUMMARY_TO_SIDE_COMMAND, (uri?: unknown) => preview.show(asUri(uri))),
        vscode.window.onDidChangeActiveTextEditor(editor => {
            if (editor?.document.languageId === 'coord') preview.follow(editor.document.uri);
        }),
        // Editor → preview: show the entry of the declaration under the cursor.
        vscode.window.onDidChangeTextEditorSelection(event => {
            if (event.textEditor.document.languageId === 'coord') preview.cursorMoved(event.textEditor.document.uri, event.selections[0].active.line + 1);
        }),
        preview,
    );
    void client.then(started => {
        context.subscriptions.push(started.onNotification(SUMMARY_CHANGED_METHOD, () => preview.scheduleRefresh()));
    }, () => undefined);
}

/** The document a command was given: a `Uri` (editor title, explorer, code lens) or a URI string. */
function asUri(value: unknown): vscode.Uri | undefined {
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value)) return vscode.Uri.parse(value, true);
    return undefined;
}

class SummaryPreview implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private source: vscode.Uri | undefined;
    private scope: 'workspace' | 'file' = 'workspace';
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;
    /** The URIs the last summary named; the only ones a reveal message may open. */
    private knownUris = new Set<string>();

    private cursorTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: Promise<LanguageClient>) {}

    /** Tells the webview where the editor's cursor is (debounced); it scrolls to that declaration's entry. */
    cursorMoved(uri: vscode.Uri, line: number): void {
        if (!this.panel?.visible) return;
        clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => {
            const key = uri.toString();
            if (this.panel && this.knownUris.has(key)) void this.panel.webview.postMessage({ type: 'cursor', uri: key, line });
        }, CURSOR_DEBOUNCE_MS);
    }

    show(uri: vscode.Uri | undefined): void {
        const active = vscode.window.activeTextEditor?.document;
        this.source = uri ?? (active?.languageId === 'coord' ? active.uri : this.source);
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
            this.scheduleRefresh();
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Effect Summary'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            ...this.webviewOptions(),
            enableFindWidget: true,
        });
        this.attach(panel);
    }

    /**
     * Takes over a preview that VS Code restored after a reload, with the
     * state the webview saved (its scope and the file it followed).
     */
    restore(panel: vscode.WebviewPanel, state: unknown): void {
        const saved = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
        if (saved.scope === 'file' || saved.scope === 'workspace') this.scope = saved.scope;
        if (typeof saved.source === 'string' && saved.source.length < 4096) this.source = asUri(saved.source) ?? this.source;
        this.panel?.dispose();
        panel.webview.options = this.webviewOptions();
        this.attach(panel, Date.now());
    }

    private webviewOptions(): vscode.WebviewOptions {
        return {
            enableScripts: true,
            enableCommandUris: false,
            enableForms: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
        };
    }

    private attach(panel: vscode.WebviewPanel, restoredAt?: number): void {
        const webview = panel.webview;
        webview.html = previewShellHtml({
            ...(restoredAt !== undefined ? { restoredAt } : {}),
            cspSource: webview.cspSource,
            nonce: nonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.css')).toString(),
            language: vscode.env.language,
            translate: (message, ...args) => vscode.l10n.t(message, ...args),
        });
        webview.onDidReceiveMessage(message => {
            const parsed = parseWebviewMessage(message);
            if (parsed) void this.handle(parsed);
        });
        panel.onDidDispose(() => {
            if (this.panel !== panel) return;
            this.panel = undefined;
            clearTimeout(this.timer);
        });
        this.panel = panel;
    }

    /** Follows the active coord editor when the preview shows one file. */
    follow(uri: vscode.Uri): void {
        if (uri.toString() === this.source?.toString()) return;
        this.source = uri;
        if (this.panel && this.scope === 'file') this.scheduleRefresh();
    }

    scheduleRefresh(): void {
        if (!this.panel) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
    }

    private params(): SummaryParams {
        return this.scope === 'file' && this.source ? { scope: 'file', uri: this.source.toString() } : { scope: 'workspace' };
    }

    private async refresh(): Promise<void> {
        const panel = this.panel;
        if (!panel) return;
        const generation = ++this.generation;
        try {
            const client = await this.client;
            const view = await client.sendRequest<SummaryView>(SUMMARY_METHOD, this.params());
            // A later request supersedes this one; drop a stale answer.
            if (generation !== this.generation || this.panel !== panel) return;
            this.knownUris = collectUris(view.summary);
            panel.title = view.title.replace(/^Effect summary/, vscode.l10n.t('Effect Summary'));
            void panel.webview.postMessage({
                type: 'summary', title: view.title, html: view.html, scope: this.scope,
                ...(this.source ? { source: this.source.toString() } : {}),
            });
        } catch (e) {
            if (generation !== this.generation || this.panel !== panel) return;
            void panel.webview.postMessage({ type: 'error', message: vscode.l10n.t('The summary could not be computed: {0}', (e as Error).message ?? String(e)) });
        }
    }

    private async handle(message: WebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.scheduleRefresh();
                return;
            case 'scope':
                this.scope = message.scope;
                this.scheduleRefresh();
                return;
            case 'reveal':
                if (this.knownUris.has(message.uri)) await reveal(vscode.Uri.parse(message.uri, true), message.line);
                return;
            case 'export':
                await this.export(message.format, message.index);
                return;
            case 'insert':
                await this.insert(message.snippet);
                return;
        }
    }

    /**
     * An empty state's *Insert* button: the declaration template of that name
     * (shared/declaration-snippets.ts, the one completion inserts), at the end of the Coord file the
     * preview follows (or the active one).
     */
    private async insert(name: InsertableSnippet): Promise<void> {
        try {
            const body = DECLARATION_SNIPPETS[name]?.body;
            if (!body) return;
            const target = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.source?.toString())
                ?? vscode.window.visibleTextEditors.find(e => e.document.languageId === 'coord');
            const editor = target
                ? await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false })
                : this.source ? await vscode.window.showTextDocument(this.source, { viewColumn: vscode.ViewColumn.One }) : undefined;
            if (!editor) {
                void vscode.window.showInformationMessage(vscode.l10n.t('Coord: open a .coord file to insert the snippet into.'));
                return;
            }
            const document = editor.document;
            const end = document.lineAt(document.lineCount - 1).range.end;
            const before = document.getText().length === 0 ? '' : document.getText().endsWith('\n\n') ? '' : document.getText().endsWith('\n') ? '\n' : '\n\n';
            await editor.insertSnippet(new vscode.SnippetString(before.replace(/\$/g, '\\$') + body.join('\n')), end);
        } catch (e) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Coord: could not insert the snippet: {0}', (e as Error).message ?? String(e)));
        }
    }

    private async export(format: SummaryExportFormat, index?: number): Promise<void> {
        try {
            const client = await this.client;
            const { text } = await client.sendRequest<{ text: string }>(SUMMARY_EXPORT_METHOD, { ...this.params(), format, ...(index !== undefined ? { index } : {}) });
            const [label, extension] = EXPORT_FILTERS[format];
            const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
            const name = format === 'svg' ? 'coordination-network' : format === 'forest' ? (index !== undefined ? `forest-plot-${index + 1}` : 'forest-plots') : 'effect-summary';
            const target = await vscode.window.showSaveDialog({
                defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${extension}`) : undefined,
                filters: { [label]: [extension] },
                saveLabel: vscode.l10n.t('Save {0}', label),
            });
            if (!target) return;
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
            void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)));
        } catch (e) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Coord: could not export the summary: {0}', (e as Error).message ?? String(e)));
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        clearTimeout(this.cursorTimer);
        this.panel?.dispose();
    }
}

/** A fresh nonce for the webview's script tag (Web Crypto: the desktop's Node and the browser both have it). */
function nonce(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Opens a document and selects one line (1-based) in the editor group beside the preview. */
async function reveal(uri: vscode.Uri, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const index = Math.min(Math.max(line - 1, 0), Math.max(document.lineCount - 1, 0));
    const text = document.lineAt(index);
    const selection = new vscode.Range(index, text.firstNonWhitespaceCharacterIndex, index, text.range.end.character);
    const column = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString())?.viewColumn
        ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The document URIs a summary names (effects, coordinations, programmes). */
function collectUris(summary: SummaryView['summary']): Set<string> {
    const uris = new Set<string>();
    for (const key of ['effects', 'coordinations', 'programmes']) {
        const items = summary[key];
        if (!Array.isArray(items)) continue;
        for (const item of items) {
            const uri = (item as { uri?: unknown })?.uri;
            if (typeof uri === 'string') uris.add(uri);
        }
    }
    return uris;
}
