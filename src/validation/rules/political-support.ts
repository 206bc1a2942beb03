/** Rule `political-support`: a coordination declares no political support, or weak support. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';
import { BRIEF } from '../lessons.js';

export const politicalSupportRule = defineRule({
    id: RuleId.politicalSupport,
    defaultSeverity: 'hint',
    category: 'coordination',
    summary: 'A coordination declares no `political-support`, or `weak`.',
    doc: `The brief: "${BRIEF.politicalSupportNotEnough}" Say what political support the arrangement has with \`political-support strong | moderate | weak\`; where it is weak, or unknown, the arrangement lacks what the brief calls key. Support alone is not enough either: see \`political-support-only\`.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const support = propertyOf(decl, 'political-support');
            if (support && support.value !== 'weak') continue;
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} ${support ? 'declares weak political support' : 'declares no political support'}; the brief: "${BRIEF.politicalSupportKey}"`,
                related: support ? [{ node: support, message: 'weak political support is declared here' }] : [],
                data: { coordination: decl.name, support: support?.value ?? null },
            });
        }
    },
});
