/**
 * Requests on a document the server does not have (issue 21, fault 7). A
 * client may ask about a URI that is not open, not in the workspace and not a
 * readable file: deleted meanwhile, a path too long for the system
 * (ENAMETOOLONG), another scheme (`https:`, `git:`), a FIFO or a device behind
 * a `.coord` name. Langium then either reads the file and fails with an
 * internal error (-32603) carrying the raw `ENOENT` message (references,
 * rename, highlights, prepareRename, implementation, call hierarchy), or
 * answers "server cancelled" (-32802), which tells a client to ask again.
 *
 * `answerUnknownDocuments` wraps the connection before Langium registers its
 * handlers: a request whose document is neither open, nor in the workspace,
 * nor a regular file of at most 16 MB on disk gets the answer an empty
 * document gets — nothing to hover, find, highlight, rename, format, fold or
 * colour, no completion (there is nothing to insert into) — and never reaches
 * the file system. Documents the server has are answered as before.
 */
import * as fs from 'node:fs';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { MAX_READ_BYTES } from '../language/node-file-system.js';

type Handler = (params: unknown, ...rest: unknown[]) => unknown;

/**
 * What each request answers for an empty document, by the connection method
 * that registers its handler. Every `textDocument/…` request Langium serves is
 * here (`test/lsp/unknown-documents.test.ts` asks each of them).
 */
const EMPTY_ANSWERS: Record<string, () => unknown> = {
    onCompletion: () => ({ isIncomplete: false, items: [] }),
    onReferences: () => [],
    onCodeAction: () => [],
    onDocumentSymbol: () => [],
    onDefinition: () => [],
    onTypeDefinition: () => [],
    onImplementation: () => [],
    onDeclaration: () => [],
    onDocumentHighlight: () => [],
    onHover: () => null,
    onFoldingRanges: () => [],
    onDocumentFormatting: () => [],
    onDocumentRangeFormatting: () => [],
    onDocumentOnTypeFormatting: () => [],
    onRenameRequest: () => null,
    onPrepareRename: () => null,
    onDocumentLinks: () => [],
    onSignatureHelp: () => null,
    onCodeLens: () => [],
    onSelectionRanges: () => [],
    onDocumentColor: () => [],
    onColorPresentation: () => [],
};

/** The same for the handlers under `connection.languages`. */
const EMPTY_LANGUAGE_ANSWERS: Record<string, Record<string, () => unknown>> = {
    semanticTokens: { on: () => ({ data: [] }), onDelta: () => ({ data: [] }), onRange: () => ({ data: [] }) },
    inlayHint: { on: () => [] },
    inlineValue: { on: () => [] },
    callHierarchy: { onPrepare: () => null },
    typeHierarchy: { onPrepare: () => null },
    moniker: { on: () => null },
};

export interface UnknownDocuments {
    /** The connection to give Langium (its handlers registered through it). */
    connection: Connection;
    /** Tells the wrapper which documents the server has (after the services are made from the connection). */
    bind(shared: LangiumSharedServices): void;
}

/** Wraps a connection so that requests on unknown documents get an empty document's answer. */
export function answerUnknownDocuments(connection: Connection): UnknownDocuments {
    let shared: LangiumSharedServices | undefined;
    const guard = (answer: () => unknown, handler: Handler): Handler => (params, ...rest) => {
        const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
        if (shared && typeof uri === 'string' && !knownDocument(shared, uri)) return answer();
        return handler(params, ...rest);
    };
    const wrapMethods = <T extends object>(target: T, answers: Record<string, () => unknown>): T => new Proxy(target, {
        get(object, prop, receiver) {
            const value = Reflect.get(object, prop, receiver) as unknown;
            const answer = typeof prop === 'string' ? answers[prop] : undefined;
            if (!answer || typeof value !== 'function') return value;
            return (handler: Handler) => (value as (h: Handler) => unknown).call(object, guard(answer, handler));
        },
    });
    const languages = new Proxy(connection.languages, {
        get(object, prop, receiver) {
            const value = Reflect.get(object, prop, receiver) as unknown;
            const answers = typeof prop === 'string' ? EMPTY_LANGUAGE_ANSWERS[prop] : undefined;
            return answers && typeof value === 'object' && value !== null ? wrapMethods(value, answers) : value;
        },
    });
    const wrapped = new Proxy(wrapMethods(connection, EMPTY_ANSWERS), {
        get(object, prop, receiver) {
            return prop === 'languages' ? languages : Reflect.get(object, prop, receiver);
        },
    });
    return { connection: wrapped, bind: services => { shared = services; } };
}

/**
 * Whether the server has the document or can read it: open in the editor,
 * already in the workspace, or a regular file of at most 16 MB on disk (the
 * files Langium may load on demand). A look at the file's status never blocks,
 * whatever is behind the name.
 */
export function knownDocument(shared: LangiumSharedServices, uriText: string): boolean {
    let uri: URI;
    try {
        uri = URI.parse(uriText);
    } catch {
        return false;
    }
    if (shared.workspace.TextDocuments?.get(uriText) || shared.workspace.TextDocuments?.get(uri.toString())) return true;
    if (shared.workspace.LangiumDocuments.hasDocument(uri)) return true;
    if (uri.scheme !== 'file') return false;
    try {
        const stat = fs.statSync(uri.fsPath, { throwIfNoEntry: false });
        return stat !== undefined && stat.isFile() && stat.size <= MAX_READ_BYTES;
    } catch {
        return false;
    }
}
