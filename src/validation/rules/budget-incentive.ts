/** Rule `budget-incentive`: a coordination declares no `incentive budget`. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { hasIncentive, hasPlaceholder } from '../../analysis/coordination-queries.js';
import { BRIEF, inSentence } from '../lessons.js';

export const budgetIncentiveRule = defineRule({
    id: RuleId.budgetIncentive,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A coordination has no `incentive budget`.',
    doc: `The brief: "${BRIEF.incentives}" In Mexico the institutional analysis found "${BRIEF.mexicoNode}"; in Peru, "${inSentence(BRIEF.peruBudgets)}". Say how the arrangement is financed with \`incentive budget "…"\` (an earmarked line, co-financing, one budget for both programmes); where the budgets pull apart, record it as \`barrier budget-priorities\`.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl) || hasIncentive(decl, 'budget')) continue;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'incentive')
                    ? `coordination ${decl.name}: the budget incentive still has its placeholder text; say how the arrangement is financed`
                    : `coordination ${decl.name} declares no budget incentive; in Mexico the brief found "${inSentence(BRIEF.mexicoNode)}"`,
                data: { coordination: decl.name },
            });
        }
    },
});
