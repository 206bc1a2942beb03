/** Rule `agriculture-anchor`: no productive programme of a coordination is anchored in the ministry of agriculture. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';
import { isAgricultureAnchored, programmesOfSector } from '../../analysis/coordination-queries.js';
import { BRIEF } from '../lessons.js';

export const agricultureAnchorRule = defineRule({
    id: RuleId.agricultureAnchor,
    defaultSeverity: 'hint',
    category: 'coordination',
    summary: 'A coordination joins one or more `productive` programmes and none of them has `ministry agriculture`.',
    doc: `The brief recommends: "${BRIEF.singleProgrammes}". A programme that lists both sectors (\`sector productive, social-protection\`) counts as productive here. A hint, not a fault: declare the ministry the productive programme is anchored in (\`ministry agriculture\`); if the arrangement cannot be anchored in agriculture, say why in a \`note\`, or silence the hint with a reason.`,
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            const productive = programmesOfSector(decl, 'productive');
            if (productive.length === 0 || productive.some(isAgricultureAnchored)) continue;
            const names = productive.map(p => p.name);
            report({
                node: decl,
                property: 'name',
                message: `no productive programme of coordination ${decl.name} (${names.join(', ')}) is anchored in the ministry of agriculture; the brief recommends "single programmes institutionally anchored to the ministries of agriculture"`,
                related: productive.map(p => {
                    const ministry = propertyOf(p, 'ministry');
                    return ministry
                        ? { node: ministry, message: `${p.name} is anchored in ministry ${ministry.value}` }
                        : { node: p, property: 'name', message: `${p.name} declares no ministry` };
                }),
                data: { coordination: decl.name, programmes: names },
            });
        }
    },
});
