/**
 * Small queries over the Coord AST used by rules, the summary and the editor
 * services: property lookup by keyword, programme facts, and the canonical key
 * of a programme combination.
 */
import type { AstNode, Reference } from 'langium';
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
export function resolvedDistinct<T extends AstNode>(refs: ReadonlyArray<Reference<T>>): T[] {
    return addResolved<T>([], undefined, refs).out;
}

/**
 * Adds the targets of `refs` that resolved and are not in `out` yet. A short
 * list is searched (rules ask this of every coordination: no set made); past
 * {@link SHORT} targets a set keeps it linear.
 */
function addResolved<T extends AstNode>(out: T[], seen: Set<T> | undefined, refs: ReadonlyArray<Reference<T>>): { out: T[]; seen: Set<T> | undefined } {
    for (let i = 0; i < refs.length; i++) {
        const target = refs[i].ref;
        if (!target) continue;
        if (seen) {
            if (!seen.has(target)) {
                seen.add(target);
                out.push(target);
            }
        } else if (!out.includes(target)) {
            out.push(target);
            if (out.length > SHORT) seen = new Set(out);
        }
    }
    return { out, seen };
}

/** How many distinct items a list holds before a set is made to keep it distinct. */
const SHORT = 16;

/** The programmes a coordination joins (resolved, distinct). */
export function coordinationProgrammes(coordination: Coordination): Programme[] {
    let acc: { out: Programme[]; seen: Set<Programme> | undefined } = { out: [], seen: undefined };
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.kind === 'between') acc = addResolved(acc.out, acc.seen, (p as { programmes: ReadonlyArray<Reference<Programme>> }).programmes);
    }
    return acc.out;
}

/** The names a coordination's `between` lists, as written (resolved or not), distinct, in order. */
export function coordinationProgrammeNames(coordination: Coordination): string[] {
    // Loops (rules ask this of every coordination); a short list is searched rather than put in a
    // set, a long one gets a set (linear however many programmes a hostile `between` lists).
    const out: string[] = [];
    let seen: Set<string> | undefined;
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.kind !== 'between') continue;
        for (const r of (p as { programmes: ReadonlyArray<Reference<Programme>> }).programmes) {
            const name = r.$refText;
            if (!name) continue;
            if (seen) {
                if (!seen.has(name)) {
                    seen.add(name);
                    out.push(name);
                }
            } else if (!out.includes(name)) {
                out.push(name);
                if (out.length > SHORT) seen = new Set(out);
            }
        }
    }
    return out;
}

/** The programmes of an `effects of` block (resolved, distinct). */
export function effectsProgrammes(effects: Effects): Programme[] {
    return resolvedDistinct(effects.programmes);
}

export { compareCodePoints } from '../language/order.js';
import { compareCodePoints } from '../language/order.js';

/** The canonical key of a combination: names sorted by code point, joined with `+`. */
export function combinationKey(names: Iterable<string>): string {
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
