/**
 * The evidence part of the summary (§7.7) on the fictional example: cells with
 * sources, certainty and downgrades; pooling where a cell has two or more
 * estimates with a standard error; Added value; honest synergies; forest plots.
 */
import { describe, expect, test } from 'vitest';
import { EXAMPLES, readFolder, summarise } from './summary-helpers.js';
import { poolEstimates } from '../../src/analysis/pooling.js';
import { effectFigures, ESTIMATE_FIELDS, Z95, type EffectEstimate } from '../../src/analysis/evidence.js';
import { isEffects, type Model } from '../../src/language/generated/ast.js';

const FICTIONAL = readFolder(EXAMPLES, ['fictional-evidence.coord']);

describe('summary v2 on the fictional example', () => {
    test('pools each cell with two or more estimates, exactly as poolEstimates does on their figures', async () => {
        const { summary } = await summarise(FICTIONAL);
        const income = summary.cells.find(c => c.programmes === 'Abrigo+Cosecha' && c.outcome === 'income' && c.subgroup === '')!;
        expect(income.sources).toBe(3);
        // EvalNorte: 0.15 (se 0.05); EvalSur: 0.08 (se 0.04); EvalCosta: 0.02 with ci -0.06..0.10.
        const expected = poolEstimates([{ estimate: 0.15, se: 0.05 }, { estimate: 0.08, se: 0.04 }, { estimate: 0.02, se: 0.16 / (2 * Z95) }])!;
        expect(income.pooled).toEqual({ unit: 'sd', ...expected });
        const women = summary.cells.find(c => c.outcome === 'income' && c.subgroup === 'women_headed')!;
        expect(women.pooled?.k).toBe(2);
        // A single estimate is never pooled.
        expect(summary.cells.find(c => c.outcome === 'expectations')!.pooled).toBeUndefined();
    });

    test('certainty and its downgrades per cell (§7.4)', async () => {
        const { summary } = await summarise(FICTIONAL);
        const cell = (outcome: string, subgroup = '', comparator = '') => summary.cells.find(c => c.outcome === outcome && c.subgroup === subgroup && c.comparator === comparator)!;
        // rct (high); EvalCosta has high risk of bias; + and ~ disagree.
        expect(cell('income')).toMatchObject({ certainty: 'low', downgrades: ['risk-of-bias', 'inconsistency'] });
        expect(cell('income', 'women_headed')).toMatchObject({ certainty: 'high', downgrades: [] });
        expect(cell('savings')).toMatchObject({ certainty: 'moderate', downgrades: ['risk-of-bias'] });
        // Qualitative, no interval.
        expect(cell('social_capital')).toMatchObject({ certainty: 'very-low', downgrades: ['imprecision'] });
        expect(cell('food_crop_products', '', 'Cosecha')).toMatchObject({ certainty: 'high', programmes: 'Abrigo+Cosecha' });
        // Each effect carries its cell's certainty and number of sources.
        const e = summary.effects.find(x => x.outcome === 'savings')!;
        expect([e.certainty, e.sources]).toEqual(['moderate', 3]);
    });

    test('Added value and synergies: never an outcome measured only for the combination as a synergy', async () => {
        const { summary } = await summarise(FICTIONAL);
        expect(summary.addedValue.map(a => [a.key, a.effects.map(x => x.outcome)])).toEqual([['Abrigo+Cosecha|Cosecha', ['food_crop_products']]]);
        const [s] = summary.synergies;
        expect(s.addedValue.map(a => a.comparator)).toEqual([['Cosecha']]);
        expect(s.sideBySide.map(x => x.outcome)).toEqual(['income']);
        expect(s.onlyCombination.map(x => x.outcome)).toEqual(['savings', 'expectations', 'social_capital']);
        // The v1 matrix holds comparator none only.
        const columns = summary.matrix.columns.map(c => c.key);
        expect(summary.matrix.rows.flatMap(r => r.cells.flat()).some(x => x.comparator !== '')).toBe(false);
        expect(columns).toEqual(['Abrigo+Cosecha', 'Cosecha', 'Abrigo']);
    });

    test('forest plots: one per outcome and unit with an interval, with the pooled diamonds', async () => {
        const { summary } = await summarise(FICTIONAL);
        expect(summary.forestPlots.map(p => [p.outcome, p.unit, p.rows.filter(r => r.kind === 'estimate').length, p.rows.filter(r => r.kind === 'pooled').length])).toEqual([
            ['food_crop_products', 'sd', 1, 0], ['expectations', 'sd', 1, 0], ['income', 'sd', 7, 2], ['savings', 'sd', 3, 1],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
        const income = summary.forestPlots.find(p => p.outcome === 'income')!;
        expect(income.rows.map(r => r.label)).toContain('Abrigo + Cosecha (subgroup women_headed) · EvalSur · 24 months');
    });
});

describe('summary v2 on hostile figures', () => {
    test('extreme, degenerate and many estimates: no crash, no NaN or Infinity in the JSON, 40-row forest plot', async () => {
        const rows = Array.from({ length: 40 }, (_, i) => `  + income size ${i % 7}.5 sd se 0.${i + 1} subgroup p${i % 2} followup ${i + 1} months`).join('\n');
        const { summary } = await summarise(`population p0\npopulation p1
evaluation E { method rct cite "x" risk-of-bias high }
effects of A from E {
${rows}
}
effects of B from E {
  + income size 99999999999999999999999999999999999999 sd se 0.0000000000000000000000000000001
  + income size -99999999999999999999999999999999999999 sd se 0.0000000000000000000000000000001
  + savings size 1 ci 2..1
  ~ savings size 0 se 0
  + expectations ci 0..0
}`);
        const json = JSON.stringify(summary);
        expect(json).not.toMatch(/NaN|Infinity|null/);
        expect(summary.forestPlots.find(p => p.outcome === 'income')!.rows.filter(r => r.kind === 'estimate').length).toBeGreaterThanOrEqual(40);
        for (const c of summary.cells) expect(['high', 'moderate', 'low', 'very-low']).toContain(c.certainty);
    });
});

describe('one estimate, read once', () => {
    test('each summary effect carries the figures the rules read, under the same names and in the same units (follow-up in months)', async () => {
        const { summary, documents } = await summarise(readFolder(EXAMPLES));
        const byPlace = new Map(summary.effects.map(e => [`${e.file}:${e.line}`, e]));
        let compared = 0;
        let years = 0;
        for (const document of documents) {
            const model = document.parseResult.value as Model;
            for (const block of model.declarations.filter(isEffects)) {
                for (const effect of block.effects) {
                    const line = effect.$cstNode!.range.start.line + 1;
                    const shown = byPlace.get(`${document.uri.toString().replace('file:///ws/', '')}:${line}`);
                    if (!shown) continue;
                    const figures = effectFigures(effect);
                    const pick = (o: EffectEstimate) => Object.fromEntries(ESTIMATE_FIELDS.filter(k => o[k] !== undefined).map(k => [k, o[k]]));
                    expect(pick(shown), `${shown.file}:${line}`).toEqual(pick(figures));
                    if (figures.unit !== undefined) expect(shown.sizeUnit).toBe(figures.unit);
                    if (effect.details?.some(d => d.$type === 'FollowupDetail' && d.unit === 'years')) years++;
                    compared++;
                }
            }
        }
        expect(compared).toBe(summary.effects.length);
        expect(years, 'an example writes its follow-up in years').toBeGreaterThan(0);
    });
});
