/** Rule `estimate-mismatch`: an effect's sign that its own figures contradict (§7.6). */
import { isEffects, type Effect } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectFigures, type EffectFigures } from '../../analysis/evidence.js';
import { effectLabel } from '../../analysis/effects-labels.js';

/** What contradicts the sign of an effect with these figures (empty: nothing). */
export function estimateMismatches(direction: string, f: EffectFigures): string[] {
    const reasons: string[] = [];
    const hasCi = f.ciLow !== undefined && f.ciHigh !== undefined && f.ciLow <= f.ciHigh;
    if (direction === '+' && f.size !== undefined && f.size < 0) reasons.push(`\`+\` with a negative size ${f.size}`);
    if (direction === '-' && f.size !== undefined && f.size > 0) reasons.push(`\`-\` with a positive size ${f.size}`);
    if (direction === '~' && f.p !== undefined && f.p >= 0 && f.p < 0.05) reasons.push(`\`~\` (no significant change) with p ${f.p} < 0.05`);
    if (direction === '~' && hasCi && (f.ciLow! > 0 || f.ciHigh! < 0)) reasons.push(`\`~\` (no significant change) with a ci ${f.ciLow}..${f.ciHigh} that excludes 0`);
    if ((direction === '+' || direction === '-') && hasCi && f.ciLow! <= 0 && f.ciHigh! >= 0) reasons.push(`\`${direction}\` with a ci ${f.ciLow}..${f.ciHigh} that includes 0`);
    if (hasCi && f.size !== undefined && (f.size < f.ciLow! || f.size > f.ciHigh!)) reasons.push(`a size ${f.size} outside its own ci ${f.ciLow}..${f.ciHigh}`);
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
    summary: '`+` with `size` < 0; `-` with `size` > 0; `~` with `p` < 0.05 or a `ci` that excludes 0; `+`/`-` with a `ci` that includes 0; a `size` outside its own `ci`.',
    doc: 'The sign of an effect is what every summary shows first: the matrix, the synergies, the counts. When the effect\'s own figures say otherwise — a negative estimate marked `+`, a significant estimate marked `~` (no significant change), an interval that includes 0 marked `+` — the sign misleads every reader who does not check the figures. Usually one of them is a typing slip: a sign lost from `size -0.12`, an interval written from memory. When only the sign marker contradicts `size`, the quick fix turns it around. Note that `~` with a `ci` that includes 0 and `+`/`-` with one that excludes it are consistent.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl)) continue;
            for (const effect of decl.effects) {
                const reasons = estimateMismatches(effect.direction, effectFigures(effect));
                if (reasons.length === 0) continue;
                const fix = signFix(effect);
                report({
                    node: effect,
                    message: `\`${effectLabel(effect)}\`: its figures contradict its sign — ${reasons.join('; ')}${fix ? `; did you mean \`${fix}\`?` : ''}`,
                    data: { reasons, ...(fix ? { fix } : {}) },
                });
            }
        }
    },
});
