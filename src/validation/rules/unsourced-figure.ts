/** Rule `unsourced-figure`: a figure that cannot be traced to a source (§7.3). */
import { Effects, Evaluation, Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { detailOf, evaluationIsTraceable } from '../../analysis/evidence.js';
import { effectLabel } from '../../analysis/effects-labels.js';
import { propertyOf } from '../../analysis/queries.js';

/** The effect details that are figures. */
const FIGURES = new Set(['size', 'ci', 'se', 'n']);

export const unsourcedFigureRule = defineRule({
    id: RuleId.unsourcedFigure,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, declarations = model.declarations; i < declarations.length; i++) {
            const decl = declarations[i];
            // Exact types (none has subtypes: test/validation/exact-types.test.ts), not the generated guards.
            const type = decl.$type;
            if (type === Effects.$type) {
                const block = decl as Effects;
                // Whether the block's evaluation is traceable, asked once per block (undefined: not yet).
                let sourceTraceable: boolean | undefined;
                for (let j = 0, effects = block.effects; j < effects.length; j++) {
                    const effect = effects[j];
                    // Most effects are sourced: look before making the list of their figures.
                    const details = effect.details ?? [];
                    if (!hasFigure(details) || detailOf(effect, 'cite')) continue;
                    if (sourceTraceable ??= evaluationIsTraceable(block.source?.ref)) continue;
                    const figures = details.filter(d => d && FIGURES.has(d.kind));

                    for (const figure of figures) {
                        report({
                            node: figure,
                            message: block.source
                                ? t('rule.unsourced-figure.effect.source', { figure: figure.kind, effect: effectLabel(effect), source: block.source.$refText })
                                : t('rule.unsourced-figure.effect.none', { figure: figure.kind, effect: effectLabel(effect) }),
                            data: { figure: figure.kind },
                        });
                    }
                }
            } else if (type === Programme.$type) {
                const programme = decl as Programme;
                const budget = propertyOf(programme, 'budget');
                if (budget && !propertyOf(programme, 'cite')) {
                    report({ node: budget, message: t('rule.unsourced-figure.budget', { name: programme.name }), data: { figure: 'budget' } });
                }
            } else if (type === Evaluation.$type) {
                const evaluation = decl as Evaluation;
                const sample = propertyOf(evaluation, 'sample');
                if (sample && !evaluationIsTraceable(evaluation)) {
                    report({ node: sample, message: t('rule.unsourced-figure.sample', { name: evaluation.name }), data: { figure: 'sample' } });
                }
            }
        }
    },
});

/** Whether any detail is a figure (a loop: the rule asks it of every effect). */
function hasFigure(details: ReadonlyArray<{ kind?: string } | undefined>): boolean {
    for (let i = 0; i < details.length; i++) {
        const d = details[i];
        if (d && d.kind !== undefined && FIGURES.has(d.kind)) return true;
    }
    return false;
}
