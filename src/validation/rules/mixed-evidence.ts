/** Rule `mixed-evidence`: a cell's effects come from two or more sources and have different directions (§7.6). */
import { isEffects, type Effects } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectCell } from '../../analysis/contributions.js';
import { combinationLabel, effectLabel } from '../../analysis/effects-labels.js';
import { cellSuffix } from '../../analysis/evidence.js';

const sourceOf = (block: Effects) => block.source?.$refText ?? '';

export const mixedEvidenceRule = defineRule({
    id: RuleId.mixedEvidence,
    defaultSeverity: 'info',
    category: 'evidence',
    summary: 'A cell\'s effects come from two or more sources and have different directions.',
    doc: 'Two evaluations of the same combination, against the same comparator, for the same outcome and population, found different things. That is not an error — programmes work differently in different places and years — but it is evidence in its own right: show it, do not average it away or count votes. The summary lowers the cell\'s certainty for inconsistency and shows the estimates side by side in the evidence table and the forest plot. Look for what differs between the studies (design, population, follow-up, context) and record it with `subgroup`, `followup` or a `note`. Effects without `from` count as one source.',
    check({ model, facts, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl)) continue;
            for (const effect of decl.effects) {
                if (!effect.outcome?.$refText) continue;
                const cell = facts.effectsAcrossSources(effectCell(decl, effect));
                const sources = new Set(cell.map(e => sourceOf(e.$container as Effects)));
                if (sources.size < 2) continue;
                const others = cell.filter(e => e.direction !== effect.direction && sourceOf(e.$container as Effects) !== sourceOf(decl));
                if (others.length === 0) continue;
                const label = (b: Effects) => (b.source ? `from ${b.source.$refText}` : 'without a source');
                report({
                    node: effect,
                    message: `\`${effectLabel(effect)}\` for ${combinationLabel(decl)}${cellSuffix(decl, effect)} ${label(decl)} differs from ${[...new Set(others.map(e => `\`${effectLabel(e)}\` ${label(e.$container as Effects)}`))].join(' and ')}; mixed evidence across ${sources.size} sources — show it, do not average it away`,
                    related: others.map(e => ({ node: e, message: `\`${effectLabel(e)}\` ${label(e.$container as Effects)}` })),
                    data: { outcome: effect.outcome.$refText, sources: [...sources].sort(), directions: [...new Set(cell.map(e => e.direction))].sort() },
                });
            }
        }
    },
});
