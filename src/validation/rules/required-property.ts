/** Rule `required-property`: a required property is missing. */
import { isCoordination, isEvaluation, isProgramme } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';

/** The properties each block must have (§2 of the language reference), with what each says. */
export const REQUIRED_PROPERTIES: Readonly<Record<'Programme' | 'Coordination' | 'Evaluation', ReadonlyArray<readonly ['country' | 'sector' | 'between' | 'method', string]>>> = {
    Programme: [['country', 'the country or countries it runs in'], ['sector', 'social-protection, productive or other']],
    Coordination: [['between', 'the programmes it coordinates']],
    Evaluation: [['method', 'rct, quasi-experimental, psm, did, rdd, qualitative or mixed']],
};

export const requiredPropertyRule = defineRule({
    id: RuleId.requiredProperty,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A required property is missing.',
    doc: 'A programme must declare its `country` and its `sector`; a coordination the programmes it is `between`; an evaluation its `method`. Without them the coordination rules and the effect summary cannot place the declaration.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isProgramme(decl) && !isCoordination(decl) && !isEvaluation(decl)) continue;
            const missing = REQUIRED_PROPERTIES[decl.$type].filter(([prop]) => !decl.properties.some(p => p.kind === prop));
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
