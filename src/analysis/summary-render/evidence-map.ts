/**
 * The evidence gap map (in the tradition of 3ie's): rows are outcomes grouped
 * by domain, columns are combinations (and comparators) grouped by country;
 * each cell holds one mark per subgroup, sized by the number of sources,
 * coloured by certainty (§7.4) and always carrying its certainty as a symbol
 * and a word, with the direction and desirability of its effects. A cell with
 * no evidence says *not measured*: absence of evidence is never blank.
 *
 * `evidenceMap` is the plain model (tested on its own); `renderEvidenceMap`
 * its HTML. Filters (country, design, certainty, subgroup) are rendered as
 * form controls only for the preview, whose script applies them through the
 * `data-*` attributes every column and mark carries. Strings shown to the user
 * are in `MAP_TEXT`, one table, for the message catalogue.
 */
import type { CertaintyLevel } from '../evidence.js';
import type { Desirability, EffectDirection, Summary, SummaryCell } from '../summary.js';
import { t } from '../../i18n/index.js';
import { escapeHtml as esc } from './escape.js';
import { DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_SIGN, DIRECTION_TEXT } from './symbols.js';

/** Every user-facing string of the map. */
export const MAP_TEXT = {
    get title() { return t('map.title'); },
    get intro() { return t('map.intro'); },
    get corner() { return t('map.corner'); },
    get scrollable() { return t('map.scrollable'); },
    get notMeasured() { return t('map.not-measured'); },
    get hiddenByFilters() { return t('map.hidden-by-filters'); },
    get versus() { return t('map.versus'); },
    get noCountry() { return t('report.network.no-country'); },
    get multiCountry() { return t('map.multi-country'); },
    get unresolved() { return t('map.unresolved'); },
    get wholePopulation() { return t('map.whole-population'); },
    get filters() { return t('map.filters'); },
    get any() { return t('map.any'); },
    get filterCountry() { return t('map.filter.country'); },
    get filterDesign() { return t('map.filter.design'); },
    get filterCertainty() { return t('map.filter.certainty'); },
    get filterSubgroup() { return t('map.filter.subgroup'); },
    get noDesign() { return t('map.no-design'); },
    get legendSize() { return t('map.legend-size'); },
    get empty() { return t('map.empty'); },
    source: (n: number) => t('map.sources', { count: n }),
};

/** GRADE's symbols with the level's word (never colour alone). */
export const CERTAINTY_SYMBOL: Record<CertaintyLevel, string> = {
    high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', 'very-low': '⊕◯◯◯',
};
export const CERTAINTY_WORD: Readonly<Record<CertaintyLevel, string>> = {
    get high() { return t('certainty.high'); },
    get moderate() { return t('certainty.moderate'); },
    get low() { return t('certainty.low'); },
    get 'very-low'() { return t('map.certainty.very-low'); },
};
const CERTAINTY_ORDER: readonly CertaintyLevel[] = ['high', 'moderate', 'low', 'very-low'];

export interface MapColumn {
    /** `programmes|comparator`. */
    key: string;
    programmes: string;
    comparator: string;
    /** The column's country group: one country, *Multi-country* or *No country*. */
    group: string;
    countries: string[];
}

export interface MapEntry {
    subgroup: string;
    sources: number;
    certainty: CertaintyLevel;
    designs: string[];
    /** The distinct (direction, desirability) pairs of the cell's effects, in order of appearance. */
    marks: Array<{ direction: EffectDirection; desirability: Desirability }>;
    /** Where the cell's first effect stands. */
    uri: string;
    line: number;
}

export interface MapRow {
    outcome: string;
    label: string;
    /** One list of entries per column (empty: not measured). */
    cells: MapEntry[][];
}

export interface MapDomain {
    domain: string;
    title: string;
    rows: MapRow[];
}

export interface EvidenceMap {
    columns: MapColumn[];
    /** The country groups in column order, with how many columns each spans. */
    groups: Array<{ label: string; span: number }>;
    domains: MapDomain[];
    /** The values each filter offers. */
    filters: { country: string[]; design: string[]; certainty: CertaintyLevel[]; subgroup: string[] };
}

/** The map of a summary (pure). */
export function evidenceMap(summary: Summary): EvidenceMap {
    const countriesOf = new Map(summary.programmes.map(p => [p.name, p.countries]));
    const columnsByKey = new Map<string, MapColumn>();
    for (const cell of summary.cells) {
        const key = `${cell.programmes}|${cell.comparator}`;
        if (columnsByKey.has(key)) continue;
        const countries = [...new Set(cell.programmes.split('+').flatMap(p => countriesOf.get(p) ?? []))];
        const group = countries.length === 1 ? countries[0] : countries.length === 0 ? MAP_TEXT.noCountry : MAP_TEXT.multiCountry;
        columnsByKey.set(key, { key, programmes: cell.programmes, comparator: cell.comparator, group, countries });
    }
    // Countries in order of appearance, then the multi-country and country-less groups; within a group, `none` first.
    const groupOrder: string[] = [];
    for (const c of columnsByKey.values()) if (!groupOrder.includes(c.group)) groupOrder.push(c.group);
    const rank = (g: string) => (g === MAP_TEXT.noCountry ? 2 : g === MAP_TEXT.multiCountry ? 1 : 0);
    groupOrder.sort((a, b) => rank(a) - rank(b));
    const columns = [...columnsByKey.values()].sort((a, b) =>
        groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || Number(a.comparator !== '') - Number(b.comparator !== ''));
    const groups: EvidenceMap['groups'] = [];
    for (const c of columns) {
        const last = groups[groups.length - 1];
        if (last?.label === c.group) last.span++;
        else groups.push({ label: c.group, span: 1 });
    }
    const columnIndex = new Map(columns.map((c, i) => [c.key, i]));

    // Domains in the matrix's order (the standard library's, then the workspace's), then unresolved outcomes.
    const domainTitle = new Map(summary.matrix.rows.map(r => [r.domain, r.title]));
    const domainOrder = summary.matrix.rows.map(r => r.domain).filter(d => d !== '');
    const domains = new Map<string, MapDomain>();
    const rows = new Map<string, MapRow>();
    for (const cell of summary.cells) {
        if (!domains.has(cell.domain)) {
            domains.set(cell.domain, { domain: cell.domain, title: cell.domain === '' ? MAP_TEXT.unresolved : domainTitle.get(cell.domain) ?? cell.domain, rows: [] });
        }
        const rowKey = `${cell.domain}|${cell.outcome}`;
        let row = rows.get(rowKey);
        if (!row) {
            row = { outcome: cell.outcome, label: cell.outcomeLabel, cells: columns.map(() => []) };
            rows.set(rowKey, row);
            domains.get(cell.domain)!.rows.push(row);
        }
        row.cells[columnIndex.get(`${cell.programmes}|${cell.comparator}`)!].push(entryOf(cell, summary));
    }
    const domainRank = (d: string) => (d === '' ? Infinity : domainOrder.indexOf(d) === -1 ? domainOrder.length : domainOrder.indexOf(d));
    const domainList = [...domains.values()].sort((a, b) => domainRank(a.domain) - domainRank(b.domain));

    const used = <T>(values: Iterable<T>) => [...new Set(values)];
    return {
        columns, groups, domains: domainList,
        filters: {
            country: used(columns.flatMap(c => (c.countries.length > 0 ? c.countries : [MAP_TEXT.noCountry]))).sort(),
            design: used(summary.cells.flatMap(c => (c.designs.length > 0 ? c.designs : [MAP_TEXT.noDesign]))).sort(),
            certainty: CERTAINTY_ORDER.filter(l => summary.cells.some(c => c.certainty === l)),
            subgroup: used(summary.cells.map(c => c.subgroup || MAP_TEXT.wholePopulation)).sort((a, b) =>
                Number(b === MAP_TEXT.wholePopulation) - Number(a === MAP_TEXT.wholePopulation) || (a < b ? -1 : a > b ? 1 : 0)),
        },
    };
}

function entryOf(cell: SummaryCell, summary: Summary): MapEntry {
    const effects = cell.effects.map(i => summary.effects[i]);
    const marks: MapEntry['marks'] = [];
    for (const e of effects) {
        if (!marks.some(m => m.direction === e.direction && m.desirability === e.desirability)) marks.push({ direction: e.direction, desirability: e.desirability });
    }
    return {
        subgroup: cell.subgroup, sources: cell.sources, certainty: cell.certainty, designs: cell.designs, marks,
        uri: effects[0]?.uri ?? '', line: effects[0]?.line ?? 1,
    };
}

/** `FEST + UNIDOS` or `HakuWinay + SoftSkills vs HakuWinay`. */
export function columnLabel(c: Pick<MapColumn, 'programmes' | 'comparator'>): string {
    const names = c.programmes.split('+').join(' + ');
    return c.comparator ? `${names} ${MAP_TEXT.versus} ${c.comparator.split('+').join(' + ')}` : names;
}

/** What one mark says in words (its tooltip and accessible name). */
export function entryText(outcome: string, column: MapColumn, e: MapEntry): string {
    const effects = e.marks.map(m => `${DIRECTION_TEXT[m.direction]}, ${DESIRABILITY_TEXT[m.desirability]}`).join('; ');
    return t('map.entry', {
        outcome, column: columnLabel(column), subgroup: e.subgroup ? t('map.entry.subgroup', { subgroup: e.subgroup }) : '',
        effects, certainty: CERTAINTY_WORD[e.certainty], sources: MAP_TEXT.source(e.sources),
    })
        + (e.designs.length > 0 ? ` (${e.designs.join(', ')})` : '');
}

function entryHtml(outcome: string, column: MapColumn, e: MapEntry, interactive: boolean): string {
    const size = Math.min(Math.max(e.sources, 1), 3);
    const designs = e.designs.length > 0 ? e.designs : [MAP_TEXT.noDesign];
    const reveal = interactive ? ` data-uri="${esc(e.uri)}" data-line="${e.line}" tabindex="0" role="button" data-sync=""` : '';
    return `<div class="entry cert-${e.certainty} size-${size}" title="${esc(entryText(outcome, column, e))}"`
        + ` data-certainty="${e.certainty}" data-subgroup="${esc(e.subgroup || MAP_TEXT.wholePopulation)}" data-design="${esc(JSON.stringify(designs))}"${reveal}>`
        + '<span class="dot" aria-hidden="true"></span>'
        + `<span class="signs">${e.marks.map(m => `${DIRECTION_SIGN[m.direction]}${DESIRABILITY_SYMBOL[m.desirability]}`).join(' ')}</span>`
        + ` <span class="cert"><span class="grade" aria-hidden="true">${CERTAINTY_SYMBOL[e.certainty]}</span> ${CERTAINTY_WORD[e.certainty]}</span>`
        + ` <span class="sources">${esc(MAP_TEXT.source(e.sources))}</span>`
        + (e.subgroup ? ` <span class="subgroup">${esc(e.subgroup)}</span>` : '')
        + '</div>';
}

function filterSelect(name: string, label: string, values: readonly string[], words?: (v: string) => string): string {
    return `<label class="filter">${esc(label)} <select data-filter="${name}"><option value="">${esc(MAP_TEXT.any)}</option>`
        + values.map(v => `<option value="${esc(v)}">${esc(words ? words(v) : v)}</option>`).join('') + '</select></label>';
}

/** The map as an HTML section. */
export function renderEvidenceMap(summary: Summary, interactive: boolean): string {
    const out: string[] = ['<section class="gap-map" id="evidence-map" aria-labelledby="gap-map-title">', `<h2 id="gap-map-title">${MAP_TEXT.title}</h2>`];
    const map = evidenceMap(summary);
    if (map.columns.length === 0) {
        out.push(`<p class="empty">${MAP_TEXT.empty}</p>`, '</section>');
        return out.join('\n');
    }
    out.push(`<p class="intro">${esc(MAP_TEXT.intro)}</p>`);
    out.push(`<p class="legend">${CERTAINTY_ORDER.map(l => `<span class="legend-item cert-${l}"><span class="dot" aria-hidden="true"></span> ${CERTAINTY_SYMBOL[l]} ${CERTAINTY_WORD[l]}</span>`).join(' ')} · ${esc(MAP_TEXT.legendSize)}</p>`);
    if (interactive) {
        out.push(`<div class="filters" role="group" aria-label="${MAP_TEXT.filters}">`
            + filterSelect('country', MAP_TEXT.filterCountry, map.filters.country)
            + filterSelect('design', MAP_TEXT.filterDesign, map.filters.design)
            + filterSelect('certainty', MAP_TEXT.filterCertainty, map.filters.certainty, v => CERTAINTY_WORD[v as CertaintyLevel])
            + filterSelect('subgroup', MAP_TEXT.filterSubgroup, map.filters.subgroup)
            + '</div>');
    }
    const countryAttr = (c: MapColumn) => esc(JSON.stringify(c.countries.length > 0 ? c.countries : [MAP_TEXT.noCountry]));
    out.push(`<div class="map-scroll" tabindex="0" role="region" aria-label="${esc(MAP_TEXT.scrollable)}"><table class="gap-map">`);
    out.push(`<thead><tr><th scope="col" rowspan="2" class="corner">${MAP_TEXT.corner}</th>`);
    let at = 0;
    for (const g of map.groups) {
        const members = map.columns.slice(at, at + g.span);
        at += g.span;
        out.push(`<th scope="colgroup" colspan="${g.span}" class="group" data-countries="${esc(JSON.stringify([...new Set(members.flatMap(m => (m.countries.length > 0 ? m.countries : [MAP_TEXT.noCountry])))]))}">${esc(g.label)}</th>`);
    }
    out.push('</tr><tr>');
    map.columns.forEach((c, i) => {
        out.push(`<th scope="col" class="combination" data-col="${i}" data-countries="${countryAttr(c)}">${esc(columnLabel(c))}</th>`);
    });
    out.push('</tr></thead>');
    for (const d of map.domains) {
        out.push(`<tbody><tr class="domain"><th scope="rowgroup" colspan="${map.columns.length + 1}">${esc(d.title)}</th></tr>`);
        for (const r of d.rows) {
            out.push(`<tr><th scope="row" class="outcome">${esc(r.label)}</th>`);
            r.cells.forEach((entries, i) => {
                const c = map.columns[i];
                out.push(entries.length === 0
                    ? `<td class="not-measured" data-col="${i}" data-countries="${countryAttr(c)}"><span>${MAP_TEXT.notMeasured}</span></td>`
                    : `<td data-col="${i}" data-countries="${countryAttr(c)}">${entries.map(e => entryHtml(r.label, c, e, interactive)).join('')}`
                        + (interactive ? `<span class="filtered" hidden>${MAP_TEXT.hiddenByFilters}</span>` : '') + '</td>');
            });
            out.push('</tr>');
        }
        out.push('</tbody>');
    }
    out.push('</table></div></section>');
    return out.join('\n');
}
