/** Rule `missing-source`: an `effects` block names no evaluation (`from`). */
import { Effects } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';
import { declarationsOf } from '../declarations.js';

export const missingSourceRule = defineRule({
    id: RuleId.missingSource,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            if (decl.source) continue;
            report({
                node: decl,
                keyword: 'effects',
                message: t('rule.missing-source.message', { combination: combinationLabel(decl) }),
                data: { programmes: combinationNames(decl) },
            });
        }
    },
});
