/** Rule `complexity`: more than one coordinating node, or agreements at all three levels. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertiesOf } from '../../analysis/queries.js';
import { agreementsAt, LEVELS } from '../../analysis/coordination-queries.js';

export const complexityRule = defineRule({
    id: RuleId.complexity,
    defaultSeverity: 'info',
    category: 'coordination',
    summary: 'A coordination has more than one `node`, or agreements at all three levels.',
    doc: 'Greater complexity of design did not guarantee coordination: Colombia and Mexico built architectures of coordination (SNARIV, the STEIA node) and still reached a low level of coordination. Several coordinating bodies, or agreements at national, regional and local level at once, add places where coordination can stall. This is information, not a fault: check that each node and each level has a budget, a targeting rule or a local role behind it, and simplify where it does not.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            // Parser recovery can leave a `node` without its body; it names no node.
            const nodes = propertiesOf(decl, 'node').filter(n => n.body?.$refText);
            const nodeNames = [...new Set(nodes.map(n => n.body.$refText))];
            const allLevels = LEVELS.every(level => agreementsAt(decl, level).length > 0);
            if (nodeNames.length <= 1 && !allLevels) continue;
            const what = [
                ...(nodeNames.length > 1 ? [`${nodeNames.length} coordinating nodes (${nodeNames.join(', ')})`] : []),
                ...(allLevels ? ['agreements at national, regional and local level'] : []),
            ].join(' and ');
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} has ${what}; greater complexity of design did not guarantee coordination in Colombia and Mexico`,
                related: nodeNames.length > 1 ? nodes.map(n => ({ node: n, message: `node ${n.body.$refText}` })) : [],
                data: { coordination: decl.name, nodes: nodeNames, allLevels },
            });
        }
    },
});
