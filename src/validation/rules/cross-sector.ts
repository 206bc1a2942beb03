/** Rule `cross-sector`: a coordination does not join a social-protection and a productive programme. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, programmeSectors, propertyOf } from '../../analysis/queries.js';
import { BRIEF } from '../lessons.js';

export const crossSectorRule = defineRule({
    id: RuleId.crossSector,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A coordination does not join at least one `social-protection` and one `productive` programme.',
    doc: `The synergy the brief studies is between the two sectors: "${BRIEF.synergy}" An arrangement within one sector is not that kind of coordination. Only programmes that resolve and declare a \`sector\` count; a single integrated programme that lists both (\`sector productive, social-protection\`) counts as both. Declare the missing sector, or join a programme of the other sector.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl) || !propertyOf(decl, 'between')) continue;
            const bySector = new Map<string, string[]>();
            for (const programme of coordinationProgrammes(decl)) {
                for (const sector of programmeSectors(programme)) {
                    let names = bySector.get(sector);
                    if (!names) bySector.set(sector, names = []);
                    names.push(programme.name);
                }
            }
            const missing = ['social-protection', 'productive'].filter(s => !bySector.has(s));
            if (missing.length === 0) continue;
            const joined = [...bySector].map(([sector, names]) => `${sector}: ${names.join(', ')}`).join('; ');
            report({
                node: decl,
                property: 'name',
                message: `coordination ${decl.name} joins no ${missing.join(' and no ')} programme${joined ? ` (${joined})` : ''}; the synergy the brief studies is between social protection and rural productive development programmes`,
                data: { coordination: decl.name, missing },
            });
        }
    },
});
