/** Rule `conflicting-effects`: one source reports different directions for one outcome in one cell (§7.2). */
import { isEffects, type Effect, type Effects } from '../../language/generated/ast.js';
import { defineRule, MAX_RELATED } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectCell } from '../../analysis/contributions.js';
import { combinationLabel, combinationNames, effectLabel } from '../../analysis/effects-labels.js';
import { cellSuffix } from '../../analysis/evidence.js';

export const conflictingEffectsRule = defineRule({
    id: RuleId.conflictingEffects,
    defaultSeverity: 'error',
    category: 'evidence',
    summary: 'The same outcome gets different directions for the same combination and the same source; (v2) in the same cell (combination, comparator, outcome, subgroup).',
    doc: 'One evaluation cannot find that the same combination of programmes, against the same comparator and for the same population, both raised and lowered an outcome (or raised it and left it unchanged). The combination is compared in any order (`FEST + UNIDOS` is `UNIDOS + FEST`), across blocks and files; effects without `from` count as one source. Effects in different cells — another comparator (`versus`) or another `subgroup` — are never in conflict: a programme may help women and not men. Each effect involved is reported, pointing to the others. Usually one sign is a typing slip; if the estimates are for different populations, say so with `subgroup`; if they come from different analyses, declare a second `evaluation` and use it in `from`.',
    check({ model, facts, report }) {
        // Per group of effects (one outcome, combination and source), once: its effects by direction.
        // An effect then costs the few it lists, not the whole group (quadratic in a large group).
        const byDirection = new Map<readonly Effect[], Map<string, Effect[]>>();
        for (const decl of model.declarations) {
            if (!isEffects(decl)) continue;
            for (const effect of decl.effects) {
                const group = facts.effectsInCell(effectCell(decl, effect));
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
                const othersByDirection = [...directions].filter(([direction]) => direction !== effect.direction).map(([, list]) => list);
                if (othersByDirection.length === 0) continue;
                // The first few, each other direction first, so that every conflicting direction is named.
                const others = [...othersByDirection.map(list => list[0]), ...othersByDirection.flatMap(list => list.slice(1, MAX_RELATED))].slice(0, MAX_RELATED);
                const source = decl.source ? `from ${decl.source.$refText}` : 'without a source';
                const otherLabels = [...new Set(others.map(e => `\`${effectLabel(e)}\``))].join(' and ');
                report({
                    node: effect,
                    message: `\`${effectLabel(effect)}\` for ${combinationLabel(decl)}${cellSuffix(decl, effect)} ${source} conflicts with ${otherLabels} for the same combination and source; ${decl.source ? 'one evaluation cannot report both' : 'effects without `from` count as one source, which cannot report both'}`,
                    related: others.map(e => ({
                        node: e,
                        message: `\`${effectLabel(e)}\` for ${combinationLabel(e.$container as Effects)} ${source}`,
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
