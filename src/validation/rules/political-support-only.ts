/** Rule `political-support-only`: strong political support, but no incentive and no local role. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';
import { hasIncentive, localRoles } from '../../analysis/coordination-queries.js';

export const politicalSupportOnlyRule = defineRule({
    id: RuleId.politicalSupportOnly,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: '`political-support strong` but no `incentive` of any kind and no local `role`.',
    doc: 'Political support is key but not enough. Mexico had robust political willingness, yet the coordinating node failed without incentives and budgetary provisions, and the programmes kept their own targets and requirements. An arrangement that rests on political support alone needs something that makes coordinating worthwhile for each programme (an `incentive` — budget, targeting, performance) or someone responsible for it on the ground (a local `role`).',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const support = propertyOf(decl, 'political-support');
            if (support?.value !== 'strong' || hasIncentive(decl) || localRoles(decl).length > 0) continue;
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} rests on strong political support alone (no incentive, no local role); political support is key but not enough`,
                related: [{ node: support, message: 'strong political support is declared here' }],
                data: { coordination: decl.name },
            });
        }
    },
});
