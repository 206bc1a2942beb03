/** The shape of a `coord` subcommand and what it may use of the process. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './files.js';
import { t } from '../i18n/index.js';

export interface CommandIO {
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    /** Whether stdout / stderr are terminals (for colour and progress). */
    stdoutIsTTY: boolean;
    stderrIsTTY: boolean;
    env: NodeJS.ProcessEnv;
    cwd: string;
    /** Reads standard input to its end, or up to `limit` bytes (`--stdin`); absent where there is none. */
    readStdin?(limit: number): Promise<Uint8Array>;
    /** Ends a `--watch` run when aborted (the process itself ends on Ctrl-C). */
    signal?: AbortSignal;
}

export interface Command {
    name: string;
    /** One line for `coord --help`. */
    summary: string;
    /** The usage block for `coord <name> --help`. */
    usage: string;
    /** Runs the command; resolves to the exit status (0, 1 or 2). Throws {@link CliError} for usage problems. */
    run(args: string[], io: CommandIO): Promise<number>;
}

/** `util.parseArgs` with strict checking and messages that name the command. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
    } catch (e) {
        throw new CliError(`coord ${command}: ${argumentsMessage(e as Error & { code?: string })}`);
    }
}

/** Node's `parseArgs` complaint in the catalogue's words (Node's own, without its advice on '--', when it is of another kind). */
function argumentsMessage(e: Error & { code?: string }): string {
    const option = /^(?:Unknown option|Option) '([^']*)'/.exec(e.message)?.[1];
    if (option !== undefined) {
        if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.args.unknown-option', { option });
        if (/ argument missing$/.test(e.message)) return t('cli.args.missing-value', { option });
        if (/ does not take an argument$/.test(e.message)) return t('cli.args.no-value', { option });
    }
    return e.message.replace(/\. To specify a positional argument.*$/s, '');
}

/** Whether to colour output for a stream: a TTY, without NO_COLOR, or when FORCE_COLOR asks. */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return isTTY;
}
