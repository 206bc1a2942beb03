/**
 * `--watch` (issue 18): `coord summary --watch -o report.html` and `coord check
 * --watch` run again when a .coord file is saved, created or removed, one line
 * per run, and keep watching when files come and go. The built command runs as
 * a process; the test waits for its lines (polling with a generous deadline),
 * never for a fixed time.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, ensureBuilt, removeScratch, scratch } from './process-run.js';
import { relevantChange } from '../../src/cli/watch.js';

const DEADLINE_MS = 30_000;

interface Watcher {
    child: ChildProcess;
    stdout: () => string;
    stderr: () => string;
    /** Resolves when `accept` holds for stderr (polled), or rejects after the deadline with what was seen. */
    until(accept: (stderr: string) => boolean, what: string): Promise<string>;
}

function startWatch(cwd: string, args: readonly string[]): Watcher {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, COORD_WATCH_DEBOUNCE: '50' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    return {
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        until: (accept, what) => new Promise((resolve, reject) => {
            const started = Date.now();
            const poll = () => {
                if (accept(stderr)) return resolve(stderr);
                if (child.exitCode !== null) return reject(new Error(`coord exited (${child.exitCode}) before ${what}:\n${stderr}`));
                if (Date.now() - started > DEADLINE_MS) return reject(new Error(`no ${what} within ${DEADLINE_MS} ms:\n${stderr}`));
                setTimeout(poll, 25);
            };
            poll();
        }),
    };
}

const runs = (stderr: string) => stderr.split('\n').filter(l => /\(run \d+\)/.test(l));

let dir: string;
let watcher: Watcher | undefined;
beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = scratch('coord-watch-');
    // Fictional programmes.
    fs.writeFileSync(path.join(dir, 'a.coord'), 'programme Lumen { country Testland sector social-protection }\n');
    fs.writeFileSync(path.join(dir, 'b.coord'), 'effects of Lumen {\n  + savings\n}\n');
});
afterEach(async () => {
    if (watcher && watcher.child.exitCode === null) {
        const exited = new Promise(resolve => watcher!.child.on('exit', resolve));
        watcher.child.kill('SIGINT');
        await exited;
    }
    watcher = undefined;
    removeScratch(dir);
});

describe('coord summary --watch -o report.html', () => {
    test('an edit is picked up: the report is written again with the new effect, one line per run', async () => {
        watcher = startWatch(dir, ['summary', '--watch', '-o', 'report.html', '--format', 'html']);
        await watcher.until(s => s.includes('watching'), 'start');
        expect(runs(watcher.stderr())).toHaveLength(1);
        expect(runs(watcher.stderr())[0]).toMatch(/coord summary \(run 1\): report\.html written \(2 files, 1 effect, 0 coordinations\)/);
        expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).not.toMatch(/school attendance/i);

        fs.writeFileSync(path.join(dir, 'b.coord'), 'effects of Lumen {\n  + savings\n  + school_attendance\n}\n');
        await watcher.until(s => /\(run 2\).*2 effects/.test(s), 'run after the edit');
        expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toMatch(/school attendance/i);
    });

    test('files that come and go: a new file joins, a removed one leaves, an empty folder is a line and not the end', async () => {
        watcher = startWatch(dir, ['summary', '--watch', '-o', 'report.md']);
        await watcher.until(s => s.includes('watching'), 'start');
        fs.writeFileSync(path.join(dir, 'c.coord'), 'effects of Lumen {\n  - poverty\n}\n');
        await watcher.until(s => /3 files, 2 effects/.test(s), 'the new file');
        fs.rmSync(path.join(dir, 'a.coord'));
        fs.rmSync(path.join(dir, 'b.coord'));
        fs.rmSync(path.join(dir, 'c.coord'));
        await watcher.until(s => /cannot run: .*no \.coord file/.test(s), 'a run without files');
        fs.writeFileSync(path.join(dir, 'd.coord'), 'programme Back { country Testland sector productive }\n');
        await watcher.until(s => /1 file, 0 effects/.test(s), 'a run after a file came back');
        expect(watcher.child.exitCode).toBe(null);
    });

    test('--watch needs -o', async () => {
        watcher = startWatch(dir, ['summary', '--watch']);
        const code = await new Promise(resolve => watcher!.child.on('exit', resolve));
        expect(code).toBe(2);
        expect(watcher.stderr()).toMatch(/^coord summary: --watch writes the report again on every change; give the file with -o/);
    });
});

describe('which changes start a run', () => {
    test('.coord files, configurations and folders do; other files and the runs\' own reports do not', () => {
        const root = path.join(path.sep, 'p');
        const outputs = new Set([path.join(root, 'report'), path.join(root, 'out', 'r.coord')]);
        expect(relevantChange(root, 'a.coord', outputs)).toBe(true);
        expect(relevantChange(root, path.join('sub', 'coord.config.json'), outputs)).toBe(true);
        expect(relevantChange(root, 'new-folder', outputs)).toBe(true);
        expect(relevantChange(root, null, outputs)).toBe(true);
        expect(relevantChange(root, 'report.html', outputs)).toBe(false);
        // A report named like a folder, or even like a spec, is the run's own output: a run after each run would never end.
        expect(relevantChange(root, 'report', outputs)).toBe(false);
        expect(relevantChange(root, path.join('out', 'r.coord'), outputs)).toBe(false);
    });
});

describe('coord check --watch', () => {
    test('an edit that introduces an error and one that fixes it are each a run', async () => {
        watcher = startWatch(dir, ['check', '--watch', 'b.coord']);
        await watcher.until(s => s.includes('watching'), 'start');
        expect(runs(watcher.stderr())[0]).toMatch(/\(run 1\): 1 file: 0 errors/);
        fs.writeFileSync(path.join(dir, 'b.coord'), 'effects of Lumenn {\n  + savings\n}\n');
        await watcher.until(s => /\(run \d+\): 1 file: 1 error, .*\(fails\)/.test(s), 'the error');
        expect(watcher.stdout()).toContain("unknown programme 'Lumenn'; did you mean 'Lumen'?");
        fs.writeFileSync(path.join(dir, 'b.coord'), 'effects of Lumen {\n  + savings\n}\n');
        await watcher.until(s => runs(s).length >= 3 && /0 errors/.test(runs(s).at(-1)!), 'the fix');
        // An edit to a project file that is not named also runs again (names resolve against it).
        const before = runs(watcher.stderr()).length;
        fs.writeFileSync(path.join(dir, 'a.coord'), '// renamed\nprogramme Lumen2 { country Testland sector social-protection }\n');
        await watcher.until(s => runs(s).length > before && /1 error/.test(runs(s).at(-1)!), 'a run after the project changed');
    });
});
