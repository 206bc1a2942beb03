/**
 * Many `coord check` processes at once (issue 21, fault 1: once, under load,
 * `coord check` exited 0 with empty stdout and stderr on a file with a
 * finding). Every process must print its report, whatever happens to the
 * shared code cache (test/cli/code-cache.test.ts has 16 processes on a fresh
 * cache folder): a cache replaced again and again while they read it — whole,
 * half written, garbage — and a cache left half written in place by a process
 * killed mid-write.
 * Each run is checked for its whole report and its status.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ensureBuilt, nodeBinaries, removeScratch, runCoord, scratch, type ProcessRun } from './process-run.js';

const PROCESSES = 12;
const CACHE_FOLDER = `coord-compile-cache-${process.getuid?.() ?? 'user'}`;

let dir: string;
let tmp: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = scratch('coord-concurrency-');
    tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(dir, 'one.coord'), 'population smallholders "Smallholder households"\n');
});
afterEach(() => removeScratch(dir));

function expectReport(r: ProcessRun, i: number): void {
    expect({ i, code: r.code, stderr: r.stderr }).toEqual({ i, code: 0, stderr: '' });
    expect(r.stdout).toContain('1 hint in 1 file');
}

const cacheFiles = () => {
    const folder = path.join(tmp, CACHE_FOLDER);
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter(n => n.endsWith('.bin')).map(n => path.join(folder, n)) : [];
};

describe.each(nodeBinaries())('%s: 12 coord check processes at once', (_label, node) => {
    const wave = () => Promise.all(Array.from({ length: PROCESSES }, () => runCoord(dir, ['check', 'one.coord'], { node, env: { TMPDIR: tmp } })));

    test('while the cache is replaced, truncated and damaged under them', async () => {
        (await wave()).forEach(expectReport);
        const [file] = cacheFiles();
        const whole = fs.readFileSync(file);
        let stop = false;
        // A writer that keeps replacing the cache: whole, half (a process killed mid-write), garbage.
        const vandal = (async () => {
            for (let i = 0; !stop; i++) {
                const content = [whole, whole.subarray(0, whole.length >> 1), Buffer.from('not V8 code '.repeat(200))][i % 3];
                fs.writeFileSync(`${file}.vandal`, content);
                fs.renameSync(`${file}.vandal`, file);
                await new Promise(resolve => setImmediate(resolve));
            }
        })();
        const runs = await wave();
        stop = true;
        await vandal;
        runs.forEach(expectReport);
    });

    test('with a cache left half written in place by a killed process', async () => {
        (await wave()).forEach(expectReport);
        const [file] = cacheFiles();
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
        fs.writeFileSync(`${file}.12345.tmp`, 'partial');
        (await wave()).forEach(expectReport);
    });
}, 120_000);
