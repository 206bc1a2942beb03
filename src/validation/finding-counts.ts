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
import { t } from '../i18n/index.js';

/** The findings of each severity. */
export type SeverityCounts = Record<Severity, number>;

/** LSP's `DiagnosticSeverity` numbers (1 error … 4 hint), for counting published diagnostics. */
const BY_NUMBER: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** The severities the editor's Problems panel lists (and so the lens counts). */
export const LISTED_SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** The severities the explorer's badge counts. */
export const BADGE_SEVERITIES: readonly Severity[] = ['error', 'warning'];

/**
 * Counts findings by severity. A severity is a name (`'warning'`) or an LSP
 * number (2); a diagnostic without one is an error, as LSP clients read it.
 */
export function countBySeverity(severities: Iterable<Severity | number | undefined>): SeverityCounts {
    const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const s of severities) {
        const severity = s === undefined ? 'error' : typeof s === 'number' ? BY_NUMBER[s] ?? 'error' : s;
        counts[severity]++;
    }
    return counts;
}

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
