/**
 * Rule `political-support-only`: strong political support, but no incentive and
 * no local role; or (v2) strong political support facing institutional inertia
 * with no incentive.
 */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertiesOf, propertyOf } from '../../analysis/queries.js';
import { hasIncentive, localRoles } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const politicalSupportOnlyRule = defineRule({
    id: RuleId.politicalSupportOnly,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const support = propertyOf(decl, 'political-support');
            if (support?.value !== 'strong' || hasIncentive(decl)) continue;
            const inertia = propertiesOf(decl, 'barrier').filter(b => b.value === 'institutional-inertia');
            const alone = localRoles(decl).length === 0;
            if (!alone && inertia.length === 0) continue;
            const key = inertia.length === 0 ? 'rule.political-support-only.alone'
                : alone ? 'rule.political-support-only.inertia-alone' : 'rule.political-support-only.inertia';
            report({
                node: decl,
                property: 'name',
                message: t(key, { coordination: decl.name }),
                related: [
                    { node: support, message: t('rule.political-support-only.related.support') },
                    ...inertia.map(b => ({ node: b, message: t('rule.political-support-only.related.inertia') })),
                ],
                data: { coordination: decl.name, inertia: inertia.length > 0, localRole: !alone },
            });
        }
    },
});
