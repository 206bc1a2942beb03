/** Rule `budget-incentive`: a coordination declares no `incentive budget`. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { hasIncentive, hasPlaceholder } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const budgetIncentiveRule = defineRule({
    id: RuleId.budgetIncentive,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            if (hasIncentive(decl, 'budget')) continue;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'incentive')
                    ? t('rule.budget-incentive.placeholder', { coordination: decl.name })
                    : t('rule.budget-incentive.message', { coordination: decl.name }),
                data: { coordination: decl.name },
            });
        }
    },
});
