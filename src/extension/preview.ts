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
import {
    SummaryChangedNotification, SummaryExportRequest, SummaryRequest,
    type SummaryExportFormat, type SummaryParams, type SummaryView,
} from '../shared/summary-messages.js';
import { parseWebviewMessage, previewShellHtml, type WebviewMessage } from './preview-html.js';
/** The command id, shared with the server's code lens. */
import { OPEN_SUMMARY_TO_SIDE_COMMAND } from '../shared/custom-messages.js';

const VIEW_TYPE = 'coord.effectSummary';
const DEBOUNCE_MS = 150;

const EXPORT_FILTERS: Record<SummaryExportFormat, [string, string]> = {
    html: ['HTML', 'html'], md: ['Markdown', 'md'], csv: ['CSV', 'csv'], json: ['JSON', 'json'], svg: ['SVG', 'svg'], forest: ['SVG', 'svg'],
};

/** Registers the command and the preview; call once from `activate`. */
export function registerSummaryPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    const preview = new SummaryPreview(context, client);
    context.subscriptions.push(
        vscode.commands.registerCommand(OPEN_SUMMARY_TO_SIDE_COMMAND, (uri?: unknown) => preview.show(asUri(uri))),
        client.onNotification(SummaryChangedNotification.method, () => preview.scheduleRefresh()),
        // Like Markdown's preview, an open summary comes back after a reload.
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
        }),
        vscode.window.onDidChangeActiveTextEditor(editor => {
            if (editor?.document.languageId === 'coord') preview.follow(editor.document.uri);
        }),
        preview,
    );
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

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {}

    show(uri: vscode.Uri | undefined): void {
        const active = vscode.window.activeTextEditor?.document;
        this.source = uri ?? (active?.languageId === 'coord' ? active.uri : this.source);
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
            this.scheduleRefresh();
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Effect Summary', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
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
        this.attach(panel);
    }

    private webviewOptions(): vscode.WebviewOptions {
        return {
            enableScripts: true,
            enableCommandUris: false,
            enableForms: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
        };
    }

    private attach(panel: vscode.WebviewPanel): void {
        const webview = panel.webview;
        webview.html = previewShellHtml({
            cspSource: webview.cspSource,
            nonce: nonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.css')).toString(),
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
            const view = await this.client.sendRequest<SummaryView>(SummaryRequest.method, this.params());
            // A later request supersedes this one; drop a stale answer.
            if (generation !== this.generation || this.panel !== panel) return;
            this.knownUris = collectUris(view.summary);
            panel.title = view.title.replace(/^Effect summary/, 'Effect Summary');
            void panel.webview.postMessage({
                type: 'summary', title: view.title, html: view.html, scope: this.scope,
                ...(this.source ? { source: this.source.toString() } : {}),
            });
        } catch (e) {
            if (generation !== this.generation || this.panel !== panel) return;
            void panel.webview.postMessage({ type: 'error', message: `The summary could not be computed: ${(e as Error).message ?? String(e)}` });
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
                await this.export(message.format);
                return;
        }
    }

    private async export(format: SummaryExportFormat): Promise<void> {
        try {
            const { text } = await this.client.sendRequest<{ text: string }>(SummaryExportRequest.method, { ...this.params(), format });
            const [label, extension] = EXPORT_FILTERS[format];
            const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
            const name = format === 'svg' ? 'coordination-network' : format === 'forest' ? 'forest-plots' : 'effect-summary';
            const target = await vscode.window.showSaveDialog({
                defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${extension}`) : undefined,
                filters: { [label]: [extension] },
                saveLabel: `Save ${label}`,
            });
            if (!target) return;
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
            void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}.`);
        } catch (e) {
            void vscode.window.showErrorMessage(`Coord: could not export the summary: ${(e as Error).message ?? String(e)}`);
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
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
