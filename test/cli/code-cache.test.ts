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

    test('a cache damaged in place, its length kept, is not given to V8 and is written again', async () => {
        const first = await check();
        expectChecked(first);
        const [file] = cacheFiles();
        const bytes = fs.readFileSync(file);
        // Release builds of V8 do not checksum cached code: flip bytes in the middle, keep the length.
        for (let i = Math.floor(bytes.length / 3); i < bytes.length * 2 / 3; i += 97) bytes[i] ^= 0x5a;
        fs.writeFileSync(file, bytes);
        expect(await check()).toEqual(first);
        const rewritten = fs.readFileSync(file);
        expect(rewritten.equals(bytes)).toBe(false);
    });

    test('a truncated cache is not given to V8 and is written again', async () => {
        const first = await check();
        const [file] = cacheFiles();
        const whole = fs.readFileSync(file);
        const half = whole.subarray(0, Math.floor(whole.length / 2));
        fs.writeFileSync(file, half);
        expect(await check()).toEqual(first);
        // Written again whole (its size varies a little with the functions compiled in the run).
        expect(fs.readFileSync(file).length).toBeGreaterThan(half.length + 100_000);
    });

    test('16 checks at once on a fresh cache folder, then 16 more while the cache is damaged under them: every one prints its report', async () => {
        const file = path.join(dir, 'finding.coord');
        fs.writeFileSync(file, 'population p "P"\nprogramme X "x" {\n}\n');
        const expected = await runCoord(dir, ['check', 'finding.coord'], { node, env: { TMPDIR: path.join(dir, 'no-such-folder') } });
        expect(expected.code).toBe(1);
        expect(expected.stdout).toContain('✖ 2 errors');
        fs.rmSync(path.join(tmp, CACHE_FOLDER), { recursive: true, force: true });
        const many = () => Promise.all(Array.from({ length: 16 }, () => runCoord(dir, ['check', 'finding.coord'], { node, env: { TMPDIR: tmp } })));
        for (const r of await many()) expect(r).toEqual(expected);
        const damage = setInterval(() => {
            for (const cache of cacheFiles()) {
                try {
                    const bytes = fs.readFileSync(cache);
                    fs.writeFileSync(cache, bytes.subarray(0, Math.floor(bytes.length * Math.random())));
                } catch {
                    // Renamed or removed by a run meanwhile.
                }
            }
        }, 5);
        try {
            for (const r of await many()) expect(r).toEqual(expected);
        } finally {
            clearInterval(damage);
        }
    }, 120_000);

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
