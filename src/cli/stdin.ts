/**
 * `--stdin` and `--stdin-filename`: text piped in by an editor integration
 * (efm-langserver, ALE, conform.nvim, none-ls) is checked or formatted as if
 * it were the named file, so that its configuration, its project and the names
 * reports give it are the file's own. The bytes go through the same UTF-8 and
 * size checks as a file on disk.
 */
import type { CommandIO } from './command.js';
import { CliError, decodeSource, isCoordFileName, MAX_FILE_BYTES } from './files.js';

/** The usage lines of `--stdin` and `--stdin-filename`. */
export const STDIN_USAGE = `  --stdin                   read the text of one file from standard input
  --stdin-filename <path>   the file that text stands for (its configuration,
                            project and name in reports; it need not exist)`;

/**
 * The text on standard input when `--stdin` was given, with the name it stands
 * for; undefined without `--stdin`. Throws a {@link CliError} for a misuse.
 */
export async function readStdinOption(
    command: string, values: { stdin?: boolean; 'stdin-filename'?: string }, positionals: readonly string[], io: CommandIO,
): Promise<{ text: string; filename?: string } | undefined> {
    const filename = values['stdin-filename'];
    if (!values.stdin) {
        if (filename !== undefined) throw new CliError(`coord ${command}: --stdin-filename needs --stdin (the text comes from standard input)`);
        return undefined;
    }
    if (positionals.length > 0) throw new CliError(`coord ${command}: with --stdin, give the file's name with --stdin-filename, not as a path ('${positionals[0]}')`);
    if (filename === '') throw new CliError(`coord ${command}: --stdin-filename expects a file name`);
    if (filename !== undefined && !isCoordFileName(filename)) {
        throw new CliError(`coord ${command}: --stdin-filename ${filename}: not a .coord file name (the text is checked as the file it names)`);
    }
    if (!io.readStdin) throw new CliError(`coord ${command}: standard input cannot be read here`);
    const bytes = await io.readStdin(MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) throw new CliError(`${filename ?? '<stdin>'}: text too large (Coord reads files up to ${MAX_FILE_BYTES / 1048576} MB)`);
    return { text: decodeSource(bytes, filename ?? '<stdin>'), filename };
}

