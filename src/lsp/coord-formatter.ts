/**
 * LSP formatting with the core formatter (`src/analysis/format.ts`), the same
 * code as `coord format`. Whole-document formatting returns one minimal edit
 * (the changed middle of the text); range formatting reformats the
 * declarations the range touches. A document that does not parse gets no
 * edits. The layout is canonical, so the client's tab size is ignored.
 */
import type { LangiumDocument, LangiumCoreServices } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText, suppressionMoved } from '../analysis/format.js';
import { tooLargeSize } from '../language/coord-workspace.js';

export class CoordFormatter implements Formatter {
    private readonly services: LangiumCoreServices;

    constructor(services: LangiumServices) {
        this.services = services;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        // A text too large to parse is not formatted either (`coord format` refuses it).
        if (tooLargeSize(document) !== undefined) return [];
        const text = document.textDocument.getText();
        const result = formatText(text, this.services);
        if (!result.ok || !result.changed) return [];
        return [minimalEdit(document.textDocument, text, result.text)];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        if (tooLargeSize(document) !== undefined) return [];
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const result = formatText(text, this.services);
        if (!result.ok || !result.changed) return [];
        const start = textDocument.offsetAt(params.range.start);
        const end = textDocument.offsetAt(params.range.end);
        const touched = result.declarations.filter(d => d.original.start <= end && d.original.end >= start);
        if (touched.length === 0) return [];
        const first = touched[0];
        const last = touched[touched.length - 1];
        const original = text.slice(first.original.start, last.original.end);
        const formatted = result.text.slice(first.formatted.start, last.formatted.end);
        if (original === formatted) return [];
        // Only these declarations change: the result must still keep every directive's reach.
        const spliced = text.slice(0, first.original.start) + formatted + text.slice(last.original.end);
        if (suppressionMoved(text, spliced, this.services)) return [];
        return [{
            range: { start: textDocument.positionAt(first.original.start), end: textDocument.positionAt(last.original.end) },
            newText: formatted,
        }];
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

/** One edit that turns `before` into `after`, replacing only what lies between their common prefix and suffix. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
    let prefix = 0;
    const max = Math.min(before.length, after.length);
    while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    // Never split a CRLF pair or a surrogate pair between the kept and the replaced text.
    while (prefix > 0 && isSecondHalf(before, prefix)) prefix--;
    while (suffix > 0 && isSecondHalf(before, before.length - suffix)) suffix--;
    return {
        range: { start: document.positionAt(prefix), end: document.positionAt(before.length - suffix) },
        newText: after.slice(prefix, after.length - suffix),
    };
}

function isSecondHalf(text: string, index: number): boolean {
    const c = text.charCodeAt(index);
    const p = text.charCodeAt(index - 1);
    return (c === 10 && p === 13) || (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff);
}
