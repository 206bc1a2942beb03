/**
 * The HTML of the summary. `renderSummaryBody` is the fragment that both the
 * HTML report and the VS Code preview show (in the preview, with `data-uri` /
 * `data-line` on every effect and coordination so that a click reveals the
 * source); `renderSummaryHtml` wraps it into one self-contained report file:
 * no script at all, no external resource, a strict Content-Security-Policy
 * (`default-src 'none'`, the one inline stylesheet allowed by its hash) and a
 * print stylesheet. Every string from the user's files is escaped.
 */
import type { Summary, SummaryCoordination, SummaryEffect } from '../summary.js';
import { escapeHtml as esc } from './escape.js';
import { sha256Base64 } from './sha256.js';
import { DESIRABILITY_LEGEND, DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_TEXT } from './symbols.js';
import {
    combinationText, COORDINATION_COLUMNS, COORDINATION_HEADERS, countsLine, desirabilityCounts, directionCounts,
    effectDetail, effectText, EVIDENCE_HEADERS, evidenceRow, findingsText,
} from './text.js';
import { renderForestSvg } from './forest.js';

export interface HtmlOptions {
    /** Marks effects and coordinations as clickable (the preview). */
    interactive?: boolean;
    /** The coordination network as an SVG string (from `renderNetworkSvg`), shown after the matrix. */
    networkSvg?: string;
}

function revealAttrs(options: HtmlOptions, uri: string, line: number): string {
    return options.interactive ? ` data-uri="${esc(uri)}" data-line="${line}" tabindex="0" role="button"` : '';
}

function effectItem(e: SummaryEffect, options: HtmlOptions): string {
    const detail = effectDetail(e);
    const where = `${e.file}:${e.line}${e.source ? ` — ${e.source}` : ''}`;
    const tooltip = `${DIRECTION_TEXT[e.direction]} of ${e.outcome}, ${DESIRABILITY_TEXT[e.desirability]} (${where})${e.note ? `: ${e.note}` : ''}`;
    return `<li class="effect ${e.desirability}" title="${esc(tooltip)}"${revealAttrs(options, e.uri, e.line)}>`
        + `<span class="text">${esc(effectText(e))}</span>`
        + (detail ? ` <span class="detail">(${esc(detail)})</span>` : '')
        + ` <span class="mark"><span class="symbol" aria-hidden="true">${DESIRABILITY_SYMBOL[e.desirability]}</span> <span class="word">${DESIRABILITY_TEXT[e.desirability]}</span></span>`
        + '</li>';
}

function list(items: readonly string[]): string {
    if (items.length === 0) return '';
    if (items.length === 1) return esc(items[0]);
    return `<ul>${items.map(i => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function coordinationRow(c: SummaryCoordination, options: HtmlOptions): string {
    const cells = [
        // The level achieved carries a class for its colour; every other column is a plain list.
        ...COORDINATION_COLUMNS.map(col => col.header === 'Achieved' && c.achieved
            ? `<span class="achieved achieved-${esc(c.achieved)}">${esc(c.achieved)}</span>`
            : list(col.items(c))),
        c.findings.length > 0 ? `<ul class="findings">${c.findings.map((f, i) =>
            `<li class="finding ${esc(f.severity)}">${esc(findingsText(c)[i])}</li>`).join('')}</ul>` : '',
    ];
    return `<tr class="coordination"${revealAttrs(options, c.uri, c.line)}>`
        + `<th scope="row">${esc(c.name)}${c.title ? `<div class="subtitle">${esc(c.title)}</div>` : ''}<div class="where">${esc(c.file)}:${c.line}</div></th>`
        + cells.map(cell => `<td>${cell}</td>`).join('') + '</tr>';
}

/** The summary as an HTML fragment (no `<html>`, no script, no style). */
export function renderSummaryBody(summary: Summary, options: HtmlOptions = {}): string {
    const { counts, matrix } = summary;
    const out: string[] = [];
    out.push('<section class="counts" aria-label="Counts">');
    out.push(`<p class="totals">${esc(countsLine(counts))}</p>`);
    out.push(`<p class="by">Effects by direction: ${esc(directionCounts(counts))}. By desirability: ${esc(desirabilityCounts(counts))}.</p>`);
    out.push('</section>');

    out.push('<section class="matrix" aria-labelledby="matrix-title"><h2 id="matrix-title">Effects by domain and programme combination</h2>');
    if (matrix.columns.length === 0) {
        out.push('<p class="empty">No effects are declared.</p>');
    } else {
        out.push(`<p class="legend">Legend: ${esc(DESIRABILITY_LEGEND)}.</p>`);
        out.push('<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Domain</th>');
        for (const c of matrix.columns) {
            out.push(`<th scope="col" title="${esc(combinationText(c.titles))}">${esc(combinationText(c.programmes))}</th>`);
        }
        out.push('</tr></thead><tbody>');
        for (const r of matrix.rows) {
            out.push(`<tr><th scope="row">${esc(r.title)}</th>`);
            for (const cell of r.cells) {
                out.push(cell.length === 0 ? '<td class="empty-cell"></td>'
                    : `<td><ul class="effects">${cell.map(e => effectItem(e, options)).join('')}</ul></td>`);
            }
            out.push('</tr>');
        }
        out.push('</tbody></table></div>');
    }
    out.push('</section>');

    if (options.networkSvg) {
        out.push('<section class="network" aria-labelledby="network-title"><h2 id="network-title">Coordination network</h2>');
        out.push(`<div class="scroll">${options.networkSvg}</div></section>`);
    }

    out.push('<section class="added-value" aria-labelledby="added-value-title"><h2 id="added-value-title">Added value</h2>');
    if (summary.addedValue.length === 0) {
        out.push('<p class="empty">No effect is measured against another comparator than ‘none’.</p>');
    } else {
        out.push('<p>Effects of a combination against what the comparison group received (‘versus’).</p><dl>');
        for (const a of summary.addedValue) {
            out.push(`<dt>${esc(combinationText(a.programmes))} <span class="versus">versus</span> ${esc(combinationText(a.comparator))}</dt><dd><ul class="effects">${a.effects.map(e => effectItem(e, options)).join('')}</ul></dd>`);
        }
        out.push('</dl>');
    }
    out.push('</section>');

    out.push('<section class="synergies" aria-labelledby="synergies-title"><h2 id="synergies-title">Synergies</h2>');
    if (summary.synergies.length === 0) {
        out.push('<p class="empty">No combination of programmes has evidence to compare with its programmes alone.</p>');
    } else {
        out.push('<p>Only what the evidence can show: effects against a comparator that is part of the combination, and outcomes measured for the combination and for each of its programmes alone, side by side. Absence of evidence is not absence of an effect.</p>');
        for (const syn of summary.synergies) {
            out.push(`<h3>${esc(combinationText(syn.programmes))}</h3><ul class="synergy">`);
            for (const a of syn.addedValue) {
                out.push(`<li>Added value versus ${esc(combinationText(a.comparator))}: <ul class="effects">${a.effects.map(e => effectItem(e, options)).join('')}</ul></li>`);
            }
            for (const x of syn.sideBySide) {
                out.push(`<li>${esc(x.outcomeLabel)}, side by side: <ul class="effects">${x.combination.map(e => effectItem(e, options)).join('')}</ul>`
                    + x.singles.map(single => `<div class="single">${esc(single.programme)} alone:<ul class="effects">${single.effects.map(e => effectItem(e, options)).join('')}</ul></div>`).join('') + '</li>');
            }
            for (const x of syn.onlyCombination) {
                out.push(`<li class="only-combination">${esc(x.outcomeLabel)}: measured only for the combination <ul class="effects">${x.effects.map(e => effectItem(e, options)).join('')}</ul></li>`);
            }
            out.push('</ul>');
        }
    }
    out.push('</section>');

    out.push('<section class="evidence" aria-labelledby="evidence-title"><h2 id="evidence-title">Evidence</h2>');
    if (summary.cells.length === 0) {
        out.push('<p class="empty">No effects are declared.</p>');
    } else {
        out.push('<p>One row per cell (combination, comparator, outcome, subgroup): its sources, estimates, pooled estimates and certainty (GRADE-style).</p>');
        out.push(`<div class="scroll"><table class="evidence-table"><thead><tr>${EVIDENCE_HEADERS.map(h => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
        for (const c of summary.cells) {
            const [head, ...rest] = evidenceRow(c, summary.effects);
            out.push(`<tr><th scope="row">${esc(head)}</th>${rest.map(x => `<td>${esc(x)}</td>`).join('')}</tr>`);
        }
        out.push('</tbody></table></div>');
    }
    out.push('</section>');

    if (summary.forestPlots.length > 0) {
        out.push('<section class="forest" aria-labelledby="forest-title"><h2 id="forest-title">Forest plots</h2>');
        summary.forestPlots.forEach((plot, i) => out.push(`<div class="scroll">${renderForestSvg(plot, `forest-${i}`)}</div>`));
        out.push('</section>');
    }

    out.push('<section class="coordinations" aria-labelledby="coordinations-title"><h2 id="coordinations-title">Coordination</h2>');
    if (summary.coordinations.length === 0) {
        out.push('<p class="empty">No coordination is declared.</p>');
    } else {
        out.push('<div class="scroll"><table class="coordination-table"><thead><tr>');
        for (const h of COORDINATION_HEADERS) {
            out.push(`<th scope="col">${h}</th>`);
        }
        out.push('</tr></thead><tbody>');
        for (const c of summary.coordinations) out.push(coordinationRow(c, options));
        out.push('</tbody></table></div>');
    }
    out.push('</section>');
    return out.join('\n');
}

/** The stylesheet of the standalone report (light, with a print variant). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #0f172a; --muted: #475569; --border: #cbd5e1; --head: #f1f5f9;
  --desirable: #15803d; --adverse: #b91c1c; --neutral: #1d4ed8; --no-change: #475569; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 24px; }
h1 { font-size: 1.6em; margin: 0 0 .3em; } h2 { font-size: 1.2em; margin: 1.6em 0 .5em; }
.totals { font-weight: 600; margin: 0; } .by, .legend, .where, .subtitle, .detail { color: var(--muted); }
.where, .subtitle { font-size: .85em; font-weight: normal; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
ul { margin: 0; padding-left: 1.1em; } ul.effects { list-style: none; padding: 0; }
.effect { white-space: nowrap; } .effect .word { font-size: .8em; }
.effect.desirable .mark { color: var(--desirable); } .effect.adverse .mark { color: var(--adverse); font-weight: 600; }
.effect.neutral .mark { color: var(--neutral); } .effect.no-change .mark { color: var(--no-change); }
.achieved-low { color: var(--adverse); } .achieved-medium { color: #b45309; } .achieved-high { color: var(--desirable); }
.finding.error { color: var(--adverse); } .finding.warning { color: #b45309; }
.scroll { overflow-x: auto; } svg.coord-network { max-width: 100%; height: auto; }
.coordination-table td { min-width: 8em; } .coordination-table td:nth-child(n+4) { min-width: 12em; } .coordination-table td:last-child { min-width: 22em; }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
@media print {
  body { margin: 0; font-size: 10pt; } .scroll { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { page-break-inside: auto; } tr, li, svg { page-break-inside: avoid; }
  thead { display: table-header-group; } h2 { page-break-after: avoid; }
  .effect { white-space: normal; }
  .coordination-table td, .coordination-table td:nth-child(n+4), .coordination-table td:last-child { min-width: 0; }
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
    const title = options.title ?? 'Effect summary';
    const styleHash = sha256Base64(REPORT_CSS);
    const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
${renderSummaryBody(summary, { networkSvg: options.networkSvg })}
${options.generator ? `<footer>${esc(options.generator)}</footer>` : ''}
</body>
</html>
`;
}
