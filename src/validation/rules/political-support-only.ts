/**
 * Rule `political-support-only`: strong political support, but no incentive and
 * no local role; or (v2) strong political support facing institutional inertia
 * with no incentive.
 */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertiesOf, propertyOf } from '../../analysis/queries.js';
import { hasIncentive, localRoles } from '../../analysis/coordination-queries.js';
import { BRIEF, inSentence } from '../lessons.js';

export const politicalSupportOnlyRule = defineRule({
    id: RuleId.politicalSupportOnly,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: '`political-support strong` but no `incentive` of any kind and no local `role`; or `political-support strong` with a `barrier institutional-inertia` and no `incentive` of any kind.',
    doc: `The brief: "${BRIEF.politicalSupportNotEnough}" In Mexico the institutional analysis found "${inSentence(BRIEF.mexicoSupport)}", and yet "${inSentence(BRIEF.mexicoNode)}". An arrangement that rests on political support alone needs something that makes coordinating worthwhile for each programme (an \`incentive\` — budget, targeting, performance) or someone responsible for it on the ground (a local \`role\`). Where the coordination records institutional inertia (\`barrier institutional-inertia\`), the rule asks for an incentive even when there is a local role: say how the arrangement takes that resistance into account.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const support = propertyOf(decl, 'political-support');
            if (support?.value !== 'strong' || hasIncentive(decl)) continue;
            const inertia = propertiesOf(decl, 'barrier').filter(b => b.value === 'institutional-inertia');
            const alone = localRoles(decl).length === 0;
            if (!alone && inertia.length === 0) continue;
            const what = inertia.length > 0
                ? `rests on strong political support against institutional inertia with no incentive${alone ? ' and no local role' : ''}`
                : 'rests on strong political support alone (no incentive, no local role)';
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} ${what}; the brief: political support is key but "it is not enough, particularly if the institutional resistance and inertia to coordination between social protection and agricultural sectors are not taken into account"`,
                related: [
                    { node: support, message: 'strong political support is declared here' },
                    ...inertia.map(b => ({ node: b, message: 'institutional inertia is recorded here' })),
                ],
                data: { coordination: decl.name, inertia: inertia.length > 0, localRole: !alone },
            });
        }
    },
});
