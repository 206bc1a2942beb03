/** Rule `political-support`: a coordination declares no political support, or weak support. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';
import { declarationsOf } from '../declarations.js';

export const politicalSupportRule = defineRule({
    id: RuleId.politicalSupport,
    defaultSeverity: 'hint',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const support = propertyOf(decl, 'political-support');
            if (support && support.value !== 'weak') continue;
            report({
                node: decl,
                property: 'name',
                message: t(support ? 'rule.political-support.weak' : 'rule.political-support.none', { coordination: decl.name }),
                related: support ? [{ node: support, message: t('rule.political-support.related') }] : [],
                data: { coordination: decl.name, support: support?.value ?? null },
            });
        }
    },
});
