/**
 * The evidence part of the summary (§7.7): the cells (combination, comparator,
 * outcome, subgroup) with their sources, certainty, downgrades and pooled
 * estimates; the *Added value* section; the honest synergy view; the forest
 * plots' data. Computed from the summary's effects, which carry their figures,
 * and from what the effects' sources say of their design and risk of bias.
 */
import { t } from '../i18n/index.js';
import { cellCertainty, type CertaintyInput, type Downgrade } from './certainty.js';
import { Z95, type CertaintyLevel } from './evidence.js';
import { poolEstimates, type PoolResult } from './pooling.js';
import { compareCodePoints } from './queries.js';
import type { SummaryEffect } from './summary.js';

/** What the summary knows of an evaluation, for certainty. */
export interface SourceFacts {
    method?: string;
    riskOfBias?: string;
}

export interface SummaryCell {
    /** The combination, as {@link SummaryEffect.programmes}. */
    programmes: string;
    /** The comparator's names sorted and joined with `+`; empty for `none`. */
    comparator: string;
    outcome: string;
    /** The subgroup's population; empty for the whole population. */
    subgroup: string;
    /** The number of distinct evaluations behind the cell's effects. */
    sources: number;
    /** The designs (`method`) of those evaluations, sorted; the evidence map filters by them. */
    designs: string[];
    certainty: CertaintyLevel;
    downgrades: Downgrade[];
    /** The computed level before a reviewer's judgement replaced it. */
    computedCertainty: CertaintyLevel;
    /** The reviewer's `certainty` judgement that replaced the computed level. */
    judgement?: { level: CertaintyLevel; reason: string };
    /** Where pooling applies (§7.5). */
    pooled?: { k: number; unit: string; fixed: PoolResult['fixed']; random: PoolResult['random']; i2: number; q: number };
    outcomeLabel: string;
    domain: string;
    /** The cell's effects, as indexes into {@link Summary.effects}. */
    effects: number[];
}

export interface AddedValueEntry {
    /** `programmes|comparator`. */
    key: string;
    programmes: string[];
    comparator: string[];
    effects: SummaryEffect[];
}

export interface SideBySide {
    outcome: string;
    outcomeLabel: string;
    combination: SummaryEffect[];
    singles: Array<{ programme: string; effects: SummaryEffect[] }>;
}

/** The synergy view of one combination (§7.7): only what the evidence can show. */
export interface SynergyEntry {
    key: string;
    programmes: string[];
    /** (a) Effects against a comparator that is part of the combination: the added value of the rest. */
    addedValue: AddedValueEntry[];
    /** (b) Outcomes measured for the combination and for each of its programmes alone, against `none`. */
    sideBySide: SideBySide[];
    /** Outcomes measured only for the combination: no comparison with its programmes alone is possible. */
    onlyCombination: Array<{ outcome: string; outcomeLabel: string; effects: SummaryEffect[] }>;
}

export interface ForestRow {
    kind: 'estimate' | 'pooled';
    /** Who and what: combination (and comparator), source, subgroup, follow-up. */
    label: string;
    estimate: number;
    low: number;
    high: number;
    /** For an estimate: where it stands. */
    file?: string;
    line?: number;
}

/** One forest plot: an outcome in one unit (§7.7). */
export interface ForestPlot {
    outcome: string;
    outcomeLabel: string;
    unit: string;
    rows: ForestRow[];
}

export const cellKeyOf = (e: Pick<SummaryEffect, 'programmes' | 'comparator' | 'outcome' | 'subgroup'>) =>
    `${e.programmes}|${e.comparator}|${e.outcome}|${e.subgroup}`;

/** An estimate's standard error: `se`, else from `ci` (§7.1). */
export function effectSe(e: SummaryEffect): number | undefined {
    if (e.se !== undefined) return e.se > 0 ? e.se : undefined;
    if (e.ciLow !== undefined && e.ciHigh !== undefined && e.ciHigh > e.ciLow) return (e.ciHigh - e.ciLow) / (2 * Z95);
    return undefined;
}

/** An estimate's 95 % interval: its `ci`, else `size ± 1.959964 × se`. */
export function effectInterval(e: SummaryEffect): { low: number; high: number } | undefined {
    if (e.ciLow !== undefined && e.ciHigh !== undefined && e.ciLow <= e.ciHigh) return { low: e.ciLow, high: e.ciHigh };
    if (e.size !== undefined && e.se !== undefined && e.se > 0) return { low: e.size - Z95 * e.se, high: e.size + Z95 * e.se };
    return undefined;
}

/** The cells of the summary's effects, in the order they first appear; sets each effect's `certainty` and `sources`. */
export function computeCells(effects: SummaryEffect[], sources: ReadonlyMap<string, SourceFacts>): SummaryCell[] {
    const byKey = new Map<string, number[]>();
    effects.forEach((e, i) => {
        const key = cellKeyOf(e);
        let list = byKey.get(key);
        if (!list) byKey.set(key, list = []);
        list.push(i);
    });
    const cells: SummaryCell[] = [];
    for (const indexes of byKey.values()) {
        const list = indexes.map(i => effects[i]);
        const first = list[0];
        const pooled = poolCell(list);
        let interval: { low: number; high: number } | undefined;
        if (pooled) interval = { low: pooled.random.ciLow, high: pooled.random.ciHigh };
        else {
            const intervals = list.map(effectInterval).filter((x): x is { low: number; high: number } => x !== undefined);
            if (intervals.length === 1) interval = intervals[0];
        }
        const inputs: CertaintyInput[] = list.map(e => {
            const facts = e.source ? sources.get(e.source) : undefined;
            return {
                direction: e.direction,
                hasSource: e.source !== '',
                ...(facts?.method ? { method: facts.method } : {}),
                ...(facts?.riskOfBias ? { riskOfBias: facts.riskOfBias } : {}),
                hasInterval: e.se !== undefined || (e.ciLow !== undefined && e.ciHigh !== undefined),
                ...(e.certaintyJudgement ? { judgement: e.certaintyJudgement } : {}),
            };
        });
        const certainty = cellCertainty(inputs, interval);
        const sourceCount = new Set(list.map(e => e.source).filter(s => s !== '')).size;
        const designs = [...new Set(inputs.map(i => i.method).filter((m): m is string => m !== undefined))].sort(compareCodePoints);
        const cell: SummaryCell = {
            programmes: first.programmes, comparator: first.comparator, outcome: first.outcome, subgroup: first.subgroup,
            sources: sourceCount, certainty: certainty.level, downgrades: certainty.downgrades, computedCertainty: certainty.computed,
            ...(certainty.judgement ? { judgement: certainty.judgement } : {}),
            ...(pooled ? { pooled } : {}),
            outcomeLabel: first.outcomeLabel, domain: first.domain, effects: indexes, designs,
        };
        for (const e of list) {
            e.certainty = cell.certainty;
            e.sources = sourceCount;
        }
        cells.push(cell);
    }
    return cells;
}

/** Pools a cell's estimates in its most common unit, when two or more have a size and a standard error. */
function poolCell(list: readonly SummaryEffect[]): SummaryCell['pooled'] {
    const byUnit = new Map<string, Array<{ estimate: number; se: number }>>();
    for (const e of list) {
        const se = effectSe(e);
        if (e.size === undefined || se === undefined) continue;
        const unit = e.unit ?? '';
        let group = byUnit.get(unit);
        if (!group) byUnit.set(unit, group = []);
        group.push({ estimate: e.size, se });
    }
    let best: [string, Array<{ estimate: number; se: number }>] | undefined;
    for (const entry of byUnit) if (!best || entry[1].length > best[1].length) best = entry;
    if (!best || best[1].length < 2) return undefined;
    const result = poolEstimates(best[1]);
    return result ? { k: result.k, unit: best[0], fixed: result.fixed, random: result.random, i2: result.i2, q: result.q } : undefined;
}

/** Effects against another comparator than `none`, by combination and comparator, in order of appearance. */
export function addedValueOf(effects: readonly SummaryEffect[]): AddedValueEntry[] {
    const byKey = new Map<string, AddedValueEntry>();
    for (const e of effects) {
        if (e.comparator === '') continue;
        const key = `${e.programmes}|${e.comparator}`;
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, entry = { key, programmes: e.programmes.split('+'), comparator: e.comparator.split('+'), effects: [] });
        entry.effects.push(e);
    }
    return [...byKey.values()];
}

/**
 * The honest synergy view (§7.7): for each combination of two or more
 * programmes, (a) its effects against a comparator that is part of it, (b) the
 * outcomes measured against `none` for it and for each of its programmes
 * alone, side by side, and the outcomes measured only for the combination.
 * Absence of evidence is never shown as absence of an effect.
 */
export function synergiesOf(combinations: readonly string[], effects: readonly SummaryEffect[], addedValue: readonly AddedValueEntry[]): SynergyEntry[] {
    const againstNone = new Map<string, Map<string, SummaryEffect[]>>();
    for (const e of effects) {
        if (e.comparator !== '') continue;
        let byOutcome = againstNone.get(e.programmes);
        if (!byOutcome) againstNone.set(e.programmes, byOutcome = new Map());
        let list = byOutcome.get(e.outcome);
        if (!list) byOutcome.set(e.outcome, list = []);
        list.push(e);
    }
    const out: SynergyEntry[] = [];
    const keys = [...new Set([...combinations, ...addedValue.map(a => a.programmes.join('+'))])];
    for (const key of keys) {
        const programmes = key.split('+');
        if (programmes.length < 2) continue;
        const parts = new Set(programmes);
        const added = addedValue.filter(a => a.programmes.join('+') === key && a.comparator.every(c => parts.has(c)));
        const sideBySide: SideBySide[] = [];
        const onlyCombination: SynergyEntry['onlyCombination'] = [];
        for (const [outcome, list] of againstNone.get(key) ?? []) {
            const singles = programmes.map(p => ({ programme: p, effects: againstNone.get(p)?.get(outcome) ?? [] }));
            if (singles.every(s => s.effects.length > 0)) sideBySide.push({ outcome, outcomeLabel: list[0].outcomeLabel, combination: list, singles });
            else onlyCombination.push({ outcome, outcomeLabel: list[0].outcomeLabel, effects: list });
        }
        if (added.length + sideBySide.length + onlyCombination.length === 0) continue;
        out.push({ key, programmes, addedValue: added, sideBySide, onlyCombination });
    }
    return out;
}

/** `FEST + UNIDOS versus FEST`. */
export function cellHeading(c: Pick<SummaryCell, 'programmes' | 'comparator' | 'subgroup'>): string {
    const versus = c.comparator ? ` ${t('cell.versus', { comparator: c.comparator.split('+').join(' + ') })}` : '';
    const subgroup = c.subgroup ? ` ${t('cell.subgroup', { subgroup: c.subgroup })}` : '';
    return `${c.programmes.split('+').join(' + ')}${versus}${subgroup}`;
}

/** The data of the forest plots: one per outcome and unit with at least one interval. */
export function forestPlotsOf(cells: readonly SummaryCell[], effects: readonly SummaryEffect[]): ForestPlot[] {
    const plots = new Map<string, ForestPlot>();
    for (const cell of cells) {
        for (const i of cell.effects) {
            const e = effects[i];
            const interval = effectInterval(e);
            if (!interval) continue;
            const estimate = e.size ?? (interval.low + interval.high) / 2;
            const unit = e.unit ?? '';
            const key = `${e.outcome}|${unit}`;
            let plot = plots.get(key);
            if (!plot) plots.set(key, plot = { outcome: e.outcome, outcomeLabel: e.outcomeLabel, unit, rows: [] });
            const parts = [cellHeading(cell), e.source || t('forest.no-source')];
            if (e.followup !== undefined) parts.push(t('forest.months', { count: e.followup }));
            plot.rows.push({ kind: 'estimate', label: parts.join(' · '), estimate, low: interval.low, high: interval.high, file: e.file, line: e.line });
        }
        const pooled = cell.pooled;
        if (pooled) {
            const plot = plots.get(`${cell.outcome}|${pooled.unit}`);
            plot?.rows.push({
                kind: 'pooled', label: t('report.forest.pooled', { k: pooled.k, cell: cellHeading(cell) }),
                estimate: pooled.random.estimate, low: pooled.random.ciLow, high: pooled.random.ciHigh,
            });
        }
    }
    return [...plots.values()].sort((a, b) => compareCodePoints(a.outcome, b.outcome) || compareCodePoints(a.unit, b.unit));
}

/** A number for text outputs: 3 significant digits (§7.5). */
export function round3(x: number): string {
    if (!Number.isFinite(x)) return String(x);
    if (x === 0) return '0';
    return String(Number(x.toPrecision(3)));
}
