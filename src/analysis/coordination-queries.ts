/**
 * Queries about coordination arrangements and effects that the coordination
 * rules, the summary and the editor share: level blocks, local roles,
 * incentives, the programmes' sectors and targets, and the desirability of an
 * effect. Each is linear in the size of the declarations it looks at.
 */
import type { Effect, LevelBlock, Coordination, IncentiveProperty, Population, Programme, Role } from '../language/generated/ast.js';
import { coordinationProgrammes, declaresSector, programmeMinistry, propertiesOf } from './queries.js';
import { isPlaceholder } from './placeholders.js';

export type LevelName = 'national' | 'regional' | 'local';
export const LEVELS: readonly LevelName[] = ['national', 'regional', 'local'];

/** The level blocks of a coordination with the given level, in source order. */
export function levelBlocks(coordination: Coordination, level: LevelName): LevelBlock[] {
    const out: LevelBlock[] = [];
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.$type === 'LevelBlock' && p.kind === level) out.push(p as LevelBlock);
    }
    return out;
}

/** The `role` items of a coordination's `local` blocks. */
export function localRoles(coordination: Coordination): Role[] {
    // A role whose text is still the quick fix's placeholder is no role yet (placeholders.ts).
    return itemsAt(coordination, 'local', (i): i is Role => i.$type === 'Role' && !isPlaceholder((i as Role).text));
}

/** Whether a coordination has an `agreement` in a block of one level (a loop that stops at the first). */
export function hasAgreementAt(coordination: Coordination, level: LevelName): boolean {
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.$type !== 'LevelBlock' || p.kind !== level) continue;
        const items = (p as LevelBlock).items;
        for (let j = 0; j < items.length; j++) if (items[j].$type === 'Agreement') return true;
    }
    return false;
}

/**
 * The items of a coordination's blocks of one level that pass a test, in order.
 * Loops, not `flatMap`/`filter`: rules ask this of every coordination.
 */
function itemsAt<T extends LevelBlock['items'][number]>(coordination: Coordination, level: LevelName, test: (item: LevelBlock['items'][number]) => item is T): T[] {
    const out: T[] = [];
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.$type !== 'LevelBlock' || p.kind !== level) continue;
        const items = (p as LevelBlock).items;
        for (let j = 0; j < items.length; j++) if (test(items[j])) out.push(items[j] as T);
    }
    return out;
}

/** Whether a coordination declares an `incentive` of the given kind (any kind when omitted). */
export function hasIncentive(coordination: Coordination, kind?: string): boolean {
    // An incentive whose text is still the quick fix's placeholder is no incentive yet (placeholders.ts).
    // A loop over the properties: no list of incentives and no closure per call (five rules ask it of every coordination).
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.kind !== 'incentive') continue;
        const incentive = p as IncentiveProperty;
        if ((kind === undefined || incentive.value === kind) && !isPlaceholder(incentive.text)) return true;
    }
    return false;
}

/** Whether a coordination holds a quick fix's placeholder text, left as inserted, in an incentive or a local role. */
export function hasPlaceholder(coordination: Coordination, what: 'incentive' | 'role'): boolean {
    return what === 'incentive'
        ? propertiesOf(coordination, 'incentive').some(i => isPlaceholder(i.text))
        : levelBlocks(coordination, 'local').some(b => b.items.some(i => i.$type === 'Role' && isPlaceholder(i.text)));
}

/** The programmes of a coordination that resolved and declare the given sector (among others, for an integrated programme). */
export function programmesOfSector(coordination: Coordination, sector: string): Programme[] {
    const programmes = coordinationProgrammes(coordination);
    const out: Programme[] = [];
    for (let i = 0; i < programmes.length; i++) if (declaresSector(programmes[i], sector)) out.push(programmes[i]);
    return out;
}

/** Whether some programme of a list declares the sector (`programmes.some(p => declaresSector(p, sector))`, without a closure). */
export function someDeclaresSector(programmes: readonly Programme[], sector: string): boolean {
    for (let i = 0; i < programmes.length; i++) if (declaresSector(programmes[i], sector)) return true;
    return false;
}

/** Whether a programme is anchored in the ministry of agriculture (`ministry agriculture`). */
export function isAgricultureAnchored(programme: Programme): boolean {
    return programmeMinistry(programme) === 'agriculture';
}

/** The populations a programme targets (resolved, distinct), or undefined when it declares no `targets`. */
export function targetPopulations(programme: Programme): Set<Population> | undefined {
    const targets = propertiesOf(programme, 'targets');
    if (targets.length === 0) return undefined;
    const result = new Set<Population>();
    for (const t of targets) {
        for (const ref of t.populations) {
            if (ref.ref) result.add(ref.ref);
        }
    }
    return result;
}

/** How an effect reads against its outcome's desirable direction (§5 of the language reference). */
export type Desirability = 'desirable' | 'adverse' | 'neutral' | 'no-change';

/** The desirability of an effect, or undefined when its outcome does not resolve. */
export function effectDesirability(effect: Effect): Desirability | undefined {
    if (effect.direction === '~') return 'no-change';
    // No direction: a syntax mistake the parser read past (`savings` for `+ savings`) says nothing either way.
    if (effect.direction !== '+' && effect.direction !== '-') return undefined;
    const outcome = effect.outcome?.ref;
    if (!outcome) return undefined;
    const desirable = outcome.desirable ?? 'neutral';
    if (desirable === 'neutral') return 'neutral';
    const wanted = desirable === 'increase' ? '+' : '-';
    return effect.direction === wanted ? 'desirable' : 'adverse';
}
