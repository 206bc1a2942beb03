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
    effects: '`effects of Programme (+ Programme)* (from Evaluation)? { (+|-|~) outcome … }` — effects observed for a combination of programmes.',
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
    size: '`size Number Name?` — the effect size, e.g. `size 0.12 sd`.',
    p: '`p Number` — the p-value, between 0 and 1.',
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
};

/** Enumerated values written inline in a property rule (not a datatype rule), by rule name. */
export const INLINE_ENUM_RULES: Readonly<Record<string, string>> = {
    PoliticalSupportProperty: 'political support',
    AchievedProperty: 'coordination level achieved',
    Agreement: 'agreement formality',
};

/** Datatype rules that stand for a name: their keywords are never offered as keywords. */
export const NAME_RULES: ReadonlySet<string> = new Set(['Name', 'NameKeyword', 'SampleUnit', 'SizeUnit']);
