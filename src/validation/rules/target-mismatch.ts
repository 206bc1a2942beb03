/** Rule `target-mismatch`: the programmes of a coordination target no common population, and nothing aligns them. */
import { Coordination, type TargetsProperty } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, propertiesOf, propertyOf } from '../../analysis/queries.js';
import { hasIncentive } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const targetMismatchRule = defineRule({
    id: RuleId.targetMismatch,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            if (propertyOf(decl, 'targeting') || hasIncentive(decl, 'targeting')) continue;
            const declaring: Array<{ name: string; targets: TargetsProperty[]; populations: Set<string> }> = [];
            for (let j = 0, programmes = coordinationProgrammes(decl); j < programmes.length; j++) {
                const programme = programmes[j];
                const targets = propertiesOf(programme, 'targets');
                if (targets.length === 0) continue;
                const populations = new Set(targets.flatMap(t => t.populations.map(r => r.$refText)));
                declaring.push({ name: programme.name, targets, populations });
            }
            if (declaring.length < 2) continue;
            // The populations every declaring programme targets: start from the smallest set.
            const [smallest, ...rest] = [...declaring].sort((a, b) => a.populations.size - b.populations.size);
            const shared = [...smallest.populations].filter(p => rest.every(d => d.populations.has(p)));
            if (shared.length > 0) continue;
            const list = declaring.map(d => `${d.name}: ${[...d.populations].join(', ')}`).join('; ');
            report({
                node: decl,
                property: 'name',
                message: t('rule.target-mismatch.message', { coordination: decl.name, list }),
                related: declaring.flatMap(d => d.targets.map(target => ({
                    node: target,
                    message: t('rule.target-mismatch.related', { programme: d.name, populations: target.populations.map(r => r.$refText).join(', ') }),
                }))),
                data: { coordination: decl.name, programmes: declaring.map(d => d.name) },
            });
        }
    },
});
