/**
 * Forest plots as SVG (§7.7), drawn from the summary's `forestPlots`: a row per
 * estimate (who, source, subgroup, follow-up) with its point and 95 %
 * interval, the pooled random-effects diamond where there is one, the line of
 * no effect and the unit on the axis. The HTML report, the preview and the
 * export all use these functions. Labels are wrapped, never cut; every string
 * from the user's files is escaped.
 */
import { t as msg } from '../../i18n/index.js';
import type { ForestPlot, ForestRow } from '../summary-evidence.js';
import { round3 } from '../summary-evidence.js';
import { escapeHtml as esc } from './escape.js';

const WIDTH = 860;
const LABEL_X = 12;
const LABEL_CHARS = 46;
const PLOT_LEFT = 380;
const PLOT_RIGHT = 660;
const VALUE_X = 672;
const LINE_HEIGHT = 15;
const ROW_PADDING = 8;
const TOP = 44;
const AXIS_HEIGHT = 48;

/** Splits a label into lines of at most `width` characters, at spaces where it can; long words are broken, never dropped. */
export function wrapLabel(text: string, width = LABEL_CHARS): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(w => w !== '')) {
        let rest = word;
        while ([...rest].length > width) {
            if (current) {
                lines.push(current);
                current = '';
            }
            const chars = [...rest];
            lines.push(chars.slice(0, width).join(''));
            rest = chars.slice(width).join('');
        }
        if (!current) current = rest;
        else if ([...current].length + 1 + [...rest].length <= width) current += ` ${rest}`;
        else {
            lines.push(current);
            current = rest;
        }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
}

/** Round tick values covering [low, high]. */
function ticks(low: number, high: number): number[] {
    const span = high - low || 1;
    const raw = span / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => span / s <= 6) ?? 10 * magnitude;
    const out: number[] = [];
    for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
    return out;
}

function interval(row: ForestRow): string {
    return `${round3(row.estimate)} [${round3(row.low)}, ${round3(row.high)}]`;
}

/** A forest plot's heading: its outcome, and its unit when one is given. */
export function forestTitle(plot: Pick<ForestPlot, 'outcomeLabel' | 'unit'>): string {
    return `${plot.outcomeLabel}${plot.unit ? ` (${plot.unit})` : ''}`;
}

/** One forest plot as a standalone SVG element. */
export function renderForestSvg(plot: ForestPlot, idPrefix = 'forest'): string {
    const rows = plot.rows.map(r => ({ row: r, lines: wrapLabel(r.label) }));
    const finite = plot.rows.flatMap(r => [r.low, r.high, r.estimate]).filter(Number.isFinite);
    let low = Math.min(0, ...finite), high = Math.max(0, ...finite);
    if (low === high) { low -= 1; high += 1; }
    const pad = (high - low) * 0.05;
    low -= pad;
    high += pad;
    const x = (v: number) => PLOT_LEFT + ((Math.min(high, Math.max(low, v)) - low) / (high - low)) * (PLOT_RIGHT - PLOT_LEFT);
    let y = TOP;
    const body: string[] = [];
    for (const { row, lines } of rows) {
        const h = lines.length * LINE_HEIGHT + ROW_PADDING;
        const mid = y + h / 2;
        const text = lines.map((l, i) => `<tspan x="${LABEL_X}" dy="${i === 0 ? 0 : LINE_HEIGHT}">${esc(l)}</tspan>`).join('');
        const firstBaseline = mid - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
        const cls = row.kind === 'pooled' ? 'pooled' : 'estimate';
        body.push(`<g class="row ${cls}"><title>${esc(`${row.label}: ${interval(row)}`)}</title>`);
        body.push(`<text class="label" x="${LABEL_X}" y="${firstBaseline.toFixed(1)}">${text}</text>`);
        if (row.kind === 'pooled') {
            const d = `M${x(row.low).toFixed(1)},${mid.toFixed(1)} L${x(row.estimate).toFixed(1)},${(mid - 6).toFixed(1)} L${x(row.high).toFixed(1)},${mid.toFixed(1)} L${x(row.estimate).toFixed(1)},${(mid + 6).toFixed(1)} Z`;
            body.push(`<path class="diamond" d="${d}" fill="#1e293b"/>`);
        } else {
            body.push(`<line class="ci" x1="${x(row.low).toFixed(1)}" x2="${x(row.high).toFixed(1)}" y1="${mid.toFixed(1)}" y2="${mid.toFixed(1)}" stroke="#1e293b" stroke-width="1.5"/>`);
            body.push(`<rect class="point" x="${(x(row.estimate) - 4).toFixed(1)}" y="${(mid - 4).toFixed(1)}" width="8" height="8" fill="#1d4ed8"/>`);
        }
        body.push(`<text class="value" x="${VALUE_X}" y="${(mid + 4).toFixed(1)}">${esc(interval(row))}</text></g>`);
        y += h;
    }
    const plotBottom = y + 4;
    const height = plotBottom + AXIS_HEIGHT;
    const axis: string[] = [`<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${plotBottom}" y2="${plotBottom}" stroke="#475569"/>`];
    for (const t of ticks(low, high)) {
        axis.push(`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${plotBottom}" y2="${plotBottom + 4}" stroke="#475569"/>`);
        axis.push(`<text class="tick" x="${x(t).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle">${esc(round3(t))}</text>`);
    }
    axis.push(`<text class="unit" x="${((PLOT_LEFT + PLOT_RIGHT) / 2).toFixed(1)}" y="${plotBottom + 36}" text-anchor="middle">${esc(plot.unit ? msg('report.forest.unit', { unit: plot.unit }) : msg('report.forest.no-unit'))}</text>`);
    const zero = x(0).toFixed(1);
    const title = forestTitle(plot);
    return `<svg xmlns="http://www.w3.org/2000/svg" class="forest-plot" role="img" aria-labelledby="${esc(idPrefix)}-title" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`
        + `<title id="${esc(idPrefix)}-title">${esc(msg('report.forest.plot', { title }))}</title>`
        + `<text class="heading" x="${LABEL_X}" y="20" font-weight="600" font-size="14">${esc(title)}</text>`
        + `<text x="${VALUE_X}" y="20" fill="#475569">${esc(msg('report.forest.estimate'))}</text>`
        + `<line class="no-effect" x1="${zero}" x2="${zero}" y1="${TOP - 6}" y2="${plotBottom}" stroke="#94a3b8" stroke-dasharray="4 3"/>`
        + body.join('') + axis.join('') + '</svg>';
}

/** All forest plots stacked in one SVG document, for the export. */
export function renderForestPlotsSvg(plots: readonly ForestPlot[]): string {
    if (plots.length === 0) {
        return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="40" viewBox="0 0 ${WIDTH} 40" font-family="system-ui, sans-serif" font-size="12"><text x="${LABEL_X}" y="24">${esc(msg('report.forest.none'))}</text></svg>\n`;
    }
    let y = 0;
    const parts: string[] = [];
    plots.forEach((p, i) => {
        const svg = renderForestSvg(p, `forest-${i}`);
        const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
        parts.push(svg.replace('<svg ', `<svg y="${y}" `));
        y += height + 16;
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}">${parts.join('')}</svg>\n`;
}
