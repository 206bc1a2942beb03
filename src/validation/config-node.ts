/**
 * Reading configuration files from the disk, for the CLI and the desktop
 * language server (Node only; the browser's server reads through the client,
 * see `config-provider.ts`). A `coord.config.json` is read as `.coord` files
 * are: opened without blocking (a FIFO never makes the run wait for a writer),
 * only a regular file (not a device such as `/dev/zero` behind a link), at most
 * {@link MAX_CONFIG_BYTES}. The core (`config.ts`) reads through the
 * {@link nodeConfigReader} it is given, and imports nothing of Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { CoordNodeFileSystem } from '../language/node-file-system.js';
import { ConfigError, isProjectRootUri, MAX_CONFIG_BYTES, type ConfigFileReader } from './config.js';
import { formatNumber, t } from '../i18n/index.js';

/**
 * Reads a configuration file: regular files only, at most
 * {@link MAX_CONFIG_BYTES}. Refusals are a {@link ConfigError} naming the file
 * as `display`; a missing file throws the system's error (ENOENT), for the caller.
 */
export function readConfigFile(file: string, display = file): string {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
        const stat = fs.fstatSync(fd);
        if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' });
        if (!stat.isFile()) {
            const kind = t(stat.isFIFO() ? 'cli.file.kind.fifo' : stat.isSocket() ? 'cli.file.kind.socket' : 'cli.file.kind.device');
            throw new ConfigError(display, undefined, t('config.cannot-read', { cause: t('cli.file.not-regular-file', { kind }) }));
        }
        if (stat.size > MAX_CONFIG_BYTES) {
            const size = formatNumber(stat.size / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
            throw new ConfigError(display, undefined, t('config.too-large', { size, max: MAX_CONFIG_BYTES / 1048576 }));
        }
        // Read at most one byte past the limit, in case the file grew since fstat.
        const buffer = Buffer.alloc(Math.min(stat.size, MAX_CONFIG_BYTES) + 1);
        let length = 0;
        for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
        if (length > MAX_CONFIG_BYTES) {
            throw new ConfigError(display, undefined, t('config.too-large-read', { max: MAX_CONFIG_BYTES / 1048576 }));
        }
        return buffer.subarray(0, length).toString('utf8');
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * The {@link ConfigFileReader} of the disk: {@link readConfigFile} for a
 * `file:` URI; no file where there is none (ENOENT, or a file where a folder
 * should be) and for any other scheme.
 */
export const nodeConfigReader: ConfigFileReader = file => {
    if (file.scheme !== 'file') return undefined;
    try {
        return readConfigFile(file.fsPath);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!(e instanceof ConfigError) && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
        throw e;
    }
};

/**
 * The project a folder on disk belongs to (§3 v2): the nearest folder from
 * `start` upward whose `coord.config.json` says `"root": true`, or undefined
 * when there is none (as `findProjectRootUri` in config.ts, with paths).
 */
export function findProjectRoot(start: string): string | undefined {
    let folder = path.resolve(start);
    for (;;) {
        if (isProjectRoot(folder)) return folder;
        const parent = path.dirname(folder);
        if (parent === folder) return undefined;
        folder = parent;
    }
}

/** Whether a folder's `coord.config.json` on disk says `"root": true` (a FIFO or a device is no root). */
export function isProjectRoot(folder: string): boolean {
    return isProjectRootUri(URI.file(folder), nodeConfigReader);
}

/**
 * What the CLI and the desktop language server run on (the context of
 * `createCoordCoreServices` and `createCoordLspServices`): the disk, `.coord`
 * files read by `CoordNodeFileSystemProvider` and config files by
 * {@link nodeConfigReader}, both regular files only and bounded.
 */
export const CoordNodeContext = {
    ...CoordNodeFileSystem,
    configFileReader: nodeConfigReader,
};
