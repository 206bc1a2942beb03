/**
 * `coord format [paths…] [--check]`: rewrites `.coord` files in the canonical
 * layout, with the same formatter the language server uses
 * (`src/analysis/format.ts`). `--check` rewrites nothing and lists the files
 * that are not formatted (exit 1 if any), like `prettier --check`. A file that
 * does not parse is never touched: it is reported with its first syntax error
 * and the command exits 2 once every other file has been handled. So is a file
 * whose formatting would change what a suppression directive silences, one
 * that changed since it was read, and one that cannot be written. Files are
 * replaced atomically (`atomic-write.ts`): killed at any moment, the command
 * leaves each file as it was or fully formatted.
 */
import { EmptyFileSystem } from 'langium';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError, discoverFiles, readSourceFile } from '../files.js';
import { reportFileProblems } from '../workspace.js';
import { fileVersion, replaceFileAtomically } from '../atomic-write.js';
import { createCoordCoreServices } from '../../language/coord-module.js';
import { formatText } from '../../analysis/format.js';
import { escapeControls, safeLineStart } from '../../analysis/summary-render/escape.js';
import { readStdinOption } from '../stdin.js';
import type { CommandIO } from '../command.js';
import { t } from '../../i18n/index.js';

/**
 * `coord format --stdin`: prints the formatted text (or, with `--check`, says
 * whether it is formatted: exit 1 when not). Text that does not parse is never
 * printed: an editor would replace the buffer with it.
 */
function formatStdin(stdin: { text: string; filename?: string }, check: boolean, io: CommandIO): number {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const name = stdin.filename ?? '<stdin>';
    const result = formatText(stdin.text, Coord);
    if (!result.ok) {
        const { reason, line, column, message } = result.error;
        io.stderr.write(`${safeLineStart(name)}:${line}:${column}: ${cannotFormat(reason, message)}\n`);
        return 2;
    }
    if (check) {
        if (result.changed) io.stdout.write(`${name}\n`);
        return result.changed ? 1 : 0;
    }
    io.stdout.write(result.text);
    return 0;
}

/** `cannot format: syntax error: …`, in the locale (the message itself is the formatter's or the parser's). */
function cannotFormat(reason: string, message: string): string {
    const text = escapeControls(message);
    return t('cli.format.cannot', { message: reason === 'syntax' ? t('cli.format.syntax', { message: text }) : text });
}

export const formatCommand: Command = {
    name: 'format',
    get summary() { return t('cli.front.summary.format'); },
    get usage() { return t('cli.usage.format'); },
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('format', args, {
            check: { type: 'boolean' },
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        const stdin = await readStdinOption('format', values, positionals, io);
        if (stdin) return formatStdin(stdin, Boolean(values.check), io);
        // A path that cannot be read is named on stderr and the others are still formatted (exit 2).
        const problems: string[] = [];
        const files = await discoverFiles(positionals, io.cwd, problems);
        if (files.length === 0) throw new CliError(problems.map(escapeControls).join('\ncoord: '));
        let failed = reportFileProblems(problems, io) ? problems.length : 0;
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        let unformatted = 0;
        let rewritten = 0;
        for (const file of files) {
            let text: string;
            // Taken before reading: a change after this point, even one the read sees, counts as a change.
            const version = fileVersion(file.absolute);
            try {
                text = readSourceFile(file);
            } catch (e) {
                if (!(e instanceof CliError)) throw e;
                reportFileProblems([e.message], io);
                failed++;
                continue;
            }
            const result = formatText(text, Coord);
            if (!result.ok) {
                failed++;
                const { reason, line, column, message } = result.error;
                io.stderr.write(`${safeLineStart(file.display)}:${line}:${column}: ${cannotFormat(reason, message)}\n`);
                continue;
            }
            if (!result.changed) continue;
            if (values.check) {
                unformatted++;
                io.stdout.write(`${safeLineStart(file.display)}\n`);
                continue;
            }
            // Never half written, never over an editor's newer save; a file that cannot be written is named and the rest go on.
            const refusal = replaceFileAtomically(file.absolute, result.text, text, version);
            if (refusal) {
                failed++;
                reportFileProblems([refusal.kind === 'changed'
                    ? t('cli.format.changed', { file: file.display })
                    : t('cli.format.cannot-write', { file: file.display, cause: refusal.cause })], io);
                continue;
            }
            rewritten++;
            io.stdout.write(`${safeLineStart(file.display)}\n`);
        }
        const count = (n: number) => t('cli.format.files', { count: n });
        if (values.check) {
            io.stderr.write(unformatted > 0
                ? `${t('cli.format.not-formatted', { files: count(unformatted) })}\n`
                : failed === 0 ? `${files.length === 1 ? t('cli.format.one-formatted') : t('cli.format.all-formatted', { files: count(files.length) })}\n` : '');
        } else if (rewritten > 0) {
            io.stderr.write(`${t('cli.format.rewritten', { files: count(rewritten) })}\n`);
        }
        if (failed > 0) return 2;
        return unformatted > 0 ? 1 : 0;
    },
};
