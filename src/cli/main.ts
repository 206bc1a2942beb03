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
import { chooseLocale, type Locale } from '../i18n/locale.js';
import { formatFront, type FrontKey } from '../i18n/messages/front.js';

/**
 * The language of the front's own messages: `--locale` anywhere before `--`,
 * else LC_ALL / LC_MESSAGES / LANG, else English (as the commands choose, but
 * with the catalogue's plain-data part only, so `--help` stays cheap).
 */
let frontLocale: Locale = 'en';
const say = (key: FrontKey, values?: Readonly<Record<string, string | number>>) => formatFront(frontLocale, key, values);

/** The `--locale` value among `args` (before `--`), if any. */
export function localeArgument(args: readonly string[]): string | undefined {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--') break;
        if (args[i] === '--locale') return args[i + 1];
        if (args[i].startsWith('--locale=')) return args[i].slice('--locale='.length);
    }
    return undefined;
}

/** A subcommand as `--help` lists it; its code (parser, rules, renderers) loads only when it runs. */
interface CommandEntry {
    name: string;
    summary: string;
    load(): Promise<Command>;
}

/** The core of the CLI: the command implementations (`dist/cli-commands.cjs` once bundled). */
const loadCore = () => import('./commands/index.js');

/** Every subcommand; `coord lsp` is listed for help only (see `bin/coord.js`). */
type CommandName = 'check' | 'completion' | 'format' | 'init' | 'rules' | 'summary';

/** A command of the list: its summary in the front's locale, its code loaded on demand. */
function entry(name: CommandName): CommandEntry {
    return {
        name,
        get summary() { return say(`cli.front.summary.${name}`); },
        load: async () => (await loadCore()).COMMAND_LOADERS[name](),
    };
}

export const COMMANDS: CommandEntry[] = (['check', 'completion', 'format', 'init', 'rules', 'summary'] as const).map(entry);

function usage(): string {
    const width = Math.max(...COMMANDS.map(c => c.name.length), 3);
    return `coord ${TOOL_VERSION} — ${say('cli.front.tagline')}

${say('cli.front.usage')}

${say('cli.front.commands')}
${COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
  ${'lsp'.padEnd(width)}  ${say('cli.front.summary.lsp')}

${say('cli.front.more')}
  -h, --help     ${say('cli.front.help')}
  -v, --version  ${say('cli.front.version')}
`;
}

/**
 * What is wrong with `coord lsp`'s arguments, if anything: the transport options
 * the server library reads, whose bad value would fail deep inside it with a
 * stack trace. `bin/coord.js` hands `coord lsp` to this front only for `--help`
 * and for such a value, so that the message is in the user's language.
 */
export function lspArgumentProblem(args: readonly string[]): string | undefined {
    for (const arg of args) {
        const socket = /^--socket=(.*)$/s.exec(arg);
        if (socket && !(/^\d{1,5}$/.test(socket[1]) && Number(socket[1]) >= 1 && Number(socket[1]) <= 65535)) {
            return say('cli.front.lsp-socket', { value: JSON.stringify(socket[1]) });
        }
        if (arg === '--socket' || arg === '--pipe' || arg === '--pipe=') {
            return say('cli.front.lsp-value', { option: arg.replace(/=$/, ''), example: arg.startsWith('--socket') ? '--socket=PORT' : '--pipe=NAME' });
        }
    }
    return undefined;
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
    const explicit = localeArgument(argv);
    frontLocale = chooseLocale(explicit, io.env);
    // `coord --locale es check …`: the option before the command goes to the command.
    let args = argv;
    if (argv[0] === '--locale' || argv[0]?.startsWith('--locale=')) {
        const taken = argv[0] === '--locale' ? 2 : 1;
        args = [...argv.slice(taken, taken + 1), ...argv.slice(0, taken), ...argv.slice(taken + 1)];
        // `coord --locale es` alone: no command, so the usage.
        if (args[0] === '--locale' || args[0].startsWith('--locale=')) args = [];
    }
    const [first, ...rest] = args;
    if (first === 'lsp') {
        const problem = rest.includes('-h') || rest.includes('--help') ? undefined : lspArgumentProblem(rest);
        if (problem) {
            io.stderr.write(`coord lsp: ${visible(problem)}\n`);
            return 2;
        }
        io.stdout.write(`${say('cli.front.lsp-usage')}\n`);
        return 0;
    }
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
        io.stderr.write(`coord: ${say('cli.front.unknown-command', { command: visible(first) })}\n`);
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
        io.stderr.write(`coord: ${say('cli.front.internal-error', { message })}\n${say('cli.front.bug')}\n`);
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
            process.stderr.write(`coord: ${say('cli.front.internal-error', { message: e instanceof Error ? e.message : String(e) })}\n`);
            process.exitCode = 2;
        },
    );
    guardUnfinishedExit(finished);
    void finished.then(() => exitOnceWritten(process));
}

/**
 * Ends the process as soon as the command has finished and everything it
 * wrote has been handed to the system, instead of when Node's event loop runs
 * dry. After a command nothing of Coord's is left to wait for, but V8 may be
 * in the middle of an incremental garbage collection, whose next step it
 * schedules as a delayed task that Node waits for: about 10 ms of wall time,
 * and the collection's own CPU, at the end of a small `coord check`, a
 * tenth of its time (docs/performance.md, "Cold start, third round"). Output
 * still being written (a slow pipe, or Windows, where pipes are asynchronous)
 * is never cut short: then the process ends as before, when the loop is empty.
 * The exit status is the command's (`process.exitCode`), and the `exit`
 * handlers (the code cache, the guard above) run as on any exit.
 */
export function exitOnceWritten(proc: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'exit'>): boolean {
    if (proc.stdout.writableLength > 0 || proc.stderr.writableLength > 0) return false;
    proc.exit();
    return true;
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
    const message = (how: string) => `coord: ${say('cli.front.unfinished', { how })}\n${say('cli.front.bug')}\n`;
    // An exception thrown outside the command's promise (a timer, a stream's event) or a rejection
    // nobody handles would end Node with status 1 and a stack trace — read by CI as "findings".
    const fail = (e: unknown) => {
        // A write that raced the closing of the pipe: only the output is gone, the command goes on.
        const code = (e as NodeJS.ErrnoException | undefined)?.code;
        if (pipeClosed && (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED')) return;
        done = true;
        try {
            const text = visible(e instanceof Error ? e.message : String(e));
            write(`coord: ${say('cli.front.internal-error', { message: text })}\n${say('cli.front.bug')}\n`);
            if (process.env.COORD_DEBUG) write(`${(e as Error)?.stack ?? ''}\n`);
        } catch {
            // Standard error itself is gone: the status still says it.
        }
        process.exit(2);
    };
    process.on('uncaughtException', fail);
    process.on('unhandledRejection', fail);
    const tell = (text: string) => {
        try {
            write(text);
        } catch {
            // Standard error is closed too: the status still says it.
        }
    };
    process.on('beforeExit', () => {
        if (done) return;
        done = true;
        tell(message(say('cli.front.stopped')));
        process.exitCode = 2;
    });
    process.on('exit', code => {
        if (done) return;
        tell(message(say('cli.front.exited', { code })));
        if (code === 0) process.exitCode = 2;
    });
}

/** Set when a reader closed stdout or stderr: the process then writes nothing more, and exits with the command's status. */
let pipeClosed = false;
