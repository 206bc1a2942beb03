/**
 * A reader that stops early (`coord check … | head -1`) closes the pipe; the
 * CLI writes nothing more and prints no EPIPE stack trace, but its exit status
 * is still the verdict on the files: with `set -o pipefail`, `coord check … |
 * head` must fail a CI job exactly when `coord check …` alone does.
 */
import { expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from './process-run.js';

const ROOT = path.resolve(__dirname, '../..');

async function closedAfterFirstChunk(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/coord.js'), ...args], { cwd });
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>(resolve => child.on('close', c => resolve(c)));
    return { code, stderr };
}

function statusAlone(args: string[], cwd: string): number | null {
    return spawnSync(process.execPath, [path.join(ROOT, 'bin/coord.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).status;
}

test.each([
    ['warnings only', (i: number) => `programme P${i} { country X sector other }`, 'json', 0],
    ['an error on every line', (i: number) => `programme P${i} { country X sector other lead Missing${i} }`, 'json', 1],
    ['an error on every line, stylish report', (i: number) => `programme P${i} { country X sector other lead Missing${i} }`, 'stylish', 1],
] as const)('closing stdout after the first chunk (%s): no stack trace, and the status is the one the check gives alone', async (_, line, format, status) => {
    ensureBuilt();
    // Enough output (a finding per programme) that it cannot all fit in the pipe before the reader goes away.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-pipe-'));
    fs.writeFileSync(path.join(dir, 'many.coord'), Array.from({ length: 3000 }, (_, i) => line(i)).join('\n'));
    const args = ['check', dir, '--format', format];
    const alone = statusAlone(args, dir);
    expect(alone).toBe(status);
    const piped = await closedAfterFirstChunk(args, dir);
    expect(piped.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(piped.code).toBe(alone);
});

test('closing stdout early on a clean workspace still exits 0', async () => {
    ensureBuilt();
    const summary = await closedAfterFirstChunk(['summary', path.join(ROOT, 'examples'), '--format', 'html', '--no-project'], ROOT);
    expect(summary.stderr).toBe('');
    expect(summary.code).toBe(statusAlone(['summary', path.join(ROOT, 'examples'), '--format', 'html', '--no-project'], ROOT));
    expect(summary.code).toBe(0);
});
