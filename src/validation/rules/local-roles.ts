/** Rule `local-roles`: a coordination gives no local actor a `role` in a `local` block. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { hasPlaceholder, levelBlocks, localRoles } from '../../analysis/coordination-queries.js';
import { BRIEF } from '../lessons.js';

export const localRolesRule = defineRule({
    id: RuleId.localRoles,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A coordination has no `role` in a `local` block.',
    doc: `The brief recommends: "${BRIEF.localRole}" It speaks of "the key role played by local-level actors, as shown in all of the experiences analysed" (Colombia, Mexico and Peru). In Colombia and Peru the institutional analysis found only informal coordination at local level. A design that gives no local actor a defined role leaves that role to chance. Add a \`local { role "…" by Programme }\` that says who does what on the ground; an informal \`agreement\` alone does not count, because it names no one responsible.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl) || localRoles(decl).length > 0) continue;
            const hasLocal = levelBlocks(decl, 'local').length > 0;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'role')
                    ? `coordination ${decl.name}: the local role still has its placeholder text; say who does what on the ground`
                    : `coordination ${decl.name} gives no local actor a role (no \`role\` in ${hasLocal ? 'its' : 'a'} \`local\` block); the brief found the key role played by local-level actors "in all of the experiences analysed"`,
                data: { coordination: decl.name, hasLocalBlock: hasLocal },
            });
        }
    },
});
