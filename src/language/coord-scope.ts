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
    DefaultScopeComputation, DefaultScopeProvider, EMPTY_STREAM, MultiMap, MultiMapScope, stream,
    type AstNode, type AstNodeDescription, type AstReflection, type LangiumCoreServices, type LangiumDocument, type LocalSymbols,
    type ReferenceInfo, type Scope, type Stream,
} from 'langium';
import type { CoordIndexManager } from './coord-workspace.js';

export class CoordScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, never>();
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
