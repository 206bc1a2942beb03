/** Rule `conflicting-effects`: one source reports different directions for one outcome in one cell (§7.2). */
import { Effects, type Effect } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule, MAX_RELATED } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectsWithCells } from '../../analysis/contributions.js';
import { combinationLabel, combinationNames, effectLabel } from '../../analysis/effects-labels.js';
import { cellSuffix } from '../../analysis/evidence.js';
import { declarationsOf } from '../declarations.js';

export const conflictingEffectsRule = defineRule({
    id: RuleId.conflictingEffects,
    defaultSeverity: 'error',
    category: 'evidence',
    check({ model, facts, report }) {
        // Per group of effects (one outcome, combination and source), once: its effects by direction.
        // An effect then costs the few it lists, not the whole group (quadratic in a large group).
        const byDirection = new Map<readonly Effect[], Map<string, Effect[]>>();
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            for (let j = 0, effects = effectsWithCells(decl); j < effects.length; j++) {
                const { effect, cell } = effects[j];
                const group = facts.effectsInCell(cell);
                // An effect alone in its group conflicts with nothing (most groups of a large workspace).
                if (group.length === 0 || (group.length === 1 && group[0] === effect)) continue;
                let directions = byDirection.get(group);
                if (!directions) {
                    directions = new Map();
                    for (const e of group) {
                        const list = directions.get(e.direction) ?? [];
                        list.push(e);
                        directions.set(e.direction, list);
                    }
                    byDirection.set(group, directions);
                }
                // One direction, this effect's: no conflict (the group agrees).
                if (directions.size === 1 && directions.has(effect.direction)) continue;
                const othersByDirection = [...directions].filter(([direction]) => direction !== effect.direction).map(([, list]) => list);
                if (othersByDirection.length === 0) continue;
                // The first few, each other direction first, so that every conflicting direction is named.
                const others = [...othersByDirection.map(list => list[0]), ...othersByDirection.flatMap(list => list.slice(1, MAX_RELATED))].slice(0, MAX_RELATED);
                const source = decl.source ? t('source.from', { source: decl.source.$refText }) : t('source.none');
                const otherLabels = [...new Set(others.map(e => `\`${effectLabel(e)}\``))].join(t('list.and'));
                report({
                    node: effect,
                    message: t('rule.conflicting-effects.message', {
                        effect: effectLabel(effect), combination: combinationLabel(decl), cell: cellSuffix(decl, effect), source, others: otherLabels,
                        why: t(decl.source ? 'rule.conflicting-effects.why.source' : 'rule.conflicting-effects.why.none'),
                    }),
                    related: others.map(e => ({
                        node: e,
                        message: t('rule.conflicting-effects.related', { effect: effectLabel(e), combination: combinationLabel(e.$container as Effects), source }),
                    })),
                    data: {
                        outcome: effect.outcome?.$refText ?? '',
                        programmes: combinationNames(decl),
                        source: decl.source?.$refText ?? null,
                        directions: [effect.direction, ...[...directions.keys()].filter(d => d !== effect.direction)],
                    },
                });
            }
        }
    },
});
