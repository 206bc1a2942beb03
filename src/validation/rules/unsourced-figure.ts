/** Rule `unsourced-figure`: a figure that cannot be traced to a source (§7.3). */
import { isEffects, isEvaluation, isProgramme } from '../../language/generated/ast.js';
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
    summary: 'A figure (an effect\'s `size`, `ci`, `se` or `n`, a programme\'s `budget`, an evaluation\'s `sample`) that no source traces.',
    doc: 'A figure no one can trace cannot be checked, and figures travel: from a spec into a summary, from a summary into a report. An effect\'s figures are sourced when the effect has a `cite` ("Table 3, p. 21") or its block\'s `from` names an evaluation with a `cite`, `doi` or `url`; a programme\'s `budget` when the programme has a `cite`; an evaluation\'s `sample` when the evaluation has a `cite`, `doi` or `url`. Add the citation; if there is none, the figure should not be there.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (isEffects(decl)) {
                for (const effect of decl.effects) {
                    const figures = (effect.details ?? []).filter(d => d && FIGURES.has(d.kind));
                    if (figures.length === 0 || effectFiguresSourced(decl, effect)) continue;
                    const why = decl.source
                        ? `its evaluation ${decl.source.$refText} has no \`cite\`, \`doi\` or \`url\``
                        : 'its block has no `from`';
                    for (const figure of figures) {
                        report({
                            node: figure,
                            message: `the ${figure.kind} of \`${effectLabel(effect)}\` is not sourced: the effect has no \`cite\` and ${why}`,
                            data: { figure: figure.kind },
                        });
                    }
                }
            } else if (isProgramme(decl)) {
                const budget = propertyOf(decl, 'budget');
                if (budget && !propertyOf(decl, 'cite')) {
                    report({ node: budget, message: `the budget of programme ${decl.name} is not sourced; add a \`cite\` to the programme saying where it comes from`, data: { figure: 'budget' } });
                }
            } else if (isEvaluation(decl)) {
                const sample = propertyOf(decl, 'sample');
                if (sample && !evaluationIsTraceable(decl)) {
                    report({ node: sample, message: `the sample of evaluation ${decl.name} is not sourced; add a \`cite\`, \`doi\` or \`url\` to the evaluation`, data: { figure: 'sample' } });
                }
            }
        }
    },
});
