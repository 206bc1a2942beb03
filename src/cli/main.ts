/**
 * The `coord` command line: dispatches to a subcommand and decides the exit
 * status. `coord lsp` is dispatched by `bin/coord.js` to the language server's
 * bundle so that this bundle stays free of editor code. This module is the front
 * of the CLI: it answers `--help`, `--version` and unknown commands by itself and
 * imports the commands (`commands/index.ts`, the core bundle with Langium) only
 * when one runs, so it must not import anything else of the CLI but types and
 * the version (scripts/build.mjs checks that the two bundles share no module).
 */
import { writeSync } from 'node:fs';
import type { Command, CommandIO } from './command.js';
import { TOOL_VERSION } from './version.js';

/** A subcommand as `--help` lists it; its code (parser, rules, renderers) loads only when it runs. */
interface CommandEntry {
    name: string;
    summary: string;
    load(): Promise<Command>;
}

/** The core of the CLI: the command implementations (`dist/cli-commands.cjs` once bundled). */
const loadCore = () => import('./commands/index.js');

/** Every subcommand; `coord lsp` is listed for help only (see `bin/coord.js`). */
export const COMMANDS: CommandEntry[] = [
    { name: 'check', summary: 'validate .coord files and report findings (the CI linter)', load: async () => (await loadCore()).COMMAND_LOADERS.check() },
    { name: 'completion', summary: 'print a shell completion script (bash, zsh or fish)', load: async () => (await loadCore()).COMMAND_LOADERS.completion() },
    { name: 'format', summary: 'rewrite .coord files in the canonical layout (--check: list unformatted files)', load: async () => (await loadCore()).COMMAND_LOADERS.format() },
    { name: 'init', summary: 'start a project: coord.config.json (every rule at its default) and a starter spec', load: async () => (await loadCore()).COMMAND_LOADERS.init() },
    { name: 'rules', summary: 'list every rule with its default severity and the lesson behind it', load: async () => (await loadCore()).COMMAND_LOADERS.rules() },
    { name: 'summary', summary: 'report the effects and coordination of a workspace (md, html, csv, json)', load: async () => (await loadCore()).COMMAND_LOADERS.summary() },
];

function usage(): string {
    const width = Math.max(...COMMANDS.map(c => c.name.length), 3);
    return `coord ${TOOL_VERSION} — validate and summarise coordination specs (.coord files)

Usage: coord <command> [options]

Commands:
${COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
  ${'lsp'.padEnd(width)}  run the language server over stdio (coord lsp --stdio)

Run 'coord <command> --help' for a command's options.
  -h, --help     show this help
  -v, --version  print the version
`;
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
        io.stdout.write(usage());
        return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version') {
        io.stdout.write(TOOL_VERSION + '\n');
        return 0;
    }
    const entry = COMMANDS.find(c => c.name === first);
    if (!entry) {
        io.stderr.write(`coord: unknown command '${visible(first)}'; run 'coord --help' for the list\n`);
        return 2;
    }
    try {
        return await (await entry.load()).run(rest, io);
    } catch (e) {
        // Commands throw the core's CliError (the core is loaded by now, unless loading it was what failed).
        const CliError = await loadCore().then(core => core.CliError, () => undefined);
        if (CliError && e instanceof CliError) {
            // Commands name themselves ("coord check: …"); other messages get the tool's name.
            io.stderr.write(`${e.message.startsWith('coord ') ? '' : 'coord: '}${visible(e.message)}\n`);
            return 2;
        }
        const message = visible(e instanceof Error ? e.message : String(e));
        io.stderr.write(`coord: internal error: ${message}\n(this is a bug in coord; please report it with the input that caused it)\n`);
        if (io.env.COORD_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
        return 2;
    }
}

/**
 * A message as visible lines: control characters (a path may hold a line
 * break or an escape sequence) as `\uXXXX`; only the breaks between the
 * problems of a multi-problem message (`\ncoord: `) are kept. The same set as the core's
 * `escapeControls`, written here because this front bundle shares no module
 * with the core.
 */
function visible(message: string): string {
    return message.split('\ncoord: ').map(line => line.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
        ch => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).join('\ncoord: ');
}

/** Entry point of the CLI bundle. */
export function run(): void {
    // A reader that stops early (`coord check … | head`) closes the pipe. Coord then writes nothing more and
    // prints no stack trace, but the command still runs to its end, so the exit status is still the verdict:
    // `coord check bad.coord | head -1` must not turn a file with errors into status 0 (with `pipefail`, CI
    // would read that as a pass).
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (e: NodeJS.ErrnoException) => {
            if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || pipeClosed) {
                pipeClosed = true;
                return;
            }
            throw e;
        });
    }
    const io: CommandIO = {
        stdout: process.stdout,
        stderr: process.stderr,
        stdoutIsTTY: Boolean(process.stdout.isTTY),
        stderrIsTTY: Boolean(process.stderr.isTTY),
        env: process.env,
        cwd: process.cwd(),
        readStdin: async limit => {
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of process.stdin) {
                const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
                chunks.push(buffer);
                size += buffer.length;
                if (size >= limit) break;
            }
            return Buffer.concat(chunks);
        },
    };
    const finished = main(process.argv.slice(2), io).then(
        code => {
            process.exitCode = code;
        },
        e => {
            process.stderr.write(`coord: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
            process.exitCode = 2;
        },
    );
    guardUnfinishedExit(finished);
}

/**
 * A command either finishes (its report written, its exit status set) or the
 * process exits 2 with a message — never 0 with nothing printed, which a CI
 * job would read as a pass. Node ends a process whose event loop has nothing
 * left to wait for even while a promise is pending, with status 0; and a
 * library may call `process.exit`. Both are caught here. A reader that closed
 * the pipe (EPIPE, above) only silences the output: the status is still the command's.
 */
export function guardUnfinishedExit(finished: Promise<unknown>, write: (text: string) => void = text => writeSync(2, text)): void {
    let done = false;
    void finished.finally(() => (done = true));
    const message = (how: string) => `coord: internal error: the command ${how} before it finished; no report was written\n(this is a bug in coord; please report it with the input that caused it)\n`;
    // An exception thrown outside the command's promise (a timer, a stream's event) or a rejection
    // nobody handles would end Node with status 1 and a stack trace — read by CI as "findings".
    const fail = (e: unknown) => {
        // A write that raced the closing of the pipe: only the output is gone, the command goes on.
        const code = (e as NodeJS.ErrnoException | undefined)?.code;
        if (pipeClosed && (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED')) return;
        done = true;
        try {
            const text = visible(e instanceof Error ? e.message : String(e));
            write(`coord: internal error: ${text}\n(this is a bug in coord; please report it with the input that caused it)\n`);
            if (process.env.COORD_DEBUG) write(`${(e as Error)?.stack ?? ''}\n`);
        } catch {
            // Standard error itself is gone: the status still says it.
        }
        process.exit(2);
    };
    process.on('uncaughtException', fail);
    process.on('unhandledRejection', fail);
    const say = (text: string) => {
        try {
            write(text);
        } catch {
            // Standard error is closed too: the status still says it.
        }
    };
    process.on('beforeExit', () => {
        if (done) return;
        done = true;
        say(message('stopped (nothing was left to wait for)'));
        process.exitCode = 2;
    });
    process.on('exit', code => {
        if (done) return;
        say(message(`exited with status ${code}`));
        if (code === 0) process.exitCode = 2;
    });
}

/** Set when a reader closed stdout or stderr: the process then writes nothing more, and exits with the command's status. */
let pipeClosed = false;
