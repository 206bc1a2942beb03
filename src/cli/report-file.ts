/**
 * Where a command's report goes: `-` is standard output, and a report never
 * goes over one of the specs the command read (`coord check a.coord -o
 * a.coord` would replace the spec with its own report).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './files.js';
import { t } from '../i18n/index.js';

/** Whether an output name means standard output. */
export function isStdout(file: string | undefined): boolean {
    return file === undefined || file === '-';
}

function realOrResolved(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file);
    }
}

/**
 * Throws a {@link CliError} when a report file is one of the input files (through links too).
 * `realPath` gives an input's real path; a workspace passes the ones its discovery already found
 * (`LoadedWorkspace.realPath`), which spares a `realpathSync` per file.
 */
export function refuseInputAsOutput(
    command: string, outputs: ReadonlyArray<string | undefined>, inputs: ReadonlyArray<{ absolute: string }>, cwd: string,
    realPath: (absolute: string) => string = realOrResolved,
): void {
    if (outputs.every(isStdout)) return;
    const read = new Set(inputs.map(f => realPath(f.absolute)));
    for (const output of outputs) {
        if (isStdout(output)) continue;
        if (read.has(realOrResolved(path.resolve(cwd, output!)))) {
            throw new CliError(`coord ${command}: ${t('cli.output.is-spec', { file: JSON.stringify(output).slice(1, -1) })}`);
        }
    }
}

/** Whether a table of formats has an entry of that name of its own (not `toString` or `__proto__` from Object). */
export function hasFormat(formats: object, name: string): boolean {
    return Object.prototype.hasOwnProperty.call(formats, name);
}
