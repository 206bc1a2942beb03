/**
 * Inverse-variance pooling (§7.5) against a published meta-analysis, plus
 * properties that must hold for any input.
 *
 * Reference: the BCG vaccine trials of Colditz et al. (1994), "Efficacy of BCG
 * vaccine in the prevention of tuberculosis: meta-analysis of the published
 * literature", JAMA 271(9):698–702, as the data set `dat.bcg` of the R package
 * metafor (Viechtbauer 2010, J. Stat. Softw. 36(3)). The 2×2 counts are those
 * printed by `print(dat.bcg)`; the log risk ratios and their sampling variances
 * are computed here as metafor's `escalc(measure="RR", ai=tpos, bi=tneg,
 * ci=cpos, di=cneg)` does. The pooled figures are those metafor's own test
 * suite checks against Stata's `metan`: file
 * tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r,
 * `rma(yi, vi, data=dat, method="FE")`: estimate −0.4303, CI −0.5097 to
 * −0.3509, Q 152.2330; `rma(yi, vi, data=dat, method="DL")`: estimate −0.7141,
 * CI −1.0644 to −0.3638, τ² 0.3088, I² 92.1173 %.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { poolEstimates, type Study } from '../../src/analysis/pooling.js';

/** trial, tpos, tneg, cpos, cneg — `dat.bcg` as metafor prints it. */
const BCG: Array<[string, number, number, number, number]> = [
    ['Aronson 1948', 4, 119, 11, 128],
    ['Ferguson & Simes 1949', 6, 300, 29, 274],
    ['Rosenthal et al 1960', 3, 228, 11, 209],
    ['Hart & Sutherland 1977', 62, 13536, 248, 12619],
    ['Frimodt-Moller et al 1973', 33, 5036, 47, 5761],
    ['Stein & Aronson 1953', 180, 1361, 372, 1079],
    ['Vandiviere et al 1973', 8, 2537, 10, 619],
    ['TPT Madras 1980', 505, 87886, 499, 87892],
    ['Coetzee & Berjak 1968', 29, 7470, 45, 7232],
    ['Rosenthal et al 1961', 17, 1699, 65, 1600],
    ['Comstock et al 1974', 186, 50448, 141, 27197],
    ['Comstock & Webster 1969', 5, 2493, 3, 2338],
    ['Comstock et al 1976', 27, 16886, 29, 17825],
];

/** The log risk ratio and its standard error, as `escalc(measure="RR")`. */
function logRiskRatio(tpos: number, tneg: number, cpos: number, cneg: number): Study {
    const n1 = tpos + tneg, n2 = cpos + cneg;
    const estimate = Math.log((tpos / n1) / (cpos / n2));
    const variance = 1 / tpos - 1 / n1 + 1 / cpos - 1 / n2;
    return { estimate, se: Math.sqrt(variance) };
}

const studies = BCG.map(([, a, b, c, d]) => logRiskRatio(a, b, c, d));

/** `x` rounded to `digits` decimals equals the printed figure. */
function printed(x: number, digits: number): number {
    return Number(x.toFixed(digits));
}

describe('pooling reproduces metafor on dat.bcg (Colditz et al. 1994)', () => {
    const result = poolEstimates(studies)!;

    test('the first trial’s log risk ratio is metafor’s −0.8893 (variance 0.3256)', () => {
        expect(printed(studies[0].estimate, 4)).toBe(-0.8893);
        expect(printed(studies[0].se ** 2, 4)).toBe(0.3256);
    });

    test('fixed effect: −0.4303 [−0.5097, −0.3509], Q 152.2330', () => {
        expect(result.k).toBe(13);
        expect(printed(result.fixed.estimate, 4)).toBe(-0.4303);
        expect(printed(result.fixed.ciLow, 4)).toBe(-0.5097);
        expect(printed(result.fixed.ciHigh, 4)).toBe(-0.3509);
        expect(printed(result.q, 4)).toBe(152.2330);
    });

    test('random effects (DerSimonian–Laird): −0.7141 [−1.0644, −0.3638], τ² 0.3088, I² 92.1173 %', () => {
        expect(printed(result.random.estimate, 4)).toBe(-0.7141);
        expect(printed(result.random.ciLow, 4)).toBe(-1.0644);
        expect(printed(result.random.ciHigh, 4)).toBe(-0.3638);
        expect(printed(result.random.tau2, 4)).toBe(0.3088);
        expect(printed(result.i2, 4)).toBe(92.1173);
    });
});

describe('the worked example of docs/summary.md', () => {
    test('two studies, 0.10 (se 0.05) and 0.30 (se 0.10)', () => {
        const r = poolEstimates([{ estimate: 0.10, se: 0.05 }, { estimate: 0.30, se: 0.10 }])!;
        expect(printed(r.fixed.estimate, 4)).toBe(0.14);
        expect(printed(r.fixed.se, 4)).toBe(0.0447);
        expect(printed(r.q, 4)).toBe(3.2);
        expect(printed(r.random.tau2, 5)).toBe(0.01375);
        expect(printed(r.i2, 2)).toBe(68.75);
        expect(printed(r.random.estimate, 5)).toBe(0.18125);
        expect(printed(r.random.se, 4)).toBe(0.0982);
    });
});

describe('pooling: properties', () => {
    const study = fc.record({
        estimate: fc.double({ min: -10, max: 10, noNaN: true }),
        se: fc.double({ min: 0.001, max: 5, noNaN: true }),
    });
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

    test('invariant under the order of the studies', () => {
        fc.assert(fc.property(fc.array(study, { minLength: 1, maxLength: 30 }), fc.nat(), (list, seed) => {
            const shuffled = [...list];
            for (let i = shuffled.length - 1; i > 0; i--) {
                const j = (seed + i * 7919) % (i + 1);
                [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
            }
            const a = poolEstimates(list)!, b = poolEstimates(shuffled)!;
            return close(a.fixed.estimate, b.fixed.estimate) && close(a.random.estimate, b.random.estimate)
                && close(a.random.tau2, b.random.tau2) && close(a.q, b.q) && Math.abs(a.i2 - b.i2) <= 1e-6;
        }));
    });

    test('one study pools to itself', () => {
        fc.assert(fc.property(study, s => {
            const r = poolEstimates([s])!;
            return r.k === 1 && close(r.fixed.estimate, s.estimate) && close(r.random.estimate, s.estimate)
                && close(r.fixed.se, s.se) && close(r.random.se, s.se) && r.random.tau2 === 0 && r.i2 === 0 && r.q <= 1e-9;
        }));
    });

    test('the fixed-effect interval is never wider than the random-effects one', () => {
        fc.assert(fc.property(fc.array(study, { minLength: 1, maxLength: 30 }), list => {
            const r = poolEstimates(list)!;
            return r.fixed.ciHigh - r.fixed.ciLow <= (r.random.ciHigh - r.random.ciLow) * (1 + 1e-12);
        }));
    });

    test('I² lies in [0, 100] and τ² is not negative', () => {
        fc.assert(fc.property(fc.array(study, { minLength: 1, maxLength: 30 }), list => {
            const r = poolEstimates(list)!;
            return r.i2 >= 0 && r.i2 <= 100 && r.random.tau2 >= 0;
        }));
    });

    test('no estimate, a zero or negative standard error, or a non-number: no pooled result', () => {
        expect(poolEstimates([])).toBeUndefined();
        expect(poolEstimates([{ estimate: 1, se: 0 }])).toBeUndefined();
        expect(poolEstimates([{ estimate: 1, se: -1 }, { estimate: 1, se: 1 }])).toBeUndefined();
        expect(poolEstimates([{ estimate: NaN, se: 1 }])).toBeUndefined();
        expect(poolEstimates([{ estimate: 1, se: Infinity }])).toBeUndefined();
        // Overflow: no Infinity or NaN ever reaches a report.
        expect(poolEstimates([{ estimate: 1e308, se: 1e-10 }, { estimate: -1e308, se: 1e-10 }])).toBeUndefined();
        expect(poolEstimates([{ estimate: 1, se: 1e-200 }, { estimate: 2, se: 1 }])).toBeUndefined();
    });
});
