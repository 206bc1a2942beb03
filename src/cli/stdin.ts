/**
 * `--stdin` and `--stdin-filename`: text piped in by an editor integration
 * (efm-langserver, ALE, conform.nvim, none-ls) is checked or formatted as if
 * it were the named file, so that its configuration, its project and the names
 * reports give it are the file's own. The bytes go through the same UTF-8 and
 * size checks as a file on disk.
 */
import { t } from '../i18n/index.js';
import type { CommandIO } from './command.js';
import { CliError, decodeSource, isCoordFileName, MAX_FILE_BYTES } from './files.js';

/** The usage lines of `--stdin` and `--stdin-filename`. */
/** The option lines of `--help`, in the current locale (`cli.usage.stdin` of the catalogue). */
export function stdinUsage(): string {
    return t('cli.usage.stdin');
}

/**
 * The text on standard input when `--stdin` was given, with the name it stands
 * for; undefined without `--stdin`. Throws a {@link CliError} for a misuse.
 */
export async function readStdinOption(
    command: string, values: { stdin?: boolean; 'stdin-filename'?: string }, positionals: readonly string[], io: CommandIO,
): Promise<{ text: string; filename?: string } | undefined> {
    const filename = values['stdin-filename'];
    if (!values.stdin) {
        if (filename !== undefined) throw new CliError(`coord ${command}: ${t('cli.stdin.filename-needs-stdin')}`);
        return undefined;
    }
    if (positionals.length > 0) throw new CliError(`coord ${command}: ${t('cli.stdin.positional', { path: positionals[0] })}`);
    if (filename === '') throw new CliError(`coord ${command}: ${t('cli.stdin.empty-filename')}`);
    if (filename !== undefined && !isCoordFileName(filename)) {
        throw new CliError(`coord ${command}: ${t('cli.stdin.not-coord', { name: filename })}`);
    }
    if (!io.readStdin) throw new CliError(`coord ${command}: ${t('cli.stdin.unavailable')}`);
    const bytes = await io.readStdin(MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) throw new CliError(t('cli.stdin.too-large', { name: filename ?? '<stdin>', max: MAX_FILE_BYTES / 1048576 }));
    return { text: decodeSource(bytes, filename ?? '<stdin>'), filename };
}

