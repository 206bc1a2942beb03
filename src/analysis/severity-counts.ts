/**
 * The severities of a finding and how findings are counted by severity, once
 * for every face: the CLI's closing line and the code lens
 * (`validation/finding-counts.ts`, which re-exports `countBySeverity` and adds
 * what the editor's Problems panel and badge count) and the summary page's
 * findings strip (`summary-render/html.ts`). It lives here, below both, since
 * `analysis` may not import `validation`.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** The severities, most severe first (the order counts are shown in). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The findings of each severity. */
export type SeverityCounts = Record<Severity, number>;

/** LSP's `DiagnosticSeverity` numbers (1 error … 4 hint), for counting published diagnostics. */
const BY_NUMBER: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const NAMES: ReadonlySet<string> = new Set(SEVERITIES);

/**
 * Counts findings by severity. A severity is a name (`'warning'`) or an LSP
 * number (2); a diagnostic without one, or with one of neither kind, is an
 * error, as LSP clients read it.
 */
export function countBySeverity(severities: Iterable<Severity | string | number | undefined>): SeverityCounts {
    const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const s of severities) {
        const severity: Severity = typeof s === 'number' ? BY_NUMBER[s] ?? 'error' : typeof s === 'string' && NAMES.has(s) ? s as Severity : 'error';
        counts[severity]++;
    }
    return counts;
}
