/** Rule `required-property`: a required property is missing. */
import { isCoordination, isEvaluation, isProgramme } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertyOf } from '../../analysis/queries.js';

export const requiredPropertyRule = defineRule({
    id: RuleId.requiredProperty,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A required property is missing.',
    doc: 'A programme must declare its `country` and its `sector`; a coordination the programmes it is `between`; an evaluation its `method`. Without them the coordination rules and the effect summary cannot place the declaration.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            const missing: Array<[string, string]> = [];
            if (isProgramme(decl)) {
                if (!propertyOf(decl, 'country')) missing.push(['country', 'the country or countries it runs in']);
                if (!propertyOf(decl, 'sector')) missing.push(['sector', 'social-protection, productive or other']);
            } else if (isCoordination(decl)) {
                if (!propertyOf(decl, 'between')) missing.push(['between', 'the programmes it coordinates']);
            } else if (isEvaluation(decl)) {
                if (!propertyOf(decl, 'method')) missing.push(['method', 'rct, quasi-experimental, psm, did, rdd, qualitative or mixed']);
            } else {
                continue;
            }
            for (const [prop, what] of missing) {
                report({
                    node: decl,
                    property: decl.name ? 'name' : undefined,
                    message: `${decl.$type.toLowerCase()} ${decl.name} has no '${prop}' (${what})`,
                    data: { property: prop },
                });
            }
        }
    },
});
