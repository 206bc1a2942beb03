/**
 * The `github` format of `coord check`: GitHub Actions workflow commands, one
 * per finding, which GitHub shows as annotations on the pull request's files:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Properties and data are escaped as the Actions runner expects (`%`, CR and
 * LF everywhere; `:` and `,` in properties too), so no text in a finding can
 * end a command early or start another. Suppressed findings are not
 * annotated; a path that could not be checked is an `::error` without a file.
 * A plain summary line, in the locale, closes the output; annotation titles
 * keep the rule id.
 */
import type { CheckReport, ReportedDiagnostic } from '../check.js';
import type { Severity } from '../../validation/rule.js';
import { t } from '../../i18n/index.js';
import { formatCounts } from './stylish.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escapes a workflow command's message (its data). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
    const lines = report.diagnostics.filter(d => !d.suppressed).map(annotation);
    // A path that could not be checked is an error of the run, not of a line.
    for (const problem of report.problems) lines.push(`::error title=${escapeProperty(t('report.github.not-checked'))}::${escapeData(problem)}`);
    // The counts in the locale, as stylish writes them (the suppressed count always).
    lines.push(t('report.github.summary', { counts: formatCounts(report, true) }));
    return lines.join('\n') + '\n';
}

function annotation(d: ReportedDiagnostic): string {
    const properties: Array<[string, string | number]> = [
        ['file', d.file],
        ['line', d.line],
        ['col', d.column],
        ['endLine', d.endLine],
        ['endColumn', d.endColumn],
        ['title', `coord ${d.rule}`],
    ];
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMAND[d.severity]} ${props}::${escapeData(`${d.message} [${d.rule}]`)}`;
}
