/**
 * Exercises every editor feature of the language server on one document at
 * given offsets, and checks that nothing throws (a deliberate JSON-RPC
 * `ResponseError`, such as a refused rename, is allowed) and that every range
 * pointing into the document lies inside it.
 */
import type { LangiumDocument } from 'langium';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ResponseError } from 'vscode-languageserver';
import type { CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from '../../src/analysis/format.js';
import { expectRangeInside, lineLengths } from './harness.js';

/** Checks every editor feature on one document at the given offsets. */
export async function exercise(services: CoordLspServices, document: LangiumDocument, offsets: readonly number[]): Promise<void> {
    const lsp = services.lsp;
    const uri = document.uri.toString();
    const text = document.textDocument.getText();
    const lines = lineLengths(text);
    const textDocument = { uri };
    const inside = (range: Range | undefined, what: string) => {
        if (range) expectRangeInside(range, lines, what);
    };
    const edits = (list: readonly TextEdit[] | undefined, what: string) => list?.forEach(e => inside(e.range, what));
    const workspaceEdit = (edit: WorkspaceEdit | undefined, what: string) => {
        for (const [target, list] of Object.entries(edit?.changes ?? {})) if (target === uri) edits(list, what);
        for (const change of edit?.documentChanges ?? []) {
            if ('edits' in change && change.textDocument.uri === uri) {
                change.edits.forEach(e => inside(e.range, what));
            }
        }
    };
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(offset % (text.length + 1));
        const at = `${JSON.stringify(position)}`;
        const hover = await lsp.HoverProvider?.getHoverContent(document, { textDocument, position });
        inside(hover?.range, `hover at ${at}`);
        const completion = await lsp.CompletionProvider?.getCompletion(document, { textDocument, position });
        for (const item of completion?.items ?? []) {
            const edit = item.textEdit;
            if (edit && 'range' in edit) inside(edit.range, `completion '${item.label}' at ${at}`);
            if (edit && 'insert' in edit) {
                inside(edit.insert, `completion '${item.label}' insert at ${at}`);
                inside(edit.replace, `completion '${item.label}' replace at ${at}`);
            }
            edits(item.additionalTextEdits, `completion '${item.label}' additional edit at ${at}`);
        }
        for (const link of (await lsp.DefinitionProvider?.getDefinition(document, { textDocument, position })) ?? []) {
            if (link.targetUri === uri) inside(link.targetRange, `definition at ${at}`);
            inside(link.originSelectionRange, `definition origin at ${at}`);
        }
        for (const location of (await lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: true } })) ?? []) {
            if (location.uri === uri) inside(location.range, `reference at ${at}`);
        }
        for (const h of (await lsp.DocumentHighlightProvider?.getDocumentHighlight(document, { textDocument, position })) ?? []) {
            inside(h.range, `highlight at ${at}`);
        }
        // A refused rename (a standard-library name) is a JSON-RPC error response by design, not a crash.
        const prepared = await refusal(() => lsp.RenameProvider?.prepareRename(document, { textDocument, position }));
        inside(prepared, `prepareRename at ${at}`);
        if (prepared) workspaceEdit(await refusal(() => lsp.RenameProvider?.rename(document, { textDocument, position, newName: 'renamed_x' })), `rename at ${at}`);
    }
    const symbols = (await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument })) ?? [];
    const visit = (list: typeof symbols) => list.forEach(s => {
        inside(s.range, `symbol ${s.name}`);
        inside(s.selectionRange, `symbol ${s.name} selection`);
        visit(s.children ?? []);
    });
    visit(symbols);
    for (const f of (await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument })) ?? []) {
        if (f.startLine < 0 || f.endLine >= lines.length || f.startLine > f.endLine) throw new Error(`folding range ${JSON.stringify(f)} outside the document`);
    }
    const tokens = await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
    let line = 0;
    let character = 0;
    for (let i = 0; i + 4 < (tokens?.data.length ?? 0) + 1 && tokens; i += 5) {
        const [dl, dc, length] = tokens.data.slice(i, i + 3);
        line += dl;
        character = dl === 0 ? character + dc : dc;
        inside({ start: { line, character }, end: { line, character: character + length } }, 'semantic token');
    }
    const diagnostics = document.diagnostics ?? [];
    for (const diagnostic of diagnostics) {
        const actions = (await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? [];
        for (const action of actions) {
            if ('edit' in action) workspaceEdit(action.edit, `code action '${action.title}' for ${String(diagnostic.code)}`);
        }
    }
    for (const lens of (await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument })) ?? []) {
        inside(lens.range, 'code lens');
    }
    const formatting = await lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    edits(formatting, 'formatting edit');
    // What the editor's formatting gives is what `coord format` writes.
    const cli = formatText(text, services);
    if (formatting && cli.ok) {
        const applied = TextDocument.applyEdits(TextDocument.create(uri, 'coord', 0, text), formatting);
        if (applied !== cli.text) throw new Error(`editor formatting differs from coord format:\n${JSON.stringify(applied)}\n${JSON.stringify(cli.text)}`);
    }
}

/** Runs a request; a deliberate `ResponseError` (an error response the client shows) counts as no result. */
async function refusal<T>(request: () => T | Promise<T>): Promise<T | undefined> {
    try {
        return await request();
    } catch (e) {
        if (e instanceof ResponseError) return undefined;
        throw e;
    }
}
