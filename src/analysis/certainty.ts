/**
 * The certainty of a cell's evidence, GRADE-style (§7.4 of the language
 * reference): start from the best design among the cell's sources, go down one
 * level for risk of bias, inconsistency and imprecision, and let a reviewer's
 * `certainty` detail replace the result. A pure function of plain data;
 * docs/summary.md states the algorithm and works an example by hand.
 */
import { CERTAINTY_LEVELS, type CertaintyLevel } from './evidence.js';

export type Downgrade = 'risk-of-bias' | 'inconsistency' | 'imprecision';
export const DOWNGRADES: readonly Downgrade[] = ['risk-of-bias', 'inconsistency', 'imprecision'];

/** What certainty needs to know of one effect of a cell. */
export interface CertaintyInput {
    direction: '+' | '-' | '~';
    /** The source's design (`method`); undefined when the effect has no `from` or it has no method. */
    method?: string;
    /** Whether the effect has a `from` (resolved or not). */
    hasSource: boolean;
    /** The source's `risk-of-bias`, if assessed. */
    riskOfBias?: string;
    /** Whether the effect has a `ci` or an `se`. */
    hasInterval: boolean;
    /** A reviewer's judgement (`certainty` detail). */
    judgement?: { level: CertaintyLevel; reason: string };
}

export interface CertaintyResult {
    /** The level the summary shows: the reviewer's when given, else the computed one. */
    level: CertaintyLevel;
    /** The level from the design alone (step 1). */
    start: CertaintyLevel;
    /** The computed level (steps 1 and 2). */
    computed: CertaintyLevel;
    /** The reasons the computed level went down, in the order of §7.4. */
    downgrades: Downgrade[];
    /** The reviewer's judgement that replaced the computed level (the lowest, with its reason). */
    judgement?: { level: CertaintyLevel; reason: string };
}

const OBSERVATIONAL = new Set(['quasi-experimental', 'psm', 'did', 'rdd', 'mixed']);

/** Step 1: the level a design starts from. */
export function designLevel(method: string | undefined): CertaintyLevel {
    if (method === 'rct') return 'high';
    if (method !== undefined && OBSERVATIONAL.has(method)) return 'low';
    return 'very-low';
}

function rank(level: CertaintyLevel): number {
    return CERTAINTY_LEVELS.indexOf(level);
}

/**
 * The certainty of a cell from its effects and its 95 % interval (pooled random
 * effects, or the single estimate's), when there is one.
 */
export function cellCertainty(effects: readonly CertaintyInput[], interval?: { low: number; high: number }): CertaintyResult {
    let start: CertaintyLevel = 'very-low';
    for (const e of effects) {
        const level = e.hasSource ? designLevel(e.method) : 'very-low';
        if (rank(level) > rank(start)) start = level;
    }
    const downgrades: Downgrade[] = [];
    if (effects.some(e => e.riskOfBias === 'high')) downgrades.push('risk-of-bias');
    if (new Set(effects.map(e => e.direction)).size > 1) downgrades.push('inconsistency');
    const moved = effects.some(e => e.direction !== '~');
    if (!effects.some(e => e.hasInterval) || (interval && moved && interval.low <= 0 && interval.high >= 0)) downgrades.push('imprecision');
    const computed = CERTAINTY_LEVELS[Math.max(0, rank(start) - downgrades.length)];
    let judgement: CertaintyResult['judgement'];
    for (const e of effects) {
        if (e.judgement && (!judgement || rank(e.judgement.level) < rank(judgement.level))) judgement = e.judgement;
    }
    return { level: judgement?.level ?? computed, start, computed, downgrades, ...(judgement ? { judgement } : {}) };
}
