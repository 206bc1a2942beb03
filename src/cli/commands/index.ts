/**
 * The command implementations: the core of the CLI, which the front (`main.ts`:
 * arguments, `--help`, `--version`, the command list) loads only when a command
 * runs. The build makes this module a bundle of its own, `dist/cli-commands.cjs`,
 * so that `coord --version` and `coord --help` neither read nor compile Langium.
 * Each command's code is evaluated on its first use only. The front recognises the
 * commands' usage errors by the {@link CliError} exported here, the one copy of
 * that class (it lives in this bundle only).
 */
import type { Command } from '../command.js';

export { CliError } from '../files.js';

/** Loads a command's implementation, by name. */
export const COMMAND_LOADERS = {
    check: async (): Promise<Command> => (await import('./check.js')).checkCommand,
    completion: async (): Promise<Command> => (await import('./completion.js')).completionCommand,
    format: async (): Promise<Command> => (await import('./format.js')).formatCommand,
    init: async (): Promise<Command> => (await import('./init.js')).initCommand,
    rules: async (): Promise<Command> => (await import('./rules.js')).rulesCommand,
    summary: async (): Promise<Command> => (await import('./summary.js')).summaryCommand,
};
