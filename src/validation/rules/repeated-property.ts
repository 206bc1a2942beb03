/** Rule `repeated-property`: a property that may appear once appears again. */
import { Coordination, Effects, Evaluation, Programme, type CoordinationProperty, type EvaluationProperty, type ProgrammeProperty } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { kindLabel } from '../../analysis/labels.js';
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
    check({ model, report }) {
        for (let i = 0, declarations = model.declarations; i < declarations.length; i++) {
            const decl = declarations[i];
            // Exact types (none of these has subtypes): cheaper than the generated guards' look-up.
            const type = decl.$type;
            if (type === Effects.$type) {
                for (let j = 0, effects = (decl as Effects).effects; j < effects.length; j++) {
                    const effect = effects[j];
                    for (let k = 0, repeated = repeats(effect.details ?? NONE); k < repeated.length; k++) {
                        const detail = repeated[k];
                        report({
                            node: detail,
                            property: 'kind',
                            message: t('rule.repeated-property.detail', { property: detail.kind, effect: `${effect.direction} ${effect.outcome?.$refText ?? ''}` }),
                            data: { property: detail.kind },
                        });
                    }
                }
                continue;
            }
            if (type !== Programme.$type && type !== Coordination.$type && type !== Evaluation.$type) continue;
            const block = decl as Programme | Coordination | Evaluation;
            const properties = block.properties as Array<ProgrammeProperty | CoordinationProperty | EvaluationProperty>;
            for (let j = 0, repeated = repeats(properties, ONCE_PROPERTIES[block.$type]); j < repeated.length; j++) {
                const prop = repeated[j];
                report({
                    node: prop,
                    property: 'kind',
                    message: t('rule.repeated-property.message', { property: prop.kind, kind: kindLabel(block.$type), name: block.name }),
                    data: { property: prop.kind },
                });
            }
        }
    },
});

const NONE: readonly never[] = [];

/** Up to this many items, a repeat is found by looking at the items before (no set made: most lists hold a handful). */
const SCAN_LIMIT = 16;

/**
 * The items, in order, whose `kind` (when they have one, and it is one of
 * `counted` if given) an earlier item had. Linear in a long list (a set of the
 * kinds seen); a short one, which is almost every list, is scanned without
 * making anything unless it has a repeat.
 */
function repeats<T extends { kind?: string }>(items: ReadonlyArray<T | undefined>, counted?: ReadonlySet<string>): readonly T[] {
    let out: T[] | undefined;
    if (items.length > SCAN_LIMIT) {
        const seen = new Set<string>();
        for (const item of items) {
            const kind = item?.kind;
            if (!kind || (counted && !counted.has(kind))) continue;
            if (seen.has(kind)) (out ??= []).push(item);
            seen.add(kind);
        }
        return out ?? NONE;
    }
    for (let i = 1; i < items.length; i++) {
        const item = items[i];
        const kind = item?.kind;
        if (!kind || (counted && !counted.has(kind))) continue;
        for (let j = 0; j < i; j++) {
            if (items[j]?.kind === kind) {
                (out ??= []).push(item);
                break;
            }
        }
    }
    return out ?? NONE;
}
