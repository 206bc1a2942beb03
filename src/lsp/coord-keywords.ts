/**
 * What the editor says about Coord's keywords: the form of each property (from
 * the language reference, §2) for completion documentation and keyword hover,
 * and which datatype rules hold enumerated values rather than names.
 */

/** Property and declaration keywords with their form, as the language reference writes them. */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
    domain: '`domain Name String?` — an outcome domain (a row of the effect matrix).',
    outcome: '`outcome Name String? in Domain (desirable (increase | decrease | neutral))?` — `desirable` defaults to `neutral`.',
    population: '`population Name String?` — a population that programmes target.',
    programme: '`programme Name String? { … }` — requires `country` and `sector`.',
    body: '`body Name String? { level … ministry … note … }` — a coordinating body or node.',
    coordination: '`coordination Name String? { between … }` — a coordination arrangement between programmes.',
    evaluation: '`evaluation Name String? { method … }` — a study that observed effects.',
    effects: '`effects of Programme (+ Programme)* (versus (Programme (+ Programme)* | none))? (from Evaluation)? { (+|-|~) outcome detail* }` — effects observed for a combination of programmes, against what the comparison group received; details: `size`, `ci`, `se`, `p`, `n`, `estimand`, `followup`, `subgroup`, `certainty`, `cite`, `note`.',
    country: '`country Name (, Name)*` — required, once.',
    sector: '`sector social-protection | productive | other` — required, once. A single integrated programme lists both, `sector productive, social-protection`, and counts as both.',
    agency: '`agency String` — once.',
    ministry: '`ministry Name` — the ministry the programme or body is anchored in, e.g. `agriculture`; once.',
    targets: '`targets Population (, Population)*` — once.',
    instruments: '`instruments Name (, Name)*` — once.',
    budget: '`budget Number Name (per Name)?` — e.g. `budget 12.5 million_USD per year`; once. In a coordination, `incentive budget` is a budget incentive.',
    period: '`period Year..Year` — once.',
    redesigned: '`redesigned Year String?` — repeatable.',
    note: '`note String` — repeatable.',
    level: '`level national | regional | local` — the level a body works at.',
    between: '`between Programme, Programme (, Programme)*` — required, once; at least two distinct programmes.',
    node: '`node Body` — a coordinating body of the arrangement; repeatable.',
    'political-support': '`political-support strong | moderate | weak` — once. The brief: "political support is key to promoting this type of coordination", but "it is not enough".',
    national: '`national { agreement … role … }` — agreements and roles at national level; once.',
    regional: '`regional { agreement … role … }` — agreements and roles at regional level; once.',
    local: '`local { agreement … role … capacity … stakeholder … resistance … }` — the local level; once. Give local actors a `role` and record what is known of the local level: the brief asks for "an adequate and exhaustive knowledge of the capacities, stakeholders and sources of resistance that can operate at the local level".',
    capacity: '`capacity String` — in a `local` block: a capacity that can operate at the local level; repeatable.',
    stakeholder: '`stakeholder String` — in a `local` block: a stakeholder at the local level; repeatable.',
    resistance: '`resistance String` — in a `local` block: a source of resistance at the local level; repeatable.',
    agreement: '`agreement formal | informal String` — an agreement at this level.',
    role: '`role String (by Programme | Body)?` — who does what at this level.',
    incentive: '`incentive budget | targeting | performance | other String?` — repeatable.',
    targeting: '`targeting String` — a shared targeting rule; once. (`incentive targeting` is a targeting incentive.)',
    achieved: '`achieved low | medium | high` — the coordination level reached; once.',
    since: '`since Year` — once.',
    reviewed: '`reviewed Year` — once.',
    barrier: '`barrier target-mismatch | budget-priorities | design-change | institutional-inertia | other String?` — repeatable.',
    method: '`method rct | quasi-experimental | psm | did | rdd | qualitative | mixed` — required, once.',
    sample: '`sample Number Name?` — e.g. `sample 1800 households`; once.',
    by: '`by String` in an evaluation (repeatable: who ran it); `by Programme | Body` after a `role`.',
    size: '`size Number Name?` — the point estimate in the unit named, e.g. `size 0.12 sd` (`sd`, `pp`, `percent`, `logRR`, a currency…); once per effect.',
    p: '`p Number` — the p-value, between 0 and 1; once per effect.',
    ci: '`ci Number..Number` — the 95 % confidence interval, in the unit of `size`, e.g. `ci -0.2..-0.04`; once per effect.',
    se: '`se Number` — the standard error, in the unit of `size` (> 0); once per effect.',
    n: '`n Number` — the observations behind the estimate (whole, > 0); once per effect.',
    estimand: '`estimand itt | tot | ate | late` — what the estimate estimates; once per effect.',
    followup: '`followup Number (months | years)` — time from the start of the programme to the measurement; once per effect.',
    subgroup: '`subgroup Population` — the estimate holds for this population only (its own cell); once per effect.',
    certainty: '`certainty (high | moderate | low | very-low) String` — the reviewer\'s judgement and its reason; replaces the computed certainty of the cell.',
    cite: '`cite String` — where a declaration\'s facts, or an effect\'s figures, stand in the source: `"Table 3, p. 21"`. Repeatable on declarations, once per effect.',
    doi: '`doi String` — the evaluation\'s DOI; once.',
    url: '`url String` — where the evaluation can be read; once.',
    published: '`published Year` — when the evaluation was published; once.',
    'risk-of-bias': '`risk-of-bias low | some-concerns | high String?` — the overall judgement of Cochrane\'s RoB 2, with a reason; once.',
    versus: '`versus Programme (+ Programme)* | none` — what the comparison group received; without it, `none`.',
    none: '`versus none` — the comparison group received none of the programmes.',
    of: '`effects of Programme (+ Programme)*` — the combination that was evaluated.',
    from: '`from Evaluation` — the evaluation the effects come from.',
    in: '`in Domain` — the domain of an outcome.',
    desirable: '`desirable increase | decrease | neutral` — the direction that is good for the outcome.',
};

/** Datatype rules whose keywords are enumerated values, with a word for the completion detail. */
export const ENUM_RULES: Readonly<Record<string, string>> = {
    Sector: 'sector',
    Level: 'level',
    Desirability: 'desirable direction',
    IncentiveKind: 'incentive kind',
    BarrierKind: 'barrier kind',
    Method: 'evaluation method',
    Direction: 'effect direction',
    Estimand: 'estimand',
    FollowupUnit: 'follow-up unit',
    Certainty: 'certainty level',
    RiskOfBias: 'risk of bias (RoB 2)',
};

/** What each estimand and certainty level means, for completion documentation. */
export const VALUE_DOCS: Readonly<Record<string, string>> = {
    itt: 'Intention to treat: the effect of being offered the programme.',
    tot: 'Treatment on the treated: the effect on those who took the programme up.',
    ate: 'Average treatment effect over the population.',
    late: 'Local average treatment effect: for those whose take-up the instrument changed (compliers).',
};

/** Units offered after `size N`: the contract's examples (§7.1). */
export const SIZE_UNITS: ReadonlyArray<[string, string]> = [
    ['sd', 'standardised mean difference'], ['pp', 'percentage points'], ['percent', 'percent'],
    ['logRR', 'log risk ratio'], ['logOR', 'log odds ratio'],
];

/** Enumerated values written inline in a property rule (not a datatype rule), by rule name. */
export const INLINE_ENUM_RULES: Readonly<Record<string, string>> = {
    PoliticalSupportProperty: 'political support',
    AchievedProperty: 'coordination level achieved',
    Agreement: 'agreement formality',
};

/** Datatype rules that stand for a name: their keywords are never offered as keywords. */
export const NAME_RULES: ReadonlySet<string> = new Set(['Name', 'NameKeyword', 'ComparatorName', 'SampleUnit', 'SizeUnit']);
