/** Rule `design-change`: a programme was redesigned after the coordination was last reviewed (or started). */
import { Coordination, type RedesignedProperty } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, propertiesOf, propertyOf } from '../../analysis/queries.js';
import { declarationsOf } from '../declarations.js';

export const designChangeRule = defineRule({
    id: RuleId.designChange,
    defaultSeverity: 'warning',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const reviewed = propertyOf(decl, 'reviewed');
            const since = propertyOf(decl, 'since');
            const anchor = reviewed ?? since;
            if (!anchor || !Number.isFinite(anchor.year)) continue;
            const later: Array<{ programme: string; redesign: RedesignedProperty }> = [];
            for (let j = 0, programmes = coordinationProgrammes(decl); j < programmes.length; j++) {
                const programme = programmes[j];
                for (let k = 0, redesigns = propertiesOf(programme, 'redesigned'); k < redesigns.length; k++) {
                    const redesign = redesigns[k];
                    if (Number.isFinite(redesign.year) && redesign.year > anchor.year) later.push({ programme: programme.name, redesign });
                }
            }
            if (later.length === 0) continue;
            const byProgramme = new Map<string, number[]>();
            for (const { programme, redesign } of later) {
                const years = byProgramme.get(programme) ?? [];
                years.push(redesign.year);
                byProgramme.set(programme, years);
            }
            const years = (list: number[]) => list.map(String).join(t('list.and'));
            const subject = byProgramme.size === 1
                ? t('rule.design-change.one', { programme: later[0].programme, coordination: decl.name, years: years([...byProgramme.values()][0]) })
                : t('rule.design-change.many', {
                    coordination: decl.name,
                    list: [...byProgramme].map(([name, list]) => t('rule.design-change.many.item', { programme: name, years: years(list) })).join(', '),
                });
            const after = t(reviewed ? 'rule.design-change.after.reviewed' : 'rule.design-change.after.since', { year: String(anchor.year) });
            report({
                node: decl,
                property: 'name',
                message: t('rule.design-change.message', { subject, after }),
                related: [
                    ...later.map(l => ({
                        node: l.redesign,
                        message: l.redesign.text
                            ? t('rule.design-change.related.redesign.text', { programme: l.programme, year: String(l.redesign.year), text: l.redesign.text })
                            : t('rule.design-change.related.redesign', { programme: l.programme, year: String(l.redesign.year) }),
                    })),
                    { node: anchor, message: t(reviewed ? 'rule.design-change.related.reviewed' : 'rule.design-change.related.since', { year: String(anchor.year) }) },
                ],
                data: {
                    coordination: decl.name,
                    programmes: [...byProgramme.keys()],
                    latestRedesign: Math.max(...later.map(l => l.redesign.year)),
                    anchor: reviewed ? 'reviewed' : 'since',
                    anchorYear: anchor.year,
                },
            });
        }
    },
});
