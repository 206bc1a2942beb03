/** Certainty of a cell, GRADE-style (§7.4): each step of the algorithm, and the worked example of docs/summary.md. */
import { describe, expect, test } from 'vitest';
import { cellCertainty, designLevel, type CertaintyInput } from '../../src/analysis/certainty.js';

const rct: CertaintyInput = { direction: '+', method: 'rct', hasSource: true, hasInterval: true };

describe('cell certainty', () => {
    test('step 1: the best design among the sources', () => {
        expect(designLevel('rct')).toBe('high');
        for (const m of ['quasi-experimental', 'psm', 'did', 'rdd', 'mixed']) expect(designLevel(m)).toBe('low');
        expect(designLevel('qualitative')).toBe('very-low');
        expect(cellCertainty([rct, { ...rct, method: 'psm' }]).start).toBe('high');
        expect(cellCertainty([{ ...rct, method: 'psm' }]).start).toBe('low');
        expect(cellCertainty([{ ...rct, method: undefined, hasSource: false }]).start).toBe('very-low');
    });

    test('step 2: one level down for each of risk of bias, inconsistency, imprecision', () => {
        expect(cellCertainty([rct])).toMatchObject({ level: 'high', downgrades: [] });
        expect(cellCertainty([{ ...rct, riskOfBias: 'high' }])).toMatchObject({ level: 'moderate', downgrades: ['risk-of-bias'] });
        expect(cellCertainty([{ ...rct, riskOfBias: 'some-concerns' }])).toMatchObject({ level: 'high', downgrades: [] });
        expect(cellCertainty([rct, { ...rct, direction: '~' }])).toMatchObject({ level: 'moderate', downgrades: ['inconsistency'] });
        expect(cellCertainty([{ ...rct, hasInterval: false }])).toMatchObject({ level: 'moderate', downgrades: ['imprecision'] });
        expect(cellCertainty([rct], { low: -0.1, high: 0.3 })).toMatchObject({ level: 'moderate', downgrades: ['imprecision'] });
        expect(cellCertainty([rct], { low: 0.1, high: 0.3 })).toMatchObject({ level: 'high', downgrades: [] });
        // A `~` whose interval includes 0 is what it claims: not imprecise.
        expect(cellCertainty([{ ...rct, direction: '~' }], { low: -0.1, high: 0.1 }).downgrades).toEqual([]);
        const all = cellCertainty([{ ...rct, riskOfBias: 'high', hasInterval: false }, { ...rct, direction: '-', hasInterval: false }]);
        expect(all).toMatchObject({ level: 'very-low', computed: 'very-low', downgrades: ['risk-of-bias', 'inconsistency', 'imprecision'] });
        expect(cellCertainty([{ ...rct, method: 'psm', riskOfBias: 'high', hasInterval: false }]).level).toBe('very-low');
    });

    test('step 3: a reviewer’s judgement replaces the computed level (the lowest of several)', () => {
        const r = cellCertainty([
            { ...rct, judgement: { level: 'moderate', reason: 'A' } },
            { ...rct, judgement: { level: 'low', reason: 'B' } },
        ]);
        expect(r).toMatchObject({ level: 'low', computed: 'high', judgement: { level: 'low', reason: 'B' } });
    });

    test('the worked example of docs/summary.md', () => {
        const r = cellCertainty([
            { direction: '+', method: 'rct', hasSource: true, hasInterval: true, riskOfBias: 'some-concerns' },
            { direction: '+', method: 'psm', hasSource: true, hasInterval: true, riskOfBias: 'high' },
        ], { low: -0.01, high: 0.38 });
        expect(r).toMatchObject({ start: 'high', downgrades: ['risk-of-bias', 'imprecision'], level: 'low' });
    });
});
