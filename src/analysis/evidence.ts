/**
 * The evidence of one effect (§7 of the language reference): its details read
 * into plain figures, its comparator, its *cell* (combination, comparator,
 * outcome, subgroup) and whether its figures can be traced to a source. Rules,
 * the summary, hover and completion all read effects through these functions.
 */
import {
    Evaluation,
    type Effect, type EffectDetail, type Effects,
} from '../language/generated/ast.js';
import { combinationKey, propertyOf } from './queries.js';
import { t } from '../i18n/index.js';

/** `z` of a two-sided 95 % interval, as metafor uses (`qnorm(0.975)`). */
export const Z95 = 1.959963984540054;
/** The width of a 95 % interval in standard errors: `2 × 1.959964` (§7.1). */
export const CI_WIDTH_IN_SE = 2 * Z95;

export type CertaintyLevel = 'high' | 'moderate' | 'low' | 'very-low';
export const CERTAINTY_LEVELS: readonly CertaintyLevel[] = ['very-low', 'low', 'moderate', 'high'];

/**
 * An effect's estimate as the rules read it and the summary writes it (§7.7: the JSON fields and the CSV
 * columns of the same names): one set of fields, one unit each. `SummaryEffect` extends it.
 */
export interface EffectEstimate {
    size?: number;
    /** The unit of `size` (§7.7's CSV column `unit`). */
    unit?: string;
    ciLow?: number;
    ciHigh?: number;
    se?: number;
    p?: number;
    n?: number;
    estimand?: string;
    /** The follow-up in months (`followup 2 years` is 24). */
    followup?: number;
}

/** The fields of {@link EffectEstimate}, in the order the summary writes them. */
export const ESTIMATE_FIELDS = ['size', 'unit', 'ciLow', 'ciHigh', 'se', 'p', 'n', 'estimand', 'followup'] as const satisfies ReadonlyArray<keyof EffectEstimate>;

/** The figures and facts of one effect, each from the first detail of its kind. */
export interface EffectFigures extends EffectEstimate {
    /** The population name as written. */
    subgroup?: string;
    certainty?: { level: CertaintyLevel; reason: string };
    cite?: string;
    note?: string;
}

/** The first detail of each kind of an effect (a repeat is a `repeated-property` finding). */
export function firstDetails(effect: Effect): Map<EffectDetail['kind'], EffectDetail> {
    const out = new Map<EffectDetail['kind'], EffectDetail>();
    for (const d of effect.details ?? []) if (d?.kind && !out.has(d.kind)) out.set(d.kind, d);
    return out;
}

/** The first detail of one kind, typed. */
export function detailOf<K extends EffectDetail['kind']>(effect: Effect, kind: K): Extract<EffectDetail, { kind: K }> | undefined {
    // A loop, not `find` with a closure: rules ask this of every effect.
    const details = effect.details;
    if (!details) return undefined;
    for (let i = 0; i < details.length; i++) {
        const d = details[i];
        if (d?.kind === kind) return d as Extract<EffectDetail, { kind: K }>;
    }
    return undefined;
}

/** A bit for each kind of detail (each detail type has one kind). */
const DETAIL_BIT: Readonly<Record<string, number>> = {
    SizeDetail: 1, CiDetail: 2, SeDetail: 4, PDetail: 8, NDetail: 16, EstimandDetail: 32, FollowupDetail: 64,
    SubgroupDetail: 128, CertaintyDetail: 256, CiteProperty: 512, NoteProperty: 1024,
};

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads an effect's details into figures (numbers that failed to parse are left out): the first
 * detail of each kind, as {@link firstDetails} gives them, without making its map (rules read the
 * figures of every effect; test/analysis/evidence-figures.test.ts compares the two).
 */
export function effectFigures(effect: Effect): EffectFigures {
    const f: EffectFigures = {};
    const details = effect.details ?? [];
    let seen = 0;
    for (let i = 0; i < details.length; i++) {
        const d = details[i];
        if (!d?.kind) continue;
        const bit = DETAIL_BIT[d.$type] ?? 0;
        if (bit === 0) {
            // A detail type this table does not know (it must then be added): the plain path.
            return effectFiguresOf(firstDetails(effect).values());
        }
        if (seen & bit) continue;
        seen |= bit;
        readDetail(f, d);
    }
    return f;
}

/** The figures of details already reduced to the first of each kind (the plain path of {@link effectFigures}). */
export function effectFiguresOf(details: Iterable<EffectDetail>): EffectFigures {
    const f: EffectFigures = {};
    for (const d of details) readDetail(f, d);
    return f;
}

function readDetail(f: EffectFigures, d: EffectDetail): void {
    switch (d.$type) {
        case 'SizeDetail': if (num(d.value)) { f.size = d.value; if (d.unit) f.unit = d.unit; } break;
        case 'CiDetail': if (num(d.low) && num(d.high)) { f.ciLow = d.low; f.ciHigh = d.high; } break;
        case 'SeDetail': if (num(d.value)) f.se = d.value; break;
        case 'PDetail': if (num(d.value)) f.p = d.value; break;
        case 'NDetail': if (num(d.value)) f.n = d.value; break;
        case 'EstimandDetail': if (d.value) f.estimand = d.value; break;
        case 'FollowupDetail': if (num(d.value) && d.unit) f.followup = d.unit === 'years' ? d.value * 12 : d.value; break;
        case 'SubgroupDetail': if (d.population?.$refText) f.subgroup = d.population.$refText; break;
        case 'CertaintyDetail': if (d.level) f.certainty = { level: d.level as CertaintyLevel, reason: d.reason ?? '' }; break;
        case 'CiteProperty': if (d.value !== undefined) f.cite = d.value; break;
        case 'NoteProperty': if (d.value !== undefined) f.note = d.value; break;
    }
}

/**
 * The standard error of an estimate: `se` when given, else from a valid `ci`
 * as `(high − low) / 3.919928` (§7.1). Undefined when neither gives a positive value.
 */
export function standardErrorOf(f: EffectFigures): number | undefined {
    if (f.se !== undefined) return f.se > 0 ? f.se : undefined;
    if (f.ciLow !== undefined && f.ciHigh !== undefined && f.ciHigh > f.ciLow) return (f.ciHigh - f.ciLow) / CI_WIDTH_IN_SE;
    return undefined;
}

/** The comparator's names, distinct and sorted by code point; empty for `none` (or no `versus`). */
export function comparatorNames(block: Effects): string[] {
    const c = block.comparator;
    if (!c || c.none) return [];
    return [...new Set(c.programmes.map(r => r.$refText).filter(n => n))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The comparator key as the CSV writes it: names joined with `+`, empty for `none`. */
export function comparatorKey(block: Effects): string {
    return combinationKey(comparatorNames(block));
}

/** `versus HakuWinay`, or empty for `none`. */
export function comparatorLabel(block: Effects): string {
    const names = comparatorNames(block);
    return names.length === 0 ? '' : t('cell.versus', { comparator: block.comparator!.programmes.map(r => r.$refText).join(' + ') });
}

/** ` versus HakuWinay (subgroup women)`: the rest of an effect's cell after its combination, when it has one. */
export function cellSuffix(block: Effects, effect: Effect): string {
    const versus = comparatorLabel(block);
    const subgroup = detailOf(effect, 'subgroup')?.population?.$refText;
    return `${versus ? ` ${versus}` : ''}${subgroup ? ` ${t('cell.subgroup', { subgroup })}` : ''}`;
}

/** The key of an effect's cell: combination, comparator, outcome and subgroup (§7.2). */
export function cellKey(block: Effects, effect: Effect): string {
    const combination = combinationKey(block.programmes.map(r => r.$refText));
    return `${combination}|${comparatorKey(block)}|${effect.outcome?.$refText ?? ''}|${detailOf(effect, 'subgroup')?.population?.$refText ?? ''}`;
}

/** Whether an evaluation says where it can be found: a `cite`, `doi` or `url`. */
export function evaluationIsTraceable(evaluation: Evaluation | undefined): boolean {
    // The exact type (Evaluation has no subtypes: test/validation/exact-types.test.ts), not the generated guard's look-up.
    if (!evaluation || evaluation.$type !== Evaluation.$type) return false;
    const properties = evaluation.properties ?? [];
    for (let i = 0; i < properties.length; i++) {
        const kind = properties[i].kind;
        if (kind === 'cite' || kind === 'doi' || kind === 'url') return true;
    }
    return false;
}

/** An evaluation's design (`method`), if declared. */
export function evaluationMethod(evaluation: Evaluation | undefined): string | undefined {
    return evaluation ? propertyOf(evaluation, 'method')?.value : undefined;
}

/** An evaluation's `risk-of-bias` judgement, if declared. */
export function evaluationRiskOfBias(evaluation: Evaluation | undefined): string | undefined {
    return evaluation ? propertyOf(evaluation, 'risk-of-bias')?.value : undefined;
}
