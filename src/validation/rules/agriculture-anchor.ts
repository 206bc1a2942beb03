/** Rule `agriculture-anchor`: no productive programme of a coordination is anchored in the ministry of agriculture. */
import { Coordination, type Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';
import { isAgricultureAnchored, programmesOfSector } from '../../analysis/coordination-queries.js';
import { declarationsOf } from '../declarations.js';

/** `programmes.some(isAgricultureAnchored)`, as a loop (asked of every coordination). */
function anyAnchored(programmes: readonly Programme[]): boolean {
    for (let i = 0; i < programmes.length; i++) if (isAgricultureAnchored(programmes[i])) return true;
    return false;
}

export const agricultureAnchorRule = defineRule({
    id: RuleId.agricultureAnchor,
    defaultSeverity: 'hint',
    category: 'coordination',
    check({ model, report }) {
        for (let i = 0, coordinations = declarationsOf(model, Coordination.$type); i < coordinations.length; i++) {
            const decl = coordinations[i];
            const productive = programmesOfSector(decl, 'productive');
            if (productive.length === 0 || anyAnchored(productive)) continue;
            const names = productive.map(p => p.name);
            report({
                node: decl,
                property: 'name',
                message: t('rule.agriculture-anchor.message', { coordination: decl.name, programmes: names.join(', ') }),
                related: productive.map(p => {
                    const ministry = propertyOf(p, 'ministry');
                    return ministry
                        ? { node: ministry, message: t('rule.agriculture-anchor.related.ministry', { programme: p.name, ministry: ministry.value }) }
                        : { node: p, property: 'name', message: t('rule.agriculture-anchor.related.none', { programme: p.name }) };
                }),
                data: { coordination: decl.name, programmes: names },
            });
        }
    },
});
