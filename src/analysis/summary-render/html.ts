/**
 * The HTML of the summary. `renderSummaryBody` is the fragment that both the
 * HTML report and the VS Code preview show (in the preview, with `data-uri` /
 * `data-line` on every effect and coordination so that a click reveals the
 * source); `renderSummaryHtml` wraps it into one self-contained report file:
 * no script at all, no external resource, a strict Content-Security-Policy
 * (`default-src 'none'`, the one inline stylesheet allowed by its hash) and a
 * print stylesheet. Every string from the user's files is escaped.
 */
import { CATALOGUE, getLocale, t, type MessageKey } from '../../i18n/index.js';
import type { Summary, SummaryCoordination, SummaryEffect } from '../summary.js';
import { escapeHtml as esc } from './escape.js';
import { sha256Base64 } from './sha256.js';
import { SUMMARY_CSS } from './page-css.js';
import { countBySeverity, SEVERITIES } from '../severity-counts.js';
import { achievedText, desirabilityLegend, DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_TEXT } from './symbols.js';
import {
    combinationText, COORDINATION_COLUMNS, countsLine, desirabilityCounts, directionCounts,
    effectDetail, effectText, evidenceHeaders, evidenceRow,
} from './text.js';
import { forestTitle, renderForestSvg } from './forest.js';
import { MAP_TEXT, renderEvidenceMap } from './evidence-map.js';
import { EMPTY_SNIPPETS, EMPTY_TEXT, snippetText, type EmptyStateSnippet } from './empty-states.js';

export interface HtmlOptions {
    /** Marks effects and coordinations as clickable (the preview). */
    interactive?: boolean;
    /** The coordination network as an SVG string (from `renderNetworkSvg`), shown after the matrix. */
    networkSvg?: string;
}

/** Every user-facing string of the page (section titles, states), in one table for the message catalogue. */
export const PAGE_TEXT = {
    get contents() { return t('page.contents'); },
    get incompleteTitle() { return t('page.incomplete-title'); },
    incomplete: (n: number) => t('page.incomplete', { count: n }),
    syntaxErrors: (n: number) => t('page.syntax-errors', { count: n }),
    get findingsTitle() { return t('report.col.findings'); },
    get findingsIntro() { return t('page.findings-intro'); },
    get noFindings() { return t('page.no-findings'); },
    get levelNotStated() { return t('page.level-not-stated'); },
    get achievedHeader() { return t('report.col.achieved'); },
    achieved: (level: string) => achievedText(level),
    get countsTitle() { return t('report.counts.label'); },
    get matrixTitle() { return t('report.matrix.title'); },
    get networkTitle() { return t('report.network.title'); },
    get addedValueTitle() { return t('report.added.title'); },
    get synergiesTitle() { return t('report.synergies.title'); },
    get evidenceTitle() { return t('report.evidence.title'); },
    get forestTitle() { return t('report.forest.title'); },
    get coordinationsTitle() { return t('report.coordination.title'); },
    get noEffects() { return t('report.none.effects'); },
    scrollable: (what: string) => t('page.scrollable', { what }),
    get zoomToolbar() { return t('page.zoom-toolbar'); },
    get zoomIn() { return t('page.zoom-in'); },
    get zoomOut() { return t('page.zoom-out'); },
    get zoomFit() { return t('page.zoom-fit'); },
    get zoomHint() { return t('page.zoom-hint'); },
    get networkRegion() { return t('page.network-region'); },
};

/** A severity's word in the locale (`advertencia`); the class names keep the English value. */
function severityWord(severity: string): string {
    const key = `severity.${severity}` as MessageKey;
    return key in CATALOGUE.en ? t(key) : severity;
}

/** Most severe first (an unknown severity last). */
const severityRank = (severity: string) => ((SEVERITIES as readonly string[]).indexOf(severity) + 5) % 5;
const SEVERITY_SYMBOL: Record<string, string> = { error: '✗', warning: '⚠', info: 'ℹ', hint: '✎' };

function revealAttrs(options: HtmlOptions, uri: string, line: number): string {
    return options.interactive ? ` data-uri="${esc(uri)}" data-line="${line}" tabindex="0" role="button"` : '';
}

/** A message with its `code spans` as `<code>` (every piece escaped). */
export function inlineCode(text: string): string {
    const parts = text.split('`');
    // An unpaired backtick stays a backtick.
    if (parts.length % 2 === 0) return esc(text);
    return parts.map((p, i) => (i % 2 === 1 ? `<code>${esc(p)}</code>` : esc(p))).join('');
}

function effectItem(e: SummaryEffect, options: HtmlOptions): string {
    const detail = effectDetail(e);
    const where = `${e.file}:${e.line}${e.source ? ` — ${e.source}` : ''}`;
    const tooltip = `${t('report.tooltip', { direction: DIRECTION_TEXT[e.direction], outcome: e.outcome, desirability: DESIRABILITY_TEXT[e.desirability], where })}${e.note ? `: ${e.note}` : ''}`;
    const content = `<span class="text">${esc(effectText(e))}</span>`
        + (detail ? ` <span class="detail">(${esc(detail)})</span>` : '')
        + ` <span class="mark"><span class="symbol" aria-hidden="true">${DESIRABILITY_SYMBOL[e.desirability]}</span> <span class="word">${DESIRABILITY_TEXT[e.desirability]}</span></span>`;
    // In the preview the item's content is the button (a list item itself may not be one).
    return `<li class="effect ${e.desirability}" title="${esc(tooltip)}">`
        + (options.interactive ? `<span class="reveal"${revealAttrs(options, e.uri, e.line)} data-sync="">${content}</span>` : content)
        + '</li>';
}

function list(items: readonly string[]): string {
    if (items.length === 0) return '';
    if (items.length === 1) return esc(items[0]);
    return `<ul>${items.map(i => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** `1 error · 2 warnings`, with a symbol per severity. */
function severityCounts(c: SummaryCoordination): string {
    const counts = countBySeverity(c.findings.map(f => f.severity));
    return SEVERITIES.filter(severity => counts[severity] > 0)
        .map(severity => `<span class="severity ${severity}"><span aria-hidden="true">${SEVERITY_SYMBOL[severity]}</span> ${esc(t(`cli.count.${severity}`, { count: counts[severity] }))}</span>`)
        .join(' · ');
}

function achievedBadge(c: SummaryCoordination): string {
    return c.achieved
        ? `<span class="achieved achieved-${esc(c.achieved)}">${esc(PAGE_TEXT.achieved(c.achieved))}</span>`
        : `<span class="achieved achieved-none">${PAGE_TEXT.levelNotStated}</span>`;
}

const coordinationId = (i: number) => `coordination-${i}`;

/** The strip at the top: one line per arrangement with findings, each a link to its line (its row in the report). */
function findingsStrip(summary: Summary, options: HtmlOptions): string {
    const out = ['<section class="findings-strip" id="findings" aria-labelledby="findings-title">', `<h2 id="findings-title">${PAGE_TEXT.findingsTitle}</h2>`];
    const withFindings = summary.coordinations.map((c, i) => ({ c, i })).filter(x => x.c.findings.length > 0);
    if (withFindings.length === 0) {
        out.push(`<p class="empty">${summary.coordinations.length === 0 ? esc(EMPTY_TEXT.coordination.split('.')[0] + '.') : PAGE_TEXT.noFindings}</p>`);
    } else {
        out.push(`<p class="intro">${PAGE_TEXT.findingsIntro}</p><ul class="strip">`);
        for (const { c, i } of withFindings) {
            // The most severe finding first (the findings are in source order).
            const first = [...c.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0];
            out.push(`<li class="strip-item"><a class="name" href="#${coordinationId(i)}"${options.interactive ? ` data-uri="${esc(c.uri)}" data-line="${first.line}"` : ''}>${esc(c.name)}</a>`
                + ` <span class="country">${esc(c.countries.join(', '))}</span> ${achievedBadge(c)} ${severityCounts(c)}`
                + ` <span class="first-message">${esc(t('page.at-line', { rule: first.rule, line: String(first.line) }))}: ${inlineCode(first.message)}</span></li>`);
        }
        out.push('</ul>');
    }
    out.push('</section>');
    return out.join('\n');
}

function incompleteBanner(summary: Summary, options: HtmlOptions): string {
    const files = summary.syntaxErrors;
    if (files.length === 0) return '';
    return `<section class="banner incomplete" role="alert" aria-labelledby="incomplete-title"><h2 id="incomplete-title"><span aria-hidden="true">⚠</span> ${PAGE_TEXT.incompleteTitle}</h2>`
        + `<p>${esc(PAGE_TEXT.incomplete(files.length))}</p><ul>`
        // In the preview a link that opens the line; the report links to nothing outside itself.
        + files.map(f => `<li>${options.interactive ? `<a href="#"${revealAttrs(options, f.uri, f.line).replace(' role="button"', '')}>` : '<strong>'}${esc(`${f.file}:${f.line}`)}${options.interactive ? '</a>' : '</strong>'}`
            + ` (${esc(PAGE_TEXT.syntaxErrors(f.count))}): ${inlineCode(f.message)}</li>`).join('')
        + '</ul></section>';
}

function emptyState(kind: EmptyStateSnippet, options: HtmlOptions): string {
    return `<div class="empty-state"><p class="empty">${esc(EMPTY_TEXT[kind])}</p><pre><code>${esc(snippetText(EMPTY_SNIPPETS[kind]))}</code></pre>`
        + (options.interactive ? `<button type="button" data-insert="${kind}" title="${esc(EMPTY_TEXT.insertTitle)}">${esc(EMPTY_TEXT.insert)}</button>` : '')
        + '</div>';
}

/**
 * The coordination table: the name column first (frozen when scrolling
 * sideways), *Achieved* and *Findings* next to it, then the other columns
 * that have something in at least one row (empty columns are left out).
 */
function coordinationTable(summary: Summary, options: HtmlOptions): string {
    const rest = COORDINATION_COLUMNS.filter(col => col.id !== 'achieved'
        && summary.coordinations.some(c => col.items(c).length > 0));
    const out = [`<div class="scroll table-scroll" tabindex="0" role="region" aria-label="${PAGE_TEXT.scrollable(PAGE_TEXT.coordinationsTitle)}"><table class="coordination-table"><thead><tr>`];
    for (const h of [PAGE_TEXT.coordinationsTitle, PAGE_TEXT.achievedHeader, PAGE_TEXT.findingsTitle, ...rest.map(c => c.header)]) out.push(`<th scope="col">${esc(h)}</th>`);
    out.push('</tr></thead><tbody>');
    summary.coordinations.forEach((c, i) => {
        // The most severe first (a stable sort keeps source order within a severity).
        const sorted = [...c.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
        const findings = sorted.length > 0
            ? `<ul class="findings">${sorted.map(f => `<li class="finding ${esc(f.severity)}"><span class="severity-word"><span aria-hidden="true">${SEVERITY_SYMBOL[f.severity] ?? ''}</span> ${esc(severityWord(f.severity))}</span> ${esc(t('page.at-line', { rule: f.rule, line: String(f.line) }))}: ${inlineCode(f.message)}</li>`).join('')}</ul>`
            : '';
        out.push(`<tr class="coordination" id="${coordinationId(i)}"${revealAttrs(options, c.uri, c.line)}${options.interactive ? ' data-sync=""' : ''}>`
            + `<th scope="row">${esc(c.name)}${c.title ? `<div class="subtitle">${esc(c.title)}</div>` : ''}<div class="where">${esc(c.file)}:${c.line}</div></th>`
            + `<td>${c.achieved ? achievedBadge(c) : ''}</td><td>${findings}</td>`
            + rest.map(col => `<td>${list(col.items(c))}</td>`).join('') + '</tr>');
    });
    out.push('</tbody></table></div>');
    return out.join('');
}

/** The summary as an HTML fragment (no `<html>`, no script, no style). */
export function renderSummaryBody(summary: Summary, options: HtmlOptions = {}): string {
    const { counts, matrix } = summary;
    const out: string[] = [];
    out.push(incompleteBanner(summary, options));
    out.push(findingsStrip(summary, options));
    out.push(`<section class="counts" aria-label="${esc(t('report.counts.label'))}">`);
    out.push(`<p class="totals">${esc(countsLine(counts))}</p>`);
    out.push(`<p class="by">${esc(t('report.by', { direction: directionCounts(counts), desirability: desirabilityCounts(counts) }))}</p>`);
    const sections: Array<[string, string]> = [['evidence-map', MAP_TEXT.title]];
    if (summary.forestPlots.length > 0) sections.push(['forest', PAGE_TEXT.forestTitle]);
    sections.push(['evidence', PAGE_TEXT.evidenceTitle], ['network', PAGE_TEXT.networkTitle], ['coordinations', PAGE_TEXT.coordinationsTitle],
        ['matrix', PAGE_TEXT.matrixTitle], ['added-value', PAGE_TEXT.addedValueTitle], ['synergies', PAGE_TEXT.synergiesTitle]);
    out.push(`<nav class="contents" aria-label="${PAGE_TEXT.contents}"><ul>${sections.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ul></nav>`);
    out.push('</section>');

    out.push(summary.effects.length === 0
        ? `<section class="gap-map" id="evidence-map" aria-labelledby="gap-map-title"><h2 id="gap-map-title">${MAP_TEXT.title}</h2>${emptyState('effects', options)}</section>`
        : renderEvidenceMap(summary, options.interactive === true));

    if (summary.forestPlots.length > 0) {
        out.push(`<section class="forest" id="forest" aria-labelledby="forest-title"><h2 id="forest-title">${PAGE_TEXT.forestTitle}</h2>`);
        summary.forestPlots.forEach((plot, i) => out.push(`<figure class="forest-figure" data-forest="${i}" data-export-label="${esc(t('page.forest-export', { title: forestTitle(plot) }))}"><div class="scroll">${renderForestSvg(plot, `forest-${i}`)}</div></figure>`));
        out.push('</section>');
    }

    out.push(`<section class="evidence" id="evidence" aria-labelledby="evidence-title"><h2 id="evidence-title">${PAGE_TEXT.evidenceTitle}</h2>`);
    if (summary.cells.length === 0) {
        out.push(`<p class="empty">${PAGE_TEXT.noEffects}</p>`);
    } else {
        out.push(`<p>${esc(t('report.evidence.intro', { section: '' }))}</p>`);
        out.push(`<div class="scroll table-scroll" tabindex="0" role="region" aria-label="${PAGE_TEXT.scrollable(PAGE_TEXT.evidenceTitle)}"><table class="evidence-table"><thead><tr>${evidenceHeaders().map(h => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
        for (const c of summary.cells) {
            const [head, ...rest] = evidenceRow(c, summary.effects);
            out.push(`<tr><th scope="row">${esc(head)}</th>${rest.map(x => `<td>${esc(x)}</td>`).join('')}</tr>`);
        }
        out.push('</tbody></table></div>');
    }
    out.push('</section>');

    out.push(`<section class="network" id="network" aria-labelledby="network-title"><h2 id="network-title">${PAGE_TEXT.networkTitle}</h2>`);
    if (options.networkSvg) {
        if (options.interactive) {
            out.push(`<div class="network-controls" role="toolbar" aria-label="${PAGE_TEXT.zoomToolbar}">`
                + `<button type="button" data-zoom="in">${PAGE_TEXT.zoomIn}</button><button type="button" data-zoom="out">${PAGE_TEXT.zoomOut}</button>`
                + `<button type="button" data-zoom="fit">${PAGE_TEXT.zoomFit}</button> <span class="zoom-hint">${PAGE_TEXT.zoomHint}</span></div>`);
        }
        out.push(`<div class="network-view"${options.interactive ? ` tabindex="0" role="region" aria-label="${PAGE_TEXT.networkRegion}"` : ''}>${options.networkSvg}</div>`);
    }
    else if (summary.coordinations.length === 0) out.push(emptyState('coordination', options));
    out.push('</section>');

    out.push(`<section class="coordinations" id="coordinations" aria-labelledby="coordinations-title"><h2 id="coordinations-title">${PAGE_TEXT.coordinationsTitle}</h2>`);
    if (summary.coordinations.length === 0) {
        out.push(`<p class="empty">${esc(t('report.none.coordination'))}</p>`);
    } else {
        out.push(coordinationTable(summary, options));
    }
    out.push('</section>');

    out.push(`<section class="matrix" id="matrix" aria-labelledby="matrix-title"><h2 id="matrix-title">${PAGE_TEXT.matrixTitle}</h2>`);
    if (matrix.columns.length === 0) {
        out.push(`<p class="empty">${PAGE_TEXT.noEffects}</p>`);
    } else {
        out.push(`<p class="legend">${esc(t('report.legend', { legend: desirabilityLegend() }))}</p>`);
        out.push(`<div class="scroll table-scroll" tabindex="0" role="region" aria-label="${PAGE_TEXT.scrollable(PAGE_TEXT.matrixTitle)}"><table class="matrix"><thead><tr><th scope="col">${esc(t('report.col.domain'))}</th>`);
        for (const c of matrix.columns) {
            out.push(`<th scope="col" title="${esc(combinationText(c.titles))}">${esc(combinationText(c.programmes))}</th>`);
        }
        out.push('</tr></thead><tbody>');
        for (const r of matrix.rows) {
            out.push(`<tr><th scope="row">${esc(r.title)}</th>`);
            for (const cell of r.cells) {
                out.push(cell.length === 0 ? `<td class="empty-cell"><span class="not-measured-word">${MAP_TEXT.notMeasured}</span></td>`
                    : `<td><ul class="effects">${cell.map(e => effectItem(e, options)).join('')}</ul></td>`);
            }
            out.push('</tr>');
        }
        out.push('</tbody></table></div>');
    }
    out.push('</section>');

    out.push(`<section class="added-value" id="added-value" aria-labelledby="added-value-title"><h2 id="added-value-title">${PAGE_TEXT.addedValueTitle}</h2>`);
    if (summary.addedValue.length === 0) {
        out.push(`<p class="empty">${esc(t('report.added.none', { none: '‘none’' }))}</p>`);
    } else {
        out.push(`<p>${esc(t('report.added.intro', { versus: '‘versus’' }))}</p><dl>`);
        for (const a of summary.addedValue) {
            out.push(`<dt>${esc(combinationText(a.programmes))} <span class="versus">${esc(t('report.col.versus').toLowerCase())}</span> ${esc(combinationText(a.comparator))}</dt><dd><ul class="effects">${a.effects.map(e => effectItem(e, options)).join('')}</ul></dd>`);
        }
        out.push('</dl>');
    }
    out.push('</section>');

    out.push(`<section class="synergies" id="synergies" aria-labelledby="synergies-title"><h2 id="synergies-title">${PAGE_TEXT.synergiesTitle}</h2>`);
    if (summary.synergies.length === 0) {
        out.push(`<p class="empty">${esc(t('report.synergies.none'))}</p>`);
    } else {
        out.push(`<p>${esc(t('report.synergies.intro'))}</p>`);
        for (const syn of summary.synergies) {
            out.push(`<h3>${esc(combinationText(syn.programmes))}</h3><ul class="synergy">`);
            for (const a of syn.addedValue) {
                out.push(`<li>${esc(t('report.synergies.added', { comparator: combinationText(a.comparator) }))}: <ul class="effects">${a.effects.map(e => effectItem(e, options)).join('')}</ul></li>`);
            }
            for (const x of syn.sideBySide) {
                out.push(`<li>${esc(t('report.synergies.side', { outcome: x.outcomeLabel }))}: <ul class="effects">${x.combination.map(e => effectItem(e, options)).join('')}</ul>`
                    + x.singles.map(single => `<div class="single">${esc(t('report.synergies.alone', { programme: single.programme }))}:<ul class="effects">${single.effects.map(e => effectItem(e, options)).join('')}</ul></div>`).join('') + '</li>');
            }
            for (const x of syn.onlyCombination) {
                out.push(`<li class="only-combination">${esc(t('report.synergies.only', { outcome: x.outcomeLabel }))} <ul class="effects">${x.effects.map(e => effectItem(e, options)).join('')}</ul></li>`);
            }
            out.push('</ul>');
        }
    }
    out.push('</section>');
    return out.filter(x => x !== '').join('\n');
}

/**
 * The stylesheet of the standalone report: its variables (light and dark by the reader's setting), the page
 * itself, then the fragment's rule set shared with the preview (`SUMMARY_CSS`), forced colours and print.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #0f172a; --bg: #ffffff; --muted: #475569; --border: #cbd5e1; --head: #f1f5f9;
  --desirable: #15803d; --adverse: #b91c1c; --neutral: #1d4ed8; --no-change: #475569; --warning: #92400e; --info: #1d4ed8; --link: #1d4ed8;
  --banner: #fef3c7; --banner-border: #92400e;
  --cert-high: #15803d; --cert-moderate: #4d7c0f; --cert-low: #b45309; --cert-very-low: #b91c1c;
  --code-font: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; --code-background: var(--head); --code-border: 0; --code-block: var(--head); }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e2e8f0; --bg: #0f172a; --muted: #a7b3c5; --border: #475569; --head: #1e293b;
    --desirable: #4ade80; --adverse: #fca5a5; --neutral: #93c5fd; --no-change: #cbd5e1; --warning: #fcd34d; --info: #93c5fd; --link: #93c5fd;
    --banner: #422006; --banner-border: #fcd34d;
    --cert-high: #4ade80; --cert-moderate: #bef264; --cert-low: #fbbf24; --cert-very-low: #f87171; }
}
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px; }
a { color: var(--link); }
h1 { font-size: 1.6em; margin: 0 0 .3em; } h2 { font-size: 1.2em; margin: 1.6em 0 .5em; }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
svg.coord-network .group-label, svg.coord-network .legend text { fill: var(--fg); }
${SUMMARY_CSS}
@media (forced-colors: active) {
  .dot { forced-color-adjust: none; border-color: CanvasText; }
  .banner { border-color: CanvasText; }
}
@media print {
  body { margin: 0; font-size: 10pt; } .scroll, .map-scroll { overflow: visible; max-height: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { page-break-inside: auto; } tr, li, svg { page-break-inside: avoid; }
  thead { display: table-header-group; } h2 { page-break-after: avoid; } nav.contents { display: none; }
  .effect { white-space: normal; }
  .coordination-table td, .coordination-table td:nth-child(3) { min-width: 0; }
}
`;

export interface ReportOptions {
    title?: string;
    networkSvg?: string;
    /** A line for the footer, e.g. the tool and its version. */
    generator?: string;
}

/** One self-contained HTML file: no script, no external resource, a strict CSP. */
export function renderSummaryHtml(summary: Summary, options: ReportOptions = {}): string {
    const title = options.title ?? t('report.title');
    const styleHash = sha256Base64(REPORT_CSS);
    const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return `<!DOCTYPE html>
<html lang="${getLocale()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${renderSummaryBody(summary, { networkSvg: options.networkSvg })}
</main>
${options.generator ? `<footer>${esc(options.generator)}</footer>` : ''}
</body>
</html>
`;
}
