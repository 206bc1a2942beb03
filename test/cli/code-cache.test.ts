/**
 * The code cache of the commands' bundle (src/cli/code-cache.ts), through the
 * built `coord` as a process on each Node here (Node 22 and the system's Node
 * 20): the first run saves the cache in a private folder under TMPDIR, the next
 * run uses it without writing it again, and a damaged cache, a folder others may
 * write to, an unusable TMPDIR, NODE_DISABLE_COMPILE_CACHE or source maps change
 * nothing of what the command prints.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, nodeBinaries, removeScratch, runCoord, scratch, type ProcessRun } from './process-run.js';

const NODES = nodeBinaries();
const CACHE_FOLDER = `coord-compile-cache-${process.getuid?.() ?? 'user'}`;

let dir: string;
let tmp: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = scratch('coord-code-cache-');
    tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(dir, 'one.coord'), 'population smallholders "Smallholder households"\n');
});
afterEach(() => removeScratch(dir));

/** The cache files of the commands' bundle under the given temporary folder. */
function cacheFiles(): string[] {
    const folder = path.join(tmp, CACHE_FOLDER);
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter(name => name.startsWith('cli-commands.cjs-')).map(name => path.join(folder, name)) : [];
}

function expectChecked(r: ProcessRun): void {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 hint in 1 file');
}

describe.each(NODES)('the code cache on %s', (_label, node) => {
    const check = (env: NodeJS.ProcessEnv = {}) => runCoord(dir, ['check', 'one.coord'], { node, env: { TMPDIR: tmp, ...env } });

    test('the first run saves it in a private folder; the next run uses it as it is', async () => {
        const first = await check();
        expectChecked(first);
        const files = cacheFiles();
        expect(files).toHaveLength(1);
        if (process.platform !== 'win32') {
            expect(fs.statSync(path.dirname(files[0])).mode & 0o777).toBe(0o700);
            expect(fs.statSync(files[0]).mode & 0o777).toBe(0o600);
        }
        const saved = fs.readFileSync(files[0]);
        const savedAt = fs.statSync(files[0]).mtimeMs;
        const second = await check();
        expect(second).toEqual(first);
        // V8 took the cache: a rejected one would have been written again.
        expect(cacheFiles()).toEqual(files);
        expect(fs.statSync(files[0]).mtimeMs).toBe(savedAt);
        expect(fs.readFileSync(files[0]).equals(saved)).toBe(true);
    });

    test('a damaged cache is rejected and written again', async () => {
        expectChecked(await check());
        const [file] = cacheFiles();
        const damaged = Buffer.from('not V8 code '.repeat(100));
        fs.writeFileSync(file, damaged);
        expectChecked(await check());
        expect(fs.readFileSync(file).equals(damaged)).toBe(false);
        expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    });

    test.skipIf(process.platform === 'win32')('a cache folder others may write to is neither read nor written', async () => {
        const folder = path.join(tmp, CACHE_FOLDER);
        fs.mkdirSync(folder);
        fs.chmodSync(folder, 0o777);
        expectChecked(await check());
        expect(cacheFiles()).toEqual([]);
    });

    test('with --enable-source-maps, Node compiles the bundle itself (its stack traces then point into the sources)', async () => {
        expectChecked(await check({ NODE_OPTIONS: '--enable-source-maps' }));
        expect(cacheFiles()).toEqual([]);
    });

    test('an unusable temporary folder or NODE_DISABLE_COMPILE_CACHE: no cache, the same output', async () => {
        const expected = await check();
        expectChecked(expected);
        // A TMPDIR below a regular file can be neither read nor created.
        fs.writeFileSync(path.join(dir, 'file'), '');
        expect(await runCoord(dir, ['check', 'one.coord'], { node, env: { TMPDIR: path.join(dir, 'file', 'tmp') } })).toEqual(expected);
        fs.rmSync(path.join(tmp, CACHE_FOLDER), { recursive: true });
        expect(await check({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(expected);
        expect(cacheFiles()).toEqual([]);
    });
});
