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
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            for (let j = 0, betweens = propertiesOf(decl, 'between'); j < betweens.length; j++) {
                const between = betweens[j];
                // A loop, no closure; the names seen searched in a short list, a set past 16 (a hostile `between` stays linear).
                const programmes = between.programmes;
                const seen: string[] = [];
                const seenSet = programmes.length > 16 ? new Set<string>() : undefined;
                for (let index = 0; index < programmes.length; index++) {
                    const name = programmes[index].$refText;
                    if (seenSet ? seenSet.has(name) : seen.includes(name)) {
                        report({ node: between, property: 'programmes', index, message: t('rule.between-arity.twice', { name, coordination: decl.name }), data: { name } });
                        continue;
                    }
                    seen.push(name);
                    seenSet?.add(name);
                }
                if (seen.length < 2) {
                    report({ node: between, message: seen.length === 0 ? t('rule.between-arity.none', { coordination: decl.name }) : t('rule.between-arity.one', { coordination: decl.name, name: seen[0] }) });
                }
            }
        }
    },
});
