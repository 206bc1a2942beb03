/** Rule `mixed-evidence`: a cell's effects come from two or more sources and have different directions (§7.6). */
import { isEffects, type Effects } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
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
                const label = (b: Effects) => (b.source ? t('source.from', { source: b.source.$refText }) : t('source.none'));
                report({
                    node: effect,
                    message: t('rule.mixed-evidence.message', {
                        effect: effectLabel(effect), combination: combinationLabel(decl), cell: cellSuffix(decl, effect), source: label(decl),
                        others: [...new Set(others.map(e => t('rule.mixed-evidence.other', { effect: effectLabel(e), source: label(e.$container as Effects) })))].join(t('list.and')),
                        sources: sources.size,
                    }),
                    related: others.map(e => ({ node: e, message: t('rule.mixed-evidence.other', { effect: effectLabel(e), source: label(e.$container as Effects) }) })),
                    data: { outcome: effect.outcome.$refText, sources: [...sources].sort(), directions: [...new Set(cell.map(e => e.direction))].sort() },
                });
            }
        }
    },
});
