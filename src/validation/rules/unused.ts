/** Rule `unused`: a programme, population, body or evaluation that nothing references. */
import { isBody, isEvaluation, isPopulation, isProgramme } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { kindLabel } from '../../analysis/labels.js';

const HOW_TO_USE: Record<string, string> = {
    Programme: 'join it in a coordination\'s `between` or an `effects of`',
    Population: 'target it with a programme\'s `targets`',
    Body: 'name it in a coordination\'s `node` or a role\'s `by`',
    Evaluation: 'name it in an `effects … from`',
};

export const unusedRule = defineRule({
    id: RuleId.unused,
    defaultSeverity: 'hint',
    category: 'hygiene',
    summary: 'A programme, population, body or evaluation that nothing references.',
    doc: 'A declaration that no other declaration in the workspace refers to takes no part in any coordination, targeting or effect, so no rule and no summary can say anything about it. It is often left over from an edit, or the reference to it is misspelt. Reference it (a programme in `between` or `effects of`, a population in `targets`, a body in `node` or `by`, an evaluation in `from`) or remove it. A reference from inside the declaration itself does not count; the standard library is never reported.',
    check({ model, facts, report }) {
        for (const decl of model.declarations) {
            if (!(isProgramme(decl) || isPopulation(decl) || isBody(decl) || isEvaluation(decl)) || !decl.name) continue;
            if (facts.isReferenced(decl)) continue;
            report({
                node: decl,
                property: 'name',
                message: `${kindLabel(decl.$type)} ${decl.name} is never referenced; ${HOW_TO_USE[decl.$type]}, or remove it`,
                data: { name: decl.name, kind: kindLabel(decl.$type) },
            });
        }
    },
});
