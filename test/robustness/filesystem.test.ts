/**
 * The CLI against a hostile file system: a bad path is reported on stderr by
 * path with its cause, every other file is still checked and reported, and the
 * command exits 2 — never a hang, never a stack trace. Covered: symbolic-link
 * loops, links out of the root and dangling links (named on the command line;
 * in a folder walk links are not followed, see test/cli/check-process.test.ts),
 * FIFOs (skipped in a walk, refused when named — a FIFO must never block the
 * read), a path whose read fails (a link to `/proc/self/mem`: EIO even for root), a file
 * that cannot be read by the user (run as `nobody`), binary and non-UTF-8
 * files, a file deleted between discovery and reading, and a file too large.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { MAX_FILE_BYTES } from '../../src/cli/files.js';
import { canRunAs, ensureBuilt, runCoord } from '../cli/process-run.js';

const GOOD = 'programme Good { country Peru sector other }\n';
const ERROR = 'programme Bad { country Peru sector other period 2020..2010 }\n';

let dir: string;
let outside: string;

beforeAll(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-fs-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-outside-'));
    fs.writeFileSync(path.join(outside, 'outside.coord'), 'population outside_pop\n');
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.writeFileSync(path.join(dir, 'ws/good.coord'), GOOD);
    fs.writeFileSync(path.join(dir, 'ws/error.coord'), ERROR);
    fs.writeFileSync(path.join(dir, 'ws/binary.coord'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(dir, 'ws/latin1.coord'), Buffer.from('population caf\xe9\n', 'latin1'));
    fs.symlinkSync('loop-b.coord', path.join(dir, 'ws/loop-a.coord'));
    fs.symlinkSync('loop-a.coord', path.join(dir, 'ws/loop-b.coord'));
    fs.symlinkSync(path.join(dir, 'ws/missing.coord'), path.join(dir, 'ws/dangling.coord'));
    fs.symlinkSync(path.join(outside, 'outside.coord'), path.join(dir, 'ws/outside.coord'));
    fs.symlinkSync('..', path.join(dir, 'ws/up'));
    execFileSync('mkfifo', [path.join(dir, 'ws/fifo.coord')]);
    // Reading /proc/self/mem fails with EIO, even for root: a stand-in for a file whose read fails.
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'ws/eio.coord'));
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
});

/** Every non-empty stderr line is a one-line `coord: <path>: <cause>` message, without a stack trace. */
function problemLines(stderr: string): string[] {
    const lines = stderr.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^coord: \S.*: .+/);
    expect(stderr).not.toMatch(/\n\s+at |internal error/);
    return lines;
}

describe('a bad file is reported by path; the rest is still checked (exit 2)', () => {
    test('walking a folder: links are not followed, the FIFO is skipped, binary and latin-1 files are named', async () => {
        const r = await runCoord(path.join(dir, 'ws'), ['check', '.', '--format', 'json']);
        expect(r.code).toBe(2);
        const lines = problemLines(r.stderr);
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^coord: binary\.coord: binary file/);
        expect(lines[1]).toMatch(/^coord: latin1\.coord:1: not valid UTF-8/);
        const report = JSON.parse(r.stdout);
        expect(report.files).toEqual(['error.coord', 'good.coord']);
        expect(report.diagnostics.map((d: { rule: string }) => d.rule)).toContain('invalid-value');
    });

    test('named on the command line: a loop, a dangling link, a FIFO, a missing path and an EIO read are each named; the link out of the folder is read', async () => {
        const r = await runCoord(path.join(dir, 'ws'), [
            'check', 'good.coord', 'loop-a.coord', 'dangling.coord', 'fifo.coord', 'missing.coord', 'eio.coord', 'outside.coord', '--format', 'json',
        ]);
        expect(r.code).toBe(2);
        const lines = problemLines(r.stderr);
        expect(lines).toEqual([
            'coord: loop-a.coord: cannot read (a loop of symbolic links)',
            'coord: dangling.coord: cannot read (a symbolic link to a missing file)',
            'coord: fifo.coord: not a regular file but a FIFO (named pipe); give a .coord file or a folder',
            'coord: missing.coord: no such file or folder',
            'coord: eio.coord: cannot read file (EIO)',
        ]);
        const report = JSON.parse(r.stdout);
        expect(report.files).toEqual(['good.coord', 'outside.coord']);
    });

    test('a file the user cannot read (run as nobody) is named; the others are checked', async () => {
        const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-perm-'));
        try {
            fs.writeFileSync(path.join(ws, 'a.coord'), GOOD);
            fs.writeFileSync(path.join(ws, 'secret.coord'), GOOD.replace('Good', 'Secret'));
            fs.chmodSync(path.join(ws, 'secret.coord'), 0o000);
            fs.chmodSync(ws, 0o755);
            const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
            if (!canRunAs(asNobody)) {
                console.log('[filesystem] skipped the permission case: user nobody cannot read the checkout');
                return;
            }
            const r = await runCoord(ws, ['check', '--format', 'json'], asNobody);
            expect(r.code).toBe(2);
            expect(problemLines(r.stderr)).toEqual(['coord: secret.coord: cannot read file (permission denied)']);
            expect(JSON.parse(r.stdout).files).toEqual(['a.coord']);
        } finally {
            fs.rmSync(ws, { recursive: true, force: true });
        }
    });

    test('every path bad: exit 2, every path named, no report', async () => {
        const r = await runCoord(path.join(dir, 'ws'), ['check', 'binary.coord', 'fifo.coord']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(problemLines(r.stderr)).toHaveLength(2);
    });

    test('a file deleted after it was found is named as disappeared; the others are checked', async () => {
        const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-vanish-'));
        try {
            fs.writeFileSync(path.join(ws, 'a.coord'), GOOD);
            fs.writeFileSync(path.join(ws, 'b.coord'), ERROR);
            const loaded = await loadWorkspace({
                paths: ['.'], cwd: ws,
                // Reading is announced file by file: remove b.coord just before it is read.
                onProgress: (phase, done) => {
                    if (phase === 'reading' && done === 1) fs.rmSync(path.join(ws, 'b.coord'));
                },
            });
            expect(loaded.problems).toEqual(['b.coord: cannot read file (the file disappeared)']);
            expect(loaded.files.map(f => f.display)).toEqual(['a.coord']);
        } finally {
            fs.rmSync(ws, { recursive: true, force: true });
        }
    });

    test('a file too large is refused by name before it is read', async () => {
        const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-huge-'));
        try {
            fs.writeFileSync(path.join(ws, 'a.coord'), GOOD);
            // A sparse file: its size is over the bound without writing the bytes.
            const fd = fs.openSync(path.join(ws, 'huge.coord'), 'w');
            fs.ftruncateSync(fd, MAX_FILE_BYTES + 1);
            fs.closeSync(fd);
            const r = await runCoord(ws, ['check', '--format', 'json']);
            expect(r.code).toBe(2);
            expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/^coord: huge\.coord: file too large \(16\.0 MB; Coord reads files up to 16 MB\)$/)]);
            expect(JSON.parse(r.stdout).files).toEqual(['a.coord']);
        } finally {
            fs.rmSync(ws, { recursive: true, force: true });
        }
    });
});
