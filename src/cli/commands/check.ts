/** `coord check [paths…]`: validate a workspace and report its findings. */
import * as fs from 'node:fs';
import type { Command } from '../command.js';
import { parseCommandArgs, useColor } from '../command.js';
import { CliError } from '../files.js';
import { buildCheckReport, failsThresholds, type CheckReport } from '../check.js';
import { loadWorkspace } from '../workspace.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import { SEVERITIES, type Severity } from '../../validation/rule.js';

/** Output formats of `coord check`: name → renderer. */
export const CHECK_FORMATS: Record<string, (report: CheckReport, color: boolean) => string> = {
    stylish: (report, color) => formatStylish(report, { color }),
    json: report => formatJson(report),
};

export const checkCommand: Command = {
    name: 'check',
    summary: 'validate .coord files and report findings (the CI linter)',
    usage: `Usage: coord check [paths…] [options]

Validates every .coord file under the given paths (files, folders or globs;
default: the current folder) as one workspace.

Options:
  --format <name>      ${Object.keys(CHECK_FORMATS).join(' | ')} (default: stylish)
  -o, --output <file>  write the report to a file instead of stdout
  --max-warnings <n>   fail when there are more than n warnings
  --fail-on <level>    fail on findings of this severity or worse: error | warning | info (default: error)
  --quiet              report errors only
  --config <file>      use this configuration file instead of the nearest coord.config.json
  --rule <id=severity> set a rule's severity (error, warning, info, hint, off); repeatable

Exit status: 0 no failing findings; 1 failing findings (errors, or over a
threshold); 2 the check could not run (bad option, missing path, unreadable,
binary or non-UTF-8 file, invalid configuration).`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('check', args, {
            format: { type: 'string' },
            output: { type: 'string', short: 'o' },
            'max-warnings': { type: 'string' },
            'fail-on': { type: 'string' },
            quiet: { type: 'boolean' },
            config: { type: 'string' },
            rule: { type: 'string', multiple: true },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        const format = values.format ?? 'stylish';
        const render = CHECK_FORMATS[format];
        if (!render) throw new CliError(`coord check: unknown format '${format}' (expected ${Object.keys(CHECK_FORMATS).join(', ')})`);
        let maxWarnings: number | undefined;
        if (values['max-warnings'] !== undefined) {
            maxWarnings = Number(values['max-warnings']);
            if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new CliError(`coord check: --max-warnings expects a whole number ≥ 0, got '${values['max-warnings']}'`);
        }
        const failOn = values['fail-on'] as Severity | undefined;
        if (failOn !== undefined && !SEVERITIES.slice(0, 3).includes(failOn)) {
            throw new CliError(`coord check: --fail-on expects error, warning or info, got '${failOn}'`);
        }
        const ws = await loadWorkspace({ paths: positionals, config: values.config, rules: values.rule, cwd: io.cwd });
        const report = buildCheckReport(ws, { quiet: values.quiet });
        const toFile = values.output !== undefined;
        const text = render(report, !toFile && useColor(io.stdoutIsTTY, io.env));
        if (toFile) {
            try {
                fs.writeFileSync(values.output!, text);
            } catch (e) {
                throw new CliError(`${values.output}: cannot write report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
            }
        } else {
            io.stdout.write(text);
        }
        return failsThresholds(report, { maxWarnings, failOn }) ? 1 : 0;
    },
};
