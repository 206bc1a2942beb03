/**
 * The small harness of the extension-host suite: waiting on events or polling with a deadline (never a
 * fixed sleep), reading diagnostics by rule code, finding text in documents, and the checkpoints at which
 * a browser driver (the code-server runner) takes a screenshot and checks what is visible.
 */
import * as vscode from 'vscode';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long one expectation may take; the first build of the workspace is the slowest step. */
// Generous: every step waits on an event or polls; a busy machine (issue 21, fault 8) may take many times longer.
export const TIMEOUT_MS = Number(process.env.COORD_E2E_TIMEOUT_MS ?? 60_000);

/** Polls `probe` until it returns a truthy value; throws `what` after the deadline. */
export async function poll<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = TIMEOUT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** The rule id of a diagnostic (its `code`, which may come with a link to the rule's documentation). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    if (code === undefined) return '';
    return typeof code === 'object' ? String(code.value) : String(code);
}

/** The Coord diagnostics of a document (other extensions' diagnostics are ignored). */
export function coordDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(d => d.source === undefined || /coord/i.test(d.source));
}

export function describeDiagnostics(uri: vscode.Uri): string {
    const list = coordDiagnostics(uri);
    if (list.length === 0) return 'no diagnostics';
    return list.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)}`).join(', ');
}

/**
 * Resolves when the diagnostics of `uri` satisfy `predicate`: checks at once, then on every
 * onDidChangeDiagnostics event, and fails after the timeout with the diagnostics seen last.
 */
export function waitForDiagnostics(uri: vscode.Uri, what: string, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const check = () => {
            const diagnostics = coordDiagnostics(uri);
            if (!predicate(diagnostics)) return false;
            finish();
            resolve(diagnostics);
            return true;
        };
        const subscription = vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(u => u.toString() === uri.toString())) check();
        });
        const timer = setTimeout(() => {
            finish();
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; it has: ${describeDiagnostics(uri)}`));
        }, timeoutMs);
        function finish() {
            clearTimeout(timer);
            subscription.dispose();
        }
        check();
    });
}

/** Waits until the document's diagnostics include every one of `rules`. */
export function waitForRules(uri: vscode.Uri, rules: string[]): Promise<vscode.Diagnostic[]> {
    return waitForDiagnostics(uri, `diagnostics ${rules.join(', ')}`, list => rules.every(rule => list.some(d => ruleOf(d) === rule)));
}

/** The workspace folder the runner opened (a throwaway copy of the examples and fixtures). */
export function workspaceUri(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in an editor and returns it. */
export async function openEditor(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceUri(name));
    return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * The position of the `occurrence`-th (1-based) match of `needle` in the document, plus `offset`
 * characters; throws when the text is missing, so that a changed example fails loudly.
 */
export function positionOf(document: vscode.TextDocument, needle: string | RegExp, offset = 0, occurrence = 1): vscode.Position {
    const text = document.getText();
    let index = -1;
    if (typeof needle === 'string') {
        for (let i = 0; i < occurrence; i++) {
            index = text.indexOf(needle, index + 1);
            if (index < 0) break;
        }
    } else {
        const match = [...text.matchAll(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g'))][occurrence - 1];
        index = match?.index ?? -1;
    }
    if (index < 0) throw new Error(`${String(needle)} not found in ${vscode.workspace.asRelativePath(document.uri)}`);
    return document.positionAt(index + offset);
}

/** The 0-based line on which `needle` first occurs. */
export function lineOf(document: vscode.TextDocument, needle: string | RegExp): number {
    return positionOf(document, needle).line;
}

/** Plain text of hover contents, whichever form the provider used. */
export function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Inserts text at a position of an open document. */
export async function insertText(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, position, text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.toString()}`);
}

/**
 * A checkpoint for a browser driver: when the runner set COORD_E2E_CHECKPOINT_DIR, the suite writes
 * `<name>.request.json` and waits for the driver's `<name>.result.json` (it takes a screenshot and checks
 * the visible text, then answers `{ ok, message }`). Without a driver (VS Code desktop under
 * @vscode/test-electron) it returns 'skipped'.
 */
export async function checkpoint(name: string, details: Record<string, unknown> = {}): Promise<'checked' | 'skipped'> {
    const dir = process.env.COORD_E2E_CHECKPOINT_DIR;
    if (!dir) return 'skipped';
    mkdirSync(dir, { recursive: true });
    const resultFile = join(dir, `${name}.result.json`);
    writeFileSync(join(dir, `${name}.request.json`), JSON.stringify(details));
    const result = await poll(`the browser driver to answer checkpoint '${name}'`, () => existsSync(resultFile) && (JSON.parse(readFileSync(resultFile, 'utf8')) as { ok: boolean; message: string }), 90_000);
    if (!result.ok) throw new Error(`browser check '${name}' failed: ${result.message}`);
    console.log(`    (browser) ${result.message}`);
    return 'checked';
}
