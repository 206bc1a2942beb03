/**
 * Small queries over the Coord AST used by rules, the summary and the editor
 * services: property lookup by keyword, programme facts, and the canonical key
 * of a programme combination.
 */
import { DocumentState, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { linkGeneration } from '../language/link-generation.js';
import type {
    Coordination, Effects, Programme, ProgrammeProperty, CoordinationProperty, EvaluationProperty, BodyProperty,
} from '../language/generated/ast.js';

type PropertyNode = ProgrammeProperty | CoordinationProperty | EvaluationProperty | BodyProperty;
type WithProperties = { properties: PropertyNode[] };
/** The property node types whose keyword can be `K` (a level block's keyword is any level). */
type PropertyOf<K extends string, P = PropertyNode> = P extends { kind: infer X } ? (K extends X ? P : never) : never;

/** All properties of a block with the given keyword, in source order. */
export function propertiesOf<K extends PropertyNode['kind']>(node: WithProperties, kind: K): Array<PropertyOf<K>> {
    // Loops, not filter/find with a closure: the rules call these for every declaration (a tenth of validation).
    const out: Array<PropertyOf<K>> = [];
    const properties = node.properties;
    for (let i = 0; i < properties.length; i++) if (properties[i].kind === kind) out.push(properties[i] as PropertyOf<K>);
    return out;
}

/** The first property of a block with the given keyword. */
export function propertyOf<K extends PropertyNode['kind']>(node: WithProperties, kind: K): PropertyOf<K> | undefined {
    const properties = node.properties;
    for (let i = 0; i < properties.length; i++) if (properties[i].kind === kind) return properties[i] as PropertyOf<K>;
    return undefined;
}

/** The targets of a reference list that resolved, without repeats. */
function resolvedDistinct<T extends AstNode>(refs: ReadonlyArray<Reference<T>>): T[] {
    const list = new DistinctList<T>();
    addDistinct(list, refs, 'ref');
    return list.items;
}

/** Adds each reference's resolved target (`ref`) or name as written (`$refText`), where there is one, to `list`. */
function addDistinct<T extends AstNode, K extends 'ref' | '$refText'>(list: DistinctList<NonNullable<Reference<T>[K]>>, refs: ReadonlyArray<Reference<T>>, key: K): void {
    for (let i = 0; i < refs.length; i++) {
        const value = refs[i][key];
        if (value) list.add(value as NonNullable<Reference<T>[K]>);
    }
}

/** What a coordination's `between` lists give for `key` (resolved targets or names), distinct, in order; read in place (no list of them made, no iterator). */
function betweenDistinct<K extends 'ref' | '$refText'>(coordination: Coordination, key: K): Array<NonNullable<Reference<Programme>[K]>> {
    const list = new DistinctList<NonNullable<Reference<Programme>[K]>>();
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.kind === 'between') addDistinct(list, (p as { programmes: ReadonlyArray<Reference<Programme>> }).programmes, key);
    }
    return list.items;
}

/** How many distinct items a list holds before a set is made to keep it distinct. */
const SHORT = 16;

/**
 * Distinct items in the order first added. Rules ask for such lists of every
 * coordination, so a short list is searched rather than given a set; past
 * {@link SHORT} items a set keeps it linear (a hostile `between` of thousands).
 */
class DistinctList<T> {
    readonly items: T[] = [];
    private seen: Set<T> | undefined;

    add(item: T): void {
        if (this.seen) {
            if (this.seen.has(item)) return;
            this.seen.add(item);
            this.items.push(item);
        } else if (!this.items.includes(item)) {
            this.items.push(item);
            if (this.items.length > SHORT) this.seen = new Set(this.items);
        }
    }
}

/** {@link coordinationProgrammes}' answers, each with the {@link linkGeneration} it was worked out in. */
const programmesOf = new WeakMap<Coordination, { readonly generation: number; readonly programmes: readonly Programme[] }>();

/**
 * The programmes a coordination joins (resolved, distinct). Six rules and the workspace facts ask
 * this of every coordination: it is worked out once and kept while no document has been linked or
 * unlinked since ({@link linkGeneration}), so that an edit elsewhere that changes what a name
 * resolves to is seen (test/analysis/coordination-programmes.test.ts). Read-only: callers share it.
 */
export function coordinationProgrammes(coordination: Coordination): readonly Programme[] {
    const generation = linkGeneration();
    const kept = programmesOf.get(coordination);
    if (kept !== undefined && kept.generation === generation) return kept.programmes;
    const programmes = plainCoordinationProgrammes(coordination);
    // Kept only once its document is linked: before, a reference read too early stays unresolved
    // and may resolve on a later read without any linking in between.
    const document = (coordination.$container as { $document?: LangiumDocument } | undefined)?.$document;
    if (document !== undefined && document.state >= DocumentState.Linked) programmesOf.set(coordination, { generation, programmes });
    return programmes;
}

/** {@link coordinationProgrammes} worked out anew. */
export function plainCoordinationProgrammes(coordination: Coordination): Programme[] {
    return betweenDistinct(coordination, 'ref');
}

/** The names a coordination's `between` lists, as written (resolved or not), distinct, in order. */
export function coordinationProgrammeNames(coordination: Coordination): string[] {
    return betweenDistinct(coordination, '$refText');
}

/** The programmes of an `effects of` block (resolved, distinct). */
export function effectsProgrammes(effects: Effects): Programme[] {
    return resolvedDistinct(effects.programmes);
}

export { compareCodePoints } from '../language/order.js';
import { compareCodePoints } from '../language/order.js';

/** The canonical key of a combination: names sorted by code point, joined with `+`. */
export function combinationKey(names: Iterable<string>): string {
    // Most combinations are of two programmes, most comparators of none: their key without the
    // set, the copy and the sort with a comparator (6 of the 83 MB allocated after the parse of
    // 1,000 files). The same key as the general path (test/analysis/combination-key.test.ts).
    if (Array.isArray(names) && names.length <= 2) {
        if (names.length === 0) return '';
        const a: unknown = names[0];
        const b: unknown = names.length === 2 ? names[1] : '';
        // Anything but strings (a name the parser left out) takes the general path.
        if (typeof a === 'string' && typeof b === 'string') {
            if (names.length === 1) return a;
            return a === b ? a : a < b ? `${a}+${b}` : `${b}+${a}`;
        }
    }
    return plainCombinationKey(names);
}

/** {@link combinationKey} for any number of names (exported for the test that compares the two). */
export function plainCombinationKey(names: Iterable<string>): string {
    return [...new Set(names)].sort(compareCodePoints).join('+');
}

/** The combination key of an `effects` block, from the names as written (resolved or not). */
export function effectsCombinationKey(effects: Effects): string {
    return combinationKey(effects.programmes.map(r => r.$refText));
}

/**
 * The sectors of a programme, distinct, in the order written (empty when none is
 * declared). A single integrated programme lists two (§8 of the language
 * reference) and counts as each of them for every rule and in the summary.
 */
export function programmeSectors(programme: Programme): string[] {
    return [...new Set(propertyOf(programme, 'sector')?.values ?? [])];
}

/** Whether a programme declares a sector (`programmeSectors(p).includes(sector)`, without making the list). */
export function declaresSector(programme: Programme, sector: string): boolean {
    return (propertyOf(programme, 'sector')?.values as readonly string[] | undefined)?.includes(sector) ?? false;
}

/** The ministry of a programme, if declared. */
export function programmeMinistry(programme: Programme): string | undefined {
    return propertyOf(programme, 'ministry')?.value;
}

/** The years in which a programme was redesigned. */
export function redesignYears(programme: Programme): number[] {
    return propertiesOf(programme, 'redesigned').map(r => r.year);
}
