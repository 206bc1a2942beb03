/** Rule `repeated-property`: a property that may appear once appears again. */
import { isCoordination, isEffects, isEvaluation, isProgramme, type CoordinationProperty, type EvaluationProperty, type ProgrammeProperty } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';

/** The properties each block may hold at most once (§2 of the language reference). */
export const ONCE_PROPERTIES: Readonly<Record<'Programme' | 'Coordination' | 'Evaluation', ReadonlySet<string>>> = {
    Programme: new Set(['country', 'sector', 'agency', 'ministry', 'targets', 'instruments', 'budget', 'period']),
    Coordination: new Set(['between', 'political-support', 'national', 'regional', 'local', 'targeting', 'achieved', 'since', 'reviewed']),
    Evaluation: new Set(['method', 'period', 'sample', 'doi', 'url', 'published', 'risk-of-bias']),
};

export const repeatedPropertyRule = defineRule({
    id: RuleId.repeatedProperty,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A property that may appear once appears twice.',
    doc: 'Properties such as `sector`, `country`, `between`, `achieved` or `method` describe one fact and may appear once in their block; a second occurrence contradicts or repeats the first. Merge the values (lists take commas: `country Colombia, Peru`) or remove the repeat. Repeatable properties are `redesigned`, `note`, `node`, `incentive`, `barrier`, `by` and `cite`. (v2) Each detail of an effect (`size`, `ci`, `se`, `p`, `n`, `estimand`, `followup`, `subgroup`, `certainty`, `cite`, `note`) appears at most once on it: an effect is one estimate; a second estimate is a second effect line.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (isEffects(decl)) {
                for (const effect of decl.effects) {
                    const seen = new Set<string>();
                    for (const detail of effect.details ?? []) {
                        if (!detail?.kind) continue;
                        if (seen.has(detail.kind)) {
                            report({
                                node: detail,
                                property: 'kind',
                                message: `'${detail.kind}' appears more than once on the effect \`${effect.direction} ${effect.outcome?.$refText ?? ''}\`; each detail may appear once (a second estimate is a second effect line)`,
                                data: { property: detail.kind },
                            });
                        }
                        seen.add(detail.kind);
                    }
                }
                continue;
            }
            if (!isProgramme(decl) && !isCoordination(decl) && !isEvaluation(decl)) continue;
            const once = ONCE_PROPERTIES[decl.$type];
            const seen = new Set<string>();
            for (const prop of decl.properties as Array<ProgrammeProperty | CoordinationProperty | EvaluationProperty>) {
                if (!once.has(prop.kind)) continue;
                if (seen.has(prop.kind)) {
                    report({
                        node: prop,
                        property: 'kind',
                        message: `'${prop.kind}' appears more than once in ${decl.$type.toLowerCase()} ${decl.name}; it may appear once`,
                        data: { property: prop.kind },
                    });
                }
                seen.add(prop.kind);
            }
        }
    },
});
