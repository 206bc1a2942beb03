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

test('files found by walking a folder named through a link are keyed by their real paths, however deep', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-discovery-'));
    fs.mkdirSync(path.join(dir, 'specs', 'sub', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'specs', 'sub', 'b.coord'), 'population b');
    fs.writeFileSync(path.join(dir, 'specs', 'sub', 'deeper', 'c.coord'), 'population c');
    fs.symlinkSync(path.join(dir, 'specs'), path.join(dir, 'linked'));
    // The walk of `linked` finds sub/b.coord and sub/deeper/c.coord; the same files named directly are not new.
    const files = await discoverFiles(['linked', 'specs/sub/b.coord', 'specs', path.join(dir, 'specs', 'sub', 'deeper', 'c.coord')], dir);
    expect(files.map(f => f.display)).toEqual(['linked/sub/b.coord', 'linked/sub/deeper/c.coord']);
});

test('two walks that share a DiscoveryCache read each folder once', async () => {
    const { DiscoveryCache } = await import('../../src/cli/files.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-discovery-'));
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs', 'a.coord'), 'population a');
    const cache = new DiscoveryCache();
    expect((await discoverFiles(['specs'], dir, [], undefined, cache)).map(f => f.display)).toEqual(['specs/a.coord']);
    // A file that appears between the two walks of one run is not seen by the second: the folder was read once.
    fs.writeFileSync(path.join(dir, 'specs', 'b.coord'), 'population b');
    expect((await discoverFiles([dir], dir, [], undefined, cache)).map(f => f.display)).toEqual(['specs/a.coord']);
    // A new run (a new cache) reads the folder again.
    expect((await discoverFiles([dir], dir)).map(f => f.display)).toEqual(['specs/a.coord', 'specs/b.coord']);
    expect(cache.realPath(path.join(dir, 'specs', 'a.coord'))).toBe(fs.realpathSync(path.join(dir, 'specs', 'a.coord')));
});
