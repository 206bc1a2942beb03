/**
 * Rule `complexity`: more than one coordinating node; agreements at all three
 * levels; or (v2) a node together with agreements at two or more levels or
 * with more than two programmes — the architectures of Colombia and Mexico.
 */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { andList, defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammeNames, propertiesOf } from '../../analysis/queries.js';
import { hasAgreementAt, LEVELS } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const complexityRule = defineRule({
    id: RuleId.complexity,
    defaultSeverity: 'info',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            // Most coordinations have no node and not all three levels: nothing to say, nothing made.
            if (!hasNamedNode(decl) && !(hasAgreementAt(decl, 'national') && hasAgreementAt(decl, 'regional') && hasAgreementAt(decl, 'local'))) continue;
            // Parser recovery can leave a `node` without its body; it names no node.
            const nodes = propertiesOf(decl, 'node').filter(n => n.body?.$refText);
            const nodeNames = [...new Set(nodes.map(n => n.body.$refText))];
            const levels = LEVELS.filter(level => hasAgreementAt(decl, level));
            const programmes = coordinationProgrammeNames(decl);
            const allLevels = levels.length === LEVELS.length;
            const nodeWithLevels = nodeNames.length > 0 && levels.length >= 2;
            const nodeWithProgrammes = nodeNames.length > 0 && programmes.length > 2;
            const what: string[] = [];
            if (nodeNames.length > 1) what.push(t('rule.complexity.nodes', { count: nodeNames.length, names: nodeNames.join(', ') }));
            else if (nodeWithLevels || nodeWithProgrammes) what.push(t('rule.complexity.node', { name: nodeNames[0] }));
            if (allLevels) what.push(t('rule.complexity.all-levels'));
            else if (nodeNames.length > 0 && nodeWithLevels) what.push(t('rule.complexity.levels', { levels: andList(levels.map(l => t(`level.${l}`))) }));
            if (nodeWithProgrammes) what.push(t('rule.complexity.programmes', { count: programmes.length }));
            if (what.length === 0) continue;
            const list = andList(what);
            report({
                node: decl,
                property: 'name',
                message: t('rule.complexity.message', { coordination: decl.name, list }),
                related: nodes.map(n => ({ node: n, message: t('rule.complexity.related', { name: n.body.$refText }) })),
                data: { coordination: decl.name, nodes: nodeNames, levels, programmes: programmes.length, allLevels },
            });
        }
    },
});

/** Whether a coordination has a `node` that names one (what `nodes` below keeps). */
function hasNamedNode(coordination: Coordination): boolean {
    const properties = coordination.properties;
    for (let i = 0; i < properties.length; i++) {
        const p = properties[i];
        if (p.kind === 'node' && (p as { body?: { $refText?: string } }).body?.$refText) return true;
    }
    return false;
}
