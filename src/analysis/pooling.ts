/**
 * Inverse-variance pooling of estimates (§7.5 of the language reference): the
 * fixed-effect (equal-effects) estimate and the DerSimonian–Laird
 * random-effects estimate, with τ², I² and Cochran's Q — the figures of
 * metafor's `rma(yi, vi, method="FE")` and `rma(yi, vi, method="DL")`. Pure
 * arithmetic on plain numbers; docs/summary.md states the formulas and works
 * an example by hand.
 */
import { Z95 } from './evidence.js';

/** One estimate: its value and its standard error (> 0). */
export interface Study {
    estimate: number;
    se: number;
}

export interface PooledEstimate {
    estimate: number;
    se: number;
    ciLow: number;
    ciHigh: number;
}

export interface PoolResult {
    /** The number of estimates pooled. */
    k: number;
    fixed: PooledEstimate;
    random: PooledEstimate & { tau2: number };
    /** I², in percent (0–100). */
    i2: number;
    /** Cochran's Q (with k − 1 degrees of freedom). */
    q: number;
}

function interval(estimate: number, se: number): PooledEstimate {
    return { estimate, se, ciLow: estimate - Z95 * se, ciHigh: estimate + Z95 * se };
}

/**
 * Pools estimates by inverse variance. Undefined when there is no estimate, or
 * when any value or standard error is not a finite number or any standard error
 * is not positive (such estimates cannot be weighted; callers leave them out).
 *
 * - weights `wᵢ = 1 / seᵢ²`; fixed `θ_F = Σwᵢyᵢ / Σwᵢ`, `se_F = 1 / √Σwᵢ`;
 * - `Q = Σwᵢ(yᵢ − θ_F)²`, `C = Σwᵢ − Σwᵢ² / Σwᵢ`, `τ² = max(0, (Q − (k − 1)) / C)`;
 * - random weights `wᵢ* = 1 / (seᵢ² + τ²)`, `θ_R = Σwᵢ*yᵢ / Σwᵢ*`, `se_R = 1 / √Σwᵢ*`;
 * - `I² = 100 · τ² / (τ² + s²)` with the typical within-study variance
 *   `s² = (k − 1) Σwᵢ / ((Σwᵢ)² − Σwᵢ²)` (metafor's definition; for DL it equals
 *   `max(0, (Q − (k − 1)) / Q)`); 0 when k = 1;
 * - 95 % intervals `θ ± 1.959964 · se`.
 */
export function poolEstimates(studies: readonly Study[]): PoolResult | undefined {
    const k = studies.length;
    if (k === 0) return undefined;
    if (studies.some(s => !Number.isFinite(s.estimate) || !Number.isFinite(s.se) || !(s.se > 0))) return undefined;
    const w = studies.map(s => 1 / (s.se * s.se));
    if (w.some(x => !Number.isFinite(x))) return undefined;
    const sumW = sum(w);
    const sumW2 = sum(w.map(x => x * x));
    const fixedEstimate = sum(studies.map((s, i) => w[i] * s.estimate)) / sumW;
    const fixed = interval(fixedEstimate, Math.sqrt(1 / sumW));
    const q = sum(studies.map((s, i) => w[i] * (s.estimate - fixedEstimate) ** 2));
    const c = sumW - sumW2 / sumW;
    const tau2 = k > 1 && c > 0 ? Math.max(0, (q - (k - 1)) / c) : 0;
    const wStar = studies.map(s => 1 / (s.se * s.se + tau2));
    const sumWStar = sum(wStar);
    const randomEstimate = sum(studies.map((s, i) => wStar[i] * s.estimate)) / sumWStar;
    const random = { ...interval(randomEstimate, Math.sqrt(1 / sumWStar)), tau2 };
    let i2 = 0;
    if (k > 1) {
        const denominator = sumW * sumW - sumW2;
        const s2 = denominator > 0 ? ((k - 1) * sumW) / denominator : 0;
        i2 = tau2 + s2 > 0 ? (100 * tau2) / (tau2 + s2) : 0;
    }
    const result = { k, fixed, random, i2: Math.min(100, Math.max(0, i2)), q };
    // Extreme inputs (estimates near the largest double) can overflow; such a result is not a number to report.
    const numbers = [fixed.estimate, fixed.se, fixed.ciLow, fixed.ciHigh, random.estimate, random.se, random.ciLow, random.ciHigh, tau2, result.i2, q];
    return numbers.every(Number.isFinite) ? result : undefined;
}

/**
 * Sums with Neumaier's compensation, so that the result does not depend (beyond
 * the last bits) on the order of the terms: pooling is invariant under the
 * order of the studies.
 */
function sum(values: readonly number[]): number {
    let total = 0, compensation = 0;
    for (const v of values) {
        const t = total + v;
        compensation += Math.abs(total) >= Math.abs(v) ? (total - t) + v : (v - t) + total;
        total = t;
    }
    return total + compensation;
}
