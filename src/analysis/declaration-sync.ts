/**
 * Keeps something kept per top-level declaration (the workspace facts, the
 * change tracker's index of names) in step with the documents of a workspace,
 * declaration by declaration: after an edit, only the declarations that went
 * and those that came are handed over, not every declaration again.
 *
 * The incremental parser (`language/incremental-parse.ts`) keeps the
 * declarations an edit did not touch (the same objects) in a new root, so the
 * difference between a document's old and new declarations is the stretch
 * between their common start and end (compared by identity). A document whose
 * root did not change costs one comparison; one that went has all its
 * declarations removed. Documents are handled in the order of their URIs, and
 * within a document removals come before additions, so that a listener may
 * insert in order (`compareUris`, then `$containerIndex`, which the parser
 * keeps current).
 */
import type { AstNode, LangiumDocument } from 'langium';
import { changedStretch, compareUris } from '../language/order.js';

export interface DeclarationListener {
    /** A declaration of `document` came (its `$containerIndex` is its place). */
    added(declaration: AstNode, document: LangiumDocument, uri: string): void;
    /** A declaration that `added` was given went (the listener knows where it put it). */
    removed(declaration: AstNode, uri: string): void;
    /** The removals of a document are done (before its additions): a listener may take them out in one pass per list. */
    removalsDone?(): void;
}

interface SyncedDocument {
    document: LangiumDocument;
    root: unknown;
    declarations: readonly AstNode[];
    seen: number;
}

const NONE: readonly AstNode[] = [];

/** The declarations of a root node (a `Model`), or none. */
export function declarationsOf(root: unknown): readonly AstNode[] {
    return (root as { declarations?: AstNode[] } | undefined)?.declarations ?? NONE;
}

export class DeclarationSync {
    private readonly documents = new Map<string, SyncedDocument>();
    private generation = 0;
    /** Declarations handed over since this sync was made (for tests that count the work of an edit). */
    readonly counts = { added: 0, removed: 0, documentsChanged: 0 };

    constructor(private readonly listener: DeclarationListener) {}

    /** Hands the listener what changed since the last sync; `documents` is every document of the workspace. */
    sync(documents: Iterable<LangiumDocument>): void {
        const generation = ++this.generation;
        let changed: Array<{ uri: string; document: LangiumDocument; entry: SyncedDocument | undefined }> | undefined;
        for (const document of documents) {
            const uri = document.uri.toString();
            const entry = this.documents.get(uri);
            if (entry) entry.seen = generation;
            if (entry && entry.document === document && entry.root === document.parseResult?.value) continue;
            (changed ??= []).push({ uri, document, entry });
        }
        let gone: string[] | undefined;
        for (const [uri, entry] of this.documents) if (entry.seen !== generation) (gone ??= []).push(uri);
        for (const uri of gone ?? []) {
            const entry = this.documents.get(uri)!;
            this.documents.delete(uri);
            this.counts.documentsChanged++;
            for (const declaration of entry.declarations) this.remove(declaration, uri);
        }
        if (gone) this.listener.removalsDone?.();
        if (!changed) return;
        if (changed.length > 1) changed.sort((a, b) => compareUris(a.uri, b.uri));
        for (const { uri, document, entry } of changed) {
            this.counts.documentsChanged++;
            const root = document.parseResult?.value;
            const now = declarationsOf(root);
            const before = entry?.declarations ?? NONE;
            // The common start and end (the declarations an edit did not touch), then the stretch between.
            const { start, endBefore, endAfter: endNow } = changedStretch(before, now);
            for (let i = start; i < endBefore; i++) this.remove(before[i], uri);
            if (endBefore > start) this.listener.removalsDone?.();
            for (let i = start; i < endNow; i++) {
                this.counts.added++;
                this.listener.added(now[i], document, uri);
            }
            this.documents.set(uri, { document, root, declarations: now, seen: generation });
        }
    }

    /** Whether the declarations of a document were handed over as they are now. */
    isCurrent(document: LangiumDocument): boolean {
        const entry = this.documents.get(document.uri.toString());
        return entry !== undefined && entry.document === document && entry.root === document.parseResult?.value;
    }

    private remove(declaration: AstNode, uri: string): void {
        this.counts.removed++;
        this.listener.removed(declaration, uri);
    }
}

/**
 * Where a declaration sits in the workspace's order (documents by URI, then
 * declarations in document order): negative if `a` comes before `b`.
 */
export function comparePlaces(uriA: string, a: AstNode, uriB: string, b: AstNode): number {
    if (uriA !== uriB) return compareUris(uriA, uriB);
    return (a.$containerIndex ?? 0) - (b.$containerIndex ?? 0);
}
