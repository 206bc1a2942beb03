/**
 * The default `stylish` format: one line per finding,
 * `file:line:col  severity  message  rule-id`, suppressed findings marked as
 * such, and a summary line. Colour only when asked (a TTY without NO_COLOR).
 * Control characters in file names, messages and reasons are shown as
 * `\uXXXX`, so no text in a file can move the cursor or recolour a terminal,
 * and a path that starts with `::` is written `./::…`, so no line reads as a
 * GitHub Actions workflow command.
 */
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
        const severity = d.suppressed ? `${d.severity} (suppressed${d.suppressed.reason ? `: ${printable(d.suppressed.reason)}` : ''})` : d.severity;
        const message = printable(d.message.replace(/[\r\n]+/g, ' '));
        lines.push(`${c.underline(where)}  ${paint(d)(severity)}  ${d.suppressed ? c.dim(message) : message}  ${c.dim(d.rule)}`);
    }
    const k = report.counts;
    const parts = [
        `${k.error} error${k.error === 1 ? '' : 's'}`,
        `${k.warning} warning${k.warning === 1 ? '' : 's'}`,
        `${k.info} info`,
        `${k.hint} hint${k.hint === 1 ? '' : 's'}`,
    ];
    if (k.suppressed > 0) parts.push(`${k.suppressed} suppressed`);
    const files = report.files.length;
    const summary = `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}`;
    if (lines.length > 0) lines.push('');
    lines.push(k.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : k.warning > 0 ? c.yellow(c.bold(`⚠ ${summary}`)) : c.green(`✔ ${summary}`));
    return lines.join('\n') + '\n';
}

/** Shows control characters (C0, DEL, C1, line separators, bidirectional controls) as visible `\uXXXX` escapes. */
export const printable = escapeControls;
