/**
 * How the summary marks desirability: a symbol and a word as well as a colour,
 * so that it reads in print, in high-contrast themes and without colour vision.
 */
import { CATALOGUE, t, type MessageKey } from '../../i18n/index.js';
import type { Desirability, EffectDirection } from '../summary.js';

export const DESIRABILITY_SYMBOL: Record<Desirability, string> = {
    desirable: '✓',
    adverse: '✗',
    neutral: '○',
    'no-change': '=',
};

/** The word for a desirability, in the current locale (read each time: the locale may change between reports). */
export const DESIRABILITY_TEXT: Readonly<Record<Desirability, string>> = {
    get desirable() { return t('report.desirability.desirable'); },
    get adverse() { return t('report.desirability.adverse'); },
    get neutral() { return t('report.desirability.neutral'); },
    get 'no-change'() { return t('report.desirability.no-change'); },
};

export const DIRECTION_TEXT: Readonly<Record<EffectDirection, string>> = {
    get '+'() { return t('report.direction.increase'); },
    get '-'() { return t('report.direction.decrease'); },
    get '~'() { return t('report.direction.none'); },
};

/** The sign as printed: a true minus sign reads better than a hyphen in tables. */
export const DIRECTION_SIGN: Record<EffectDirection, string> = { '+': '+', '-': '−', '~': '~' };

/** One line of legend text for reports. */
export function desirabilityLegend(): string {
    return (['desirable', 'adverse', 'neutral', 'no-change'] as const).map(d => `${DESIRABILITY_SYMBOL[d]} ${DESIRABILITY_TEXT[d]}`).join(' · ');
}

/** `low coordination` (`coordinación baja`): the level a coordination achieved (`achieved low`) in the locale's words. */
export function achievedText(level: string): string {
    const key = `achieved.${level}` as MessageKey;
    return t('page.achieved', { level: key in CATALOGUE.en ? t(key) : level });
}
