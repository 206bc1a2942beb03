/**
 * Rule `complexity`: more than one coordinating node; agreements at all three
 * levels; or (v2) a node together with agreements at two or more levels or
 * with more than two programmes — the architectures of Colombia and Mexico.
 */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammeNames, propertiesOf } from '../../analysis/queries.js';
import { agreementsAt, LEVELS } from '../../analysis/coordination-queries.js';
import { BRIEF } from '../lessons.js';

export const complexityRule = defineRule({
    id: RuleId.complexity,
    defaultSeverity: 'info',
    category: 'coordination',
    summary: 'A coordination has more than one `node`; or agreements at all three levels; or a `node` together with agreements at two or more levels or with more than two programmes in `between`.',
    doc: `The brief: "${BRIEF.complexity}." Colombia's PPP had "SNARIV as a strategy and architecture of coordination" and reached a "low level of coordination, without being able to provide a conceptual and operative coordination strategy"; in Mexico the brief found "${BRIEF.mexicoNode}". A coordinating node on top of agreements at several levels, or of more than two programmes, several nodes, or agreements at national, regional and local level at once add places where coordination can stall. This is information, not a fault: check that each node and each level has an incentive, a targeting rule or a local role behind it, and simplify where it does not.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            // Parser recovery can leave a `node` without its body; it names no node.
            const nodes = propertiesOf(decl, 'node').filter(n => n.body?.$refText);
            const nodeNames = [...new Set(nodes.map(n => n.body.$refText))];
            const levels = LEVELS.filter(level => agreementsAt(decl, level).length > 0);
            const programmes = coordinationProgrammeNames(decl);
            const allLevels = levels.length === LEVELS.length;
            const nodeWithLevels = nodeNames.length > 0 && levels.length >= 2;
            const nodeWithProgrammes = nodeNames.length > 0 && programmes.length > 2;
            const what: string[] = [];
            if (nodeNames.length > 1) what.push(`${nodeNames.length} coordinating nodes (${nodeNames.join(', ')})`);
            else if (nodeWithLevels || nodeWithProgrammes) what.push(`a coordinating node (${nodeNames[0]})`);
            if (allLevels) what.push('agreements at national, regional and local level');
            else if (nodeNames.length > 0 && nodeWithLevels) what.push(`agreements at ${levels.join(' and ')} level`);
            if (nodeWithProgrammes) what.push(`${programmes.length} programmes`);
            if (what.length === 0) continue;
            const list = what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}`;
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} has ${list}; the brief: "${BRIEF.complexity}"`,
                related: nodes.map(n => ({ node: n, message: `node ${n.body.$refText}` })),
                data: { coordination: decl.name, nodes: nodeNames, levels, programmes: programmes.length, allLevels },
            });
        }
    },
});
