/**
 * How the summary marks desirability: a symbol and a word as well as a colour,
 * so that it reads in print, in high-contrast themes and without colour vision.
 */
import type { Desirability, EffectDirection } from '../summary.js';

export const DESIRABILITY_SYMBOL: Record<Desirability, string> = {
    desirable: '✓',
    adverse: '✗',
    neutral: '○',
    'no-change': '=',
};

export const DESIRABILITY_TEXT: Record<Desirability, string> = {
    desirable: 'desirable',
    adverse: 'adverse',
    neutral: 'neutral',
    'no-change': 'no change',
};

export const DIRECTION_TEXT: Record<EffectDirection, string> = {
    '+': 'increase',
    '-': 'decrease',
    '~': 'no significant change',
};

/** The sign as printed: a true minus sign reads better than a hyphen in tables. */
export const DIRECTION_SIGN: Record<EffectDirection, string> = { '+': '+', '-': '−', '~': '~' };

/** One line of legend text for reports. */
export const DESIRABILITY_LEGEND = (['desirable', 'adverse', 'neutral', 'no-change'] as const)
    .map(d => `${DESIRABILITY_SYMBOL[d]} ${DESIRABILITY_TEXT[d]}`).join(' · ');
