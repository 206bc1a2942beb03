/** Rule `cross-sector`: a coordination does not join a social-protection and a productive programme. */
import { Coordination } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, programmeSectors, propertyOf } from '../../analysis/queries.js';
import { someDeclaresSector } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

export const crossSectorRule = defineRule({
    id: RuleId.crossSector,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            if (!propertyOf(decl, 'between')) continue;
            const programmes = coordinationProgrammes(decl);
            // Most coordinations join both sectors: say so before making any text.
            if (someDeclaresSector(programmes, 'social-protection') && someDeclaresSector(programmes, 'productive')) continue;
            const bySector = new Map<string, string[]>();
            for (const programme of programmes) {
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
                message: t('rule.cross-sector.message', {
                    coordination: decl.name,
                    missing: t(missing.length === 2 ? 'rule.cross-sector.missing.both' : `rule.cross-sector.missing.${missing[0] as 'productive' | 'social-protection'}`),
                    joined: joined ? ` (${joined})` : '',
                }),
                data: { coordination: decl.name, missing },
            });
        }
    },
});
