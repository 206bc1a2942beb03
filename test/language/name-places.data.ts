/**
 * Every place the grammar reads a name, a unit or a number, as slots of one
 * valid text, and the values each slot takes: any identifier, every keyword the
 * slot's rule accepts (`Name`, `ComparatorName`, `SampleUnit`, `SizeUnit`), and
 * numbers with and without a sign and a fraction. Used by
 * test/language/name-places.test.ts (the values and the syntax nodes read) and
 * test/performance/parser-builder.test.ts (the same tree as Langium's builder).
 */
import { AstUtils, GrammarAST } from 'langium';
import { CoordGrammar } from '../../src/language/generated/grammar.js';

export interface Slot {
    /** The placeholder in {@link TEMPLATE}. */
    readonly slot: string;
    /** The AST node type and property that hold the slot's value, and which node of that type (in text order). */
    readonly type: string;
    readonly property: string;
    readonly nth?: number;
    /** Index in the property's array, for a list. */
    readonly index?: number;
    /** The data type rule the slot calls: a name rule, or `SignedNumber`. */
    readonly rule: 'Name' | 'ComparatorName' | 'SampleUnit' | 'SizeUnit' | 'SignedNumber';
    /** A reference (its `$refText` is the value). */
    readonly ref?: boolean;
}

export const TEMPLATE = `domain {dom} "D"
outcome {out} "O" in {outDom} desirable increase
population {pop}
programme {prog} "P" { country {country1}, {country2} sector productive ministry {ministry} targets {targets1}, {targets2}
  instruments {instr1}, {instr2} budget {amount} {budgetUnit} per {budgetPer} period {start}..{end} redesigned {redesigned} "r" }
body {body} { level national ministry {bodyMinistry} }
coordination {coord} { between {between1}, {between2} node {node} local { role "r" by {roleBy} } since {since} reviewed {reviewed} }
evaluation {eval} { sample {sampleSize} {sampleUnit} published {published} method rct }
effects of {of1} + {of2} versus {vs1} + {vs2} from {from} {
  + {effOut} size {size} {sizeUnit} ci {ciLow}..{ciHigh} se {se} p {p} n {n} followup {followup} months subgroup {subgroup}
}
`;

export const SLOTS: readonly Slot[] = [
    { slot: 'dom', type: 'Domain', property: 'name', rule: 'Name' },
    { slot: 'out', type: 'Outcome', property: 'name', rule: 'Name' },
    { slot: 'outDom', type: 'Outcome', property: 'domain', rule: 'Name', ref: true },
    { slot: 'pop', type: 'Population', property: 'name', rule: 'Name' },
    { slot: 'prog', type: 'Programme', property: 'name', rule: 'Name' },
    { slot: 'country1', type: 'CountryProperty', property: 'values', index: 0, rule: 'Name' },
    { slot: 'country2', type: 'CountryProperty', property: 'values', index: 1, rule: 'Name' },
    { slot: 'ministry', type: 'MinistryProperty', property: 'value', rule: 'Name' },
    { slot: 'targets1', type: 'TargetsProperty', property: 'populations', index: 0, rule: 'Name', ref: true },
    { slot: 'targets2', type: 'TargetsProperty', property: 'populations', index: 1, rule: 'Name', ref: true },
    { slot: 'instr1', type: 'InstrumentsProperty', property: 'values', index: 0, rule: 'Name' },
    { slot: 'instr2', type: 'InstrumentsProperty', property: 'values', index: 1, rule: 'Name' },
    { slot: 'amount', type: 'BudgetProperty', property: 'amount', rule: 'SignedNumber' },
    { slot: 'budgetUnit', type: 'BudgetProperty', property: 'unit', rule: 'Name' },
    { slot: 'budgetPer', type: 'BudgetProperty', property: 'per', rule: 'Name' },
    { slot: 'start', type: 'PeriodProperty', property: 'start', rule: 'SignedNumber' },
    { slot: 'end', type: 'PeriodProperty', property: 'end', rule: 'SignedNumber' },
    { slot: 'redesigned', type: 'RedesignedProperty', property: 'year', rule: 'SignedNumber' },
    { slot: 'body', type: 'Body', property: 'name', rule: 'Name' },
    { slot: 'bodyMinistry', type: 'MinistryProperty', property: 'value', nth: 1, rule: 'Name' },
    { slot: 'coord', type: 'Coordination', property: 'name', rule: 'Name' },
    { slot: 'between1', type: 'BetweenProperty', property: 'programmes', index: 0, rule: 'Name', ref: true },
    { slot: 'between2', type: 'BetweenProperty', property: 'programmes', index: 1, rule: 'Name', ref: true },
    { slot: 'node', type: 'NodeProperty', property: 'body', rule: 'Name', ref: true },
    { slot: 'roleBy', type: 'Role', property: 'actor', rule: 'Name', ref: true },
    { slot: 'since', type: 'SinceProperty', property: 'year', rule: 'SignedNumber' },
    { slot: 'reviewed', type: 'ReviewedProperty', property: 'year', rule: 'SignedNumber' },
    { slot: 'eval', type: 'Evaluation', property: 'name', rule: 'Name' },
    { slot: 'sampleSize', type: 'SampleProperty', property: 'size', rule: 'SignedNumber' },
    { slot: 'sampleUnit', type: 'SampleProperty', property: 'unit', rule: 'SampleUnit' },
    { slot: 'published', type: 'PublishedProperty', property: 'year', rule: 'SignedNumber' },
    { slot: 'of1', type: 'Effects', property: 'programmes', index: 0, rule: 'Name', ref: true },
    { slot: 'of2', type: 'Effects', property: 'programmes', index: 1, rule: 'Name', ref: true },
    { slot: 'vs1', type: 'Comparator', property: 'programmes', index: 0, rule: 'ComparatorName', ref: true },
    { slot: 'vs2', type: 'Comparator', property: 'programmes', index: 1, rule: 'ComparatorName', ref: true },
    { slot: 'from', type: 'Effects', property: 'source', rule: 'Name', ref: true },
    { slot: 'effOut', type: 'Effect', property: 'outcome', rule: 'Name', ref: true },
    { slot: 'size', type: 'SizeDetail', property: 'value', rule: 'SignedNumber' },
    { slot: 'sizeUnit', type: 'SizeDetail', property: 'unit', rule: 'SizeUnit' },
    { slot: 'ciLow', type: 'CiDetail', property: 'low', rule: 'SignedNumber' },
    { slot: 'ciHigh', type: 'CiDetail', property: 'high', rule: 'SignedNumber' },
    { slot: 'se', type: 'SeDetail', property: 'value', rule: 'SignedNumber' },
    { slot: 'p', type: 'PDetail', property: 'value', rule: 'SignedNumber' },
    { slot: 'n', type: 'NDetail', property: 'value', rule: 'SignedNumber' },
    { slot: 'followup', type: 'FollowupDetail', property: 'value', rule: 'SignedNumber' },
    { slot: 'subgroup', type: 'SubgroupDetail', property: 'population', rule: 'Name', ref: true },
];

/** The word keywords a name rule of the grammar accepts. */
export function keywordsOfRule(name: string): string[] {
    const rule = CoordGrammar().rules.find(r => r.name === name);
    if (!rule) throw new Error(`no rule ${name}`);
    const out = new Set<string>();
    for (const node of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(node)) out.add(node.value);
        if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref)) for (const k of keywordsOfRule(node.rule.ref.name)) out.add(k);
    }
    return [...out].filter(k => /^[A-Za-z_]/.test(k)).sort();
}

/** Numbers as the grammar reads them: with and without a sign and a fraction, and the value each is. */
export const NUMBERS: ReadonlyArray<readonly [string, number]> = [['7', 7], ['-7', -7], ['3.25', 3.25], ['-0.5', -0.5], ['0', 0], ['007', 7], ['2011', 2011]];

/** The template with every slot filled by a plain identifier (`x_<slot>`) or, for a number, 1. */
export function fill(values: Record<string, string> = {}): string {
    return TEMPLATE.replace(/\{(\w+)\}/g, (_, slot: string) => values[slot]
        ?? (SLOTS.find(s => s.slot === slot)?.rule === 'SignedNumber' ? '1' : `x_${slot}`));
}

/** One text per slot and value: every keyword the slot's rule accepts (names) or every number of {@link NUMBERS}. */
export function variants(): Array<{ slot: Slot; value: string; text: string }> {
    const out: Array<{ slot: Slot; value: string; text: string }> = [];
    const keywordsByRule = new Map<string, string[]>();
    for (const slot of SLOTS) {
        let values: string[];
        if (slot.rule === 'SignedNumber') values = NUMBERS.map(([text]) => text);
        else {
            if (!keywordsByRule.has(slot.rule)) keywordsByRule.set(slot.rule, keywordsOfRule(slot.rule));
            values = ['plain_name', ...keywordsByRule.get(slot.rule)!];
        }
        for (const value of values) out.push({ slot, value, text: fill({ [slot.slot]: value }) });
    }
    return out;
}

/** Fewer, fuller texts: one per keyword with every slot whose rule accepts it set to it, and one per number in every number slot. */
export function combined(): string[] {
    const keywordsByRule = new Map(['Name', 'ComparatorName', 'SampleUnit', 'SizeUnit'].map(r => [r, new Set(keywordsOfRule(r))]));
    const out: string[] = [];
    for (const keyword of ['plain_name', ...keywordsByRule.get('Name')!]) {
        const values: Record<string, string> = {};
        for (const slot of SLOTS) {
            if (slot.rule !== 'SignedNumber' && (keyword === 'plain_name' || keywordsByRule.get(slot.rule)!.has(keyword))) values[slot.slot] = keyword;
        }
        out.push(fill(values));
    }
    for (const [number] of NUMBERS) {
        out.push(fill(Object.fromEntries(SLOTS.filter(s => s.rule === 'SignedNumber').map(s => [s.slot, number]))));
    }
    return out;
}
