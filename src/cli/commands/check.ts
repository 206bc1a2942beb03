/**
 * `coord check [paths…]`: validate a workspace and report its findings in one
 * or more formats. `--format NAME` may be repeated; each report goes to
 * stdout or to a file given as `--format NAME=FILE` or by an `-o FILE` after
 * its `--format` (with a single format, `-o` may stand anywhere). At most one
 * report goes to stdout, and nothing else does.
 */
import { t } from '../../i18n/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command, CommandIO } from '../command.js';
import { parseCommandArgs, useColor } from '../command.js';
import { CliError } from '../files.js';
import { hasFormat, refuseInputAsOutput } from '../report-file.js';
import { buildCheckReport, failsThresholds, thresholdExplanation, type CheckReport, type Thresholds } from '../check.js';
import { loadWorkspace, reportFileProblems } from '../workspace.js';
import { ProgressLine } from '../progress.js';
import { PROJECT_OPTIONS, projectUsage, resolveProject } from '../project.js';
import { readStdinOption, stdinUsage } from '../stdin.js';
import { watchRuns, watchUsage } from '../watch.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatGithub } from '../reporters/github.js';
import { formatJunit } from '../reporters/junit.js';
import { SEVERITIES, type Severity } from '../../validation/rule.js';

/** What a renderer may use besides the report. */
export interface RenderContext {
    /** Colour (only for a terminal). */
    color: boolean;
    /** The working folder, for relative URIs. */
    cwd: string;
    thresholds: Thresholds;
}

/** Output formats of `coord check`: name → renderer. */
export const CHECK_FORMATS: Record<string, (report: CheckReport, context: RenderContext) => string> = {
    stylish: (report, { color }) => formatStylish(report, { color }),
    json: report => formatJson(report),
    sarif: (report, { cwd }) => formatSarif(report, { cwd }),
    github: report => formatGithub(report),
    junit: (report, { thresholds }) => formatJunit(report, { thresholds }),
};

/** One report to write: a format and its file (stdout when absent). */
export interface OutputPlan {
    format: string;
    file?: string;
}

const FORMAT_NAMES = Object.keys(CHECK_FORMATS).join(' | ');

export const checkCommand: Command = {
    name: 'check',
    get summary() { return t('cli.front.summary.check'); },
    get usage() {
        return t('cli.usage.check', { formats: FORMAT_NAMES, project: projectUsage(), stdin: stdinUsage(), watch: watchUsage() });
    },
    async run(args, io) {
        // `--max-warnings -1` (ESLint's "no limit") would read as an option; join it to its value.
        const joined: string[] = [];
        for (let i = 0; i < args.length; i++) {
            if (args[i] === '--max-warnings' && /^-\d+$/.test(args[i + 1] ?? '')) joined.push(`--max-warnings=${args[++i]}`);
            else joined.push(args[i]);
        }
        const { values, positionals, tokens } = parseCommandArgs('check', joined, {
            format: { type: 'string', multiple: true },
            output: { type: 'string', short: 'o', multiple: true },
            'max-warnings': { type: 'string' },
            'fail-on': { type: 'string' },
            quiet: { type: 'boolean' },
            config: { type: 'string' },
            rule: { type: 'string', multiple: true },
            ...PROJECT_OPTIONS,
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' },
            watch: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        const outputs = planOutputs(tokens, io.cwd);
        const thresholds = parseThresholds(values['max-warnings'], values['fail-on']);
        const project = resolveProject('check', values, io.cwd);
        const stdin = await readStdinOption('check', values, positionals, io);
        if (values.watch) {
            if (stdin) throw new CliError(`coord check: ${t('cli.check.watch-stdin')}`);
            const written = outputs.flatMap(o => (o.file === undefined || o.file === '-' ? [] : [path.resolve(io.cwd, o.file)]));
            return watchRuns('check', { paths: positionals, project, cwd: io.cwd, io, outputs: written }, async () => {
                const ws = await loadWorkspace({ paths: positionals, project, config: values.config, rules: values.rule, cwd: io.cwd });
                refuseInputAsOutput('check', outputs.map(o => o.file), [...ws.files, ...ws.context], io.cwd, ws.realPath);
                const report = buildCheckReport(ws, { quiet: values.quiet });
                writeReports(report, outputs, thresholds, io);
                reportFileProblems(ws.problems, io);
                const c = report.counts;
                return `${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}${failsThresholds(report, thresholds) ? ' (fails)' : ''}`;
            });
        }
        // COORD_PROGRESS_DELAY (milliseconds, default 500) lets tests and impatient users see the line at once.
        const delay = Number(io.env.COORD_PROGRESS_DELAY);
        const progress = new ProgressLine(io.stderr, {
            enabled: io.stderrIsTTY,
            ...(io.env.COORD_PROGRESS_DELAY !== undefined && delay >= 0 ? { delayMs: delay, intervalMs: Math.min(100, delay) } : {}),
        });
        let report: CheckReport;
        let problems: string[] = [];
        try {
            const ws = await loadWorkspace({
                paths: positionals, project, stdin, config: values.config, rules: values.rule, cwd: io.cwd,
                onProgress: (phase, done, total) => progress.update(`coord: ${phase} ${done}/${total} files…`),
            });
            // Before any report is written: none may replace a spec it reads (the project's too).
            refuseInputAsOutput('check', outputs.map(o => o.file), [...ws.files, ...ws.context], io.cwd, ws.realPath);
            report = buildCheckReport(ws, { quiet: values.quiet });
            problems = ws.problems;
        } finally {
            progress.done();
        }
        writeReports(report, outputs, thresholds, io);
        // Files that could not be checked are named on stderr; the others were checked and reported.
        if (reportFileProblems(problems, io)) return 2;
        if (!failsThresholds(report, thresholds)) return 0;
        const why = thresholdExplanation(report, thresholds);
        if (why) io.stderr.write(`coord check: ${why}\n`);
        return 1;
    },
};

type ParsedToken = { kind: string; name?: string; value?: string };

/**
 * Pairs each `-o FILE` with the `--format` before it (`--format NAME=FILE` is
 * the same pair in one word). With a single format, `-o` may come first.
 */
export function planOutputs(tokens: readonly ParsedToken[] | undefined, cwd: string): OutputPlan[] {
    const plans: OutputPlan[] = [];
    let leading: string | undefined;
    for (const token of tokens ?? []) {
        if (token.kind !== 'option') continue;
        if (token.name === 'format') {
            const value = token.value ?? '';
            const eq = value.indexOf('=');
            const plan: OutputPlan = eq >= 0 ? { format: value.slice(0, eq), file: value.slice(eq + 1) } : { format: value };
            if (plan.file === '') throw new CliError(`coord check: ${t('cli.check.format-no-file', { value })}`);
            plans.push(plan);
        } else if (token.name === 'output') {
            const file = token.value ?? '';
            if (file === '') throw new CliError(`coord check: ${t('cli.check.o-empty')}`);
            const last = plans[plans.length - 1];
            if (last && last.file === undefined) last.file = file;
            else if (!last && leading === undefined) leading = file;
            else throw new CliError(`coord check: ${t('cli.check.o-orphan', { file })}`);
        }
    }
    if (plans.length === 0) plans.push({ format: 'stylish' });
    if (leading !== undefined) {
        if (plans.length > 1) throw new CliError(`coord check: ${t('cli.check.o-first', { file: leading })}`);
        if (plans[0].file !== undefined) throw new CliError(`coord check: ${t('cli.check.o-twice', { file: leading, format: plans[0].format, other: plans[0].file })}`);
        plans[0].file = leading;
    }
    for (const plan of plans) {
        if (!hasFormat(CHECK_FORMATS, plan.format)) {
            throw new CliError(`coord check: ${t('cli.unknown-format', { format: plan.format, formats: Object.keys(CHECK_FORMATS).join(', ') })}`);
        }
    }
    const toStdout = plans.filter(p => p.file === undefined || p.file === '-');
    if (toStdout.length > 1) {
        throw new CliError(`coord check: ${t('cli.check.one-stdout', { formats: toStdout.map(p => p.format).join(', ') })}`);
    }
    const seen = new Map<string, string>();
    for (const plan of plans) {
        if (plan.file === undefined || plan.file === '-') continue;
        const absolute = path.resolve(cwd, plan.file);
        const other = seen.get(absolute);
        if (other !== undefined) throw new CliError(`coord check: ${t('cli.check.same-file', { file: plan.file, first: other, second: plan.format })}`);
        seen.set(absolute, plan.format);
    }
    return plans;
}

function parseThresholds(maxWarningsText: string | undefined, failOnText: string | undefined): Thresholds {
    const thresholds: Thresholds = {};
    if (maxWarningsText !== undefined) {
        // Whole decimal numbers only: not `1e3`, `0x10`, ` 5`, nor one too large to count exactly.
        const n = Number(maxWarningsText);
        if (!/^(-1|\d+)$/.test(maxWarningsText) || !Number.isSafeInteger(n)) {
            throw new CliError(`coord check: ${t('cli.check.max-warnings', { value: maxWarningsText })}`);
        }
        if (n >= 0) thresholds.maxWarnings = n;
    }
    if (failOnText !== undefined) {
        if (!SEVERITIES.slice(0, 3).includes(failOnText as Severity)) {
            throw new CliError(`coord check: ${t('cli.check.fail-on', { value: failOnText })}`);
        }
        thresholds.failOn = failOnText as Severity;
    }
    return thresholds;
}

function writeReports(report: CheckReport, outputs: readonly OutputPlan[], thresholds: Thresholds, io: CommandIO): void {
    for (const plan of outputs) {
        const toStdout = plan.file === undefined || plan.file === '-';
        const text = CHECK_FORMATS[plan.format](report, {
            color: toStdout && useColor(io.stdoutIsTTY, io.env),
            cwd: io.cwd,
            thresholds,
        });
        if (toStdout) {
            io.stdout.write(text);
            continue;
        }
        const file = path.resolve(io.cwd, plan.file!);
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
        } catch (e) {
            throw new CliError(t('cli.check.cannot-write', { file: plan.file ?? '', format: plan.format, cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
        }
    }
}
