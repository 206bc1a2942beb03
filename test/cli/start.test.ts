/**
 * What `coord` loads to start, on the Node that runs the tests, the project's
 * Node 22 and the system's Node 20: `bin/coord.js` is CommonJS (no ES module
 * loader starts), and `--version`, `--help` and an unknown command are answered
 * by the small front bundle (`dist/cli.cjs`) without reading the commands'
 * bundle with Langium (`dist/cli-commands.cjs`), which a command loads. A preload
 * script (`--require`) records the modules in `require.cache` when the process exits.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, nodeBinaries, removeScratch, ROOT, runCoord, scratch, type ProcessRun } from './process-run.js';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const FRONT = path.join(ROOT, 'dist/cli.cjs');
const COMMANDS = path.join(ROOT, 'dist/cli-commands.cjs');

const NODES = nodeBinaries();

let dir: string;
let preload: string;
beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-start-');
    preload = path.join(dir, 'record-loaded.cjs');
    // The files in require.cache, and the built-in modules Node loaded (`process.moduleLoadList`: "NativeModule crypto"…).
    fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(process.env.COORD_TEST_LOADED, JSON.stringify([...Object.keys(require.cache), ...process.moduleLoadList])));\n`);
    fs.writeFileSync(path.join(dir, 'one.coord'), 'population smallholders "Smallholder households"\n');
});
afterAll(() => removeScratch(dir));

let runs = 0;

/** Runs `coord …args` with the preload; returns the run and the files in `require.cache` at exit. */
async function runRecording(node: string, args: string[]): Promise<{ run: ProcessRun; loaded: string[] }> {
    const record = path.join(dir, `loaded-${++runs}.json`);
    const run = await runCoord(dir, args, { node, env: { NODE_OPTIONS: `--require=${preload}`, COORD_TEST_LOADED: record } });
    return { run, loaded: JSON.parse(fs.readFileSync(record, 'utf8')) as string[] };
}

test('the bundles a command compiles are ASCII, so that V8 holds and hashes their source as one byte per character', () => {
    // One character outside ASCII (a quote in a regular expression) made the whole 1.2 MB source a
    // two-byte string: twice the memory, and the code cache's CRC of it (src/cli/code-cache.ts) took
    // several milliseconds of every start instead of a fraction of one.
    for (const file of [FRONT, COMMANDS, path.join(ROOT, 'dist/server.cjs')]) {
        const text = fs.readFileSync(file, 'latin1');
        const at = text.search(/[^\x00-\x7F]/);
        expect(at, `${path.basename(file)}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe(-1);
    }
});

test('the CLI bundle computes Chevrotain\'s character slots instead of filling a table of 65,536 at start, with the same slots', async () => {
    const plugins = await import('../../scripts/build-plugins.mjs');
    // The table Chevrotain fills (its own code, from node_modules) and the formula the bundle uses instead.
    const chevrotain = fs.readFileSync(path.join(ROOT, 'node_modules/chevrotain/lib/src/scan/lexer.js'), 'utf8');
    expect(chevrotain).toContain(plugins.CHEVROTAIN_CHAR_CODE_FILL);
    expect(chevrotain).toContain(plugins.CHEVROTAIN_CHAR_CODE_LOOKUP);
    const table = new Function(`let charCodeToOptimizedIdxMap;\n${plugins.CHEVROTAIN_CHAR_CODE_FILL}\nreturn charCodeToOptimizedIdxMap;`)() as number[];
    const formula = new Function('charCode', `return charCode < 256 ? charCode\n${plugins.CHEVROTAIN_CHAR_CODE_FORMULA}`) as (code: number) => number;
    expect(table).toHaveLength(65536);
    const differ = table.findIndex((slot, code) => (code < 256 ? code : formula(code)) !== slot);
    expect(differ).toBe(-1);
    const bundle = fs.readFileSync(COMMANDS, 'utf8');
    expect(bundle).not.toMatch(/charCodeToOptimizedIdxMap\[i\]/);
    expect(bundle).toMatch(/function charCodeToOptimizedIndex\(charCode\)\{return charCode<minOptimizationVal\?charCode:255\+~~\(charCode\/255\)\}/);
});

describe.each(NODES)('coord start on %s', (_label, node) => {
    test('--version, --help and an unknown command load the front bundle only, through a CommonJS bin/coord.js', async () => {
        const version = await runRecording(node, ['--version']);
        expect(version.run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
        const help = await runRecording(node, ['--help']);
        expect(help.run.code).toBe(0);
        expect(help.run.stdout).toMatch(/^coord .* check .* rules .* lsp /s);
        const unknown = await runRecording(node, ['frobnicate']);
        expect(unknown.run.code).toBe(2);
        expect(unknown.run.stderr).toBe("coord: unknown command 'frobnicate'; run 'coord --help' for the list\n");
        for (const { loaded } of [version, help, unknown]) {
            // In require.cache: bin/coord.js was loaded as CommonJS, not as an ES module.
            expect(loaded).toEqual(expect.arrayContaining([path.join(ROOT, 'bin/coord.js'), FRONT]));
            expect(loaded).not.toContain(COMMANDS);
        }
    });

    test('a command loads the commands bundle, and its usage errors keep their one-line form', async () => {
        const check = await runRecording(node, ['check', 'one.coord']);
        expect(check.run.code, check.run.stderr).toBe(0);
        expect(check.run.stdout).toContain('1 hint in 1 file');
        expect(check.loaded).toEqual(expect.arrayContaining([FRONT, COMMANDS]));
        // Nothing from node_modules: the bundles hold what a check needs (fdir, under tinyglobby, used to look
        // picomatch up at run time and compile a second copy of it; scripts/build-plugins.mjs).
        expect(check.loaded.filter(file => file.split(path.sep).includes('node_modules'))).toEqual([]);
        // A stylish report shows no fingerprint and no configuration hash: node:crypto, which hashes them, is not loaded.
        expect(check.loaded).not.toContain('NativeModule crypto');
        const json = await runRecording(node, ['check', 'one.coord', '--format', 'json']);
        expect(JSON.parse(json.run.stdout)).toMatchObject({ configHash: expect.stringMatching(/^[0-9a-f]{16}$/), diagnostics: [{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}:0$/) }] });
        expect(json.loaded).toContain('NativeModule crypto');
        // A CliError thrown in the commands bundle is recognised by the front: exit 2, no internal error.
        const usage = await runRecording(node, ['check', '--frobnicate', FIXTURES]);
        expect(usage.run.code).toBe(2);
        expect(usage.run.stderr).toMatch(/^coord check: Unknown option '--frobnicate'\n$/);
    });

    test('a command ends the process once its report is written, not when the event loop runs dry', async () => {
        // Something else keeps the loop busy (as V8's next incremental GC step, a delayed task, did after every
        // small check: about 10 ms of wall time): the process still ends when the command is done, with its
        // status, its whole report and the exit handlers run (the preload's record is written on `exit`).
        const linger = path.join(dir, 'linger.cjs');
        fs.writeFileSync(linger, `setTimeout(() => process.stderr.write('the loop ran dry\\n'), 4000);\n`);
        fs.writeFileSync(path.join(dir, 'two.coord'), 'population p "A"\npopulation p "B"\n');
        const record = path.join(dir, `loaded-${++runs}.json`);
        const env = { NODE_OPTIONS: `--require=${preload} --require=${linger}`, COORD_TEST_LOADED: record };
        const check = await runCoord(dir, ['check', 'two.coord', '--format', 'json'], { node, env });
        expect(check.stderr).toBe('');
        expect(check.code).toBe(1);
        expect(JSON.parse(check.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'duplicate-name')).toHaveLength(2);
        expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toContain(COMMANDS);
        const version = await runCoord(dir, ['--version'], { node, env: { NODE_OPTIONS: `--require=${linger}` } });
        expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });
});
