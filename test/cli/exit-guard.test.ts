/**
 * No path out of the CLI is a silent pass (issue 21, fault 1): when a command
 * neither finishes nor fails — its promise left pending with nothing to wait
 * for, which Node ends with status 0, or a `process.exit(0)` from inside — the
 * process exits 2 with a message. The built front (`dist/cli.cjs`) runs with a
 * preloaded stand-in for the commands' bundle that misbehaves in each way.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ensureBuilt, nodeBinaries, removeScratch, ROOT, scratch } from './process-run.js';

let dir: string;
beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-exit-guard-');
});
afterAll(() => removeScratch(dir));

/** A preload that puts a commands' bundle whose `check` runs `body` in place of the real one. */
function preload(name: string, body: string): string {
    const file = path.join(dir, `${name}.cjs`);
    fs.writeFileSync(file, `
const Module = require('node:module');
const file = ${JSON.stringify(path.join(ROOT, 'dist/cli-commands.cjs'))};
const m = new Module(file);
m.filename = file;
m.loaded = true;
m.exports = { CliError: class CliError extends Error {}, COMMAND_LOADERS: { check: async () => ({ run: async () => { ${body} } }) } };
require.cache[file] = m;
`);
    return file;
}

describe.each(nodeBinaries())('on %s', (_label, node) => {
    const run = (name: string, body: string) => spawnSync(node, ['--require', preload(name, body), BIN, 'check'], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });

    test('a command whose promise never settles, with nothing left to wait for: exit 2 and a message, not 0 and silence', () => {
        const r = run('pending', 'await new Promise(() => {}); return 0;');
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('coord: internal error: the command stopped (nothing was left to wait for) before it finished; no report was written');
        expect(r.status).toBe(2);
    });

    test('process.exit(0) from inside a command: exit 2 and a message', () => {
        const r = run('exit0', 'process.exit(0);');
        expect(r.stderr).toContain('coord: internal error: the command exited with status 0 before it finished');
        expect(r.status).toBe(2);
    });

    test('a rejection nobody handles, from inside a command: exit 2 and a message, not 1 (which reads as findings)', () => {
        const r = run('unhandled', 'Promise.reject(new Error("lost promise")); await new Promise(resolve => setTimeout(resolve, 50)); process.stdout.write("report\\n"); return 0;');
        expect(r.stderr).toContain('coord: internal error: lost promise');
        expect(r.status).toBe(2);
    });

    test('an exception thrown from a timer inside a command: exit 2 and a message', () => {
        const r = run('uncaught', 'setTimeout(() => { throw new Error("thrown later"); }, 0); await new Promise(resolve => setTimeout(resolve, 50)); return 0;');
        expect(r.stderr).toContain('coord: internal error: thrown later');
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.status).toBe(2);
    });

    test('a command that finishes keeps its status and prints nothing more', () => {
        const r = run('done', 'process.stdout.write("report\\n"); return 1;');
        expect(r).toMatchObject({ status: 1, stdout: 'report\n', stderr: '' });
    });
});
