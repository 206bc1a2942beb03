/** Rule `unassessed-bias`: an evaluation of a quantitative design without `risk-of-bias` (§7.6). */
import { isEvaluation } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { evaluationMethod } from '../../analysis/evidence.js';
import { propertyOf } from '../../analysis/queries.js';

const ASSESSED_DESIGNS = new Set(['rct', 'quasi-experimental', 'psm', 'did', 'rdd']);

export const unassessedBiasRule = defineRule({
    id: RuleId.unassessedBias,
    defaultSeverity: 'hint',
    category: 'evidence',
    summary: 'An evaluation with method `rct`, `quasi-experimental`, `psm`, `did` or `rdd` and no `risk-of-bias`.',
    doc: 'The certainty of evidence starts from an assessment of how far each study could be biased: attrition, deviations from the assigned programme, how outcomes were measured, selective reporting (Cochrane\'s RoB 2 for trials, ROBINS-I for non-randomised studies). Coord cannot make that judgement; an analyst who has read the study can. Add `risk-of-bias low`, `some-concerns` or `high` with a short reason. Until then the summary\'s certainty takes no account of bias. Qualitative and mixed-methods evaluations are not asked for one.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEvaluation(decl) || !decl.name) continue;
            const method = evaluationMethod(decl);
            // A `risk-of-bias` whose value is a syntax mistake (`risk-of-bias moderate`) is an assessment, misspelt.
            if (!method || !ASSESSED_DESIGNS.has(method) || propertyOf(decl, 'risk-of-bias') !== undefined) continue;
            report({
                node: decl,
                property: 'name',
                message: `evaluation ${decl.name} (${method}) has no risk-of-bias assessment; add \`risk-of-bias low | some-concerns | high "reason"\` once an analyst has assessed it`,
                data: { name: decl.name, method },
            });
        }
    },
});
