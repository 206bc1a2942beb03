/**
 * The language server reads files as the CLI does (issue 21, fault 7): a
 * `.coord` URI that is a FIFO or a device is refused at once instead of
 * blocking the request for ever, and a file over the CLI's limit is refused.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bomStrippingFileSystem } from '../../src/language/coord-workspace.js';
import { CoordNodeFileSystem } from '../../src/language/node-file-system.js';

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-file-reads-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('reading a document from disk', () => {
    // The server's file system on disk (lsp/main.ts: CoordNodeContext), as wrapped by createCoordLspServices.
    const provider = () => bomStrippingFileSystem(CoordNodeFileSystem.fileSystemProvider());

    test('a FIFO is refused at once, asynchronously and synchronously', async () => {
        const fifo = path.join(dir, 'pipe.coord');
        execFileSync('mkfifo', [fifo]);
        await expect(provider().readFile(URI.file(fifo))).rejects.toThrow(`${fifo}: not a regular file`);
        expect(() => provider().readFileSync(URI.file(fifo))).toThrow(`${fifo}: not a regular file`);
    });

    test('a link to /dev/zero is refused', async () => {
        const link = path.join(dir, 'zero.coord');
        fs.symlinkSync('/dev/zero', link);
        await expect(provider().readFile(URI.file(link))).rejects.toThrow('not a regular file');
    });

    test('a regular file is read, without its byte-order mark', async () => {
        const file = path.join(dir, 'a.coord');
        fs.writeFileSync(file, '\uFEFFpopulation p "P"\n');
        expect(await provider().readFile(URI.file(file))).toBe('population p "P"\n');
    });
});
