/**
 * `coord check [paths…]`: validate a workspace and report its findings in one
 * or more formats. `--format NAME` may be repeated; each report goes to
 * stdout or to a file given as `--format NAME=FILE` or by an `-o FILE` after
 * its `--format` (with a single format, `-o` may stand anywhere). At most one
 * report goes to stdout, and nothing else does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command, CommandIO } from '../command.js';
import { parseCommandArgs, useColor } from '../command.js';
import { CliError } from '../files.js';
import { hasFormat, refuseInputAsOutput } from '../report-file.js';
import { buildCheckReport, failsThresholds, thresholdExplanation, type CheckReport, type Thresholds } from '../check.js';
import { loadWorkspace, reportFileProblems } from '../workspace.js';
import { ProgressLine } from '../progress.js';
import { PROJECT_OPTIONS, PROJECT_USAGE, resolveProject } from '../project.js';
import { readStdinOption, STDIN_USAGE } from '../stdin.js';
import { watchRuns, WATCH_USAGE } from '../watch.js';
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
    summary: 'validate .coord files and report findings (the CI linter)',
    usage: `Usage: coord check [paths…] [options]

Validates every .coord file under the given paths (files, folders or globs;
default: the current folder) and reports their findings. Names resolve
against the whole project: every .coord file under the project folder (see
--project) joins the workspace, but only the files named are reported.
Folders are searched recursively without following symbolic links, skipping
node_modules and folders whose name starts with a dot.

Options:
  --format <name>[=<file>]  ${FORMAT_NAMES} (default: stylish);
                            repeat it to write several reports at once
  -o, --output <file>       write the report of the preceding --format to a file
                            (with one format, -o may stand anywhere)
  --max-warnings <n>        fail when there are more than n warnings (-1: no limit)
  --fail-on <level>         fail on findings of this severity or worse:
                            error | warning | info (default: error)
  --quiet                   report errors only (thresholds still count every finding)
  --config <file>           use this configuration file instead of the nearest coord.config.json
  --rule <id=severity>      set a rule's severity (error, warning, info, hint, off); repeatable
${PROJECT_USAGE}
${STDIN_USAGE}
${WATCH_USAGE}
  -h, --help                show this help

Examples:
  coord check specs/
  coord check evidence.coord              (names resolve against the whole project)
  coord check --stdin --stdin-filename specs/a.coord < draft.coord
  coord check --format github --format sarif=coord.sarif
  coord check "specs/**/*.coord" --format json -o report.json --max-warnings 0

Exit status: 0 no failing findings; 1 failing findings (errors, findings at
--fail-on or worse, or more than --max-warnings warnings); 2 the check could
not run (bad option, missing path, no .coord file, unreadable, binary or
non-UTF-8 file, invalid configuration, report not writable).`,
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
            if (stdin) throw new CliError('coord check: --watch and --stdin cannot go together (standard input is read once)');
            const written = outputs.flatMap(o => (o.file === undefined || o.file === '-' ? [] : [path.resolve(io.cwd, o.file)]));
            return watchRuns('check', { paths: positionals, project, cwd: io.cwd, io, outputs: written }, async () => {
                const ws = await loadWorkspace({ paths: positionals, project, config: values.config, rules: values.rule, cwd: io.cwd });
                refuseInputAsOutput('check', outputs.map(o => o.file), [...ws.files, ...ws.context], io.cwd);
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
            refuseInputAsOutput('check', outputs.map(o => o.file), [...ws.files, ...ws.context], io.cwd);
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
            if (plan.file === '') throw new CliError(`coord check: --format ${value} names no file after '='`);
            plans.push(plan);
        } else if (token.name === 'output') {
            const file = token.value ?? '';
            if (file === '') throw new CliError('coord check: -o expects a file name');
            const last = plans[plans.length - 1];
            if (last && last.file === undefined) last.file = file;
            else if (!last && leading === undefined) leading = file;
            else throw new CliError(`coord check: -o ${file} does not follow a --format without a file; write '--format NAME -o FILE' for each report`);
        }
    }
    if (plans.length === 0) plans.push({ format: 'stylish' });
    if (leading !== undefined) {
        if (plans.length > 1) throw new CliError(`coord check: with several --format options, put each -o after the --format it is for (-o ${leading} comes first)`);
        if (plans[0].file !== undefined) throw new CliError(`coord check: -o ${leading} and --format ${plans[0].format}=${plans[0].file} both name the report's file`);
        plans[0].file = leading;
    }
    for (const plan of plans) {
        if (!hasFormat(CHECK_FORMATS, plan.format)) {
            throw new CliError(`coord check: unknown format '${plan.format}' (expected ${Object.keys(CHECK_FORMATS).join(', ')})`);
        }
    }
    const toStdout = plans.filter(p => p.file === undefined || p.file === '-');
    if (toStdout.length > 1) {
        throw new CliError(`coord check: only one report can go to standard output (${toStdout.map(p => p.format).join(', ')}); give the others a file with -o`);
    }
    const seen = new Map<string, string>();
    for (const plan of plans) {
        if (plan.file === undefined || plan.file === '-') continue;
        const absolute = path.resolve(cwd, plan.file);
        const other = seen.get(absolute);
        if (other !== undefined) throw new CliError(`coord check: ${plan.file}: both the ${other} and the ${plan.format} reports would be written there`);
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
            throw new CliError(`coord check: --max-warnings expects a whole number ≥ 0 (or -1 for no limit), got '${maxWarningsText}'`);
        }
        if (n >= 0) thresholds.maxWarnings = n;
    }
    if (failOnText !== undefined) {
        if (!SEVERITIES.slice(0, 3).includes(failOnText as Severity)) {
            throw new CliError(`coord check: --fail-on expects error, warning or info, got '${failOnText}'`);
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
            throw new CliError(`${plan.file}: cannot write the ${plan.format} report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
    }
}
