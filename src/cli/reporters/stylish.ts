/**
 * The default `stylish` format: one line per finding,
 * `file:line:col  severity  message  rule-id`, suppressed findings marked as
 * such, and a summary line. Colour only when asked (a TTY without NO_COLOR).
 * Control characters in file names, messages and reasons are shown as
 * `\uXXXX`, so no text in a file can move the cursor or recolour a terminal,
 * and a path that starts with `::` is written `./::…`, so no line reads as a
 * GitHub Actions workflow command.
 */
import { t } from '../../i18n/index.js';
import pc from 'picocolors';
import type { CheckReport, ReportedDiagnostic } from '../check.js';
import { escapeControls, safeLineStart } from '../../analysis/summary-render/escape.js';

export interface StylishOptions {
    color: boolean;
}

export function formatStylish(report: CheckReport, options: StylishOptions): string {
    const c = pc.createColors(options.color);
    const paint = (d: ReportedDiagnostic) =>
        d.suppressed ? c.dim : d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : d.severity === 'info' ? c.cyan : c.dim;
    const lines: string[] = [];
    for (const d of report.diagnostics) {
        // The line starts with the path: one named `::error…` must not read as a workflow command.
        const where = `${safeLineStart(d.file)}:${d.line}:${d.column}`;
        const severity = d.suppressed ? `${d.severity} (${suppressedStatus(d.suppressed.reason === undefined ? undefined : printable(d.suppressed.reason))})` : d.severity;
        const message = printable(d.message.replace(/[\r\n]+/g, ' '));
        lines.push(`${c.underline(where)}  ${paint(d)(severity)}  ${d.suppressed ? c.dim(message) : message}  ${c.dim(d.rule)}`);
    }
    const k = report.counts;
    // The finding lines keep the severity words of the configuration (editors parse them); the total is in the locale.
    const summary = formatCounts(report, k.suppressed > 0);
    if (lines.length > 0) lines.push('');
    lines.push(k.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : k.warning > 0 ? c.yellow(c.bold(`⚠ ${summary}`)) : c.green(`✔ ${summary}`));
    return lines.join('\n') + '\n';
}

/** The run's counts in the locale: `2 errors, 0 warnings, 0 info, 1 hint[, 3 suppressed] in 4 files`. */
export function formatCounts(report: CheckReport, withSuppressed: boolean): string {
    const k = report.counts;
    const parts = [
        t('cli.count.error', { count: k.error }),
        t('cli.count.warning', { count: k.warning }),
        t('cli.count.info', { count: k.info }),
        t('cli.count.hint', { count: k.hint }),
    ];
    if (withSuppressed) parts.push(t('cli.count.suppressed', { count: k.suppressed }));
    return t('cli.count.summary', { counts: parts.join(', '), files: report.files.length });
}

/** A suppressed finding's status in the locale: `suppressed: reason` (the severity word before it stays as configured). */
export function suppressedStatus(reason: string | undefined): string {
    return reason ? t('report.suppressed-because', { reason }) : t('report.suppressed');
}

/** Shows control characters (C0, DEL, C1, line separators, bidirectional controls) as visible `\uXXXX` escapes. */
export const printable = escapeControls;
