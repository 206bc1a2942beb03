/** Rule `unused`: a programme, population, body or evaluation that nothing references. */
import { Body, Evaluation, Population, Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { kindLabel } from '../../analysis/labels.js';


export const unusedRule = defineRule({
    id: RuleId.unused,
    defaultSeverity: 'hint',
    category: 'hygiene',
    check({ model, facts, report }) {
        for (let i = 0, declarations = model.declarations; i < declarations.length; i++) {
            const decl = declarations[i];
            // Exact types (none of these has subtypes): cheaper than the generated guards' look-up.
            if ((decl.$type !== Programme.$type && decl.$type !== Population.$type && decl.$type !== Body.$type && decl.$type !== Evaluation.$type) || !decl.name) continue;
            if (facts.isReferenced(decl)) continue;
            report({
                node: decl,
                property: 'name',
                message: t('rule.unused.message', { kind: kindLabel(decl.$type), name: decl.name, how: t(`rule.unused.how.${decl.$type}`) }),
                data: { name: decl.name, kind: kindLabel(decl.$type, 'en') },
            });
        }
    },
});
