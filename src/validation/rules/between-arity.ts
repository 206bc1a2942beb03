/** Rule `between-arity`: `between` lists fewer than two distinct programmes, or one twice. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertiesOf } from '../../analysis/queries.js';
import { declarationsOf } from '../declarations.js';

export const betweenArityRule = defineRule({
    id: RuleId.betweenArity,
    defaultSeverity: 'error',
    category: 'structure',
    check({ model, report }) {
        for (const decl of declarationsOf(model, Coordination.$type)) {
            for (const between of propertiesOf(decl, 'between')) {
                const seen = new Set<string>();
                between.programmes.forEach((ref, index) => {
                    const name = ref.$refText;
                    if (seen.has(name)) {
                        report({ node: between, property: 'programmes', index, message: t('rule.between-arity.twice', { name, coordination: decl.name }), data: { name } });
                    }
                    seen.add(name);
                });
                if (seen.size < 2) {
                    report({ node: between, message: seen.size === 0 ? t('rule.between-arity.none', { coordination: decl.name }) : t('rule.between-arity.one', { coordination: decl.name, name: [...seen][0] }) });
                }
            }
        }
    },
});
