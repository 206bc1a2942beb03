/**
 * Facts about the whole workspace that rules need and that no single document
 * holds: every declaration by name, what is referenced from anywhere, which
 * coordinations involve each programme, and every effect by cell. They are
 * merged from the contributions of the declarations (`contributions.ts`, the
 * one place that says what a declaration offers to the others), once per
 * build and in time linear in the size of the workspace, so that rules stay
 * linear too (no per-reference scan of all names, no per-coordination scan of
 * all effects). Rules read them only through the methods of
 * {@link WorkspaceFacts}, each of which is a read that the contributions of
 * the declaration being checked must cover ({@link readCovered}).
 */
import { DocumentState, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { Coordination, Effects, type Effect, type Model, type NamedDeclaration, type Programme } from '../language/generated/ast.js';
import { isStdlibUri } from '../language/stdlib.js';
import { compareUris } from '../language/order.js';
import { cellKey, contributionOf, declaredName, evidenceKey, type EffectCell, type FactRead } from './contributions.js';
import { coordinationProgrammes } from './queries.js';
import { declarationReferences, linkedTarget } from '../language/coord-linker.js';
import { comparePlaces, DeclarationSync } from './declaration-sync.js';

export interface DeclarationEntry {
    node: NamedDeclaration;
    uri: string;
    stdlib: boolean;
}

/** What rules may know about other declarations of the workspace. */
export interface WorkspaceFacts {
    /** The declarations of the workspace (standard library included) with a name, in the order of their documents' URIs. */
    declarationsNamed(name: string): readonly DeclarationEntry[];
    /** Every named declaration by name (for suggestions: any change to it concerns every declaration). */
    everyDeclaration(): ReadonlyMap<string, readonly DeclarationEntry[]>;
    /** Whether a reference from another declaration resolves to this declaration. */
    isReferenced(declaration: AstNode): boolean;
    /** The coordinations whose `between` lists a programme. */
    coordinationsOf(programme: Programme): readonly Coordination[];
    /** The effects of a cell from the same source (combination, comparator, source, outcome, subgroup; names as written). */
    effectsInCell(cell: EffectCell): readonly Effect[];
    /** (v2) The effects of a §7.2 cell from every source (combination, comparator, outcome, subgroup). */
    effectsAcrossSources(cell: EffectCell): readonly Effect[];
    /** All documents of the workspace, standard library included, in the order of their URIs. */
    readonly documents: readonly LangiumDocument[];
}

/** The reference of a declaration, kept by the name it is written with. */
interface ReferenceEntry {
    readonly node: AstNode;
    readonly uri: string;
    readonly reference: Reference;
}

/** A coordination's `between` reference to a programme, kept by the name it is written with. */
interface MembershipEntry {
    readonly node: AstNode;
    readonly uri: string;
    readonly reference: Reference<Programme>;
}

/** An effect, kept by its cell (and by its §7.2 cell). */
interface EffectEntry {
    readonly node: AstNode;
    readonly uri: string;
    readonly effect: Effect;
}

const NONE: readonly never[] = [];

/** The document of a top-level declaration (its root's), if it is in one. */
function documentOf(declaration: AstNode): LangiumDocument | undefined {
    return (declaration.$container as { $document?: LangiumDocument } | undefined)?.$document;
}

type Placed = { readonly node: AstNode; readonly uri: string };

/** Puts an entry in its list, in the workspace's order (documents by URI, then declarations in document order). */
function insertPlaced<E extends Placed>(map: Map<string, E[]>, key: string, entry: E): void {
    const list = map.get(key);
    if (!list) {
        map.set(key, [entry]);
        return;
    }
    // After every entry that does not come later (a declaration's own entries stay in their order).
    let at = list.length;
    while (at > 0 && comparePlaces(list[at - 1].uri, list[at - 1].node, entry.uri, entry.node) > 0) at--;
    if (at === list.length) list.push(entry);
    else list.splice(at, 0, entry);
}

/**
 * Declarations going out of the lists: each list they are in is filtered once
 * when a document's removals are done, so that taking out n declarations of a
 * list of n (a file of repeated names parsed again) stays linear.
 */
class Removals {
    private readonly gone = new Set<AstNode>();
    private readonly lists = new Map<Map<string, Placed[]>, Set<string>>();

    add<E extends Placed>(map: Map<string, E[]>, key: string, node: AstNode): void {
        this.gone.add(node);
        let keys = this.lists.get(map as Map<string, Placed[]>);
        if (!keys) this.lists.set(map as Map<string, Placed[]>, keys = new Set());
        keys.add(key);
    }

    flush(): void {
        if (this.gone.size === 0) return;
        for (const [map, keys] of this.lists) {
            for (const key of keys) {
                const list = map.get(key);
                if (!list) continue;
                let kept = 0;
                for (let i = 0; i < list.length; i++) if (!this.gone.has(list[i].node)) list[kept++] = list[i];
                if (kept === 0) map.delete(key);
                else list.length = kept;
            }
        }
        this.gone.clear();
        this.lists.clear();
    }
}

/**
 * The workspace facts kept up to date declaration by declaration
 * ({@link DeclarationSync}): after an edit, only the declarations that went and
 * came are taken out and put in, instead of merging every document's share
 * again (in a workspace of 1,000 files that merge was a quarter of the time
 * from an edit to its diagnostics; in a file of 100,000 lines, a quarter of
 * what an edit allocated). What depends on linking (`isReferenced`,
 * `coordinationsOf`) is read from the references when asked, once per name
 * and build. {@link update} gives the facts of a build; they equal
 * {@link computeWorkspaceFacts} of the same documents (property test in
 * test/robustness/incremental.test.ts).
 */
export class IncrementalWorkspaceFacts {
    private readonly declarations = new Map<string, DeclarationEntry[]>();
    private readonly references = new Map<string, ReferenceEntry[]>();
    private readonly memberships = new Map<string, MembershipEntry[]>();
    private readonly cells = new Map<string, EffectEntry[]>();
    private readonly evidence = new Map<string, EffectEntry[]>();
    readonly sync = new DeclarationSync({
        added: (decl, _document, uri) => {
            const c = contributionOf(decl);
            if (c.declared.name) insertPlaced(this.declarations, c.declared.name, { node: decl as NamedDeclaration, uri, stdlib: isStdlibUri(uri) });
            for (const { reference, name } of c.references) if (name) insertPlaced(this.references, name, { node: decl, uri, reference });
            for (const reference of c.memberships) if (reference.$refText) insertPlaced(this.memberships, reference.$refText, { node: decl, uri, reference });
            for (const e of c.effects) {
                if (!e.cell.outcome) continue;
                insertPlaced(this.cells, e.key, { node: decl, uri, effect: e.effect });
                insertPlaced(this.evidence, evidenceKey(e.cell), { node: decl, uri, effect: e.effect });
            }
        },
        removed: decl => {
            const c = contributionOf(decl);
            const out = this.removals;
            if (c.declared.name) out.add(this.declarations, c.declared.name, decl);
            for (const { name } of c.references) if (name) out.add(this.references, name, decl);
            for (const reference of c.memberships) if (reference.$refText) out.add(this.memberships, reference.$refText, decl);
            for (const e of c.effects) {
                if (!e.cell.outcome) continue;
                out.add(this.cells, e.key, decl);
                out.add(this.evidence, evidenceKey(e.cell), decl);
            }
        },
        removalsDone: () => this.removals.flush(),
    });
    private readonly removals = new Removals();

    /** The facts of the documents as they are now (every document of the workspace). */
    update(documents: Iterable<LangiumDocument>): WorkspaceFacts {
        const all = [...documents];
        this.sync.sync(all);
        return this.view(all);
    }

    private view(all: LangiumDocument[]): WorkspaceFacts {
        const { declarations, references, memberships, cells, evidence } = this;
        const referencedByName = new Map<string, ReadonlySet<AstNode>>();
        const coordinationsByName = new Map<string, Map<Programme, Coordination[]>>();
        let sorted: LangiumDocument[] | undefined;
        // Each list of effects is made once per build: rules ask for a cell once per effect in it.
        const inCell = new Map<string, readonly Effect[]>(), across = new Map<string, readonly Effect[]>();
        const effectsOf = (map: Map<string, EffectEntry[]>, made: Map<string, readonly Effect[]>, key: string): readonly Effect[] => {
            let list = made.get(key);
            if (!list) made.set(key, list = map.get(key)?.map(e => e.effect) ?? NONE);
            return list;
        };
        return {
            declarationsNamed: name => declarations.get(name) ?? NONE,
            everyDeclaration: () => declarations,
            isReferenced: declaration => {
                const name = (declaration as Partial<NamedDeclaration>).name;
                if (!name) return false;
                let targets = referencedByName.get(name);
                if (!targets) {
                    const set = new Set<AstNode>();
                    for (const entry of references.get(name) ?? NONE) {
                        // References resolve once their document is linked; before that they refer to nothing.
                        if ((documentOf(entry.node)?.state ?? 0) < DocumentState.Linked) continue;
                        const target = entry.reference.error ? undefined : entry.reference.ref;
                        // A reference from inside a declaration to that same declaration does not make it used.
                        if (target && target !== entry.node) set.add(target);
                    }
                    referencedByName.set(name, targets = set);
                }
                return targets.has(declaration);
            },
            coordinationsOf: programme => {
                const name = programme.name;
                let byProgramme = coordinationsByName.get(name);
                if (!byProgramme) {
                    byProgramme = new Map();
                    for (const entry of memberships.get(name) ?? NONE) {
                        const p = entry.reference.ref;
                        if (!p) continue;
                        let list = byProgramme.get(p);
                        if (!list) byProgramme.set(p, list = []);
                        // A coordination that lists a programme twice involves it once.
                        if (list[list.length - 1] !== entry.node) list.push(entry.node as Coordination);
                    }
                    coordinationsByName.set(name, byProgramme);
                }
                return byProgramme.get(programme) ?? NONE;
            },
            effectsInCell: cell => effectsOf(cells, inCell, cellKey(cell)),
            effectsAcrossSources: cell => effectsOf(evidence, across, evidenceKey(cell)),
            get documents() {
                return sorted ??= [...all].sort((a, b) => compareUris(a.uri.toString(), b.uri.toString()));
            },
        };
    }
}

/** The facts of the documents computed from scratch (the CLI's fallback, and what tests compare the incremental facts with). */
export function computeWorkspaceFacts(documents: Iterable<LangiumDocument>): WorkspaceFacts {
    const declarationsByName = new Map<string, DeclarationEntry[]>();
    const referenced = new Set<AstNode>();
    const coordinationsByProgramme = new Map<Programme, Coordination[]>();
    const effectsByCell = new Map<string, Effect[]>();
    const effectsByEvidence = new Map<string, Effect[]>();
    // In the order of their URIs, as the index lists declarations (CoordIndexManager): a
    // document edited, deleted or added again must not change which entry comes first.
    const docs = [...documents].sort((a, b) => compareUris(a.uri.toString(), b.uri.toString()));
    // Each document's contributions straight into the maps: a one-shot build computes the facts once,
    // and a share of the facts kept per document (lists of entries and pairs) was garbage the
    // collector copied on its way out.
    for (const document of docs) {
        const uri = document.uri.toString();
        const stdlib = isStdlibUri(uri);
        const model = document.parseResult.value as Model;
        // References resolve once the document is linked; before that it refers to nothing.
        const linked = document.state >= DocumentState.Linked;
        const declarations = model.declarations ?? NONE;
        for (let d = 0; d < declarations.length; d++) {
            const decl = declarations[d];
            // What the declaration's contribution says, read straight from it: only an `effects` block's
            // contribution is made (and kept, for the rules that read its cells); the others' were
            // a contribution object and a `WeakMap` entry per declaration that a one-shot build never
            // reads again (test/analysis/one-shot-facts.test.ts compares with the contributions).
            const type = decl.$type;
            const name = declaredName(decl);
            if (name) {
                const entry: DeclarationEntry = { node: decl as NamedDeclaration, uri, stdlib };
                const entries = declarationsByName.get(name);
                if (entries) entries.push(entry);
                else declarationsByName.set(name, [entry]);
            }
            // Each programme once per coordination (queries.ts's DistinctList keeps a hostile `between` linear).
            const programmes = type === Coordination.$type ? coordinationProgrammes(decl as Coordination) : NONE;
            for (let m = 0; m < programmes.length; m++) {
                const programme = programmes[m];
                const list = coordinationsByProgramme.get(programme);
                if (list) list.push(decl as Coordination);
                else coordinationsByProgramme.set(programme, [decl as Coordination]);
            }
            // Parser recovery can leave an effect without its outcome; such an effect is in no cell.
            const effects = type === Effects.$type ? contributionOf(decl).effects : NONE;
            for (let e = 0; e < effects.length; e++) {
                const { key, effect, evidence, cell } = effects[e];
                if (!cell.outcome) continue;
                const list = effectsByCell.get(key);
                if (list) list.push(effect);
                else effectsByCell.set(key, [effect]);
                const across = effectsByEvidence.get(evidence);
                if (across) across.push(effect);
                else effectsByEvidence.set(evidence, [effect]);
            }
            if (linked) {
                // The linker's list of the declaration's references, which its contribution's are.
                const references = declarationReferences(decl);
                for (let r = 0; r < references.length; r++) {
                    // Coord has no multi-references (the grammar has none; `contributions.ts` casts the same way).
                    const target = linkedTarget(references[r].reference as Reference);
                    // A reference from inside a declaration to that same declaration does not make it used.
                    if (target && target !== decl) referenced.add(target);
                }
            }
        }
    }
    return {
        declarationsNamed: name => declarationsByName.get(name) ?? NONE,
        everyDeclaration: () => declarationsByName,
        isReferenced: declaration => referenced.has(declaration),
        coordinationsOf: programme => coordinationsByProgramme.get(programme) ?? NONE,
        effectsInCell: cell => effectsByCell.get(cellKey(cell)) ?? NONE,
        effectsAcrossSources: cell => effectsByEvidence.get(evidenceKey(cell)) ?? NONE,
        documents: docs,
    };
}

/**
 * The same facts, telling `onRead` of every read: for tests that check that
 * what a rule reads about other declarations is covered by the contribution of
 * the declaration it checks ({@link readCovered}), and for counting reads.
 */
export function observeFacts(facts: WorkspaceFacts, onRead: (read: FactRead) => void): WorkspaceFacts {
    return {
        declarationsNamed: name => (onRead({ fact: 'declarationsNamed', name }), facts.declarationsNamed(name)),
        everyDeclaration: () => (onRead({ fact: 'everyDeclaration' }), facts.everyDeclaration()),
        isReferenced: declaration => (onRead({ fact: 'isReferenced', declaration }), facts.isReferenced(declaration)),
        coordinationsOf: programme => (onRead({ fact: 'coordinationsOf', programme }), facts.coordinationsOf(programme)),
        effectsInCell: cell => (onRead({ fact: 'effectsInCell', cell }), facts.effectsInCell(cell)),
        effectsAcrossSources: cell => (onRead({ fact: 'effectsAcrossSources', cell }), facts.effectsAcrossSources(cell)),
        get documents() {
            return facts.documents;
        },
    };
}
