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
        io.stderr.write(`${safeLineStart(name)}:${line}:${column}: cannot format: ${reason === 'syntax' ? 'syntax error: ' : ''}${escapeControls(message)}\n`);
        return 2;
    }
    if (check) {
        if (result.changed) io.stdout.write(`${name}\n`);
        return result.changed ? 1 : 0;
    }
    io.stdout.write(result.text);
    return 0;
}

export const formatCommand: Command = {
    name: 'format',
    summary: 'rewrite .coord files in the canonical layout (--check: list unformatted files)',
    usage: `Usage: coord format [paths…] [--check]

Formats every .coord file under the given paths (files, folders or globs;
default: the current folder) in place: two-space indentation, one property per
line, a blank line between declarations. Comments, line endings (LF or CRLF)
and a byte-order mark are kept, and so is what every suppression comment
silences. Files that do not parse are left unchanged, and so are files that
change while they are formatted. Each file is replaced in one step (a
temporary file in its folder renamed over it, keeping its permissions);
through a symbolic link, the file it points to is formatted.

Options:
  --check      rewrite nothing; list the files that are not formatted
  --stdin      format the text on standard input and print it (for editors);
               a text that does not parse is not printed (exit 2)
  --stdin-filename <path>  how messages name that text
  -h, --help   show this help

Exit status: 0 every file is formatted (or was rewritten); 1 with --check,
some files are not formatted; 2 a file does not parse, cannot be formatted
without changing what a suppression silences, changed while it was formatted,
or cannot be read or written, or a bad option or path (the other files are
still formatted).`,
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
                io.stderr.write(`${safeLineStart(file.display)}:${line}:${column}: cannot format: ${reason === 'syntax' ? 'syntax error: ' : ''}${escapeControls(message)}\n`);
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
                    ? `${file.display}: changed while it was being formatted; left as it is (run 'coord format' again)`
                    : `${file.display}: cannot write file (${refusal.cause}); left as it is`], io);
                continue;
            }
            rewritten++;
            io.stdout.write(`${safeLineStart(file.display)}\n`);
        }
        const count = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
        if (values.check) {
            io.stderr.write(unformatted > 0
                ? `${count(unformatted)} not formatted; run 'coord format' to fix\n`
                : failed === 0 ? (files.length === 1 ? 'the file is formatted\n' : `all ${count(files.length)} formatted\n`) : '');
        } else if (rewritten > 0) {
            io.stderr.write(`formatted ${count(rewritten)}\n`);
        }
        if (failed > 0) return 2;
        return unformatted > 0 ? 1 : 0;
    },
};
