/**
 * Every rule of Coord, in the order of the language reference's tables (§3,
 * then §7.6, then §8). The catalogue (`coord rules`, docs/rules.md), the
 * configuration checks and the SARIF rule list all come from this one list.
 */
import type { Rule } from './rule.js';
import type { RuleId } from './rule-ids.js';
import { syntaxRule } from './rules/syntax.js';
import { unresolvedReferenceRule } from './rules/unresolved-reference.js';
import { duplicateNameRule } from './rules/duplicate-name.js';
import { requiredPropertyRule } from './rules/required-property.js';
import { repeatedPropertyRule } from './rules/repeated-property.js';
import { betweenArityRule } from './rules/between-arity.js';
import { invalidValueRule } from './rules/invalid-value.js';
import { localRolesRule } from './rules/local-roles.js';
import { budgetIncentiveRule } from './rules/budget-incentive.js';
import { targetMismatchRule } from './rules/target-mismatch.js';
import { politicalSupportOnlyRule } from './rules/political-support-only.js';
import { crossSectorRule } from './rules/cross-sector.js';
import { complexityRule } from './rules/complexity.js';
import { designChangeRule } from './rules/design-change.js';
import { agricultureAnchorRule } from './rules/agriculture-anchor.js';
import { unarrangedCombinationRule } from './rules/unarranged-combination.js';
import { missingSourceRule } from './rules/missing-source.js';
import { adverseEffectRule } from './rules/adverse-effect.js';
import { conflictingEffectsRule } from './rules/conflicting-effects.js';
import { unusedRule } from './rules/unused.js';
import { unusedSuppressionRule } from './rules/unused-suppression.js';
import { invalidComparatorRule } from './rules/invalid-comparator.js';
import { estimateMismatchRule } from './rules/estimate-mismatch.js';
import { unsourcedFigureRule } from './rules/unsourced-figure.js';
import { mixedEvidenceRule } from './rules/mixed-evidence.js';
import { unassessedBiasRule } from './rules/unassessed-bias.js';
import { localAssessmentRule } from './rules/local-assessment.js';
import { politicalSupportRule } from './rules/political-support.js';

export const RULES: readonly Rule[] = [
    syntaxRule,
    unresolvedReferenceRule,
    duplicateNameRule,
    requiredPropertyRule,
    repeatedPropertyRule,
    betweenArityRule,
    invalidValueRule,
    localRolesRule,
    budgetIncentiveRule,
    targetMismatchRule,
    politicalSupportOnlyRule,
    crossSectorRule,
    complexityRule,
    designChangeRule,
    agricultureAnchorRule,
    unarrangedCombinationRule,
    missingSourceRule,
    adverseEffectRule,
    conflictingEffectsRule,
    unusedRule,
    unusedSuppressionRule,
    // §7.6 (evidence, v2)
    invalidComparatorRule,
    estimateMismatchRule,
    unsourcedFigureRule,
    mixedEvidenceRule,
    unassessedBiasRule,
    // §8, the additions from the brief.
    localAssessmentRule,
    politicalSupportRule,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map(r => [r.id, r]));

/** The ids of all rules, for checking configuration and suppression comments. */
export const RULE_IDS: ReadonlySet<RuleId> = new Set(RULES.map(r => r.id));

/** Whether a string (a diagnostic code, a name in a comment or the configuration) is the id of a registered rule. */
export function isRuleId(id: string): id is RuleId {
    return (RULE_IDS as ReadonlySet<string>).has(id);
}
