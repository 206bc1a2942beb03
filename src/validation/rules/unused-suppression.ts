/**
 * Rule `unused-suppression`: a `coord-disable…` comment that silences nothing.
 * The engine (`../engine.ts`) applies suppressions after every other rule has
 * run and reports the unused ones under this id; `check` does nothing itself.
 */
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';

export const unusedSuppressionRule = defineRule({
    id: RuleId.unusedSuppression,
    defaultSeverity: 'hint',
    category: 'hygiene',
    check() {
        // Reported by the engine once suppressions are applied.
    },
});
