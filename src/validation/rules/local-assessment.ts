/** Rule `local-assessment`: a coordination's `local` block says nothing of local capacities, stakeholders or resistance. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { isPlaceholder } from '../../analysis/placeholders.js';
import { RuleId } from '../rule-ids.js';
import { levelBlocks } from '../../analysis/coordination-queries.js';
import { BRIEF } from '../lessons.js';

const KNOWLEDGE = new Set(['Capacity', 'Stakeholder', 'Resistance']);

export const localAssessmentRule = defineRule({
    id: RuleId.localAssessment,
    defaultSeverity: 'hint',
    category: 'coordination',
    summary: 'A coordination has a `local` block with no `capacity`, `stakeholder` or `resistance`.',
    doc: `The brief recommends: "${BRIEF.localKnowledge}" A \`local\` block that records agreements and roles but nothing of what the analysis knows of the local level leaves that knowledge out of the design. Write what is known in the \`local\` block: \`capacity "…"\`, \`stakeholder "…"\` and \`resistance "…"\` (each repeatable).`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const blocks = levelBlocks(decl, 'local');
            // What a quick fix inserted and no one rewrote is no knowledge yet (analysis/placeholders.ts).
            if (blocks.length === 0 || blocks.some(b => b.items.some(i => KNOWLEDGE.has(i.$type) && !isPlaceholder((i as { text?: string }).text)))) continue;
            report({
                node: decl,
                property: 'name',
                message: `the \`local\` block of coordination ${decl.name} records no capacity, stakeholder or resistance; the brief: "an adequate and exhaustive knowledge of the capacities, stakeholders and sources of resistance that can operate at the local level is necessary"`,
                related: blocks.map(b => ({ node: b, property: 'kind', message: 'the local block is here' })),
                data: { coordination: decl.name },
            });
        }
    },
});
