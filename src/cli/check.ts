/**
 * `coord check`: the findings of a workspace as a report that every output
 * format renders, and the verdict (pass or fail) against the thresholds. The
 * exit status itself is decided only in `main.ts`.
 */
import { createHash, type Hash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { effectiveSeverity, type RuleConfig } from '../validation/config.js';
import { RULES } from '../validation/registry.js';
import type { Finding, Severity } from '../validation/rule.js';
import { SEVERITIES } from '../validation/rule.js';
import { countBySeverity } from '../validation/finding-counts.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import type { LoadedFile, LoadedWorkspace } from './workspace.js';
import { formatList, t as msg } from '../i18n/index.js';

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
    /**
     * A stable identity of the finding that survives edits elsewhere in the
     * file: a hash of the rule, the file, the flagged text and the text of its
     * line, plus an occurrence number among identical findings (SARIF
     * `partialFingerprints`).
     */
    fingerprint: string;
    related?: Array<{ file: string; line: number; column: number; message: string }>;
}

export type Counts = Record<Severity, number> & { suppressed: number };

export interface CheckReport {
    tool: { name: string; version: string };
    /**
     * A hash of the effective rule configuration: the severity of every rule
     * for every file (defaults, configuration files and `--rule` overrides), so
     * that a report says what produced it.
     */
    configHash: string;
    /** The files checked, in order, as reports name them. */
    files: string[];
    /** The findings shown: all of them, or only errors with `--quiet`. */
    diagnostics: ReportedDiagnostic[];
    /** Counts of every finding, including those `--quiet` leaves out of `diagnostics`. */
    counts: Counts;
    /**
     * Paths that could not be checked (unreadable, binary, not UTF-8…), one
     * message each naming the path and the cause; the run then exits 2.
     */
    problems: string[];
}

export interface Thresholds {
    maxWarnings?: number;
    /** The lowest severity that fails the run (default: error). */
    failOn?: Severity;
}

export function buildCheckReport(ws: LoadedWorkspace, options: { quiet?: boolean } = {}): CheckReport {
    // Related places may point into the project's other files: name them as reports name files.
    const uriToFile = new Map([...ws.context, ...ws.files].map(f => [f.document.uri.toString(), f.display]));
    const all: ReportedDiagnostic[] = [];
    for (const file of ws.files) {
        // Fingerprints and the configuration's hash are worked out when a report reads them (JSON, SARIF,
        // JUnit): the hash is node:crypto's, whose loading cost 3 ms of every start of a stylish `coord check`.
        let fingerprints: string[] | undefined;
        const fingerprintOf = (index: number) => (fingerprints ??= fileFingerprints(file))[index];
        file.findings.forEach((f, index) => all.push(toReported(file.display, f, uriToFile, () => fingerprintOf(index))));
    }
    let configHash: string | undefined;
    return {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        get configHash() {
            return (configHash ??= effectiveConfigHash(ws));
        },
        files: ws.files.map(f => f.display),
        diagnostics: options.quiet ? all.filter(d => d.severity === 'error') : all,
        counts: countDiagnostics(all),
        problems: [...ws.problems],
    };
}

/** The fingerprint of each finding of a file, in order: its key and its occurrence among findings of the same key. */
function fileFingerprints(file: LoadedFile): string[] {
    const occurrences = new Map<string, number>();
    const fingerprintKey = fingerprinter(file);
    return file.findings.map(f => {
        const key = fingerprintKey(f);
        const n = occurrences.get(key) ?? 0;
        occurrences.set(key, n + 1);
        return `${key}:${n}`;
    });
}

/**
 * The part of a fingerprint that does not depend on where the finding's line
 * sits in the file: sha256 of the rule, the file, the line's text (spaces
 * collapsed) and the flagged text. The hash of the first three is computed once
 * per rule and line and copied for each finding, so 8,000 findings on one long
 * line cost one pass over the line, not 8,000.
 */
function fingerprinter(file: LoadedFile): (f: Finding) => string {
    const doc = file.document.textDocument;
    const lines = new Map<number, string>();
    const prefixes = new Map<string, Hash>();
    return f => {
        const line = f.range.start.line;
        const key = `${f.rule}\0${line}`;
        let prefix = prefixes.get(key);
        if (!prefix) {
            let lineText = lines.get(line);
            if (lineText === undefined) {
                lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).trim().replace(/\s+/g, ' ');
                lines.set(line, lineText);
            }
            prefix = createHash('sha256');
            for (const part of [f.rule, file.display, lineText]) prefix.update(part).update('\0');
            prefixes.set(key, prefix);
        }
        return prefix.copy().update(doc.getText(f.range)).update('\0').digest('hex').slice(0, 32);
    };
}

/**
 * Hashes the severity of every rule for every file that was checked: rule
 * defaults, every configuration file that applied and the command-line
 * overrides all count, the file paths do not.
 */
export function effectiveConfigHash(ws: LoadedWorkspace): string {
    const provider = ws.services.validation.ConfigProvider;
    const distinct = new Set<string>();
    // Files under one configuration share its object (the provider merges each once): each is described once.
    const described = new Set<RuleConfig | undefined>();
    // And a file's configuration is its folder's: looked up once per folder.
    const folders = new Set<string>();
    for (const file of ws.files) {
        const folder = path.dirname(file.absolute);
        if (folders.has(folder)) continue;
        folders.add(folder);
        const { config } = provider.configFor(pathToFileURL(file.absolute).toString());
        if (described.has(config)) continue;
        described.add(config);
        distinct.add(JSON.stringify(RULES.map(r => [r.id, effectiveSeverity(config, r.id, r.defaultSeverity)])));
    }
    return createHash('sha256').update(JSON.stringify([...distinct].sort())).digest('hex').slice(0, 16);
}

function toReported(file: string, f: Finding, uriToFile: Map<string, string>, fingerprint: () => string): ReportedDiagnostic {
    const d: ReportedDiagnostic = {
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        // In its place among the properties (reports list them in this order), read when a report reads it.
        get fingerprint() {
            return fingerprint();
        },
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

/** Unsuppressed findings by severity (counted as the editor counts them: validation/finding-counts.ts), and the suppressed ones. */
export function countDiagnostics(diagnostics: readonly ReportedDiagnostic[]): Counts {
    const shown = diagnostics.filter(d => !d.suppressed);
    return { ...countBySeverity(shown.map(d => d.severity)), suppressed: diagnostics.length - shown.length };
}

/**
 * Whether a report fails the run: a finding at `failOn` (default: error) or
 * worse, or more warnings than `maxWarnings`. Counts include the findings that
 * `--quiet` hides, as in ESLint; suppressed findings never count.
 */
export function failsThresholds(report: CheckReport, t: Thresholds = {}): boolean {
    return failingSeverities(t).some(s => report.counts[s] > 0) || tooManyWarnings(report, t);
}

/** The severities that fail a run under these thresholds. */
export function failingSeverities(t: Thresholds = {}): Severity[] {
    return SEVERITIES.slice(0, SEVERITIES.indexOf(t.failOn ?? 'error') + 1);
}

export function tooManyWarnings(report: CheckReport, t: Thresholds = {}): boolean {
    return t.maxWarnings !== undefined && t.maxWarnings >= 0 && report.counts.warning > t.maxWarnings;
}

/**
 * Why a report fails when no error alone explains it: a threshold the user set.
 * Undefined when the run passes or errors fail it (the report says so itself).
 */
export function thresholdExplanation(report: CheckReport, t: Thresholds = {}): string | undefined {
    if (report.counts.error > 0) return undefined;
    if (tooManyWarnings(report, t)) {
        const n = report.counts.warning;
        return msg('cli.check.why.max-warnings', { count: n, max: String(t.maxWarnings) });
    }
    const failing = failingSeverities(t).filter(s => s !== 'error' && report.counts[s] > 0);
    if (failing.length > 0) {
        return msg('cli.check.why.fail-on', { counts: formatList(failing.map(s => msg(`cli.count.${s as 'warning' | 'info'}`, { count: report.counts[s] }))), level: t.failOn ?? 'error' });
    }
    return undefined;
}
