/** Rule `budget-incentive`: a coordination declares no `incentive budget`. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { hasIncentive, hasPlaceholder } from '../../analysis/coordination-queries.js';

export const budgetIncentiveRule = defineRule({
    id: 'budget-incentive',
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A coordination has no `incentive budget`.',
    doc: 'Budgets are one of the real incentives to coordinate. In Mexico the STEIA coordinating node failed for lack of relevant incentives and budgetary provisions, despite strong political support. Say how the arrangement is financed with `incentive budget "…"` (an earmarked line, co-financing, one budget for both programmes).',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl) || hasIncentive(decl, 'budget')) continue;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'incentive')
                    ? `coordination ${decl.name}: the budget incentive still has its placeholder text; say how the arrangement is financed`
                    : `coordination ${decl.name} declares no budget incentive; in Mexico the coordinating node failed for lack of incentives and budgetary provisions`,
                data: { coordination: decl.name },
            });
        }
    },
});
