/**
 * Which folder is the project of a CLI run (§3 v2): `--project DIR`; else the
 * nearest folder upward from the current one whose `coord.config.json` says
 * `"root": true`; else the current folder. Every `.coord` file under it joins
 * the workspace so that a file named alone (by a pre-commit hook or an editor's
 * linter) resolves its names as it does in the whole project; only the files
 * named are reported; a folder below with a `"root": true` configuration of its
 * own is another project, and its files are left out. `--no-project` makes the
 * files named the whole workspace.
 * The language server uses the same root (`findProjectRoot`), starting from its
 * workspace folder instead of the current one.
 */
import { t } from '../i18n/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProjectRoot, isProjectRoot } from '../validation/config-node.js';
import { CliError } from './files.js';

/** The options every workspace command shares, for `parseCommandArgs`. */
export const PROJECT_OPTIONS = {
    project: { type: 'string' },
    'no-project': { type: 'boolean' },
} as const;

/** The usage lines of {@link PROJECT_OPTIONS}. */
/** The option lines of `--help`, in the current locale (`cli.usage.project` of the catalogue). */
export function projectUsage(): string {
    return t('cli.usage.project');
}

/** The project folder (absolute), or undefined with `--no-project`. */
export function resolveProject(command: string, values: { project?: string; 'no-project'?: boolean }, cwd: string): string | undefined {
    if (values['no-project']) {
        if (values.project !== undefined) throw new CliError(`coord ${command}: ${t('cli.project.contradict')}`);
        return undefined;
    }
    if (values.project !== undefined) {
        const folder = path.resolve(cwd, values.project);
        let stat: fs.Stats | undefined;
        try {
            stat = fs.statSync(folder);
        } catch {
            stat = undefined;
        }
        if (!stat) throw new CliError(`coord ${command}: ${t('cli.project.missing', { folder: values.project })}`);
        if (!stat.isDirectory()) throw new CliError(`coord ${command}: ${t('cli.project.not-folder', { folder: values.project })}`);
        return folder;
    }
    return findProjectRoot(cwd) ?? path.resolve(cwd);
}

/**
 * Whether a file under the project folder belongs to it: no folder between the
 * file and the project (the file's own included) is a project root of its own.
 * Answers are cached per folder, for one run.
 */
export function belongsToProject(project: string): (file: string) => boolean {
    const nested = new Map<string, boolean>();
    const inNested = (folder: string): boolean => {
        if (folder === project || !folder.startsWith(project + path.sep)) return false;
        let answer = nested.get(folder);
        if (answer === undefined) {
            answer = isProjectRoot(folder) || inNested(path.dirname(folder));
            nested.set(folder, answer);
        }
        return answer;
    };
    return file => !inNested(path.dirname(file));
}
