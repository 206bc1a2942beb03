/** Rule `invalid-comparator`: `versus` lists the same programmes as `of` (§7.2). */
import { Effects } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';
import { comparatorNames } from '../../analysis/evidence.js';
import { declarationsOf } from '../declarations.js';

export const invalidComparatorRule = defineRule({
    id: RuleId.invalidComparator,
    defaultSeverity: 'error',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            if (!decl.comparator || decl.comparator.none) continue;
            const of = combinationNames(decl), versus = comparatorNames(decl);
            if (versus.length === 0 || of.length !== versus.length || of.some((n, i) => n !== versus[i])) continue;
            report({
                node: decl.comparator,
                message: t('rule.invalid-comparator.message', { combination: combinationLabel(decl), comparator: decl.comparator.programmes.map(r => r.$refText).join(' + ') }),
                data: { programmes: of },
            });
        }
    },
});
