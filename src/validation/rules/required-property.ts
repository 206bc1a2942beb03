/** Rule `required-property`: a required property is missing. */
import { Coordination, Evaluation, Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { kindLabel } from '../../analysis/labels.js';
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
    check({ model, report }) {
        for (let i = 0, declarations = model.declarations; i < declarations.length; i++) {
            const decl = declarations[i];
            // Exact types (none of these has subtypes): cheaper than the generated guards' look-up.
            const type = decl.$type;
            if (type !== Programme.$type && type !== Coordination.$type && type !== Evaluation.$type) continue;
            const block = decl as Programme | Coordination | Evaluation;
            const required = REQUIRED_PROPERTIES[block.$type];
            for (let j = 0; j < required.length; j++) {
                const prop = required[j][0];
                if (hasProperty(block.properties, prop)) continue;
                report({
                    node: block,
                    property: block.name ? 'name' : undefined,
                    message: t('rule.required-property.message', { kind: kindLabel(block.$type), name: block.name ?? '', property: prop, what: t(`rule.required-property.what.${prop}`) }),
                    data: { property: prop },
                });
            }
        }
    },
});

function hasProperty(properties: ReadonlyArray<{ kind: string }>, kind: string): boolean {
    for (let i = 0; i < properties.length; i++) if (properties[i].kind === kind) return true;
    return false;
}
