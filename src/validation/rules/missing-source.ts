/** Rule `missing-source`: an `effects` block names no evaluation (`from`). */
import { isEffects } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';

export const missingSourceRule = defineRule({
    id: RuleId.missingSource,
    defaultSeverity: 'warning',
    category: 'evidence',
    summary: 'An `effects` block has no `from`.',
    doc: 'Effects are evidence only when they say where they come from. Without `from Evaluation` a reader cannot weigh them (an RCT, a quasi-experimental study, a qualitative review), the summary cannot cite a source, and two contradictory reports cannot be told apart. Declare the `evaluation` and name it after the combination: `effects of FEST + UNIDOS from EvalFEST { … }`.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl) || decl.source) continue;
            report({
                node: decl,
                keyword: 'effects',
                message: `effects of ${combinationLabel(decl)} name no source (\`from\` an evaluation); effects without a source cannot be weighed or checked`,
                data: { programmes: combinationNames(decl) },
            });
        }
    },
});
