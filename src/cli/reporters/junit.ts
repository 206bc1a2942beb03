/**
 * The `junit` format of `coord check`, for CI test-report views (GitLab,
 * Jenkins, Azure Pipelines): one `<testcase>` per file checked, with one
 * `<failure>` per finding that fails the run (errors, or the `--fail-on`
 * severity and worse); other findings and suppressed ones are listed in the
 * test case's `<system-out>`; a path that could not be checked is a test case
 * with an `<error>`. Any text is made XML-safe: `& < > " '` are
 * escaped, and characters that XML 1.0 forbids (control characters, lone
 * surrogates, U+FFFE/U+FFFF) are written as visible `\uXXXX` escapes. No
 * timestamps, so the same input gives the same bytes. Rule ids, paths, the
 * XML and the severity words stay as they are; the messages and the word for
 * a suppressed finding follow the locale.
 */
import { suppressedStatus } from './stylish.js';
import { failingSeverities, type CheckReport, type ReportedDiagnostic, type Thresholds } from '../check.js';

export interface JunitOptions {
    thresholds?: Thresholds;
}

export function formatJunit(report: CheckReport, options: JunitOptions = {}): string {
    const failing = new Set<string>(failingSeverities(options.thresholds));
    const byFile = new Map<string, ReportedDiagnostic[]>(report.files.map(f => [f, []]));
    for (const d of report.diagnostics) {
        const list = byFile.get(d.file);
        if (list) list.push(d);
        else byFile.set(d.file, [d]);
    }
    const cases: string[] = [];
    let failedCases = 0;
    for (const [file, diagnostics] of byFile) {
        const failures = diagnostics.filter(d => !d.suppressed && failing.has(d.severity));
        const others = diagnostics.filter(d => !failures.includes(d));
        if (failures.length > 0) failedCases++;
        const body: string[] = failures.map(d =>
            `      <failure message=${attr(`${d.line}:${d.column} ${d.message}`)} type=${attr(d.rule)}>${text(describe(d))}</failure>`);
        if (others.length > 0) {
            body.push(`      <system-out>${text(others.map(describe).join('\n'))}</system-out>`);
        }
        const open = `    <testcase classname=${attr('coord check')} name=${attr(file)} file=${attr(file)}`;
        cases.push(body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`);
    }
    // A path that could not be checked is a test case in error (the run exits 2).
    for (const problem of report.problems) {
        cases.push(`    <testcase classname=${attr('coord check')} name=${attr(problem)}>\n      <error message=${attr(problem)} type="not-checked"/>\n    </testcase>`);
    }
    const tests = byFile.size + report.problems.length;
    const counts = `tests="${tests}" failures="${failedCases}" errors="${report.problems.length}" skipped="0"`;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="coord" ${counts}>`,
        `  <testsuite name=${attr(`coord check (${report.tool.name} ${report.tool.version})`)} ${counts}>`,
        `    <properties>`,
        `      <property name="configHash" value=${attr(report.configHash)}/>`,
        `    </properties>`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}

function describe(d: ReportedDiagnostic): string {
    const where = `${d.file}:${d.line}:${d.column}`;
    const status = d.suppressed ? `${d.severity}, ${suppressedStatus(d.suppressed.reason)}` : d.severity;
    return `${where} ${status} [${d.rule}] ${d.message}`;
}

/** Characters XML 1.0 does not allow anywhere: C0 controls but tab, CR, LF; lone surrogates; U+FFFE, U+FFFF. */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML cannot hold with a visible `\uXXXX`. */
export function xmlSafe(value: string): string {
    return value.replace(ILLEGAL_XML, ch => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Escapes element text: the five XML specials, and CR as a reference so that parsers keep it. */
export function text(value: string): string {
    return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\r/g, '&#13;');
}

/** A quoted attribute value; tabs and line breaks are kept as character references so parsers do not normalise them away. */
export function attr(value: string): string {
    return `"${text(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')}"`;
}
