/**
 * Finding and reading the `.coord` files a command is given. A path may be a
 * file, a folder (searched recursively, without following symbolic links,
 * skipping `node_modules` and dot-folders) or a glob. Every problem is a
 * {@link CliError} naming the path and the cause; nothing here exits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

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

/** Files under the given paths, each once, in a stable order. */
export async function discoverFiles(paths: readonly string[], cwd = process.cwd()): Promise<DiscoveredFile[]> {
    const found = new Map<string, DiscoveredFile>();
    const add = (absolute: string) => {
        if (!found.has(absolute)) found.set(absolute, { absolute, display: displayPath(absolute, cwd) });
    };
    for (const given of paths.length > 0 ? paths : ['.']) {
        const absolute = path.resolve(cwd, given);
        let stat: fs.Stats | undefined;
        try {
            stat = fs.statSync(absolute);
        } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(`${given}: cannot read (${code ?? (e as Error).message})`);
        }
        if (stat?.isDirectory()) {
            // Count the files this folder holds, not the new ones: a folder given twice is not empty.
            let inFolder = 0;
            walkFolder(absolute, file => { inFolder++; add(file); });
            if (inFolder === 0) throw new CliError(`${given}: no .coord file in this folder`);
        } else if (stat) {
            if (!stat.isFile()) throw new CliError(`${given}: not a regular file`);
            add(absolute);
        } else if (isDynamicPattern(given)) {
            const matches = await glob(given, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
            const coord = matches.filter(m => m.endsWith('.coord')).sort();
            if (coord.length === 0) throw new CliError(`${given}: the pattern matches no .coord file`);
            coord.forEach(m => add(path.resolve(m)));
        } else {
            throw new CliError(`${given}: no such file or folder`);
        }
    }
    return [...found.values()];
}

function walkFolder(folder: string, add: (absolute: string) => void): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (e) {
        throw new CliError(`${folder}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
            walkFolder(full, add);
        } else if (entry.isFile() && entry.name.endsWith('.coord')) {
            add(full);
        }
        // Symbolic links are not followed, so a walk never leaves its root nor loops.
    }
}

/** The path as reports show it: relative to `cwd` when inside it, else absolute. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
    const rel = path.relative(cwd, absolute);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : absolute;
}

/** Reads a file as UTF-8 text, refusing binary and non-UTF-8 content with a clear message. */
export function readSourceFile(file: DiscoveredFile): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file.absolute);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const cause = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'the file disappeared' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
        throw new CliError(`${file.display}: cannot read file (${cause})`);
    }
    return decodeSource(bytes, file.display);
}

/** Decodes file bytes as UTF-8 (a BOM is allowed), or throws a {@link CliError} naming the file. */
export function decodeSource(bytes: Uint8Array, name: string): string {
    if (bytes.includes(0)) {
        throw new CliError(`${name}: binary file (contains NUL bytes), not a .coord text file`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
        const offset = firstInvalidUtf8(bytes);
        const line = bytes.subarray(0, offset).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
        throw new CliError(`${name}:${line}: not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}); save the file as UTF-8`);
    }
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
