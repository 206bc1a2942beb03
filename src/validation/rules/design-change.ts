/** Rule `design-change`: a programme was redesigned after the coordination was last reviewed (or started). */
import { isCoordination, type RedesignedProperty } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, propertiesOf, propertyOf } from '../../analysis/queries.js';
import { BRIEF } from '../lessons.js';

export const designChangeRule = defineRule({
    id: RuleId.designChange,
    defaultSeverity: 'warning',
    category: 'coordination',
    summary: 'A programme of the coordination was `redesigned` after the coordination\'s `reviewed` year (or `since`, when there is no `reviewed`).',
    doc: `In Peru the institutional analysis of Haku Wiñay and Juntos found: "${BRIEF.peruDesign}" An arrangement agreed for one design does not survive a redesign unchanged. When a programme is redesigned strictly after the year the coordination was last reviewed (or, if it was never reviewed, after it started), review the arrangement — its targeting, incentives and local roles — and record the year with \`reviewed YEAR\`. The rule compares years: a redesign without a year cannot be written, and a barrier (\`barrier design-change "…"\`) records one whose year is unknown.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const reviewed = propertyOf(decl, 'reviewed');
            const since = propertyOf(decl, 'since');
            const anchor = reviewed ?? since;
            if (!anchor || !Number.isFinite(anchor.year)) continue;
            const later: Array<{ programme: string; redesign: RedesignedProperty }> = [];
            for (const programme of coordinationProgrammes(decl)) {
                for (const redesign of propertiesOf(programme, 'redesigned')) {
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
            const subject = byProgramme.size === 1
                ? `programme ${later[0].programme} of coordination ${decl.name} was redesigned in ${[...byProgramme.values()][0].join(' and ')}`
                : `programmes of coordination ${decl.name} were redesigned (${[...byProgramme].map(([name, years]) => `${name} in ${years.join(' and ')}`).join(', ')})`;
            const after = reviewed
                ? `after the arrangement was last reviewed (${anchor.year})`
                : `after the arrangement started (${anchor.year}), and it has not been reviewed since`;
            report({
                node: decl,
                property: 'name',
                message: `${subject}, ${after}; in Peru the brief found "changes in the design of Haku Wiñay have altered coordination"`,
                related: [
                    ...later.map(l => ({ node: l.redesign, message: `${l.programme} was redesigned in ${l.redesign.year}${l.redesign.text ? `: ${l.redesign.text}` : ''}` })),
                    { node: anchor, message: reviewed ? `last reviewed in ${anchor.year}` : `started in ${anchor.year}` },
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
