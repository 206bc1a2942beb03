/** Rule `estimate-mismatch`: an effect's sign that its own figures contradict (§7.6). */
import { Effects, type Effect } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectFigures, type EffectFigures } from '../../analysis/evidence.js';
import { effectLabel } from '../../analysis/effects-labels.js';
import { declarationsOf } from '../declarations.js';

/** Nothing contradicts the sign (most effects): one shared empty list, not a new one per effect. */
const NO_REASONS: readonly string[] = [];

/** What contradicts the sign of an effect with these figures (empty: nothing). */
export function estimateMismatches(direction: string, f: EffectFigures): readonly string[] {
    const hasCi = f.ciLow !== undefined && f.ciHigh !== undefined && f.ciLow <= f.ciHigh;
    const plusNegative = direction === '+' && f.size !== undefined && f.size < 0;
    const minusPositive = direction === '-' && f.size !== undefined && f.size > 0;
    const noneSignificant = direction === '~' && f.p !== undefined && f.p >= 0 && f.p < 0.05;
    const noneExcludes = direction === '~' && hasCi && (f.ciLow! > 0 || f.ciHigh! < 0);
    const signIncludes = (direction === '+' || direction === '-') && hasCi && f.ciLow! <= 0 && f.ciHigh! >= 0;
    const outsideCi = hasCi && f.size !== undefined && (f.size < f.ciLow! || f.size > f.ciHigh!);
    // Most effects agree with their figures: no text is made for them.
    if (!plusNegative && !minusPositive && !noneSignificant && !noneExcludes && !signIncludes && !outsideCi) return NO_REASONS;
    const reasons: string[] = [];
    // Figures as written in the spec (String), never as the locale formats numbers.
    const size = String(f.size), low = String(f.ciLow), high = String(f.ciHigh);
    if (plusNegative) reasons.push(t('rule.estimate-mismatch.plus-negative', { size }));
    if (minusPositive) reasons.push(t('rule.estimate-mismatch.minus-positive', { size }));
    if (noneSignificant) reasons.push(t('rule.estimate-mismatch.none-significant-p', { p: String(f.p) }));
    if (noneExcludes) reasons.push(t('rule.estimate-mismatch.none-excludes', { low, high }));
    if (signIncludes) reasons.push(t('rule.estimate-mismatch.sign-includes', { direction, low, high }));
    if (outsideCi) reasons.push(t('rule.estimate-mismatch.outside-ci', { size, low, high }));
    return reasons;
}

/**
 * The sign that would leave no mismatch, when only the sign marker contradicts
 * `size`: the quick fix replaces `+` by `-` or `-` by `+`.
 */
export function signFix(effect: Effect): '+' | '-' | undefined {
    const f = effectFigures(effect);
    if (f.size === undefined || f.size === 0) return undefined;
    const wanted = f.size > 0 ? '+' : '-';
    if (effect.direction === wanted || effect.direction === '~') return undefined;
    return estimateMismatches(wanted, f).length === 0 ? wanted : undefined;
}

export const estimateMismatchRule = defineRule({
    id: RuleId.estimateMismatch,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            for (let j = 0, effects = decl.effects; j < effects.length; j++) {
                const effect = effects[j];
                const reasons = estimateMismatches(effect.direction, effectFigures(effect));
                if (reasons.length === 0) continue;
                const fix = signFix(effect);
                report({
                    node: effect,
                    message: fix
                        ? t('rule.estimate-mismatch.message.fix', { effect: effectLabel(effect), reasons: reasons.join('; '), fix })
                        : t('rule.estimate-mismatch.message', { effect: effectLabel(effect), reasons: reasons.join('; ') }),
                    data: { reasons, ...(fix ? { fix } : {}) },
                });
            }
        }
    },
});
