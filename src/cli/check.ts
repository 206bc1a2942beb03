/**
 * `coord check`: the findings of a workspace as a report that every output
 * format renders, and the verdict (pass or fail) against the thresholds. The
 * exit status itself is decided only in `main.ts`.
 */
import type { Finding, Severity } from '../validation/rule.js';
import { SEVERITIES } from '../validation/rule.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import type { LoadedWorkspace } from './workspace.js';

/** One finding as reports show it: 1-based lines and columns (UTF-16 code units). */
export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    rule: string;
    message: string;
    suppressed?: { reason: string; kind: 'next-line' | 'file' };
    related?: Array<{ file: string; line: number; column: number; message: string }>;
}

export type Counts = Record<Severity, number> & { suppressed: number };

export interface CheckReport {
    tool: { name: string; version: string };
    configHash: string;
    /** The files checked, in order, as reports name them. */
    files: string[];
    diagnostics: ReportedDiagnostic[];
    counts: Counts;
}

export interface Thresholds {
    maxWarnings?: number;
    /** The lowest severity that fails the run (default: error). */
    failOn?: Severity;
}

export function buildCheckReport(ws: LoadedWorkspace, options: { quiet?: boolean } = {}): CheckReport {
    const uriToFile = new Map(ws.files.map(f => [f.document.uri.toString(), f.display]));
    const diagnostics: ReportedDiagnostic[] = [];
    for (const file of ws.files) {
        for (const f of file.findings) {
            if (options.quiet && f.severity !== 'error') continue;
            diagnostics.push(toReported(file.display, f, uriToFile));
        }
    }
    return {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        configHash: ws.configHash,
        files: ws.files.map(f => f.display),
        diagnostics,
        counts: countDiagnostics(diagnostics),
    };
}

function toReported(file: string, f: Finding, uriToFile: Map<string, string>): ReportedDiagnostic {
    const d: ReportedDiagnostic = {
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
    };
    if (f.suppressed) d.suppressed = { reason: f.suppressed.reason, kind: f.suppressed.kind };
    if (f.related.length > 0) {
        d.related = f.related.map(r => ({
            file: uriToFile.get(r.uri) ?? (r.uri.startsWith('coord-stdlib:') ? '<standard library>' : r.uri),
            line: r.range.start.line + 1,
            column: r.range.start.character + 1,
            message: r.message,
        }));
    }
    return d;
}

export function countDiagnostics(diagnostics: readonly ReportedDiagnostic[]): Counts {
    const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0, suppressed: 0 };
    for (const d of diagnostics) {
        if (d.suppressed) counts.suppressed++;
        else counts[d.severity]++;
    }
    return counts;
}

/** Whether a report fails the run: an error (or a finding at `failOn` or above), or too many warnings. */
export function failsThresholds(report: CheckReport, t: Thresholds = {}): boolean {
    const failOn = t.failOn ?? 'error';
    const failing = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1);
    if (failing.some(s => report.counts[s] > 0)) return true;
    return t.maxWarnings !== undefined && t.maxWarnings >= 0 && report.counts.warning > t.maxWarnings;
}
