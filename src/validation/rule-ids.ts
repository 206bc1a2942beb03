/**
 * Every id a finding can carry, as one typed constant: the rules of the
 * registry (in the order of the language reference's table) and the two ids
 * the engine and the validator report themselves (`internal-error`,
 * `invalid-config`). Code that names a rule — the registry, quick fixes,
 * suppression, configuration, the catalogue — names it through {@link RuleId},
 * so renaming or removing a rule is a type error wherever it is named.
 */
export const RuleId = {
    syntax: 'syntax',
    unresolvedReference: 'unresolved-reference',
    duplicateName: 'duplicate-name',
    requiredProperty: 'required-property',
    repeatedProperty: 'repeated-property',
    betweenArity: 'between-arity',
    invalidValue: 'invalid-value',
    localRoles: 'local-roles',
    budgetIncentive: 'budget-incentive',
    targetMismatch: 'target-mismatch',
    politicalSupportOnly: 'political-support-only',
    crossSector: 'cross-sector',
    complexity: 'complexity',
    designChange: 'design-change',
    agricultureAnchor: 'agriculture-anchor',
    unarrangedCombination: 'unarranged-combination',
    missingSource: 'missing-source',
    adverseEffect: 'adverse-effect',
    conflictingEffects: 'conflicting-effects',
    unused: 'unused',
    unusedSuppression: 'unused-suppression',
    invalidComparator: 'invalid-comparator',
    estimateMismatch: 'estimate-mismatch',
    unsourcedFigure: 'unsourced-figure',
    mixedEvidence: 'mixed-evidence',
    unassessedBias: 'unassessed-bias',
    localAssessment: 'local-assessment',
    politicalSupport: 'political-support',
} as const;

/** The id of a registered rule. */
export type RuleId = (typeof RuleId)[keyof typeof RuleId];

/** Ids of findings that no rule of the registry reports: the engine's and the validator's own. */
export const FindingId = {
    internalError: 'internal-error',
    invalidConfig: 'invalid-config',
} as const;

/** Any id a finding can carry. */
export type FindingRuleId = RuleId | (typeof FindingId)[keyof typeof FindingId];
