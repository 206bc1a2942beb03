/** Rule `local-assessment`: a coordination's `local` block says nothing of local capacities, stakeholders or resistance. */
import { Coordination, type LevelBlock } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { isPlaceholder } from '../../analysis/placeholders.js';
import { RuleId } from '../rule-ids.js';
import { levelBlocks } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

const KNOWLEDGE = new Set(['Capacity', 'Stakeholder', 'Resistance']);

/** Whether a `local` block names a capacity, a stakeholder or a resistance (loops: asked of every coordination). */
function knowsLocally(blocks: readonly LevelBlock[]): boolean {
    for (let b = 0; b < blocks.length; b++) {
        const items = blocks[b].items;
        for (let i = 0; i < items.length; i++) {
            const item = items[i];
            if (KNOWLEDGE.has(item.$type) && !isPlaceholder((item as { text?: string }).text)) return true;
        }
    }
    return false;
}

export const localAssessmentRule = defineRule({
    id: RuleId.localAssessment,
    defaultSeverity: 'hint',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const blocks = levelBlocks(decl, 'local');
            // What a quick fix inserted and no one rewrote is no knowledge yet (analysis/placeholders.ts).
            if (blocks.length === 0 || knowsLocally(blocks)) continue;
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
