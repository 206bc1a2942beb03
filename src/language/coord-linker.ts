/**
 * Linking and reference indexing without Langium's generic AST streams.
 * Langium's linker and reference-description provider walk the tree with
 * lazy streams and await a cancellation check at every node; on a large
 * document that bookkeeping costs more than the lookups themselves. Here the
 * references are collected by a plain recursive walk, in the same order
 * (each node's own references, then its children), and cancellation is
 * checked every {@link CHECK_EVERY} references, which still lets the next
 * keystroke interrupt a build within a few milliseconds.
 */
import {
    Cancellation, CstUtils, DefaultLinker, GrammarAST, type Grammar, type LangiumCoreServices, UriUtils, type AstNodeLocator, type DocumentSegment, type URI, DefaultReferenceDescriptionProvider, interruptAndCheck, isAstNode, isLinkingError,
    isMultiReference, isReference, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference, type ReferenceDescription,
    type ReferenceInfo, RefResolving,
} from 'langium';
import { referencesChanged } from './link-generation.js';

/** How many references are handled between two cancellation checks. */
export const CHECK_EVERY = 256;

/**
 * The references of each top-level declaration, by declaration. After an edit
 * the incremental parser keeps the declarations the edit did not touch (the
 * same objects), so their references are not collected again.
 */
const referencesOfDeclaration = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/**
 * The references of a top-level declaration, as {@link collectReferences} lists them, without a
 * copy: the list the linker keeps for the declaration (read-only; a one-shot build reads the
 * references of every declaration once more for the workspace facts).
 */
export function declarationReferences(declaration: AstNode): readonly ReferenceInfo[] {
    let own = referencesOfDeclaration.get(declaration);
    if (!own) referencesOfDeclaration.set(declaration, own = collectOwn(declaration, []));
    return own;
}

/** Every reference under `root` (included), in the order of Langium's `streamAst` + `streamReferences`. */
export function collectReferences(root: AstNode, out: ReferenceInfo[] = []): ReferenceInfo[] {
    const container = root.$container;
    if (container !== undefined && container.$container === undefined) {
        // A top-level declaration: its references, collected once.
        let own = referencesOfDeclaration.get(root);
        if (!own) referencesOfDeclaration.set(root, own = collectOwn(root, []));
        for (let i = 0; i < own.length; i++) out.push(own[i]);
        return out;
    }
    return collectOwn(root, out);
}

/**
 * The node types whose nodes can hold no reference and no child node (their
 * properties are keywords, names, strings and numbers): most nodes of a
 * workspace (a programme's `country`, `budget`…, an effect's `size`, `ci`…).
 * The walk does not enter them. Made from the grammar by {@link referenceFreeTypes}
 * once a linker has enough to link ({@link CoordLinker}); empty (every node walked) until then.
 */
let leafTypes: ReadonlySet<string> = new Set();
let leafTypesMade = false;

/** The node types the walk skips now ({@link leafTypes}; for tests: empty until a linker has planned its walk). */
export function skippedTypes(): ReadonlySet<string> {
    return leafTypes;
}

/** A linker makes {@link leafTypes} at its 16th document linked, or at a document of 4,096 characters or more. */
const WALK_PLAN_FROM_DOCUMENTS = 16;
const WALK_PLAN_FROM_CHARACTERS = 4096;

/**
 * The parser rules of a grammar whose nodes can hold neither a reference nor a
 * child: every assignment of the rule takes a keyword, a terminal or a data type
 * rule, and the rule calls no other parser rule. Conservative: a grammar with
 * actions, fragments or rules that return another type than their name gives
 * none (a node's `$type` would then not name its rule).
 */
export function referenceFreeTypes(grammar: Grammar): Set<string> {
    // Exact `$type`s of Langium's grammar language (no subtypes among these), not its generated guards:
    // this runs in every process that links, a cold `coord check` of one line included.
    const out = new Set<string>();
    const rules = grammar.rules;
    for (const rule of rules) {
        if (rule.$type !== 'ParserRule') continue;
        const r = rule as GrammarAST.ParserRule;
        if (r.fragment || r.returnType !== undefined || (r.inferredType !== undefined && r.dataType === undefined)) return new Set();
    }
    const dataRules = new Map<GrammarAST.AbstractRule, boolean>();
    for (const rule of rules) {
        if (rule.$type !== 'ParserRule' || isDataTypeRule(rule as GrammarAST.ParserRule, dataRules)) continue;
        let assignments = 0;
        let leaf = true;
        const visit = (element: GrammarAST.AbstractElement): void => {
            if (!leaf) return;
            switch (element.$type) {
                case 'Keyword':
                    return;
                case 'Assignment':
                    assignments++;
                    visit((element as GrammarAST.Assignment).terminal);
                    return;
                case 'RuleCall': {
                    const target = (element as GrammarAST.RuleCall).rule.ref;
                    if (!(target?.$type === 'TerminalRule' || (target?.$type === 'ParserRule' && isDataTypeRule(target as GrammarAST.ParserRule, dataRules)))) leaf = false;
                    return;
                }
                case 'Group': case 'Alternatives': case 'UnorderedGroup':
                    for (const e of (element as GrammarAST.Group).elements) visit(e);
                    return;
                default:
                    // An action, a cross-reference, anything else: not a leaf.
                    leaf = false;
            }
        };
        visit((rule as GrammarAST.ParserRule).definition);
        if (leaf && assignments > 0) out.add(rule.name);
    }
    return out;
}

/** A parser rule that makes a string or a number, not a node: a data type, or only keywords, terminals and such rules, nothing assigned. */
function isDataTypeRule(rule: GrammarAST.ParserRule, known: Map<GrammarAST.AbstractRule, boolean>): boolean {
    if (rule.dataType !== undefined) return true;
    const cached = known.get(rule);
    if (cached !== undefined) return cached;
    known.set(rule, false); // a rule that calls itself is not one until shown otherwise
    const ok = (element: GrammarAST.AbstractElement): boolean => {
        switch (element.$type) {
            case 'Keyword': return true;
            case 'RuleCall': {
                const target = (element as GrammarAST.RuleCall).rule.ref;
                return target?.$type === 'TerminalRule' || (target?.$type === 'ParserRule' && isDataTypeRule(target as GrammarAST.ParserRule, known));
            }
            case 'Group': case 'Alternatives': case 'UnorderedGroup': return (element as GrammarAST.Group).elements.every(ok);
            default: return false;
        }
    };
    const result = ok(rule.definition);
    known.set(rule, result);
    return result;
}

/**
 * The children still to walk, of every node being walked (each call's share is
 * the stretch from where it started): a node's own references come first, then
 * its children's, in property order, with one pass over its properties.
 */
const pending: AstNode[] = [];

function collectOwn(root: AstNode, out: ReferenceInfo[]): ReferenceInfo[] {
    // `for…in` over a node's own properties (AST nodes are plain objects: nothing enumerable is
    // inherited), in the order `Object.keys` gives, without allocating the array of keys for
    // every node: the walk of a 1,000-file workspace (141,000 nodes) took 25–36 ms with
    // `Object.keys`, 15–24 ms so (warm, in-process). One pass: the children met are set aside
    // (a second pass over the properties to find them again was a third of the walk).
    const record = root as unknown as Record<string, unknown>;
    const base = pending.length;
    for (const property in record) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (typeof value !== 'object' || value === null) continue;
        // Coord's own references first (a class: one prototype test), then lists and nodes; Langium's
        // guards, which probe properties, only for what is none of these.
        // A Coord reference is its own reference info (its container and property are its
        // own): no info object per reference (40,000 in a 1,000-file check, all kept).
        if (value instanceof CoordReference) {
            out.push(value);
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element = value[index];
                if (element instanceof CoordReference) {
                    element.index = index;
                    out.push(element);
                } else if (isAstNode(element)) {
                    if (!leafTypes.has(element.$type)) pending.push(element);
                }
                else if (isReference(element) || isMultiReference(element)) out.push({ reference: element, container: root, property, index });
            }
        } else if (isAstNode(value)) {
            if (!leafTypes.has(value.$type)) pending.push(value);
        } else if (isReference(value) || isMultiReference(value)) {
            out.push({ reference: value, container: root, property });
        }
    }
    const end = pending.length;
    for (let i = base; i < end; i++) collectReferences(pending[i], out);
    pending.length = base;
    return out;
}

/** What resolves a reference lazily (Langium's `ReferenceResolver`, which it does not export). */
type Resolver = { resolveReference(reference: CoordReference, node: AstNode, property: string): AstNode | undefined };

/**
 * Langium's reference (`DefaultReferenceImpl`, not exported), with the same fields and getters,
 * except that the description a link finds (`_nodeDescription`) is a field from the start:
 * Langium adds it when a reference is first linked, long after V8 has fixed the object's size,
 * so every reference got a separate property array and a new hidden class at linking
 * (40,000 references in a 1,000-file check: a megabyte and 40,000 allocations, all kept).
 */
class CoordReference implements Reference, ReferenceInfo {
    _ref: unknown = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;
    readonly $refNode: CstNode | undefined;
    readonly $refText: string;
    /** As a {@link ReferenceInfo}: the reference itself. */
    readonly reference: CoordReference;
    /** As a {@link ReferenceInfo}: its place in its property's list (set by the walk that finds it), or none. */
    index: number | undefined = undefined;

    constructor(private readonly resolver: Resolver, readonly container: AstNode, readonly property: string, refNode: CstNode | undefined, refText: string) {
        this.$refNode = refNode;
        this.$refText = refText;
        this.reference = this;
    }

    get ref(): AstNode | undefined {
        // A linked reference holds its target, an AST node: what Langium's resolver answers first,
        // here without its two calls (bound method, `isAstNode`). The rules read `ref` of most
        // references of a workspace, some several times, in V8's baseline code after the parse.
        return targetNode(this._ref) ?? this.resolver.resolveReference(this, this.container, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/**
 * What a Coord reference holds when it is linked: its target, an AST node (it has a `$type`); otherwise
 * `undefined` (not linked yet, a linking error, or another kind of reference). The one quick test behind
 * {@link linkFailed}, {@link someLinkFailed}, {@link linkedTarget} and `ref`: `isLinkingError` and
 * Langium's resolver would probe a linked target for properties it does not have.
 */
function linkedNode(reference: unknown): AstNode | undefined {
    return reference instanceof CoordReference ? targetNode(reference._ref) : undefined;
}

/** `held` when it is an AST node (a `$type`), else `undefined`. */
function targetNode(held: unknown): AstNode | undefined {
    return held !== undefined && typeof (held as { $type?: unknown }).$type === 'string' ? held as AstNode : undefined;
}

/**
 * Whether a reference's linking failed (it holds a linking error), the same as
 * `reference.error !== undefined`, read cheaply for a linked Coord reference (the
 * rule that looks for unresolved references asks this of every reference of the
 * workspace).
 */
export function linkFailed(reference: Reference): boolean {
    return linkedNode(reference) === undefined && reference.error !== undefined;
}

/**
 * Whether any of the references failed to link (`references.some(r => linkFailed(r.reference))`),
 * in one loop: the rule that looks for unresolved references asks it of every declaration, and
 * almost every reference resolves.
 */
export function someLinkFailed(references: readonly ReferenceInfo[]): boolean {
    for (let i = 0; i < references.length; i++) {
        if (linkFailed(references[i].reference as Reference)) return true;
    }
    return false;
}

/**
 * What a reference resolves to, or `undefined` when its linking failed: the same
 * as `linkFailed(reference) ? undefined : reference.ref`, read straight from a
 * linked Coord reference (the workspace facts ask it of every reference of the
 * workspace; the getter goes through Langium's resolver).
 */
export function linkedTarget(reference: Reference): AstNode | undefined {
    return linkedNode(reference) ?? (reference.error !== undefined ? undefined : reference.ref);
}

/** What {@link CoordLinker} needs of the scope provider to look names up directly (`CoordScopeProvider`). */
interface DirectResolver {
    resolvesDirectly(document: LangiumDocument): boolean;
    resolveGlobal(referenceType: string, name: string): AstNodeDescription | undefined;
}

export class CoordLinker extends DefaultLinker {
    private readonly grammar: Grammar;
    private linkedDocuments = 0;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.grammar = services.Grammar;
    }

    /**
     * The walk's table of reference-free types, made once per process (one grammar: Coord's)
     * when there is enough to walk for it to pay: it costs about half a millisecond, which a
     * cold check of one short file would pay for nothing.
     */
    private planWalk(document: LangiumDocument): void {
        if (leafTypesMade) return;
        if (++this.linkedDocuments < WALK_PLAN_FROM_DOCUMENTS && document.textDocument.getText().length < WALK_PLAN_FROM_CHARACTERS) return;
        leafTypesMade = true;
        leafTypes = referenceFreeTypes(this.grammar);
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new CoordReference(this.referenceResolver as unknown as Resolver, node, property, refNode, refText);
    }

    /**
     * Langium's `unlink`, except that a reference's node description is set to
     * `undefined` instead of deleted: deleting it and adding it again at the next
     * linking gave every reference of a relinked document a new property store,
     * at every edit.
     */
    override unlink(document: LangiumDocument): void {
        referencesChanged();
        for (const ref of document.references) {
            const r = ref as unknown as Record<string, unknown>;
            if ('_ref' in r) {
                r._ref = undefined;
                if ('_nodeDescription' in r) r._nodeDescription = undefined;
            } else if ('_items' in r) {
                r._items = undefined;
                delete r._linkingError;
            }
        }
        document.references = [];
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        referencesChanged();
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        this.planWalk(document);
        const references = collectReferences(document.parseResult.value);
        const direct = this.scopeProvider as Partial<DirectResolver>;
        const resolver = typeof direct.resolvesDirectly === 'function' && direct.resolvesDirectly(document) ? direct as DirectResolver : undefined;
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            const info = references[i];
            if (resolver && info instanceof CoordReference) this.linkDirectly(info, resolver, document);
            else this.doLink(info, document);
        }
    }

    /**
     * Langium's `doLink` for a Coord reference of a document whose scope is the global one:
     * the same result (target, description, or the same linking error), with the name looked
     * up in the index directly ({@link DirectResolver}) instead of through `getScope` and
     * the scope's `getElement` for each of a workspace's 40,000 references.
     */
    private linkDirectly(ref: CoordReference, resolver: DirectResolver, document: LangiumDocument): void {
        // The reference may already have been resolved lazily by reading its `ref`.
        if (ref._ref !== undefined) return;
        ref._ref = RefResolving;
        try {
            const description = resolver.resolveGlobal(this.reflection.getReferenceType(ref), ref.$refText);
            if (description === undefined) {
                ref._ref = this.createLinkingError(ref);
            } else {
                ref._nodeDescription = description;
                ref._ref = this.loadAstNode(description) ?? this.createLinkingError(ref, description);
            }
        } catch {
            // Anything unexpected: Langium's own path, with its message.
            ref._ref = undefined;
            ref._nodeDescription = undefined;
            this.doLink(ref, document);
            return;
        }
        document.references.push(ref);
    }
}

export class CoordReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** The descriptions of each top-level declaration's references, kept while the declaration is (see {@link collectReferences}). */
    private readonly byDeclaration = new WeakMap<AstNode, readonly LazyReferenceDescription[]>();

    /**
     * Langium's descriptions of a document's references, except that each is
     * read from its reference when asked: where it points (after the latest
     * linking) and where it sits (after the latest edit). After an edit the
     * whole document is indexed again; only find-references reads places, and
     * the declarations an edit did not touch keep their descriptions.
     */
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const declarations = (document.parseResult.value as AstNode & { declarations?: AstNode[] }).declarations ?? [];
        for (let i = 0; i < declarations.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            const declaration = declarations[i];
            let list = this.byDeclaration.get(declaration);
            if (!list) {
                list = collectReferences(declaration).map(info => new LazyReferenceDescription(info, document.uri, this.nodeLocator));
                this.byDeclaration.set(declaration, list);
            }
            for (const d of list) if (d.refresh()) descriptions.push(d);
        }
        return descriptions;
    }
}

/**
 * A reference description kept with its reference: where it points is
 * refreshed at every indexing (after the latest linking); where it sits (its
 * path and range) is read when asked (after the latest edit). Coord has no
 * multi-references.
 */
class LazyReferenceDescription implements ReferenceDescription {
    targetUri!: URI;
    targetPath!: string;
    local!: boolean;

    constructor(private readonly info: ReferenceInfo, readonly sourceUri: URI, private readonly locator: AstNodeLocator) {}

    /** Reads where the reference points now; false if it does not resolve (then it is not described). */
    refresh(): boolean {
        const reference = this.info.reference;
        if (!isReference(reference) || reference.error || !reference.$refNode) return false;
        const target = reference.$nodeDescription;
        if (!target) return false;
        this.targetUri = target.documentUri;
        this.targetPath = target.path;
        this.local = UriUtils.equals(target.documentUri, this.sourceUri);
        return true;
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.info.container);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.info.reference.$refNode!);
    }
}
