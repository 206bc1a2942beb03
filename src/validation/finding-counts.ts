/**
 * How findings are counted, once for every face. The editor shows a finding
 * in three places that count differently: the Problems panel lists errors,
 * warnings and infos (a hint shows only as faint dots under the text); the
 * explorer's badge counts errors and warnings; the status bar counts each
 * severity it lists. So a count Coord prints — the code lens above a
 * programme or a coordination, the CLI's closing line — counts by severity,
 * and says which severities it leaves out, never one number that matches
 * none of them. (Before this, the lens counted hints too: "5 findings" above
 * a coordination whose Problems panel listed 2.)
 */
import type { Severity } from './rule.js';
import type { SeverityCounts } from '../analysis/severity-counts.js';
import { t } from '../i18n/index.js';

// The counter itself is the summary page's too, so it lives below both (analysis may not import validation).
export { countBySeverity, type SeverityCounts } from '../analysis/severity-counts.js';

/** The severities the editor's Problems panel lists (and so the lens counts). */
export const LISTED_SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** The severities the explorer's badge counts. */
export const BADGE_SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** How many of the counted findings the Problems panel lists (errors, warnings, infos). */
export function listedCount(counts: SeverityCounts): number {
    return LISTED_SEVERITIES.reduce((n, s) => n + counts[s], 0);
}

/** How many of the counted findings the explorer's badge counts (errors and warnings). */
export function badgeCount(counts: SeverityCounts): number {
    return BADGE_SEVERITIES.reduce((n, s) => n + counts[s], 0);
}

/**
 * The findings the Problems panel lists, by severity, as the lens shows them:
 * "1 error · 2 warnings · 1 info", "no problems" when there is none. Hints are
 * left out, as the Problems panel leaves them out.
 */
export function describeListed(counts: SeverityCounts): string {
    const parts = LISTED_SEVERITIES.filter(s => counts[s] > 0).map(s => t(`cli.count.${s}`, { count: counts[s] }));
    return parts.length > 0 ? parts.join(' · ') : t('lens.no-problems');
}
