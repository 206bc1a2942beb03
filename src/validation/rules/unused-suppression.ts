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
    summary: 'A `coord-disable…` comment that silences nothing.',
    doc: 'A suppression comment that no longer silences any finding (the problem was fixed, or the rule id is misspelt) hides nothing but misleads readers and would silence a future finding unnoticed. Remove it, or correct the rule id.',
    check() {
        // Reported by the engine once suppressions are applied.
    },
});
