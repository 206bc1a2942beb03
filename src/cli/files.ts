/**
 * Finding and reading the `.coord` files a command is given. A path may be a
 * file, a folder (searched recursively, without following symbolic links,
 * skipping `node_modules` and dot-folders) or a glob. Every problem is a
 * {@link CliError} naming the path and the cause; nothing here exits. Given a
 * `problems` list, discovery collects a problem with one path and goes on with
 * the others, so that a command can check every file it can read, report the
 * rest by path and still exit 2. Only regular files are ever read: a walk skips
 * FIFOs, sockets and devices, and a file is opened without blocking and checked
 * before it is read, so no path can make a command hang.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { formatNumber, t } from '../i18n/index.js';

/** A problem that stops a command (exit status 2), with a one-line message. */
export class CliError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'CliError';
    }
}

export interface DiscoveredFile {
    /** Absolute path. */
    absolute: string;
    /** How reports name it: as the user named it, or relative to the current folder. */
    display: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** A name with the `.coord` extension: `a.coord`, not `.coord` alone (a hidden file without one). */
export function isCoordFileName(name: string): boolean {
    return path.extname(name) === '.coord';
}

function realPathOr(absolute: string): string {
    try {
        return fs.realpathSync(absolute);
    } catch {
        return absolute;
    }
}

/**
 * What one run has learnt about the disk while finding files: each folder's
 * listing and real path, and each file's real path (the key that makes a file
 * reached twice one file). A command that walks the same folders twice — the
 * files named, then the project they belong to — reads each folder once, and a
 * file found by a walk costs no system call of its own: a walk follows no
 * link, so a file it finds is its folder's real path and its name (Node's
 * `realpathSync` checked every component of every file's path, twice per file
 * for `coord check .`, a tenth of a 1,000-file check outside parsing and validation).
 */
export class DiscoveryCache {
    private readonly listings = new Map<string, fs.Dirent[]>();
    private readonly realFolders = new Map<string, string>();
    private readonly realFiles = new Map<string, string>();

    /** A folder's entries in name order (a folder that cannot be read throws, each time). */
    list(folder: string): fs.Dirent[] {
        let entries = this.listings.get(folder);
        if (!entries) {
            entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            this.listings.set(folder, entries);
        }
        return entries;
    }

    /** The real path of a file a walk found in `folder` (a regular file, not a link); `absolute` is `folder` joined with `name`. */
    walkedFile(folder: string, name: string, absolute = path.join(folder, name)): string {
        let real = this.realFiles.get(absolute);
        if (real === undefined) {
            let realFolder = this.realFolders.get(folder);
            if (realFolder === undefined) this.realFolders.set(folder, realFolder = realPathOr(folder));
            // A folder whose real path cannot be found keys its files by their own path, as before.
            real = realFolder === folder ? absolute : path.join(realFolder, name);
            this.realFiles.set(absolute, real);
        }
        return real;
    }

    /** The real path of a file (the file's own path when it has none, e.g. it does not exist). */
    realPath(absolute: string): string {
        let real = this.realFiles.get(absolute);
        if (real === undefined) this.realFiles.set(absolute, real = realPathOr(absolute));
        return real;
    }
}

/** Whether a folder walk skips a path (the configuration's `ignore` list). */
export type IgnoreTest = (absolute: string, isFolder: boolean) => boolean;

/**
 * Files under the given paths, each once, in a stable order. Walks that share a
 * `cache` (one run's) read each folder once and reuse the real paths found.
 */
export async function discoverFiles(
    paths: readonly string[], cwd = process.cwd(), problems?: string[], ignores?: IgnoreTest, cache = new DiscoveryCache(),
): Promise<DiscoveredFile[]> {
    // Keyed by real path: a file reached twice (through a linked folder given as a path, say) is one file,
    // not two files that declare every name twice.
    const found = new Map<string, DiscoveredFile>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        // A file outside the working folder keeps the form the user gave: `../specs/a.coord` or an absolute path.
        const relative = !path.isAbsolute(given);
        // A walk's files are named from their folder's relative path, worked out once per folder.
        const folderPaths = new Map<string, string>();
        const add = (absolute: string, key: string, folder?: string, name?: string) => {
            if (found.has(key)) return;
            let display: string;
            if (folder === undefined || name === undefined) {
                display = displayPath(absolute, cwd, relative);
            } else {
                let rel = folderPaths.get(folder);
                if (rel === undefined) folderPaths.set(folder, rel = path.relative(cwd, folder));
                display = displayInFolder(rel, name, absolute, relative);
            }
            found.set(key, { absolute, display });
        };
        try {
            await discoverPath(given, cwd, add, problems, ignores, cache);
        } catch (e) {
            if (!(problems && e instanceof CliError)) throw e;
            problems.push(e.message);
        }
    }
    return [...found.values()];
}

async function discoverPath(
    given: string, cwd: string, add: WalkAdd, problems: string[] | undefined, ignores: IgnoreTest | undefined,
    cache: DiscoveryCache,
): Promise<void> {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats | undefined;
    try {
        stat = fs.statSync(absolute);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') throw new CliError(t('cli.file.loop', { path: given }));
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(t('cli.file.cannot-read', { path: given, cause: code ?? (e as Error).message }));
        if (isSymbolicLink(absolute)) throw new CliError(t('cli.file.broken-link', { path: given }));
    }
    if (stat?.isDirectory()) {
        // Count the files this folder holds, not the new ones: a folder given twice is not empty.
        let inFolder = 0;
        walkFolder(absolute, (file, key, folder, name) => { inFolder++; add(file, key, folder, name); }, cwd, problems, ignores, cache);
        if (inFolder === 0) throw new CliError(t('cli.file.empty-folder', { path: given }));
    } else if (stat) {
        if (!stat.isFile()) throw new CliError(t('cli.file.not-regular', { path: given, kind: fileKind(stat) }));
        if (!isCoordFileName(absolute)) throw new CliError(t('cli.file.not-coord', { path: given }));
        add(absolute, cache.realPath(absolute));
    } else if (isDynamicPattern(given)) {
        const matches = await glob(given, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
        const coord = matches.filter(isCoordFileName).sort();
        if (coord.length === 0) throw new CliError(t('cli.file.no-match', { path: given }));
        coord.forEach(m => {
            const absolute = path.resolve(m);
            add(absolute, cache.realPath(absolute));
        });
    } else {
        throw new CliError(t('cli.file.missing', { path: given }));
    }
}

function isSymbolicLink(absolute: string): boolean {
    try {
        return fs.lstatSync(absolute).isSymbolicLink();
    } catch {
        return false;
    }
}

/** What a path that is not a regular file is, in words. */
function fileKind(stat: fs.Stats): string {
    if (stat.isFIFO()) return t('cli.file.kind.fifo');
    if (stat.isSocket()) return t('cli.file.kind.socket');
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return t('cli.file.kind.device');
    if (stat.isDirectory()) return t('cli.file.kind.folder');
    return t('cli.file.kind.other');
}

/**
 * Adds the `.coord` files under `root`, in name order, depth first. Iterative (a stack
 * of open folders), so no depth of folders can overflow the stack; a folder that
 * cannot be read is named in `problems` and skipped, and the walk goes on.
 */
function walkFolder(
    root: string, add: WalkAdd, cwd: string, problems: string[] | undefined, ignores: IgnoreTest | undefined,
    cache: DiscoveryCache,
): void {
    const read = (folder: string): fs.Dirent[] | undefined => {
        try {
            return cache.list(folder);
        } catch (e) {
            const error = new CliError(t('cli.file.cannot-read-folder', { path: displayPath(folder, cwd), cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
            if (!problems) throw error;
            problems.push(error.message);
            return undefined;
        }
    };
    const rootEntries = read(root);
    if (!rootEntries) return;
    const open: Array<{ folder: string; entries: fs.Dirent[]; next: number }> = [{ folder: root, entries: rootEntries, next: 0 }];
    while (open.length > 0) {
        const top = open[open.length - 1];
        if (top.next >= top.entries.length) {
            open.pop();
            continue;
        }
        const entry = top.entries[top.next++];
        const full = joinName(top.folder, entry.name);
        if (entry.isDirectory()) {
            if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) || ignores?.(full, true)) continue;
            const entries = read(full);
            if (entries) open.push({ folder: full, entries, next: 0 });
        } else if (entry.isFile() && isCoordFileName(entry.name) && !ignores?.(full, false)) {
            add(full, cache.walkedFile(top.folder, entry.name, full), top.folder, entry.name);
        }
        // Symbolic links are not followed, so a walk never leaves its root nor loops;
        // FIFOs, sockets and devices are skipped, so a walk never blocks on one.
    }
}

/**
 * `path.join(folder, name)` for a folder path that is already normal (a walk's: resolved,
 * then joined with names) and a name read from it (never empty, `.`, `..`, nor holding a
 * separator), without normalising the whole path again for every entry of a walk.
 */
export function joinName(folder: string, name: string): string {
    return folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
}

/** Adds a file found (its absolute path, its key), with its folder and name when a walk found it. */
type WalkAdd = (absolute: string, key: string, folder?: string, name?: string) => void;

/**
 * {@link displayPath} of the file `name` (a name, no separator) in a folder whose path relative
 * to `cwd` is `folderRelative` (`path.relative(cwd, folder)`), without resolving both paths
 * again for every file of the folder: the file's relative path is the folder's and its name.
 */
export function displayInFolder(folderRelative: string, name: string, absolute: string, relativeOutside = false): string {
    const rel = folderRelative === '' ? name : path.isAbsolute(folderRelative) ? path.join(folderRelative, name) : `${folderRelative}${path.sep}${name}`;
    return shownPath(rel, absolute, relativeOutside);
}

/**
 * The path as reports show it: relative to `cwd` when inside it; outside it,
 * relative (`../specs/a.coord`) when the user named it relatively, else absolute.
 */
export function displayPath(absolute: string, cwd = process.cwd(), relativeOutside = false): string {
    return shownPath(path.relative(cwd, absolute), absolute, relativeOutside);
}

/** What {@link displayPath} shows of a path, given it relative to the current folder (`rel`) and absolute. */
function shownPath(rel: string, absolute: string, relativeOutside: boolean): string {
    const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
    if (rel && (!outside || (relativeOutside && !path.isAbsolute(rel)))) return path.sep === '/' ? rel : rel.split(path.sep).join('/');
    return absolute;
}

/** Reads a file as UTF-8 text, refusing binary and non-UTF-8 content with a clear message. */
export function readSourceFile(file: DiscoveredFile): string {
    let bytes: Buffer;
    let fd: number | undefined;
    try {
        // Opened without blocking and checked before reading: a path that became a FIFO
        // since it was found must not make the command wait for a writer.
        fd = fs.openSync(file.absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw new CliError(t('cli.file.cannot-read-file', { path: file.display, cause: t('cli.file.not-regular-file', { kind: fileKind(stat) }) }));
        if (stat.size > MAX_FILE_BYTES) {
            throw new CliError(t('cli.file.too-large', { path: file.display, size: megabytes(stat.size), max: MAX_FILE_BYTES / 1048576 }));
        }
        bytes = fs.readFileSync(fd);
    } catch (e) {
        if (e instanceof CliError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        const cause = code === 'EACCES' || code === 'EPERM' ? t('cli.file.cause.denied')
            : code === 'ENOENT' ? t('cli.file.cause.disappeared')
                : code === 'EISDIR' ? t('cli.file.cause.is-folder')
                    : code === 'ELOOP' ? t('cli.file.cause.loop')
                        : code ?? (e as Error).message;
        throw new CliError(t('cli.file.cannot-read-file', { path: file.display, cause }));
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
    return decodeSource(bytes, file.display);
}

/** A size in megabytes with one decimal, as the locale writes it (`16.5`, `16,5`). */
export function megabytes(bytes: number): string {
    return formatNumber(bytes / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The largest file the CLI reads (see docs/robustness.md for the bounds and why). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Decodes file bytes as UTF-8 (a BOM is allowed), or throws a {@link CliError} naming the file. */
export function decodeSource(bytes: Uint8Array, name: string): string {
    if (bytes.includes(0)) {
        const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
        throw new CliError(utf16 ? t('cli.file.utf16', { path: name }) : t('cli.file.binary', { path: name }));
    }
    // Validated and decoded by Node's own UTF-8 code (simdutf), which is what TextDecoder's fatal mode does,
    // but TextDecoder took 22 µs a file in a process started from the startup snapshot against 4 (snapshot/).
    if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
    throw new CliError(t('cli.file.not-utf8', { path: name, line: String(line), byte: bytes[offset]?.toString(16).padStart(2, '0') ?? '', offset: String(offset) }));
}

function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const n = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 ? 3 : -1;
        if (n < 0) return i;
        for (let k = 1; k <= n; k++) {
            if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
        }
        i += n + 1;
    }
    return Math.min(i, bytes.length - 1);
}
