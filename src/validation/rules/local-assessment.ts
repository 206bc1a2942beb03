/** Rule `local-assessment`: a coordination's `local` block says nothing of local capacities, stakeholders or resistance. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { isPlaceholder } from '../../analysis/placeholders.js';
import { RuleId } from '../rule-ids.js';
import { levelBlocks } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

const KNOWLEDGE = new Set(['Capacity', 'Stakeholder', 'Resistance']);

export const localAssessmentRule = defineRule({
    id: RuleId.localAssessment,
    defaultSeverity: 'hint',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const blocks = levelBlocks(decl, 'local');
            // What a quick fix inserted and no one rewrote is no knowledge yet (analysis/placeholders.ts).
            if (blocks.length === 0 || blocks.some(b => b.items.some(i => KNOWLEDGE.has(i.$type) && !isPlaceholder((i as { text?: string }).text)))) continue;
            report({
                node: decl,
                property: 'name',
                message: t('rule.local-assessment.message', { coordination: decl.name }),
                related: blocks.map(b => ({ node: b, property: 'kind', message: t('rule.local-assessment.related') })),
                data: { coordination: decl.name },
            });
        }
    },
});
