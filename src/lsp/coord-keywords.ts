/**
 * What the editor says about Coord's keywords: the form of each property (from
 * the language reference, §2) for completion documentation and keyword hover,
 * and which datatype rules hold enumerated values rather than names. The
 * prose is the message catalogue's (`keyword.*`), in the current locale.
 */
import { t, type MessageKey } from '../i18n/index.js';

/** Property and declaration keywords with their form, as the language reference writes them, and what joins the form to its prose. */
const KEYWORD_FORMS: Readonly<Record<string, readonly [form: string, joiner: string]>> = {
    domain: ['`domain Name String?`', ' — '],
    outcome: ['`outcome Name String? in Domain (desirable (increase | decrease | neutral))?`', ' — '],
    population: ['`population Name String?`', ' — '],
    programme: ['`programme Name String? { … }`', ' — '],
    body: ['`body Name String? { level … ministry … note … }`', ' — '],
    coordination: ['`coordination Name String? { between … }`', ' — '],
    evaluation: ['`evaluation Name String? { method … }`', ' — '],
    effects: ['`effects of Programme (+ Programme)* (versus (Programme (+ Programme)* | none))? (from Evaluation)? { (+|-|~) outcome detail* }`', ' — '],
    country: ['`country Name (, Name)*`', ' — '],
    sector: ['`sector social-protection | productive | other`', ' — '],
    agency: ['`agency String`', ' — '],
    ministry: ['`ministry Name`', ' — '],
    targets: ['`targets Population (, Population)*`', ' — '],
    instruments: ['`instruments Name (, Name)*`', ' — '],
    budget: ['`budget Number Name (per Name)?`', ' — '],
    period: ['`period Year..Year`', ' — '],
    redesigned: ['`redesigned Year String?`', ' — '],
    note: ['`note String`', ' — '],
    level: ['`level national | regional | local`', ' — '],
    between: ['`between Programme, Programme (, Programme)*`', ' — '],
    node: ['`node Body`', ' — '],
    'political-support': ['`political-support strong | moderate | weak`', ' — '],
    national: ['`national { agreement … role … }`', ' — '],
    regional: ['`regional { agreement … role … }`', ' — '],
    local: ['`local { agreement … role … capacity … stakeholder … resistance … }`', ' — '],
    capacity: ['`capacity String`', ' — '],
    stakeholder: ['`stakeholder String`', ' — '],
    resistance: ['`resistance String`', ' — '],
    agreement: ['`agreement formal | informal String`', ' — '],
    role: ['`role String (by Programme | Body)?`', ' — '],
    incentive: ['`incentive budget | targeting | performance | other String?`', ' — '],
    targeting: ['`targeting String`', ' — '],
    achieved: ['`achieved low | medium | high`', ' — '],
    since: ['`since Year`', ' — '],
    reviewed: ['`reviewed Year`', ' — '],
    barrier: ['`barrier target-mismatch | budget-priorities | design-change | institutional-inertia | other String?`', ' — '],
    method: ['`method rct | quasi-experimental | psm | did | rdd | qualitative | mixed`', ' — '],
    sample: ['`sample Number Name?`', ' — '],
    by: ['`by String`', ' '],
    size: ['`size Number Name?`', ' — '],
    p: ['`p Number`', ' — '],
    ci: ['`ci Number..Number`', ' — '],
    se: ['`se Number`', ' — '],
    n: ['`n Number`', ' — '],
    estimand: ['`estimand itt | tot | ate | late`', ' — '],
    followup: ['`followup Number (months | years)`', ' — '],
    subgroup: ['`subgroup Population`', ' — '],
    certainty: ['`certainty (high | moderate | low | very-low) String`', ' — '],
    cite: ['`cite String`', ' — '],
    doi: ['`doi String`', ' — '],
    url: ['`url String`', ' — '],
    published: ['`published Year`', ' — '],
    'risk-of-bias': ['`risk-of-bias low | some-concerns | high String?`', ' — '],
    versus: ['`versus Programme (+ Programme)* | none`', ' — '],
    none: ['`versus none`', ' — '],
    of: ['`effects of Programme (+ Programme)*`', ' — '],
    from: ['`from Evaluation`', ' — '],
    in: ['`in Domain`', ' — '],
    desirable: ['`desirable increase | decrease | neutral`', ' — '],
};

/**
 * Each keyword's documentation: its form (code, the same in every locale)
 * and what it means, in the current locale (`keyword.<name>` in the
 * catalogue, read each time: the locale is the server's or the CLI's).
 */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = (() => {
    const docs: Record<string, string> = {};
    for (const [name, [form, joiner]] of Object.entries(KEYWORD_FORMS)) {
        Object.defineProperty(docs, name, { enumerable: true, get: () => `${form}${joiner}${t(`keyword.${name}` as MessageKey)}` });
    }
    return Object.freeze(docs);
})();

/** Datatype rules whose keywords are enumerated values, with a word for the completion detail. */
export const ENUM_RULES: Readonly<Record<string, string>> = localized(
    ['Sector', 'Level', 'Desirability', 'IncentiveKind', 'BarrierKind', 'Method', 'Direction', 'Estimand', 'FollowupUnit', 'Certainty', 'RiskOfBias'],
    name => `keyword.enum.${name}`,
);

/** What each estimand and certainty level means, for completion documentation. */
export const VALUE_DOCS: Readonly<Record<string, string>> = localized(['itt', 'tot', 'ate', 'late'], name => `keyword.value.${name}`);

/** Units offered after `size N`: the contract's examples (§7.1). */
export const SIZE_UNITS: ReadonlyArray<readonly [string, string]> = ['sd', 'pp', 'percent', 'logRR', 'logOR'].map(unit => {
    const entry = [unit, ''] as [string, string];
    Object.defineProperty(entry, 1, { enumerable: true, get: () => t(`keyword.unit.${unit}` as MessageKey) });
    return entry;
});

/** Enumerated values written inline in a property rule (not a datatype rule), by rule name. */
export const INLINE_ENUM_RULES: Readonly<Record<string, string>> = localized(
    ['PoliticalSupportProperty', 'AchievedProperty', 'Agreement'], name => `keyword.enum.${name}`,
);

/** A table whose values are catalogue messages, read in the current locale each time. */
function localized(names: readonly string[], key: (name: string) => string): Readonly<Record<string, string>> {
    const table: Record<string, string> = {};
    for (const name of names) Object.defineProperty(table, name, { enumerable: true, get: () => t(key(name) as MessageKey) });
    return Object.freeze(table);
}

/** Datatype rules that stand for a name: their keywords are never offered as keywords. */
export const NAME_RULES: ReadonlySet<string> = new Set(['Name', 'NameKeyword', 'ComparatorName', 'SampleUnit', 'SizeUnit']);
