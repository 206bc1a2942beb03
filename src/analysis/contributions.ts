/**
 * Contributions: the one place that says what a top-level declaration offers
 * to, and needs from, the rest of the workspace. Everything incremental work
 * knows about cross-declaration facts derives from {@link contributionOf}:
 *
 * - the workspace facts rules read ({@link computeWorkspaceFacts} merges the
 *   contributions of every declaration);
 * - what an edit changed for other documents ({@link contributionChange}: the
 *   difference between the old and the new contributions of the declarations
 *   the edit touched);
 * - which declarations must be checked again ({@link mentions}: a declaration
 *   whose contribution names a changed name), and which declarations a
 *   declaration's findings depend on ({@link dependencyReferences}).
 *
 * A contribution is computed once per declaration object (the incremental
 * parser keeps the objects of the declarations an edit did not touch) and is
 * plain data about the declaration's own text; what its references resolve to
 * is read when the facts are merged.
 *
 * To let a rule read a new kind of fact across declarations, see the recipe
 * "Add a rule that reads another declaration" in ARCHITECTURE.md: add a field
 * to {@link Contribution}, its entry in {@link FIELDS} (the type checker
 * insists), merge it in `workspace-facts.ts` behind an accessor method, and
 * say in {@link readCovered} which contributions cover a read of it.
 */
import type { AstNode, Reference, ReferenceInfo } from 'langium';
import {
    Coordination, Effects, isNamedDeclaration,
    type Effect, type NamedDeclaration, type Programme,
} from '../language/generated/ast.js';
import { collectReferences, declarationReferences } from '../language/coord-linker.js';
import { combinationKey, propertiesOf } from './queries.js';

/**
 * The cell of the evidence an effect belongs to: effects in one cell speak
 * about the same thing (the same combination, source and outcome) and are
 * compared with each other. More coordinates (a comparator, a subgroup) join
 * by adding a field here and to {@link cellKey}.
 */
export interface EffectCell {
    /** The combination of programmes, names as written, sorted ({@link combinationKey}). */
    readonly combination: string;
    /** (v2, §7.2) The comparator's programmes, sorted and joined with `+` ('' for `none` or no `versus`). */
    readonly comparator: string;
    /** The evaluation named by `from`, as written ('' without one). */
    readonly source: string;
    /** The outcome, as written. */
    readonly outcome: string;
    /** (v2, §7.1) The `subgroup` population, as written ('' for the whole population). */
    readonly subgroup: string;
}

/** The key of a cell and a source: equal keys, same cell, same source. */
export function cellKey(cell: EffectCell): string {
    return cell instanceof KeyedCell ? cell.key : `${cell.combination}|${cell.comparator}|${cell.source}|${cell.outcome}|${cell.subgroup}`;
}

/** The key of the §7.2 cell, whatever the source: effects of equal keys are compared across sources. */
export function evidenceKey(cell: EffectCell): string {
    return cell instanceof KeyedCell ? cell.evidence : `${cell.combination}|${cell.comparator}|${cell.outcome}|${cell.subgroup}`;
}

/**
 * A cell of a contribution, with its keys made once: rules ask the facts for a
 * cell's effects once per effect, and a key made again each time (a string of
 * five names, hashed anew) was a tenth of validation's CPU. The keys are
 * private fields (a cell still equals a plain {@link EffectCell} of the same
 * coordinates), kept on the cell itself rather than in a `WeakMap` beside it,
 * whose entries every garbage collection of a one-shot build had to trace.
 */
class KeyedCell implements EffectCell {
    readonly #key: string;
    readonly #evidence: string;
    constructor(readonly combination: string, readonly comparator: string, readonly source: string, readonly outcome: string, readonly subgroup: string) {
        this.#key = `${combination}|${comparator}|${source}|${outcome}|${subgroup}`;
        this.#evidence = `${combination}|${comparator}|${outcome}|${subgroup}`;
    }

    get key(): string {
        return this.#key;
    }

    get evidence(): string {
        return this.#evidence;
    }
}

/** The names a cell is written with: a change in the cell concerns the declarations that mention any of them. */
export function cellNames(cell: EffectCell, programmes: readonly string[]): string[] {
    return [...programmes, cell.source, cell.outcome, ...(cell.comparator ? cell.comparator.split('+') : []), cell.subgroup].filter(n => n);
}

/** The cell of an effect of an `effects` block. */
export function effectCell(block: Effects, effect: Effect): EffectCell {
    return cellIn(blockCoordinates(block), effect);
}

/** What the cells of a block's effects share: its combination, comparator and source. */
interface BlockCoordinates {
    readonly combination: string;
    readonly comparator: string;
    readonly source: string;
}

function blockCoordinates(block: Effects): BlockCoordinates {
    const comparator = block.comparator && !block.comparator.none ? block.comparator.programmes.map(r => r.$refText).filter(n => n) : [];
    return {
        combination: combinationKey(block.programmes.map(r => r.$refText)),
        comparator: combinationKey(comparator),
        source: block.source?.$refText ?? '',
    };
}

function cellIn(block: BlockCoordinates, effect: Effect): KeyedCell {
    let subgroup = '';
    const details = effect.details ?? [];
    for (let i = 0; i < details.length; i++) {
        const d = details[i];
        if (d?.$type === 'SubgroupDetail') {
            subgroup = (d as { population?: { $refText: string } }).population?.$refText ?? '';
            break;
        }
    }
    return new KeyedCell(block.combination, block.comparator, block.source, effect.outcome?.$refText ?? '', subgroup);
}

/** A reference of a declaration: where it sits (container type and property) and the name it is written with. */
export interface ContributedReference {
    readonly reference: Reference;
    readonly place: string;
    readonly name: string;
}

/** An effect with its cell and direction. */
export interface ContributedEffect {
    readonly effect: Effect;
    readonly cell: EffectCell;
    /** The cell's {@link cellKey}. */
    readonly key: string;
    /** The cell's {@link evidenceKey}. */
    readonly evidence: string;
    readonly direction: string;
    /** The programmes of its block, as written and in order. */
    readonly programmes: readonly string[];
}

/**
 * A reference of a declaration, its place made when asked: only the comparison
 * of contributions after an edit reads it, and a `coord check` makes one of
 * these per reference of the workspace.
 */
class ReferenceOfDeclaration implements ContributedReference {
    readonly name: string;
    constructor(readonly reference: Reference, private readonly container: AstNode, private readonly property: string) {
        this.name = reference.$refText;
    }

    get place(): string {
        return `${this.container.$type}.${this.property}`;
    }
}

/** What one top-level declaration offers to and needs from the rest of the workspace. */
export interface Contribution {
    /** The kind and name it declares (name '' when parser recovery left it unnamed, or for an `effects` block). */
    readonly declared: { readonly type: string; readonly name: string };
    /** Every reference inside it, in the linker's order. */
    readonly references: readonly ContributedReference[];
    /** A coordination's memberships: the programme references of its `between`s. */
    readonly memberships: ReadonlyArray<Reference<Programme>>;
    /** An `effects` block's effects, by cell. */
    readonly effects: readonly ContributedEffect[];
}

/**
 * How each field of a contribution is compared before and after an edit: the
 * tokens it offers (an edit that adds or removes a token changes what other
 * declarations can see), the names each token involves (the declarations that
 * mention one of them are checked again), and whether a change of the field
 * concerns every declaration of the workspace (`everyone`: names that appear,
 * go or change kind change what references resolve to). A mapped type: a
 * field without an entry here does not compile.
 */
interface FieldRule<T> {
    readonly everyone: boolean;
    /** The token of an item; `owner` is the declared kind and name of its declaration. */
    key(item: T, owner: string): string;
    names(item: T): readonly string[];
}

type Items<K extends keyof Contribution> = Contribution[K] extends ReadonlyArray<infer T> ? T : Contribution[K];

export const FIELDS: { readonly [K in keyof Contribution]: FieldRule<Items<K>> } = {
    declared: {
        everyone: true,
        key: d => `${d.type} ${d.name}`,
        names: d => (d.name ? [d.name] : []),
    },
    references: {
        everyone: false,
        // A reference counts with its declaration: moving `P` from one coordination's
        // `between` to another's changes which coordinations involve P.
        key: (r, owner) => `${owner}: ${r.place}=${r.name}`,
        names: r => [r.name],
    },
    memberships: {
        everyone: false,
        key: (r, owner) => `member ${owner} ${r.$refText}`,
        names: r => [r.$refText],
    },
    effects: {
        everyone: false,
        key: e => `effect ${e.direction} ${e.programmes.join(' ')} ${e.key}`,
        names: e => cellNames(e.cell, e.programmes),
    },
};

const FIELD_NAMES = Object.keys(FIELDS) as Array<keyof Contribution>;

/** The items of a field of a contribution, as a list. */
function itemsOf<K extends keyof Contribution>(c: Contribution, field: K): ReadonlyArray<Items<K>> {
    const value = c[field];
    return (Array.isArray(value) ? value : [value]) as ReadonlyArray<Items<K>>;
}

const cache = new WeakMap<AstNode, Contribution>();

const NONE: readonly never[] = [];

/**
 * A contribution as {@link computeContribution} makes it: its references are the
 * linker's list of the declaration's references ({@link declarationReferences}),
 * described as {@link ContributedReference}s only when asked — comparing
 * contributions after an edit asks; a one-shot build (`coord check`) reads only
 * what they resolve to (`computeWorkspaceFacts` reads the linker's list), and made 40,000 descriptions
 * per 1,000 files for nothing.
 */
class DeclarationContribution implements Contribution {
    private described: readonly ContributedReference[] | undefined;

    constructor(
        readonly declared: { readonly type: string; readonly name: string },
        readonly infos: readonly ReferenceInfo[],
        readonly memberships: ReadonlyArray<Reference<Programme>>,
        readonly effects: readonly ContributedEffect[],
    ) {}

    get references(): readonly ContributedReference[] {
        if (this.described === undefined) {
            const infos = this.infos;
            const references: ContributedReference[] = new Array(infos.length);
            for (let i = 0; i < infos.length; i++) {
                const info = infos[i];
                references[i] = new ReferenceOfDeclaration(info.reference as Reference, info.container, info.property);
            }
            this.described = references;
        }
        return this.described;
    }
}

/** The contribution of a top-level declaration, computed once per declaration object. */
export function contributionOf(declaration: AstNode): Contribution {
    let c = cache.get(declaration);
    if (!c) cache.set(declaration, c = computeContribution(declaration));
    return c;
}

/** Whether declarations of a `$type` are named declarations, by type: the generated guard asks the reflection, which makes a key string per call. */
const namedTypes = new Map<string, boolean>();

/** The name a top-level declaration declares, as its contribution's `declared.name` ('' for none), without making the contribution. */
export function declaredName(declaration: AstNode): string {
    const type = declaration.$type;
    let named = namedTypes.get(type);
    if (named === undefined) namedTypes.set(type, named = isNamedDeclaration(declaration));
    return (named && (declaration as NamedDeclaration).name) || '';
}

/** A coordination's memberships, as its contribution's `memberships`. */
export function membershipsOf(coordination: Coordination): ReadonlyArray<Reference<Programme>> {
    const between = propertiesOf(coordination, 'between');
    return between.length === 1 ? between[0].programmes : between.length === 0 ? NONE : between.flatMap(b => b.programmes);
}

function computeContribution(declaration: AstNode): Contribution {
    const declared = { type: declaration.$type, name: declaredName(declaration) };
    const topLevel = declaration.$container !== undefined && declaration.$container.$container === undefined;
    const infos = topLevel ? declarationReferences(declaration) : collectReferences(declaration);
    // Most declarations have neither: one shared empty list, not two new ones kept per declaration.
    let memberships: ReadonlyArray<Reference<Programme>> = NONE;
    let effects: readonly ContributedEffect[] = NONE;
    // Exact types (neither has subtypes: test/validation/exact-types.test.ts), not the generated guards' look-up.
    const type = declaration.$type;
    if (type === Coordination.$type) {
        memberships = membershipsOf(declaration as Coordination);
    } else if (type === Effects.$type) {
        const effectsBlock = declaration as Effects;
        const programmes = effectsBlock.programmes.map(r => r.$refText);
        // The block's coordinates once, not once per effect (a sorted, joined key each).
        const block = blockCoordinates(effectsBlock);
        effects = effectsBlock.effects.map(effect => {
            const cell = cellIn(block, effect);
            return { effect, cell, key: cell.key, evidence: cell.evidence, direction: effect.direction ?? '', programmes };
        });
    }
    return new DeclarationContribution(declared, infos, memberships, effects);
}

/** Whether a contribution involves (declares, mentions) any of the names. */
export function mentions(c: Contribution, names: ReadonlySet<string>): boolean {
    if (names.size === 0) return false;
    for (const field of FIELD_NAMES) {
        const rule = FIELDS[field] as FieldRule<unknown>;
        for (const item of itemsOf(c, field)) {
            for (const name of rule.names(item)) if (names.has(name)) return true;
        }
    }
    return false;
}

/** Every name a contribution involves (declares, mentions): the names {@link mentions} looks for. */
export function mentionedNames(c: Contribution): Set<string> {
    const out = new Set<string>();
    for (const field of FIELD_NAMES) {
        const rule = FIELDS[field] as FieldRule<unknown>;
        for (const item of itemsOf(c, field)) for (const name of rule.names(item)) out.add(name);
    }
    return out;
}

/** Whether a top-level declaration declares or mentions any of the names. */
export function declarationMentions(declaration: AstNode, names: ReadonlySet<string>): boolean {
    return names.size > 0 && mentions(contributionOf(declaration), names);
}

/** Whether any declaration of a document (its root node) declares or mentions any of the names. */
export function documentMentions(root: AstNode | undefined, names: ReadonlySet<string>): boolean {
    if (names.size === 0) return false;
    for (const declaration of (root as { declarations?: AstNode[] } | undefined)?.declarations ?? []) {
        if (mentions(contributionOf(declaration), names)) return true;
    }
    return false;
}

/**
 * The effects of an `effects` block with their cells, in the block's order, as
 * its contribution holds them: rules that look effects up by cell take the
 * cell (and its keys) from here rather than make it again per effect.
 */
export function effectsWithCells(block: Effects): readonly ContributedEffect[] {
    return contributionOf(block).effects;
}

/** The references whose targets a declaration's findings depend on (the declarations they resolve to). */
export function dependencyReferences(declaration: AstNode): readonly ContributedReference[] {
    return contributionOf(declaration).references;
}

/** What an edit changed that other documents can see. */
export interface ContributionChange {
    /**
     * A field that concerns everyone changed (a declaration appeared, went, was
     * renamed or changed kind): any declaration may be affected; `names` then
     * holds the names involved before and after.
     */
    readonly declarations: boolean;
    /** The names whose facts changed: declarations that mention them may be affected. */
    readonly names: ReadonlySet<string>;
}

const NO_CHANGE: ContributionChange = { declarations: false, names: new Set() };

/**
 * What changed for other documents between two parses of a document (their
 * root nodes): the difference between the contributions of the declarations
 * in between the unchanged ones at the start and at the end (same object, or
 * same text). Fields that concern everyone are compared in order; the others
 * as counted tokens, and every token that appears or goes names what it involves.
 */
export function contributionChange(before: AstNode | undefined, after: AstNode | undefined): ContributionChange {
    if (before === after) return NO_CHANGE;
    const a = (before as { declarations?: AstNode[] } | undefined)?.declarations ?? [];
    const b = (after as { declarations?: AstNode[] } | undefined)?.declarations ?? [];
    let start = 0;
    while (start < a.length && start < b.length && sameDeclaration(a[start], b[start])) start++;
    let endA = a.length, endB = b.length;
    while (endA > start && endB > start && sameDeclaration(a[endA - 1], b[endB - 1])) {
        endA--;
        endB--;
    }
    const oldPart = a.slice(start, endA).map(contributionOf), newPart = b.slice(start, endB).map(contributionOf);
    for (const field of FIELD_NAMES) {
        const rule = FIELDS[field] as FieldRule<unknown>;
        if (!rule.everyone) continue;
        const sequence = (part: Contribution[]) => part.map(c => itemsOf(c, field).map(item => rule.key(item, ownerOf(c))).join('\n')).join('\n');
        if (sequence(oldPart) !== sequence(newPart)) {
            const names = new Set<string>();
            for (const c of [...oldPart, ...newPart]) for (const item of itemsOf(c, field)) rule.names(item).forEach(n => names.add(n));
            return { declarations: true, names };
        }
    }
    const oldTokens = tokens(oldPart), newTokens = tokens(newPart);
    const names = new Set<string>();
    for (const [key, token] of oldTokens) {
        if (newTokens.get(key)?.count !== token.count) token.names.forEach(n => names.add(n));
    }
    for (const [key, token] of newTokens) {
        if (oldTokens.get(key)?.count !== token.count) token.names.forEach(n => names.add(n));
    }
    return { declarations: false, names };
}

function ownerOf(c: Contribution): string {
    return FIELDS.declared.key(c.declared, '');
}

/** The tokens of the fields that do not concern everyone, counted, with the names each involves. */
function tokens(part: readonly Contribution[]): Map<string, { count: number; names: readonly string[] }> {
    const out = new Map<string, { count: number; names: readonly string[] }>();
    for (const c of part) {
        const owner = ownerOf(c);
        for (const field of FIELD_NAMES) {
            const rule = FIELDS[field] as FieldRule<unknown>;
            if (rule.everyone) continue;
            for (const item of itemsOf(c, field)) {
                const key = `${field} ${rule.key(item, owner)}`;
                const t = out.get(key);
                if (t) t.count++;
                else out.set(key, { count: 1, names: rule.names(item) });
            }
        }
    }
    return out;
}

function sameDeclaration(x: AstNode, y: AstNode): boolean {
    if (x === y) return true;
    const cx = x.$cstNode, cy = y.$cstNode;
    return cx !== undefined && cy !== undefined && cx.length === cy.length && cx.text === cy.text;
}

/**
 * A read of the workspace facts by a rule checking one declaration (see
 * `observeFacts` in `workspace-facts.ts`).
 */
export type FactRead =
    | { readonly fact: 'declarationsNamed'; readonly name: string }
    | { readonly fact: 'everyDeclaration' }
    | { readonly fact: 'isReferenced'; readonly declaration: AstNode }
    | { readonly fact: 'coordinationsOf'; readonly programme: Programme }
    | { readonly fact: 'effectsInCell'; readonly cell: EffectCell }
    | { readonly fact: 'effectsAcrossSources'; readonly cell: EffectCell };

/**
 * Whether a read made while checking a declaration is covered by the
 * declaration's contribution: whenever what the read returns changes, the
 * change ({@link contributionChange}) names something the contribution
 * mentions, so the declaration is checked again. The property test
 * `test/analysis/contributions.test.ts` runs every rule on every declaration
 * of random workspaces and checks each read with this.
 */
export function readCovered(read: FactRead, c: Contribution): boolean {
    switch (read.fact) {
        case 'declarationsNamed': return mentions(c, new Set([read.name]));
        // Every declared name: any change to it is a change of `declared`, which concerns everyone.
        case 'everyDeclaration': return true;
        case 'isReferenced': return isNamedDeclaration(read.declaration) && mentions(c, new Set([read.declaration.name]));
        case 'coordinationsOf': return mentions(c, new Set([read.programme.name]));
        case 'effectsInCell': return c.effects.some(e => e.key === cellKey(read.cell));
        case 'effectsAcrossSources': return c.effects.some(e => evidenceKey(e.cell) === evidenceKey(read.cell));
    }
}
