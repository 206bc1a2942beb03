/** Rule `mixed-evidence`: a cell's effects come from two or more sources and have different directions (§7.6). */
import { Effects, type Effect } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule, MAX_RELATED } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectsWithCells } from '../../analysis/contributions.js';
import { combinationLabel, effectLabel } from '../../analysis/effects-labels.js';
import { cellSuffix } from '../../analysis/evidence.js';
import { declarationsOf } from '../declarations.js';

const sourceOf = (block: Effects) => block.source?.$refText ?? '';

/** The effects of one cell that share a direction and a source, in the order the first of them comes. */
interface Group<E> {
    readonly direction: string;
    readonly source: string;
    /** The first {@link MAX_RELATED} of them, with their places in the cell. */
    readonly first: Array<readonly [number, E]>;
}

/** What the effects of one direction and source are told: the others they differ from. */
export interface MixedOthers<E> {
    /** The first {@link MAX_RELATED} differing effects, in the cell's order. */
    readonly related: readonly E[];
    /** The first {@link MAX_RELATED} groups (direction, source) they belong to, in the order they come. */
    readonly groups: ReadonlyArray<{ readonly direction: string; readonly source: string; readonly effect: E }>;
    /** How many groups differ in all (more than `groups` lists when the cell is large). */
    readonly groupCount: number;
}

/** One cell's effects read once: its sources, directions, and per direction and source the others that differ. */
export interface MixedCell<E> {
    readonly sources: readonly string[];
    readonly directions: readonly string[];
    /** The effects of another direction from another source than (direction, source); undefined when none. */
    others(direction: string, source: string): MixedOthers<E> | undefined;
}

/**
 * Reads a cell's effects once, then answers each (direction, source) in time
 * bounded by {@link MAX_RELATED}: a cell of n effects costs O(n), where
 * comparing every effect with every other one cost n² (3,000 effects from
 * 3,000 evaluations: 9 million comparisons and as many labels). `work`
 * counts the steps (effects and groups visited), for the test that keeps it so.
 */
export function readMixedCell<E>(
    cell: readonly E[], directionOf: (e: E) => string, sourceOfEffect: (e: E) => string, work: { steps: number } = { steps: 0 },
): MixedCell<E> {
    /** The groups of each direction, in the order they come. */
    const groupsOfDirection = new Map<string, Array<Group<E>>>();
    const groupOf = new Map<string, Group<E>>();
    const directionsPerSource = new Map<string, Set<string>>();
    cell.forEach((e, index) => {
        work.steps++;
        const direction = directionOf(e);
        const source = sourceOfEffect(e);
        const key = `${direction}\u0000${source}`;
        let group = groupOf.get(key);
        if (!group) {
            group = { direction, source, first: [] };
            groupOf.set(key, group);
            const list = groupsOfDirection.get(direction) ?? [];
            list.push(group);
            groupsOfDirection.set(direction, list);
            const directions = directionsPerSource.get(source) ?? new Set<string>();
            directions.add(direction);
            directionsPerSource.set(source, directions);
        }
        if (group.first.length < MAX_RELATED) group.first.push([index, e]);
    });
    const sources = [...directionsPerSource.keys()].sort();
    const directions = [...groupsOfDirection.keys()].sort();
    const answers = new Map<string, MixedOthers<E> | undefined>();
    return {
        sources,
        directions,
        others(direction, source) {
            const key = `${direction}\u0000${source}`;
            if (answers.has(key)) return answers.get(key);
            // Groups of another direction, less those of the same source (a source has one group per direction).
            let groupCount = 0;
            for (const [d, list] of groupsOfDirection) if (d !== direction) groupCount += list.length;
            for (const d of directionsPerSource.get(source) ?? []) if (d !== direction) groupCount--;
            let answer: MixedOthers<E> | undefined;
            if (groupCount > 0) {
                // The first few groups of each other direction (skipping the one of this source), merged in the
                // order they come; they hold the first few differing effects, since each group adds at least
                // its first effect before the next group's first.
                const eligible: Array<Group<E>> = [];
                for (const [d, list] of groupsOfDirection) {
                    if (d === direction) continue;
                    let taken = 0;
                    for (const g of list) {
                        work.steps++;
                        if (g.source === source) continue;
                        eligible.push(g);
                        if (++taken === MAX_RELATED) break;
                    }
                }
                eligible.sort((a, b) => a.first[0][0] - b.first[0][0]);
                eligible.length = Math.min(eligible.length, MAX_RELATED);
                const firsts = eligible.flatMap(g => g.first);
                work.steps += firsts.length;
                const related = firsts.sort((a, b) => a[0] - b[0]).slice(0, MAX_RELATED).map(([, e]) => e);
                answer = { related, groups: eligible.map(g => ({ direction: g.direction, source: g.source, effect: g.first[0][1] })), groupCount };
            }
            answers.set(key, answer);
            return answer;
        },
    };
}

export const mixedEvidenceRule = defineRule({
    id: RuleId.mixedEvidence,
    defaultSeverity: 'info',
    category: 'evidence',
    check({ model, facts, report }) {
        // Each cell is read once (the facts hand the same array to every effect of a cell).
        const cells = new Map<readonly Effect[], MixedCell<Effect>>();
        const label = (b: Effects) => (b.source ? t('source.from', { source: b.source.$refText }) : t('source.none'));
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            for (let j = 0, effects = effectsWithCells(decl); j < effects.length; j++) {
                const { effect, cell: where } = effects[j];
                if (!effect.outcome?.$refText) continue;
                const cell = facts.effectsAcrossSources(where);
                // One effect is one source: nothing to read (most cells of a large workspace).
                if (cell.length < 2) continue;
                let mixed = cells.get(cell);
                if (!mixed) {
                    mixed = readMixedCell(cell, e => e.direction, e => sourceOf(e.$container as Effects));
                    cells.set(cell, mixed);
                }
                if (mixed.sources.length < 2) continue;
                const others = mixed.others(effect.direction, sourceOf(decl));
                if (!others) continue;
                const shown = others.groups.map(g => t('rule.mixed-evidence.other', { effect: effectLabel(g.effect), source: label(g.effect.$container as Effects) }));
                const more = others.groupCount - shown.length;
                const differing = more > 0 ? t('list.more', { list: shown.join(t('list.and')), count: more }) : shown.join(t('list.and'));
                report({
                    node: effect,
                    message: t('rule.mixed-evidence.message', {
                        effect: effectLabel(effect), combination: combinationLabel(decl), cell: cellSuffix(decl, effect), source: label(decl),
                        others: differing, sources: mixed.sources.length,
                    }),
                    related: others.related.map(e => ({ node: e, message: t('rule.mixed-evidence.other', { effect: effectLabel(e), source: label(e.$container as Effects) }) })),
                    data: { outcome: effect.outcome.$refText, sources: mixed.sources, directions: mixed.directions },
                });
            }
        }
    },
});
