/**
 * `coord init [DIR]`: starts a project — a `coord.config.json` that marks the
 * folder as the project (`"root": true`) and lists every rule at its default
 * severity (so the file says what can be changed), and a starter spec,
 * commented in the locale, whose programmes are clearly fictional. It never overwrites: if either
 * file exists, nothing is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError } from '../files.js';
import { RULES } from '../../validation/registry.js';
import { CONFIG_FILE_NAME } from '../../validation/config.js';
import { formatList, getLocale, t, type Locale, type MessageKey } from '../../i18n/index.js';

/** The name of the starter spec `coord init` writes. */
export const STARTER_FILE_NAME = 'starter.coord';

/** The configuration `coord init` writes: the project root and every rule at its default. */
export function initialConfig(): string {
    const rules = Object.fromEntries(RULES.map(r => [r.id, r.defaultSeverity]));
    return JSON.stringify({ root: true, rules }, null, 2) + '\n';
}

/** A catalogue message as `//` comment lines (an empty line of the message is a bare `//`). */
function comment(key: MessageKey, locale: Locale): string {
    return t(key, undefined, locale).split('\n').map(line => (line ? `// ${line}` : '//')).join('\n');
}

/**
 * The starter spec: one of each declaration, with comments (in the locale)
 * saying what each line means. Every programme, body and evaluation in it is
 * fictional; the declarations are the same in every locale, so `coord check`
 * finds the same things in each.
 */
export function starterSpec(locale: Locale = getLocale()): string {
    return `${comment('starter.header', locale)}

${comment('starter.population', locale)}
population rural_poor "Rural households in extreme poverty (fictional)"

${comment('starter.programmes', locale)}
programme Lumen "Lumen (a fictional cash transfer)" {
  country Testland
  sector social-protection
  agency "Ministry of Social Development of Testland"
  targets rural_poor
  instruments transfers
}

programme Sorgo "Sorgo (a fictional productive programme)" {
  country Testland
  sector productive
  ministry agriculture
  targets rural_poor
  instruments technical_assistance, productive_assets
}

${comment('starter.coordination', locale)}
coordination Lumen_Sorgo "Lumen + Sorgo" {
  between Lumen, Sorgo
  political-support moderate
  national {
    agreement formal "Lumen households are prioritised in Sorgo targeting"
  }
  local {
    role "Lumen field officers refer households to Sorgo" by Lumen
    capacity "One Sorgo extension worker per district"
  }
  incentive budget "A shared co-financing line"
  targeting "Lumen registry used as Sorgo eligibility list"
  since 2020
}

${comment('starter.evaluation', locale)}
evaluation EvalLumenSorgo "Evaluation of Lumen + Sorgo (fictional)" {
  method rct
  period 2021..2023
  risk-of-bias low "Fictional: randomised at village level, low attrition"
  by "A fictional research institute"
}

effects of Lumen + Sorgo from EvalLumenSorgo {
  + productive_assets
  + savings
  ~ school_attendance note "No significant change"
}
`;
}

export const initCommand: Command = {
    name: 'init',
    get summary() { return t('cli.front.summary.init'); },
    get usage() { return t('cli.usage.init', { config: CONFIG_FILE_NAME, starter: STARTER_FILE_NAME }); },
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('init', args, {
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        if (positionals.length > 1) throw new CliError(`coord init: ${t('cli.init.unexpected', { arg: positionals[1] })}`);
        const folder = path.resolve(io.cwd, positionals[0] ?? '.');
        const shown = (name: string) => path.relative(io.cwd, path.join(folder, name)) || name;
        const files: Array<[string, string]> = [[CONFIG_FILE_NAME, initialConfig()], [STARTER_FILE_NAME, starterSpec()]];
        const existing = files.filter(([name]) => fs.existsSync(path.join(folder, name)) || isLink(path.join(folder, name)));
        if (existing.length > 0) {
            throw new CliError(`coord init: ${t('cli.init.exists', { count: existing.length, files: formatList(existing.map(([name]) => shown(name))) })}`);
        }
        try {
            fs.mkdirSync(folder, { recursive: true });
            // 'wx': fail rather than overwrite a file that appeared since the check.
            for (const [name, text] of files) fs.writeFileSync(path.join(folder, name), text, { flag: 'wx' });
        } catch (e) {
            throw new CliError(`coord init: ${t('cli.init.cannot-write', { folder: shown('') || '.', cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}`);
        }
        io.stdout.write(`${t('cli.init.wrote', { config: shown(CONFIG_FILE_NAME), starter: shown(STARTER_FILE_NAME), next: `coord check${positionals[0] ? ` ${positionals[0]}` : ''}` })}\n`);
        return 0;
    },
};

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}
