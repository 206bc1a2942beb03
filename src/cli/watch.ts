/**
 * `--watch` for `coord check` and `coord summary`: run once, then again each
 * time a `.coord` file or a `coord.config.json` under the watched folders is
 * saved, created or removed. Changes are debounced (an editor's save is often
 * several events) and runs never overlap: a change during a run starts one more
 * run after it. Each run writes one line to stderr (time, what it found, or why
 * it could not run) and a failed run never ends the watch, so files may come
 * and go. The folders are watched with `fs.watch` (recursive); where the system
 * cannot watch them, they are polled instead.
 */
import { t } from '../i18n/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandIO } from './command.js';
import { CliError, isCoordFileName } from './files.js';
import { CONFIG_FILE_NAME } from '../validation/config.js';

/** The usage line of `--watch`. */
/** The option lines of `--help`, in the current locale (`cli.usage.watch` of the catalogue). */
export function watchUsage(): string {
    return t('cli.usage.watch');
}

export interface WatchOptions {
    /** The paths the command was given (their folders are watched). */
    paths: readonly string[];
    /** The project folder, if any (watched as a whole). */
    project?: string;
    cwd: string;
    io: CommandIO;
    /** Files the runs write (absolute): their changes never start a run. */
    outputs?: readonly string[];
    /** Quiet time after the last change before a run (default 150 ms; `COORD_WATCH_DEBOUNCE`). */
    debounceMs?: number;
}

/**
 * Runs `once` now and after every relevant change until `io.signal` aborts;
 * resolves to 0 then. `once` resolves to the run's one-line outcome; a
 * {@link CliError} it throws is that run's outcome too.
 */
export async function watchRuns(command: string, options: WatchOptions, once: () => Promise<string>): Promise<number> {
    const { io } = options;
    const envDebounce = Number(io.env.COORD_WATCH_DEBOUNCE);
    const debounceMs = options.debounceMs ?? (io.env.COORD_WATCH_DEBOUNCE !== undefined && envDebounce >= 0 ? envDebounce : 150);
    let runNumber = 0;
    const runOnce = async () => {
        runNumber++;
        let outcome: string;
        try {
            outcome = await once();
        } catch (e) {
            if (!(e instanceof CliError)) throw e;
            outcome = t('cli.watch.cannot-run', { message: e.message.replace(/^coord \w+: /, '').replace(/\n/g, '; ') });
        }
        io.stderr.write(`[${clock()}] ${t('cli.watch.run', { command, number: String(runNumber), outcome })}\n`);
    };

    const roots = watchRoots(options);
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    let failure: unknown;
    let stop!: () => void;
    const stopped = new Promise<void>(resolve => (stop = resolve));
    const schedule = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            if (running) {
                again = true;
                return;
            }
            const next = async () => {
                do {
                    again = false;
                    await runOnce();
                } while (again && !io.signal?.aborted);
            };
            running = next().catch(e => {
                failure = e;
                stop();
            }).finally(() => (running = undefined));
        }, debounceMs);
    };
    await runOnce();
    const outputs = new Set(options.outputs ?? []);
    const watchers = roots.map(root => watchFolder(root, name => relevantChange(root, name, outputs), schedule));
    io.stderr.write(`[${clock()}] ${t('cli.watch.watching', { command, folders: roots.map(r => displayFolder(r, options.cwd)).join(', ') })}\n`);
    if (io.signal) {
        if (io.signal.aborted) stop();
        else io.signal.addEventListener('abort', () => stop(), { once: true });
    }
    await stopped;
    if (timer) clearTimeout(timer);
    watchers.forEach(w => w.close());
    await running;
    if (failure) throw failure;
    return 0;
}

/**
 * Whether a change that `fs.watch` reports under `root` (`name` relative to it,
 * or null when the system does not say) can change a run: a `.coord` file, a
 * configuration, or a folder (it may hold .coord files) — never a file the runs
 * write themselves, which would start a run after every run.
 */
export function relevantChange(root: string, name: string | null, outputs: ReadonlySet<string>): boolean {
    if (name === null) return true;
    if (outputs.has(path.join(root, name))) return false;
    return isCoordFileName(name) || path.basename(name) === CONFIG_FILE_NAME || path.extname(name) === '';
}

/** The folders to watch: the project, and the folder of each path outside it. */
export function watchRoots(options: Pick<WatchOptions, 'paths' | 'project' | 'cwd'>): string[] {
    const roots: string[] = options.project ? [options.project] : [];
    const inside = (folder: string) => roots.some(root => folder === root || folder.startsWith(root + path.sep));
    for (const given of options.paths.length > 0 ? options.paths : ['.']) {
        const absolute = path.resolve(options.cwd, given);
        let folder: string;
        try {
            folder = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
        } catch {
            // A glob or a file not there yet: watch the nearest folder that exists above it.
            folder = path.dirname(absolute);
            while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
        }
        if (/[*?[{]/.test(given)) folder = options.cwd;
        if (!inside(folder)) roots.push(folder);
    }
    return roots;
}

interface Closable {
    close(): void;
}

function watchFolder(root: string, relevant: (name: string | null) => boolean, changed: () => void): Closable {
    try {
        const watcher = fs.watch(root, { recursive: true, persistent: true }, (_event, name) => {
            if (relevant(name === null ? null : String(name))) changed();
        });
        // A watched folder that goes away (or a system limit) ends events; poll from then on.
        let poller: Closable | undefined;
        watcher.on('error', () => {
            watcher.close();
            poller ??= pollFolder(root, changed);
        });
        return { close: () => { watcher.close(); poller?.close(); } };
    } catch {
        return pollFolder(root, changed);
    }
}

/** Polls a folder's .coord files and configurations (names, sizes and times) once a second. */
function pollFolder(root: string, changed: () => void): Closable {
    let last = signature(root);
    const timer = setInterval(() => {
        const now = signature(root);
        if (now !== last) {
            last = now;
            changed();
        }
    }, 1000);
    return { close: () => clearInterval(timer) };
}

function signature(root: string): string {
    const parts: string[] = [];
    const walk = (folder: string, depth: number) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) {
                if (!entry.name.startsWith('.') && entry.name !== 'node_modules' && depth < 64) walk(full, depth + 1);
            } else if (isCoordFileName(entry.name) || entry.name === CONFIG_FILE_NAME) {
                try {
                    const stat = fs.statSync(full);
                    parts.push(`${full}\0${stat.size}\0${stat.mtimeMs}`);
                } catch {
                    // Gone between listing and stat: the next poll sees it.
                }
            }
        }
    };
    walk(root, 0);
    return parts.sort().join('\n');
}

function clock(): string {
    return new Date().toTimeString().slice(0, 8);
}

function displayFolder(folder: string, cwd: string): string {
    const rel = path.relative(cwd, folder);
    return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? folder : rel;
}
