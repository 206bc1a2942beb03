/**
 * Workspace services shared by the CLI and the language server: the standard
 * library as a built-in document in every workspace, file reading that drops a
 * UTF-8 byte-order mark (so columns are counted without it, as LSP clients do),
 * and a document builder that re-validates the other documents after a change
 * when their verdicts may depend on it: several rules (duplicate names, unused
 * declarations, effects no coordination arranges, conflicting effects) look
 * across files.
 */
import {
    AstUtils, DefaultDocumentBuilder, DefaultIndexManager, DefaultLangiumDocumentFactory, DefaultLangiumDocuments, stream,
    type AstNodeDescription, type ReferenceDescription, type Stream, DefaultWorkspaceManager, DocumentState, URI,
    type AstNode, type BuildOptions, type Cancellation, type FileSystemNode, type FileSystemProvider,
    type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices, type MaybePromise, type ParseResult, type ParserOptions, type WorkspaceFolder,
    UriTrie, type ValidationCategory,
} from 'langium';
import { STDLIB_TEXT, STDLIB_URI } from './stdlib.js';
import { requireService, type ChangeTracker, type CoordSharedServices } from './change-tracker.js';
import { changedStretch, compareUris } from './order.js';
import { reparse, type ReparseInfo } from './incremental-parse.js';

/** Removes a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Creates the standard-library document of a workspace. */
export function createStdlibDocument(factory: LangiumDocumentFactory): LangiumDocument {
    return factory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI));
}

/**
 * Langium's trie of URIs, remembering the last URI it normalised: every call parses the
 * URI's text and prints it again (its normal form), and `addDocument` asks twice for the
 * same text (`has`, then `insert`), as `deleteDocument` does (`find`, then `delete`). The
 * normal form is a function of the text alone, so the second answer is the first.
 */
export class LastUriTrie<T> extends UriTrie<T> {
    private lastText: string | undefined;
    private lastNormal = '';

    protected override normalizeUri(uri: string): string {
        if (uri !== this.lastText) {
            this.lastNormal = super.normalizeUri(uri);
            this.lastText = uri;
        }
        return this.lastNormal;
    }
}

/**
 * Langium's documents, except that the list of every document (`all`) is kept
 * until a document is added or deleted: Langium's builds it again from its trie
 * of URIs at every call, and an update of a workspace of 1,000 files asks for
 * it several times (which documents to relink, to rebuild, to validate again),
 * an eighth of the CPU of an edit there after the workspace facts went
 * incremental (CPU profile).
 */
export class CoordLangiumDocuments extends DefaultLangiumDocuments {
    protected override readonly documentTrie = new LastUriTrie<LangiumDocument>();
    private cached: LangiumDocument[] | undefined;
    /**
     * The documents by the text of their URI (`uri.toString()`), for {@link getDocument}; built
     * from `all` after a deletion (a deleted URI takes the documents under it out of the trie too).
     */
    private byText: Map<string, LangiumDocument> | undefined = new Map();

    override get all(): Stream<LangiumDocument> {
        return stream(this.cached ??= super.all.toArray());
    }

    override addDocument(document: LangiumDocument): void {
        this.cached = undefined;
        super.addDocument(document);
        this.byText?.set(document.uri.toString(), document);
    }

    /**
     * Langium's answer, without its work when the URI's text is that of a document's URI:
     * Langium's trie parses and prints the text again (its normal form) and walks one node
     * per path segment at every call, about 13 µs each before V8 optimises it, and a build
     * asks once per document (1,000 times in a 1,000-file check). A document found by the
     * same text is the one the trie holds (the trie keys both by the same normal form, and
     * holds one document per key); any other URI is looked up in the trie.
     */
    override getDocument(uri: URI): LangiumDocument | undefined {
        const byText = this.byText ??= new Map(this.all.map(document => [document.uri.toString(), document] as const));
        return byText.get(uri.toString()) ?? super.getDocument(uri);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.cached = undefined;
        this.byText = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.cached = undefined;
        this.byText = undefined;
        return super.deleteDocuments(folder);
    }
}

export class CoordWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly factory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(
        _folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void,
    ): Promise<void> {
        collector(createStdlibDocument(this.factory));
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        // Never index what a symbolic link points to: the CLI does not follow links either.
        if ((entry as FileSystemNode & { isSymbolicLink?: boolean }).isSymbolicLink) return false;
        return super.shouldIncludeEntry(entry);
    }
}

/**
 * Reads a small text file synchronously — a configuration file, while a
 * document is validated: its text, or `undefined` when there is no such file;
 * it throws when the file is there but refused or unreadable. The workspace's
 * one is the shared service `workspace.ConfigFileReader` (coord-module.ts).
 */
export type ConfigFileReader = (file: URI) => string | undefined;

/**
 * Wraps a file-system provider so that text files are read without a
 * byte-order mark. Which files may be read at all (regular ones, bounded) is
 * the provider's business: on disk `CoordNodeFileSystemProvider`
 * (node-file-system.ts), in the browser the client.
 */
export function bomStrippingFileSystem(inner: FileSystemProvider): FileSystemProvider {
    return new Proxy(inner, {
        get(target, prop, receiver) {
            if (prop === 'readFile') {
                return async (uri: URI) => stripBom(await target.readFile(uri));
            }
            if (prop === 'readFileSync') {
                return (uri: URI) => stripBom(target.readFileSync(uri));
            }
            const value = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}

/**
 * Langium's document builder, plus: after a change, the other documents are
 * validated again when the change can alter their findings, as the change
 * tracker ({@link ChangeTracker}) says from the contributions of the changed
 * declarations: all of them when a declaration appeared, went or was renamed,
 * or a document was deleted; those that declare or mention a name whose facts
 * changed; and those whose findings point into a changed document (their
 * related places may have moved). Documents that reference a changed one are
 * relinked and re-validated by Langium itself. The changed documents are
 * validated first, so the open file gets its diagnostics before the rest of
 * the workspace.
 */
export class CoordDocumentBuilder extends DefaultDocumentBuilder {
    private readonly tracker: ChangeTracker;

    constructor(services: CoordSharedServices) {
        super(services);
        this.tracker = requireService(services.workspace.ChangeTracker, 'ChangeTracker');
        this.onUpdate((changed, deleted) => {
            for (const uri of changed) this.tracker.changed(uri.toString(), this.langiumDocuments.getDocument(uri)?.parseResult?.value);
            if (deleted.length > 0) this.tracker.deleted();
        });
    }

    /**
     * Langium's answer (the requested validation categories a document has not been
     * validated for yet) with a loop in place of a stream: a build asks once per document
     * it validates, and the stream's iterators cost 5–8 µs a call before V8 optimises
     * them (4–9 ms of a 1,000-file check in its CPU profile).
     */
    protected override findMissingValidationCategories(document: LangiumDocument, options: BuildOptions | undefined): ValidationCategory[] {
        const state = this.buildState.get(document.uri.toString());
        const all = this.serviceRegistry.getServices(document.uri).validation.ValidationRegistry.getAllValidationCategories(document);
        const executed: ReadonlySet<ValidationCategory> = state?.result?.validationChecks ? new Set(state.result.validationChecks) : state?.completed ? all : new Set();
        const requested: Iterable<ValidationCategory> = options === undefined || options.validation === true ? all
            : typeof options.validation === 'object' ? (options.validation.categories ?? all) : [];
        const missing: ValidationCategory[] = [];
        for (const category of requested) if (!executed.has(category)) missing.push(category);
        return missing;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        const change = this.tracker.current();
        if (change.uris.size === 0 && !change.all) {
            this.tracker.completed();
            return;
        }
        const built = new Set(documents);
        // A declaration that appeared, went or was renamed may change what references to its
        // name resolve to (a name declared twice resolves to the first file by URI), and
        // Langium relinks only the documents with unresolved references or references into a
        // changed document: relink those that mention the name, and then validate everything
        // again, the changed documents too (their findings may depend on those references).
        const relink = new Set<LangiumDocument>();
        if (change.all && change.names.size > 0) {
            for (const doc of this.langiumDocuments.all) {
                if (doc.state >= DocumentState.Linked && this.tracker.mustRelink(doc, change)) relink.add(doc);
            }
        }
        const stale: LangiumDocument[] = [];
        for (const doc of this.langiumDocuments.all) {
            if (relink.has(doc)) {
                this.resetToState(doc, DocumentState.ComputedScopes);
                stale.push(doc);
                continue;
            }
            if ((built.has(doc) && relink.size === 0) || doc.state < DocumentState.Validated) continue;
            if (this.tracker.affects(doc, change)) {
                this.resetToState(doc, DocumentState.IndexedReferences);
                stale.push(doc);
            }
        }
        /* The second pass is cancellable like the first: a document left unvalidated is
           picked up by the next update, whose build includes every unfinished document.
           (Langium's build fixes its list of documents before it parses them, and what
           else must be validated is known only once the changed ones are parsed.) */
        if (stale.length > 0) await super.buildDocuments(this.sortDocuments(stale), options, cancelToken);
        this.tracker.completed();
    }

    /**
     * Validates the documents open in the editor first, so that the open file gets its
     * diagnostics before the rest of the workspace, also during the first build of a
     * workspace (which starts before the editor has opened anything, so Langium's own
     * ordering of `update` cannot see the open file yet).
     */
    protected override async runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>,
    ): Promise<void> {
        const ordered = targetState === DocumentState.Validated ? this.sortDocuments([...documents]) : documents;
        await super.runCancelable(ordered, targetState, cancelToken, callback);
        // Langium sets the workspace's state once the phase's listeners have run. A document
        // the editor changed meanwhile (the update handler marks it Changed at once and builds
        // it on a later turn) keeps the workspace Changed, so that a request about it waits for
        // that build instead of failing with "workspace state is already …" (-32803).
        if (this.hasChangedDocument()) this.currentState = DocumentState.Changed;
    }

    /** Whether a document waits to be parsed again (marked changed after the running build took its list). */
    private hasChangedDocument(): boolean {
        for (const doc of this.langiumDocuments.all) {
            if (doc.state === DocumentState.Changed) return true;
        }
        return false;
    }
}

/** The largest text Coord parses, in UTF-8 bytes: as the CLI reads files (`MAX_FILE_BYTES`, src/cli/files.ts). */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** The UTF-8 size of a text, counted only as far as needed to tell whether it exceeds {@link MAX_TEXT_BYTES}. */
export function textTooLarge(text: string): number | undefined {
    if (text.length > MAX_TEXT_BYTES) return utf8Bytes(text);
    if (text.length * 3 <= MAX_TEXT_BYTES) return undefined;
    const bytes = utf8Bytes(text);
    return bytes > MAX_TEXT_BYTES ? bytes : undefined;
}

function utf8Bytes(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            bytes += 4;
            i++;
        } else bytes += 3;
    }
    return bytes;
}

/** The parse results of texts too large to parse (an empty model), with their size in bytes. */
const tooLargeResults = new WeakMap<object, number>();

/** The size in bytes of a document's text when it was too large to parse (then its model is empty), else undefined. */
export function tooLargeSize(document: LangiumDocument): number | undefined {
    return tooLargeResults.get(document.parseResult?.value);
}

/** An empty model standing for a text too large to parse. */
function tooLargeResult<T extends AstNode>(bytes: number): ParseResult<T> {
    const value = { $type: 'Model', declarations: [] } as unknown as T;
    tooLargeResults.set(value, bytes);
    return { value, parserErrors: [], lexerErrors: [] };
}

/**
 * Langium's document factory, except that a changed document is parsed again
 * incrementally ({@link reparse}): only the top-level declarations an edit
 * touched, when that gives what a full parse would; otherwise the whole text.
 * Langium's own `update` decides when to parse (the text changed) and calls
 * {@link parseAsync}; this factory only remembers the parse being replaced.
 */
export class CoordDocumentFactory extends DefaultLangiumDocumentFactory {
    /** How the last updates were parsed: counts, and the region of the last incremental one (for tests and the benchmark). */
    readonly stats = { incremental: 0, full: 0, last: undefined as ReparseInfo | string | undefined };
    /** The parse results being replaced, by document URI, while their documents are updated. */
    private readonly replacing = new Map<string, ParseResult<AstNode>>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.replacing.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.replacing.delete(key);
        }
    }

    /**
     * A text larger than the CLI reads (16 MB) is not parsed: the document gets an
     * empty model, and the validator one finding saying so, as `coord check`
     * refuses such a file (issue 21: one 20 MB didChange took the server to
     * 2 GB, a 5 MB one to 924 MB).
     */
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const bytes = textTooLarge(text);
        return bytes !== undefined ? tooLargeResult<T>(bytes) : super.parse<T>(uri, text, options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const bytes = textTooLarge(text);
        if (bytes !== undefined) {
            this.replacing.delete(uri.toString());
            return Promise.resolve(tooLargeResult<T>(bytes));
        }
        let old = this.replacing.get(uri.toString());
        if (old && tooLargeResults.has(old.value)) old = undefined;
        if (old) {
            this.replacing.delete(uri.toString());
            const again = reparse(this.serviceRegistry.getServices(uri).parser, old, text);
            if (again.result) {
                this.stats.incremental++;
                this.stats.last = again.info;
                return Promise.resolve(again.result as ParseResult<T>);
            }
            this.stats.full++;
            this.stats.last = again.reason;
        }
        return super.parseAsync<T>(uri, text, cancellationToken);
    }
}

/** Whether `b` (of the document `uri`) comes before `a` in the index's order: documents by URI, then in document order. */
function comesAfter(a: AstNodeDescription, uri: string, b: AstNodeDescription): boolean {
    const c = compareUris(a.documentUri.toString(), uri);
    if (c !== 0) return c > 0;
    return (a.node?.$containerIndex ?? 0) > (b.node?.$containerIndex ?? 0);
}

/**
 * Langium's index, except that it lists the symbols of documents in the order
 * of their URIs (the standard library first), not in the order they were last
 * indexed. When a name is declared twice (a `duplicate-name` error), references
 * resolve to its first declaration; with Langium's order that was the one in the
 * document indexed first, which changed whenever the other document was edited,
 * so a reference elsewhere could switch targets after an unrelated edit, and an
 * editor session disagreed with `coord check`. Find-references lists its results
 * in the same order.
 */
export class CoordIndexManager extends DefaultIndexManager {
    /**
     * The exported symbols by name, each list in the order of {@link allElements} (documents by
     * URI, then in document order), kept up to date as documents are indexed and removed, so
     * that a lookup by name costs the same whatever the size of the workspace
     * ({@link CoordScopeProvider}: Langium built a hash map of every symbol again after each edit).
     */
    private readonly byName = new Map<string, AstNodeDescription[]>();
    /**
     * The symbols of documents whose content was removed to be indexed again (a
     * changed document, `resetToState`), by URI: still in {@link byName} but not
     * listed, until the document is indexed again and only the symbols that
     * went are taken out ({@link CoordScopeComputation} keeps the descriptions
     * of the declarations an edit did not touch, so most are the same objects).
     */
    private readonly removed = new Map<string, readonly AstNodeDescription[]>();

    override async updateContent(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        const before = this.removed.get(uri) ?? this.symbolIndex.get(uri) ?? [];
        // A cancelled update (it throws) leaves both indexes as they were.
        await super.updateContent(document, cancelToken);
        this.removed.delete(uri);
        const after = this.symbolIndex.get(uri) ?? [];
        // The descriptions before and after: the same at the start and at the end, different between.
        const { start, endBefore, endAfter } = changedStretch(before, after);
        if (endBefore > start) this.forgetNames(before.slice(start, endBefore));
        for (let i = start; i < endAfter; i++) {
            const description = after[i];
            const list = this.byName.get(description.name);
            // Most names are declared once: a list of one, made at its size.
            if (!list) {
                this.byName.set(description.name, [description]);
                continue;
            }
            // After every description that comes before this one: documents by URI, then in document order.
            let at = list.length;
            while (at > 0 && comesAfter(list[at - 1], uri, description)) at--;
            // At the end (a workspace indexed in URI order): a push, not a splice, which makes a list of what it removed.
            if (at === list.length) list.push(description);
            else list.splice(at, 0, description);
        }
    }

    override removeContent(uri: URI): void {
        const key = uri.toString();
        const descriptions = this.symbolIndex.get(key);
        if (descriptions && !this.removed.has(key)) this.removed.set(key, descriptions);
        super.removeContent(uri);
    }

    override remove(uri: URI): void {
        // The document is gone for good (deleted): its symbols too.
        super.remove(uri);
        const key = uri.toString();
        this.forgetNames(this.removed.get(key));
        this.removed.delete(key);
    }

    /** The exported symbols called `name`, in the order of {@link allElements}. */
    elementsNamed(name: string): readonly AstNodeDescription[] {
        const list = this.byName.get(name);
        if (!list) return [];
        if (this.removed.size === 0) return list;
        return list.filter(d => !this.removed.has(d.documentUri.toString()));
    }

    /** Takes descriptions out of the names, each list filtered once (linear, however many share a name). */
    private forgetNames(descriptions: readonly AstNodeDescription[] | undefined): void {
        if (!descriptions || descriptions.length === 0) return;
        if (descriptions.length === 1) {
            const [description] = descriptions;
            const list = this.byName.get(description.name);
            const at = list ? list.indexOf(description) : -1;
            if (at < 0) return;
            if (list!.length === 1) this.byName.delete(description.name);
            else list!.splice(at, 1);
            return;
        }
        const gone = new Set(descriptions);
        for (const name of new Set(descriptions.map(d => d.name))) {
            const list = this.byName.get(name);
            if (!list) continue;
            const kept = list.filter(d => !gone.has(d));
            if (kept.length > 0) this.byName.set(name, kept);
            else this.byName.delete(name);
        }
    }

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const keys = [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)).sort(compareUris);
        return stream(keys).map(uri => this.getFileDescriptions(uri, nodeType)).flat();
    }

    /** The references to a node, by document URI (then in document order), however recently each document was indexed. */
    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const targetUri = AstUtils.getDocument(targetNode).uri.toString();
        const result: ReferenceDescription[] = [];
        for (const uri of [...this.referenceIndex.keys()].sort(compareUris)) {
            for (const description of this.referenceIndex.get(uri) ?? []) {
                if (description.targetPath === astNodePath && description.targetUri.toString() === targetUri) result.push(description);
            }
        }
        return stream(result);
    }
}
