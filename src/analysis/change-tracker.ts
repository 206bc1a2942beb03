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
import { contributionChange, contributionOf, declarationMentions, documentMentions } from './contributions.js';

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

    constructor(private readonly services: Pick<CoordSharedServices, 'workspace'>) {}

    private get documents(): LangiumDocuments {
        return this.services.workspace.LangiumDocuments;
    }

    changed(uri: string, before: AstNode | undefined): void {
        if (!this.pending.has(uri)) this.pending.set(uri, before);
    }

    deleted(): void {
        this.deletedSinceBuild = true;
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
        return documentMentions(document.parseResult?.value, change.names);
    }

    stale(declaration: AstNode, change: ValidationChange): boolean {
        return change.all || declarationMentions(declaration, change.names);
    }

    validated(document: LangiumDocument, relatedUris: ReadonlySet<string>): void {
        this.related.set(document, relatedUris);
    }
}
