/** Rule `target-mismatch`: the programmes of a coordination target no common population, and nothing aligns them. */
import { isCoordination, type TargetsProperty } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, propertiesOf, propertyOf } from '../../analysis/queries.js';
import { hasIncentive } from '../../analysis/coordination-queries.js';
import { BRIEF, inSentence } from '../lessons.js';

export const targetMismatchRule = defineRule({
    id: RuleId.targetMismatch,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'Two or more programmes of a coordination declare `targets`, no population is targeted by all of them, and the coordination declares neither `targeting` nor `incentive targeting`.',
    doc: `The brief: "${BRIEF.incentives}" In Mexico the institutional analysis of PROINPRO and the PDPs found "${BRIEF.mexicoTargets}". When the programmes that declare \`targets\` share no population, either target a common population or declare how the arrangement aligns them: a shared targeting rule (\`targeting "…"\`) or a targeting incentive (\`incentive targeting "…"\`). Programmes without \`targets\` are not compared.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            if (propertyOf(decl, 'targeting') || hasIncentive(decl, 'targeting')) continue;
            const declaring: Array<{ name: string; targets: TargetsProperty[]; populations: Set<string> }> = [];
            for (const programme of coordinationProgrammes(decl)) {
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
                message: `the programmes of coordination ${decl.name} target no common population (${list}) and it declares no shared targeting; in Mexico the brief found "${inSentence(BRIEF.mexicoTargets)}"`,
                related: declaring.flatMap(d => d.targets.map(t => ({
                    node: t,
                    message: `${d.name} targets ${t.populations.map(r => r.$refText).join(', ')}`,
                }))),
                data: { coordination: decl.name, programmes: declaring.map(d => d.name) },
            });
        }
    },
});
