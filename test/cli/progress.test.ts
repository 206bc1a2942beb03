/**
 * The progress line of `coord check`: only on a terminal, only after a delay,
 * redrawn in place and erased at the end, never on stdout. Time is a fake
 * clock here, never a sleep.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProgressLine } from '../../src/cli/progress.js';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/command.js';
import { spawnSync } from 'node:child_process';
import { BIN, ensureBuilt, removeScratch, runCoord, scratch } from './process-run.js';

beforeAll(() => ensureBuilt());

function sink() {
    const out = { text: '', write: (t: string) => (out.text += t) };
    return out;
}

describe('ProgressLine', () => {
    test('draws nothing before the delay, then redraws in place, throttled, and erases itself', () => {
        let now = 1000;
        const err = sink();
        const line = new ProgressLine(err, { enabled: true, delayMs: 500, intervalMs: 100, now: () => now });
        line.update('reading 1/3');
        now = 1400;
        line.update('reading 2/3');
        expect(err.text).toBe('');
        now = 1500;
        line.update('linking 1/3');
        now = 1550;
        line.update('linking 2/3'); // within the interval: skipped
        now = 1600;
        line.update('validating 3/3');
        line.done();
        expect(err.text).toBe('\rlinking 1/3\x1b[K\rvalidating 3/3\x1b[K\r\x1b[K');
    });

    test('a short run, or a stream that is not a terminal, gets nothing at all', () => {
        const err = sink();
        const quick = new ProgressLine(err, { enabled: true, now: () => 0 });
        quick.update('reading 1/1');
        quick.done();
        let now = 0;
        const off = new ProgressLine(err, { enabled: false, now: () => now });
        now = 10_000;
        off.update('reading 1/1');
        off.done();
        expect(err.text).toBe('');
    });

    test('keeps to one row of the terminal', () => {
        let now = 0;
        const err = sink();
        const line = new ProgressLine(err, { enabled: true, columns: 30, now: () => now });
        now = 1000;
        line.update('x'.repeat(100));
        expect(err.text).toBe(`\r${'x'.repeat(28)}…\x1b[K`);
    });
});

describe('coord check with a progress line', () => {
    const specs = Array.from({ length: 30 }, (_, i) => [`f${i}.coord`, `population p${i} "P${i}"\nprogramme Prog${i} { country Peru sector other targets p${i} }\n`]);

    async function runInProcess(stderrIsTTY: boolean) {
        const dir = scratch();
        try {
            for (const [name, text] of specs) fs.writeFileSync(path.join(dir, name), text);
            let stdout = '';
            let stderr = '';
            const io: CommandIO = {
                stdout: { write: (t: string) => (stdout += t) },
                stderr: { write: (t: string) => (stderr += t) },
                stdoutIsTTY: false, stderrIsTTY, env: { COORD_PROGRESS_DELAY: '0' }, cwd: dir,
            };
            const code = await main(['check', '--format', 'json'], io);
            return { code, stdout, stderr };
        } finally {
            removeScratch(dir);
        }
    }

    test('on a terminal: progress on stderr, erased at the end; stdout holds the report alone', async () => {
        const r = await runInProcess(true);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).files).toHaveLength(30);
        expect(r.stderr).toMatch(/^\rcoord: reading \d+\/30 files…\x1b\[K/);
        expect(r.stderr).toMatch(/\rcoord: validating \d+\/30 files…\x1b\[K/);
        expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
        expect(r.stderr).not.toContain('\n');
    });

    test('not on a terminal: nothing on stderr', async () => {
        const r = await runInProcess(false);
        expect(r.stderr).toBe('');
        expect(JSON.parse(r.stdout).files).toHaveLength(30);
    });
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find(p => fs.existsSync(p));

describe('the built command on a real terminal', () => {
    // util-linux `script` gives the command a pseudo-terminal; stdout goes to a file, stderr stays on the terminal.
    test.skipIf(!SCRIPT)(`progress on the terminal's stderr, the report alone in the file${SCRIPT ? '' : ' — skipped: util-linux script is not installed'}`, () => {
        const dir = scratch();
        try {
            for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `f${i}.coord`), `population p${i} "P${i}"\n`);
            const command = `'${process.execPath}' '${BIN}' check . --format json > report.json`;
            const r = spawnSync(SCRIPT!, ['-qefc', command, '/dev/null'], {
                cwd: dir, encoding: 'utf8', env: { ...process.env, COORD_PROGRESS_DELAY: '0', FORCE_COLOR: undefined, NO_COLOR: undefined },
            });
            expect(r.status, r.stderr).toBe(0);
            expect(r.stdout).toMatch(/\rcoord: (reading|indexing|linking|validating) \d+\/20 files…\x1b\[K/);
            expect(r.stdout).toContain('\r\x1b[K');
            expect(r.stdout).not.toContain('"diagnostics"');
            expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).files).toHaveLength(20);
        } finally {
            removeScratch(dir);
        }
    });
});

describe('a large workspace', () => {
    test('400 files form one workspace: references across files resolve, stdout is the report alone', async () => {
        const dir = scratch();
        try {
            fs.writeFileSync(path.join(dir, 'p0.coord'), 'population pop0 "zero"\n');
            for (let i = 1; i < 400; i++) {
                const folder = path.join(dir, `part${i % 7}`, `sub${i % 3}`);
                fs.mkdirSync(folder, { recursive: true });
                fs.writeFileSync(path.join(folder, `p${i}.coord`), `population pop${i} "P${i}"\nprogramme Prog${i} { country Peru sector productive targets pop${i - 1} period 2010..2015 }\n`);
            }
            const r = await runCoord(dir, ['check', '--format', 'json']);
            expect(r.stderr).toBe('');
            expect(r.code).toBe(0);
            const report = JSON.parse(r.stdout);
            expect(report.files).toHaveLength(400);
            expect(report.counts.error).toBe(0);
            expect(report.diagnostics.filter((d: { rule: string }) => d.rule === 'unresolved-reference')).toEqual([]);
        } finally {
            removeScratch(dir);
        }
    });
});
