/** Rule `unsourced-figure`: a figure that cannot be traced to a source (§7.3). */
import { isEffects, isEvaluation, isProgramme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectFiguresSourced, evaluationIsTraceable } from '../../analysis/evidence.js';
import { effectLabel } from '../../analysis/effects-labels.js';
import { propertyOf } from '../../analysis/queries.js';

/** The effect details that are figures. */
const FIGURES = new Set(['size', 'ci', 'se', 'n']);

export const unsourcedFigureRule = defineRule({
    id: RuleId.unsourcedFigure,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (isEffects(decl)) {
                for (const effect of decl.effects) {
                    // Most effects are sourced: look before making the list of their figures.
                    const details = effect.details ?? [];
                    if (!details.some(d => d && FIGURES.has(d.kind)) || effectFiguresSourced(decl, effect)) continue;
                    const figures = details.filter(d => d && FIGURES.has(d.kind));

                    for (const figure of figures) {
                        report({
                            node: figure,
                            message: decl.source
                                ? t('rule.unsourced-figure.effect.source', { figure: figure.kind, effect: effectLabel(effect), source: decl.source.$refText })
                                : t('rule.unsourced-figure.effect.none', { figure: figure.kind, effect: effectLabel(effect) }),
                            data: { figure: figure.kind },
                        });
                    }
                }
            } else if (isProgramme(decl)) {
                const budget = propertyOf(decl, 'budget');
                if (budget && !propertyOf(decl, 'cite')) {
                    report({ node: budget, message: t('rule.unsourced-figure.budget', { name: decl.name }), data: { figure: 'budget' } });
                }
            } else if (isEvaluation(decl)) {
                const sample = propertyOf(decl, 'sample');
                if (sample && !evaluationIsTraceable(decl)) {
                    report({ node: sample, message: t('rule.unsourced-figure.sample', { name: decl.name }), data: { figure: 'sample' } });
                }
            }
        }
    },
});
