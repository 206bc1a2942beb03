/** File discovery: one file reached by two paths is checked once. */
import { expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles } from '../../src/cli/files.js';

test('a folder given directly and through a symbolic link is one set of files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-discovery-'));
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs', 'a.coord'), 'population p');
    fs.symlinkSync(path.join(dir, 'specs'), path.join(dir, 'linked'));
    const files = await discoverFiles(['linked', 'specs', 'specs/a.coord'], dir);
    expect(files.map(f => f.display)).toEqual(['linked/a.coord']);
});

test('a UTF-16 file is named as such, not as binary', async () => {
    const { decodeSource, CliError } = await import('../../src/cli/files.js');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('population p', 'utf16le')]);
    expect(() => decodeSource(bytes, 'a.coord')).toThrow(CliError);
    expect(() => decodeSource(bytes, 'a.coord')).toThrow(/a\.coord: UTF-16 text, not UTF-8; save the file as UTF-8/);
});
