/**
 * Forest plots (§7.7): one SVG from the core for the HTML report, the preview
 * and the export; legible with 1 to 40 rows; long labels wrapped, not cut;
 * every string escaped.
 */
import { describe, expect, test } from 'vitest';
import { renderForestPlotsSvg, renderForestSvg, wrapLabel } from '../../src/analysis/summary-render/forest.js';
import type { ForestPlot, ForestRow } from '../../src/analysis/summary-evidence.js';
import { checkXml } from '../robustness/output-checks.js';

function plot(n: number, label = (i: number) => `Study ${i}`): ForestPlot {
    const rows: ForestRow[] = Array.from({ length: n }, (_, i) => ({ kind: 'estimate', label: label(i), estimate: 0.1 * (i % 5) - 0.1, low: 0.1 * (i % 5) - 0.3, high: 0.1 * (i % 5) + 0.1 }));
    rows.push({ kind: 'pooled', label: 'Pooled', estimate: 0.05, low: -0.02, high: 0.12 });
    return { outcome: 'savings', outcomeLabel: 'Savings', unit: 'sd', rows };
}

/** The rows' vertical bands (from each row's first label line) as [top, bottom] pairs. */
function labelYs(svg: string): number[] {
    return [...svg.matchAll(/<text class="label" x="\d+" y="([\d.]+)"/g)].map(m => Number(m[1]));
}

describe('forest plot SVG', () => {
    test('wrapping keeps every character and respects the width', () => {
        const long = 'HakuWinay + SoftSkills versus HakuWinay (subgroup subsistence_farm_households) · EvalSoftSkillsWithAVeryLongNameThatHasNoSpacesAtAllAndMustBeBroken · 24 months';
        const lines = wrapLabel(long, 30);
        expect(lines.every(l => [...l].length <= 30)).toBe(true);
        expect(lines.join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
        expect(wrapLabel('')).toEqual(['']);
    });

    test.each([1, 2, 13, 40])('%i rows: well-formed, one group per row, rows never overlap, everything inside the picture', n => {
        const svg = renderForestSvg(plot(n, i => (i % 3 === 0 ? `A long label for study number ${i} that needs two or three lines to show in full, never cut` : `Study ${i}`)));
        checkXml(svg);
        expect(svg.match(/<g class="row estimate">/g)).toHaveLength(n);
        expect(svg.match(/<g class="row pooled">/g)).toHaveLength(1);
        expect(svg).toContain('class="diamond"');
        expect(svg).toContain('class="no-effect"');
        expect(svg).toContain('Estimate (sd)');
        const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
        const ys = labelYs(svg);
        for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(15);
        expect(Math.max(...ys)).toBeLessThan(height);
        for (const m of svg.matchAll(/ x[12]?="(-?[\d.]+)"/g)) {
            expect(Number(m[1])).toBeGreaterThanOrEqual(0);
            expect(Number(m[1])).toBeLessThanOrEqual(860);
        }
        // Every word of a long label is drawn.
        if (n > 0) expect(svg.replace(/<[^>]+>/g, ' ')).toMatch(/never\s+cut/);
    });

    test('the line of no effect sits at 0 and the values are written rounded to 3 significant digits', () => {
        const svg = renderForestSvg({ outcome: 'x', outcomeLabel: 'X', unit: '', rows: [{ kind: 'estimate', label: 'a', estimate: 0.123456, low: 0.0123456, high: 1.23456 }] });
        expect(svg).toContain('0.123 [0.0123, 1.23]');
        expect(svg).toContain('Estimate (no unit given)');
        const zero = /class="no-effect" x1="([\d.]+)"/.exec(svg)![1];
        const ticks = [...svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*>([^<]*)</g)];
        expect(ticks.find(t => t[2] === '0')?.[1]).toBe(zero);
    });

    test('user strings are escaped', () => {
        const svg = renderForestSvg({ outcome: 'x', outcomeLabel: '<script>alert(1)</script>', unit: '"&', rows: [{ kind: 'estimate', label: '</text><script>', estimate: 1, low: 0, high: 2 }] });
        checkXml(svg);
        expect(svg).not.toContain('<script>');
    });

    test('the export stacks every plot, or says there is none', () => {
        const svg = renderForestPlotsSvg([plot(2), plot(3)]);
        checkXml(svg);
        expect(svg.match(/class="forest-plot"/g)).toHaveLength(2);
        expect(renderForestPlotsSvg([])).toContain('no forest plot');
    });
});
