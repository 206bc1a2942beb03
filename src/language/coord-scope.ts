/**
 * Scoping for Coord. Every declaration is top-level and visible in the whole
 * workspace, so the exported symbols in Langium's index (a hash map per
 * reference type) are the only scope: no per-document local symbols are kept.
 * This keeps linking linear in the size of a file; Langium's default local
 * scope is a linear scan per reference, which made linking quadratic.
 *
 * The global scope looks names up in the index itself ({@link CoordScopeProvider}):
 * Langium's builds a hash map of every exported symbol of the reference's type
 * again after every change of the workspace, which after an edit in a workspace
 * of 1,000 files was about a quarter of the time to its diagnostics (CPU profile).
 */
import {
    AstUtils, Cancellation, CstUtils, DefaultScopeComputation, interruptAndCheck,
    type AstNodeLocator, type DocumentSegment, type NameProvider, type URI, DefaultScopeProvider, EMPTY_STREAM, MultiMap, MultiMapScope, stream,
    type AstNode, type AstNodeDescription, type AstReflection, type LangiumCoreServices, type LangiumDocument, type LocalSymbols,
    type ReferenceInfo, type Scope, type Stream,
} from 'langium';
import type { CoordIndexManager } from './coord-workspace.js';
import { CHECK_EVERY } from './coord-linker.js';

/** The local symbols of every Coord document: none (one shared, empty map). */
const NO_LOCAL_SYMBOLS: LocalSymbols = new MultiMap<AstNode, never>();

export class CoordScopeComputation extends DefaultScopeComputation {
    private readonly locator: AstNodeLocator;
    /** The exported description of each top-level declaration (null: it has no name), kept while the declaration is. */
    private readonly exported = new WeakMap<AstNode, AstNodeDescription | null>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return NO_LOCAL_SYMBOLS;
    }

    /**
     * Langium's exported symbols (the named children of the root: every Coord
     * declaration), except that the description of a declaration is made once and
     * kept while the declaration is: after an edit the incremental parser keeps
     * the declarations it did not touch, and describing all of them again was a
     * fifth of what an edit of a 100k-line file allocated. Where a description
     * points (its path and ranges) is read from the declaration when asked.
     */
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as AstNode & { declarations?: AstNode[] };
        const exports: AstNodeDescription[] = [];
        const declarations = root.declarations ?? [];
        for (let i = 0; i < declarations.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            const declaration = declarations[i];
            let description = this.exported.get(declaration);
            if (description === undefined) {
                const name = this.nameProvider.getName(declaration);
                description = name ? new ExportedDescription(declaration, name, document.uri, this.locator, this.nameProvider) : null;
                this.exported.set(declaration, description);
            }
            if (description) exports.push(description);
        }
        return exports;
    }
}

/**
 * The description of an exported declaration, with the values Langium's
 * `DefaultAstNodeDescriptionProvider` gives, except that its path and segments
 * are read from the declaration when asked (so it stays right when an edit
 * above it moves it). A class with getters on its prototype: an object literal
 * with getters (as this was until 7 December 2026) makes V8 define three
 * accessors and their closures for every declaration, which cost some 30 ms
 * per 20,000 declarations while indexing (a 1,000-file or 100,000-line check).
 */
class ExportedDescription implements AstNodeDescription {
    readonly type: string;
    private pathIndex = -1;
    private pathText = '';

    constructor(
        readonly node: AstNode, readonly name: string, readonly documentUri: URI,
        private readonly locator: AstNodeLocator, private readonly names: NameProvider,
    ) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        const cst = this.names.getNameNode(this.node) ?? this.node.$cstNode;
        return cst && CstUtils.toDocumentSegment(cst);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.node.$cstNode && CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get path(): string {
        const index = this.node.$containerIndex ?? -1;
        if (index !== this.pathIndex) {
            this.pathText = this.locator.getAstNodePath(this.node);
            this.pathIndex = index;
        }
        return this.pathText;
    }
}

/**
 * The global scope of one reference type, read from the index's names as they
 * are now: the same elements, in the same order, as Langium's `MultiMapScope`
 * over `allElements(referenceType)`, without building it.
 */
class IndexScope implements Scope {
    constructor(
        private readonly index: CoordIndexManager,
        private readonly reflection: AstReflection,
        private readonly referenceType: string,
    ) { }

    getElement(name: string): AstNodeDescription | undefined {
        for (const description of this.index.elementsNamed(name)) {
            if (this.reflection.isSubtype(description.type, this.referenceType)) return description;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const all = this.index.elementsNamed(name);
        return all.length === 0 ? EMPTY_STREAM : stream(all.filter(d => this.reflection.isSubtype(d.type, this.referenceType)));
    }

    /** Every element, in the order Langium's `MultiMapScope` gives them (grouped by name); built on request (completion, "did you mean"). */
    getAllElements(): Stream<AstNodeDescription> {
        return new MultiMapScope(this.index.allElements(this.referenceType)).getAllElements();
    }
}

/** Langium's scope provider, with a global scope that looks names up in the index ({@link IndexScope}). */
export class CoordScopeProvider extends DefaultScopeProvider {
    private readonly scopes = new Map<string, IndexScope>();

    constructor(services: LangiumCoreServices) {
        super(services);
    }

    /**
     * Coord keeps no local symbols ({@link CoordScopeComputation}), so the scope of
     * every reference is the global one: Langium's walk up the containers looking
     * for local symbols allocated for every reference at every linking.
     */
    override getScope(context: ReferenceInfo): Scope {
        const local = AstUtils.getDocument(context.container).localSymbols;
        if (local !== undefined && local !== NO_LOCAL_SYMBOLS) return super.getScope(context);
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    /**
     * Whether every reference of `document` can be resolved by {@link resolveGlobal}: the
     * document keeps no local symbols and the index looks names up ({@link CoordIndexManager}).
     */
    resolvesDirectly(document: LangiumDocument): boolean {
        const local = document.localSymbols;
        return (local === undefined || local === NO_LOCAL_SYMBOLS)
            && typeof (this.indexManager as Partial<CoordIndexManager>).elementsNamed === 'function';
    }

    /**
     * What `getScope(info).getElement(name)` answers for a reference of a document that
     * {@link resolvesDirectly}: the first element called `name` of `referenceType` (or a
     * subtype) in the index's order, without the walk to the document, the scope's
     * look-up and the iterators (linking asks this of every reference;
     * `test/performance/direct-resolution.test.ts` compares the two).
     */
    resolveGlobal(referenceType: string, name: string): AstNodeDescription | undefined {
        const all = (this.indexManager as CoordIndexManager).elementsNamed(name);
        for (let i = 0; i < all.length; i++) {
            const description = all[i];
            if (description.type === referenceType || this.reflection.isSubtype(description.type, referenceType)) return description;
        }
        return undefined;
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        if (typeof (this.indexManager as Partial<CoordIndexManager>).elementsNamed !== 'function') return super.getGlobalScope(referenceType, _context);
        let scope = this.scopes.get(referenceType);
        if (!scope) {
            scope = new IndexScope(this.indexManager as CoordIndexManager, this.reflection, referenceType);
            this.scopes.set(referenceType, scope);
        }
        return scope;
    }
}
