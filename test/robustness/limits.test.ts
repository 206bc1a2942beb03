/**
 * Limits, through the CLI as a child process with a time bound and a heap cap
 * (`--max-old-space-size=1024`): a 10 MB string, a 10 MB comment, 100,000
 * nested braces, a 1 MB line (one string, or 150,000 tokens) and 256 KB of
 * declarations each end in a completed run with a clear report — no stack
 * overflow, no internal error — well inside the bound. A file over 16 MB is
 * refused by name (test/robustness/filesystem.test.ts). Ten megabytes of
 * declarations (about 48,000 programmes) take about 30 s and 800 MB on the
 * 2-core machine: run with `COORD_LIMITS_FULL=1` to include that case.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt } from '../cli/process-run.js';
import { ROOT } from './harness.js';

const MB = 1024 * 1024;
let dir: string;

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seconds: number }

/** Runs `coord …args` with a heap cap; kills it (and fails) after `seconds`. */
function coord(args: string[], seconds: number): Promise<Run> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, ['--max-old-space-size=1024', path.join(ROOT, 'bin/coord.js'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`coord ${args.join(' ')} ran longer than ${seconds} s`));
        }, seconds * 1000);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
        });
    });
}

/** A completed check: exit 0 or 1, a JSON report, nothing on stderr. */
function expectCompleted(r: Run): Array<{ rule: string; message: string }> {
    expect(r.stderr, r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    return JSON.parse(r.stdout).diagnostics;
}

function declarations(bytes: number): string {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
        const s = `programme P${i} "Programme ${i}" {\n  country Peru\n  sector productive\n  budget 12.5 million_USD per year\n  period 2011..2018\n  note "A note about programme ${i}"\n}\n\n`;
        parts.push(s);
        size += s.length;
    }
    return parts.join('');
}

beforeAll(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-limits-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('string.coord', `programme P { country Peru sector other note "${'y'.repeat(10 * MB)}" }\n`);
    write('escapes.coord', `programme P { country Peru sector other note "${'a\\"'.repeat(MB)}" }\n`);
    write('comment.coord', `population p\n/* ${'z'.repeat(1000).concat('\n').repeat(10 * 1024)} */\n// ${'c'.repeat(MB)}\n`);
    write('braces.coord', `programme P ${'{'.repeat(100_000)}${'}'.repeat(100_000)}\n`);
    write('open-braces.coord', `${'{'.repeat(100_000)}\n`);
    write('long-line.coord', `population ${Array.from({ length: 150_000 }, (_, i) => `p${i}`).join(' ')}\n`);
    write('declarations.coord', declarations(MB / 4));
    if (process.env.COORD_LIMITS_FULL) write('declarations-10mb.coord', declarations(10 * MB));
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('limits: every run completes within its bound', () => {
    test('a 10 MB string, and a string of a million escapes: checked (the STRING token once overflowed the regex stack at 3 MB)', async () => {
        const r = await coord(['check', 'string.coord', 'escapes.coord', '--format', 'json'], 30);
        expect(expectCompleted(r).filter(d => d.rule === 'syntax')).toEqual([]);
    }, 40_000);

    test('a 10 MB block comment and a 1 MB line comment: checked, formatted, summarised', async () => {
        expectCompleted(await coord(['check', 'comment.coord', '--format', 'json'], 30));
        const format = await coord(['format', '--check', 'comment.coord'], 30);
        expect([0, 1]).toContain(format.code);
        const summary = await coord(['summary', 'comment.coord', '--format', 'json'], 30);
        expect(summary.code).toBe(0);
    }, 100_000);

    test('100,000 nested braces: a syntax finding, no stack overflow', async () => {
        const r = await coord(['check', 'braces.coord', 'open-braces.coord', '--format', 'json'], 30);
        const diagnostics = expectCompleted(r);
        expect(diagnostics.some(d => d.rule === 'syntax')).toBe(true);
        expect(diagnostics.length).toBeLessThan(100);
    }, 40_000);

    test('a 1 MB line of 150,000 tokens: a syntax finding, no stack overflow', async () => {
        const diagnostics = expectCompleted(await coord(['check', 'long-line.coord', '--format', 'json'], 30));
        expect(diagnostics.some(d => d.rule === 'syntax')).toBe(true);
    }, 40_000);

    test('256 KB of declarations (about 1,300 programmes): checked and summarised', async () => {
        const r = await coord(['check', 'declarations.coord', '--format', 'json'], 45);
        expect(expectCompleted(r).filter(d => d.rule === 'syntax')).toEqual([]);
        const summary = await coord(['summary', 'declarations.coord', '--format', 'csv'], 45);
        expect(summary.code).toBe(0);
    }, 100_000);

    test.runIf(process.env.COORD_LIMITS_FULL)('ten megabytes of declarations: checked within 120 s and a 1 GB heap', async () => {
        const r = await coord(['check', 'declarations-10mb.coord', '--format', 'json'], 120);
        expect(expectCompleted(r).filter(d => d.rule === 'syntax')).toEqual([]);
        console.log(`[limits] 10 MB of declarations checked in ${r.seconds.toFixed(1)} s`);
    }, 150_000);
});
