/** Rule `local-roles`: a coordination gives no local actor a `role` in a `local` block. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { hasPlaceholder, levelBlocks, localRoles } from '../../analysis/coordination-queries.js';

export const localRolesRule = defineRule({
    id: 'local-roles',
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A coordination has no `role` in a `local` block.',
    doc: 'Every case the brief analysed showed that local actors make or break coordination: in Colombia and Peru what coordination there was came from informal arrangements between local managers. A design that gives no local actor a defined role leaves coordination to chance. Add a `local { role "…" by Programme }` that says who does what on the ground; an informal `agreement` alone does not count, because it names no one responsible.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl) || localRoles(decl).length > 0) continue;
            const hasLocal = levelBlocks(decl, 'local').length > 0;
            report({
                node: decl,
                property: 'name',
                message: hasPlaceholder(decl, 'role')
                    ? `coordination ${decl.name}: the local role still has its placeholder text; say who does what on the ground`
                    : `coordination ${decl.name} gives no local actor a role (no \`role\` in ${hasLocal ? 'its' : 'a'} \`local\` block); in every case analysed, local actors made or broke coordination`,
                data: { coordination: decl.name, hasLocalBlock: hasLocal },
            });
        }
    },
});
