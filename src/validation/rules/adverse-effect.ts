/** Rule `adverse-effect`: an effect against its outcome's desirable direction. */
import { isEffects } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { effectDesirability } from '../../analysis/coordination-queries.js';
import { combinationLabel, effectLabel } from '../../analysis/effects-labels.js';

export const adverseEffectRule = defineRule({
    id: RuleId.adverseEffect,
    defaultSeverity: 'info',
    category: 'evidence',
    summary: 'A `+` on a `desirable decrease` outcome, or a `-` on a `desirable increase` one.',
    doc: 'An effect that moves an outcome against its desirable direction — more informal loans, fewer food crop products — is a result to explain, not an error: it may be a real trade-off (households shifting from crops to livestock), a slip in the sign, or an outcome declared with the wrong `desirable` direction. `~` (no significant change) and outcomes whose desirable direction is `neutral` are never adverse. Add a `note` to the effect with the explanation, and silence the finding with a reason if it is understood.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl)) continue;
            for (const effect of decl.effects) {
                if (effectDesirability(effect) !== 'adverse') continue;
                const outcome = effect.outcome.ref!;
                const desirable = outcome.desirable!;
                report({
                    node: effect,
                    message: `\`${effectLabel(effect)}\` for ${combinationLabel(decl)} goes against the outcome's desirable ${desirable}; an adverse effect worth explaining`,
                    related: [{ node: outcome, property: 'desirable', message: `${outcome.name} is desirable ${desirable}` }],
                    data: { outcome: outcome.name, direction: effect.direction, desirable },
                });
            }
        }
    },
});
