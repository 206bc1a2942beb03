/**
 * The change tracker ({@link ChangeTracker}): what the edits of a build
 * changed that other declarations can see, shared by the document builder
 * (which documents to relink and validate again) and the validator (which
 * declarations' findings still hold). Every answer derives from the
 * declarations' contributions (`contributions.ts`): the change is the
 * difference between the old and the new contributions of each changed
 * document, and a document or declaration is affected when its contribution
 * mentions a changed name.
 */
import { URI, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { ChangeTracker, CoordSharedServices, ValidationChange } from '../language/change-tracker.js';
import { contributionChange, contributionOf, declarationMentions, documentMentions, mentionedNames } from './contributions.js';
import { DeclarationSync } from './declaration-sync.js';

/**
 * The declarations that involve each name (declare or mention it, as
 * `mentions` reads a contribution), kept declaration by declaration: which
 * declarations and documents a change concerns is a look-up per changed name,
 * not a scan of every declaration of the workspace (after an edit in a
 * workspace of 1,000 files that scan was an eighth of the time to the
 * diagnostics, and in a file of 100,000 lines a tenth of what an edit allocated).
 */
class MentionIndex {
    private readonly byName = new Map<string, AstNode[]>();
    private readonly uris = new WeakMap<AstNode, string>();
    readonly sync = new DeclarationSync({
        added: (declaration, _document, uri) => {
            this.uris.set(declaration, uri);
            for (const name of mentionedNames(contributionOf(declaration))) {
                const list = this.byName.get(name);
                if (list) list.push(declaration);
                else this.byName.set(name, [declaration]);
            }
        },
        removed: declaration => {
            this.uris.delete(declaration);
            this.gone.add(declaration);
            for (const name of mentionedNames(contributionOf(declaration))) this.goneNames.add(name);
        },
        // Each list filtered once for all the declarations a document lost (linear, however many share a name).
        removalsDone: () => {
            for (const name of this.goneNames) {
                const list = this.byName.get(name);
                if (!list) continue;
                const kept = list.filter(d => !this.gone.has(d));
                if (kept.length > 0) this.byName.set(name, kept);
                else this.byName.delete(name);
            }
            this.gone.clear();
            this.goneNames.clear();
        },
    });
    private readonly gone = new Set<AstNode>();
    private readonly goneNames = new Set<string>();

    /** Whether a declaration is in the index (handed over by the last sync). */
    has(declaration: AstNode): boolean {
        return this.uris.has(declaration);
    }

    /** The declarations that involve any of the names, and their documents' URIs. */
    involving(names: ReadonlySet<string>): { declarations: Set<AstNode>; uris: Set<string> } {
        const declarations = new Set<AstNode>(), uris = new Set<string>();
        for (const name of names) {
            for (const declaration of this.byName.get(name) ?? []) {
                declarations.add(declaration);
                uris.add(this.uris.get(declaration)!);
            }
        }
        return { declarations, uris };
    }
}

interface MutableChange {
    all: boolean;
    readonly names: Set<string>;
    readonly uris: Set<string>;
}

export class CoordChangeTracker implements ChangeTracker {
    /** Documents changed since the last build, with their root node before the change. */
    private readonly pending = new Map<string, AstNode | undefined>();
    private deletedSinceBuild = false;
    /** What the build under way changed; kept until a build completes. */
    private change: MutableChange | undefined;
    /** Where each document's latest findings point. */
    private readonly related = new WeakMap<LangiumDocument, ReadonlySet<string>>();
    private readonly index = new MentionIndex();
    /** Documents changed or deleted since the index was last brought up to date. */
    private indexStale = true;
    /** What the change under way concerns (by the index), for the names it had when computed. */
    private concerned: { change: ValidationChange; size: number; declarations: Set<AstNode>; uris: Set<string> } | undefined;
    /** How often a question was answered by scanning contributions instead of the index (tests count it). */
    readonly scans = { declarations: 0, documents: 0 };

    constructor(private readonly services: Pick<CoordSharedServices, 'workspace'>) {}

    private get documents(): LangiumDocuments {
        return this.services.workspace.LangiumDocuments;
    }

    changed(uri: string, before: AstNode | undefined): void {
        if (!this.pending.has(uri)) this.pending.set(uri, before);
        this.indexStale = true;
    }

    deleted(): void {
        this.deletedSinceBuild = true;
        this.indexStale = true;
    }

    current(): ValidationChange {
        const change = this.change ??= { all: false, names: new Set(), uris: new Set() };
        if (this.deletedSinceBuild) change.all = true;
        for (const [uri, before] of this.pending) {
            change.uris.add(uri);
            if (change.all) continue;
            const c = contributionChange(before, this.documents.getDocument(URI.parse(uri))?.parseResult?.value);
            if (c.declarations) change.all = true;
            c.names.forEach(n => change.names.add(n));
        }
        this.pending.clear();
        this.deletedSinceBuild = false;
        return change;
    }

    completed(): void {
        this.change = undefined;
        this.concerned = undefined;
    }

    mustRelink(document: LangiumDocument, change: ValidationChange): boolean {
        if (change.names.size === 0) return false;
        for (const declaration of (document.parseResult?.value as { declarations?: AstNode[] } | undefined)?.declarations ?? []) {
            if (contributionOf(declaration).references.some(r => change.names.has(r.name))) return true;
        }
        return false;
    }

    affects(document: LangiumDocument, change: ValidationChange): boolean {
        if (change.all) return true;
        const related = this.related.get(document);
        if (related) for (const uri of change.uris) if (related.has(uri)) return true;
        if (change.names.size === 0) return false;
        this.updateIndex();
        if (!this.index.sync.isCurrent(document)) {
            this.scans.documents++;
            return documentMentions(document.parseResult?.value, change.names);
        }
        return this.concernedBy(change).uris.has(document.uri.toString());
    }

    stale(declaration: AstNode, change: ValidationChange): boolean {
        if (change.all) return true;
        if (change.names.size === 0) return false;
        this.updateIndex();
        if (!this.index.has(declaration)) {
            this.scans.declarations++;
            return declarationMentions(declaration, change.names);
        }
        return this.concernedBy(change).declarations.has(declaration);
    }

    /**
     * Brings the index up to date with the documents when they changed, on the
     * first question that needs it (asked after parsing; a one-shot build, which
     * validates everything, never asks).
     */
    private updateIndex(): void {
        if (!this.indexStale) return;
        this.index.sync.sync(this.documents.all);
        this.indexStale = false;
        this.concerned = undefined;
    }

    /** The declarations and documents that involve a name of the change (computed again when a cancelled build's change gains names). */
    private concernedBy(change: ValidationChange): { declarations: Set<AstNode>; uris: Set<string> } {
        const c = this.concerned;
        if (c && c.change === change && c.size === change.names.size) return c;
        const found = this.index.involving(change.names);
        this.concerned = { change, size: change.names.size, ...found };
        return found;
    }

    /** The index's sync (tests count the declarations it handles). */
    get indexCounts(): DeclarationSync['counts'] {
        return this.index.sync.counts;
    }

    validated(document: LangiumDocument, relatedUris: ReadonlySet<string>): void {
        this.related.set(document, relatedUris);
    }
}
