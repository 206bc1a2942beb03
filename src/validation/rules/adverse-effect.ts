/** Rule `adverse-effect`: an effect against its outcome's desirable direction. */
import { Effects } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectDesirability } from '../../analysis/coordination-queries.js';
import { combinationLabel, effectLabel } from '../../analysis/effects-labels.js';
import { declarationsOf } from '../declarations.js';

export const adverseEffectRule = defineRule({
    id: RuleId.adverseEffect,
    defaultSeverity: 'info',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            for (let j = 0, effects = decl.effects; j < effects.length; j++) {
                const effect = effects[j];
                if (effectDesirability(effect) !== 'adverse') continue;
                const outcome = effect.outcome.ref!;
                const desirable = outcome.desirable!;
                report({
                    node: effect,
                    message: t('rule.adverse-effect.message', { effect: effectLabel(effect), combination: combinationLabel(decl), desirable }),
                    related: [{ node: outcome, property: 'desirable', message: t('rule.adverse-effect.related', { outcome: outcome.name, desirable }) }],
                    data: { outcome: outcome.name, direction: effect.direction, desirable },
                });
            }
        }
    },
});
