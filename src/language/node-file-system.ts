/**
 * The disk as the CLI and the desktop language server read it (Node only; the
 * browser's server reads through the client, `src/lsp/client-file-system.ts`).
 * Langium's Node file system, except that only regular files of at most 16 MB
 * are read: a FIFO behind a `.coord` URI made a request wait for ever, a link
 * to /dev/zero read until memory ran out. A path that cannot be looked at is
 * left to Langium's provider (and its own error).
 */
import * as fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** The largest file the server reads from disk, as the CLI (`MAX_FILE_BYTES` in src/cli/files.ts). */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Why a file on disk is not read (not a regular file, too large), or undefined. */
function refusal(stat: fs.Stats | undefined, file: string): Error | undefined {
    if (!stat) return undefined;
    if (!stat.isFile()) return Object.assign(new Error(`${file}: not a regular file`), { code: 'EINVAL' });
    if (stat.size > MAX_READ_BYTES) return Object.assign(new Error(`${file}: file too large (Coord reads files up to 16 MB)`), { code: 'EFBIG' });
    return undefined;
}

export class CoordNodeFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        const error = uri.scheme === 'file' ? refusal(await fs.promises.stat(uri.fsPath).catch(() => undefined), uri.fsPath) : undefined;
        if (error) throw error;
        return super.readFile(uri);
    }

    override readFileSync(uri: URI): string {
        const error = uri.scheme === 'file' ? refusal(fs.statSync(uri.fsPath, { throwIfNoEntry: false }), uri.fsPath) : undefined;
        if (error) throw error;
        return super.readFileSync(uri);
    }
}

/** The file system of the CLI and the desktop server (for `createCoord…Services`; see also `CoordNodeContext`). */
export const CoordNodeFileSystem = {
    fileSystemProvider: () => new CoordNodeFileSystemProvider(),
};
