/** Rule `local-roles`: a coordination gives no local actor a `role` in a `local` block. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { hasPlaceholder, levelBlocks, localRoles } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const localRolesRule = defineRule({
    id: RuleId.localRoles,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            if (localRoles(decl).length > 0) continue;
            const hasLocal = levelBlocks(decl, 'local').length > 0;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'role')
                    ? t('rule.local-roles.placeholder', { coordination: decl.name })
                    : t('rule.local-roles.message', { coordination: decl.name, hasLocal: hasLocal ? 'yes' : 'no' }),
                data: { coordination: decl.name, hasLocalBlock: hasLocal },
            });
        }
    },
});
