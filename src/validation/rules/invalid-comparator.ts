/** Rule `invalid-comparator`: `versus` lists the same programmes as `of` (§7.2). */
import { isEffects } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';
import { comparatorNames } from '../../analysis/evidence.js';

export const invalidComparatorRule = defineRule({
    id: RuleId.invalidComparator,
    defaultSeverity: 'error',
    category: 'evidence',
    summary: '`versus` lists the same programmes as `of`.',
    doc: 'An effect is a difference between what the combination received and what the comparison group received. When both received the same programmes there is no difference to estimate, so the comparison cannot be what the evaluation measured. `effects of HakuWinay + SoftSkills versus HakuWinay` is the added value of Soft Skills; `versus none` (or no `versus`) compares with households that received none of the programmes; a comparator with programmes outside the combination is a head-to-head comparison and is allowed. Correct the comparator to what the comparison group received.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl) || !decl.comparator || decl.comparator.none) continue;
            const of = combinationNames(decl), versus = comparatorNames(decl);
            if (versus.length === 0 || of.length !== versus.length || of.some((n, i) => n !== versus[i])) continue;
            report({
                node: decl.comparator,
                message: `effects of ${combinationLabel(decl)} are compared with the same programmes (versus ${decl.comparator.programmes.map(r => r.$refText).join(' + ')}); the comparator is what the comparison group received: a part of the combination, another programme, or \`none\``,
                data: { programmes: of },
            });
        }
    },
});
