/**
 * Configuration files are read as `.coord` files are (issue 21, fault 4): only
 * a regular file, opened without blocking, at most MAX_CONFIG_BYTES, and every
 * refusal one line naming the file. A `coord.config.json` linked to /dev/zero
 * was read for minutes until the process aborted; a FIFO hung for ever. The
 * language server reads through the same provider.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { CoordNodeContext } from '../../src/validation/config-node.js';
import { MAX_CONFIG_BYTES } from '../../src/validation/config.js';
import { ensureBuilt, removeScratch, runCoord, scratch } from './process-run.js';

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = scratch('coord-config-files-');
    fs.writeFileSync(path.join(dir, 'a.coord'), 'population p "P"\n');
});
afterEach(() => removeScratch(dir));

const config = () => path.join(dir, 'coord.config.json');

describe.skipIf(process.platform === 'win32')('a coord.config.json that is not a readable regular file', () => {
    test('a link to /dev/zero: refused at once by name, exit 2', async () => {
        fs.symlinkSync('/dev/zero', config());
        const r = await runCoord(dir, ['check', 'a.coord']);
        expect(r).toEqual({ code: 2, stdout: '', stderr: `coord: ${config()}: cannot read: not a regular file but a device\n` });
    });

    test('a FIFO, found or given with --config: refused, never waited on', async () => {
        execFileSync('mkfifo', [config()]);
        const found = await runCoord(dir, ['check', 'a.coord']);
        expect(found).toEqual({ code: 2, stdout: '', stderr: `coord: ${config()}: cannot read: not a regular file but a FIFO (named pipe)\n` });
        const given = await runCoord(dir, ['check', 'a.coord', '--config', 'coord.config.json']);
        expect(given).toEqual({ code: 2, stdout: '', stderr: 'coord: coord.config.json: cannot read: not a regular file but a FIFO (named pipe)\n' });
    });

    test('a file over the limit: refused with its size', async () => {
        fs.writeFileSync(config(), `{"rules":{}}${' '.repeat(MAX_CONFIG_BYTES)}`);
        const r = await runCoord(dir, ['check', 'a.coord']);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`coord: ${config()}: cannot read: too large (1.0 MB; a configuration file may hold up to 1 MB)\n`);
    });

    test('the provider the language server uses gives the same refusal as a finding, without reading', () => {
        fs.symlinkSync('/dev/zero', config());
        const provider = createCoordLspServices(CoordNodeContext).Coord.validation.ConfigProvider;
        const { error } = provider.configFor(pathToFileURL(path.join(dir, 'a.coord')).toString());
        expect(error?.message).toBe('cannot read: not a regular file but a device');
        expect(error?.file).toBe(config());
    });

    test('a regular file just under the limit is read as before', async () => {
        const json = '{"rules":{"unused":"off"}}';
        fs.writeFileSync(config(), json + ' '.repeat(MAX_CONFIG_BYTES - json.length));
        const r = await runCoord(dir, ['check', 'a.coord']);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('0 hints in 1 file');
    });
});
