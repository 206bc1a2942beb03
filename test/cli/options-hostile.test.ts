/**
 * Options that once misbehaved (issue 22, item 5): each gets a one-line error
 * and exit 2, or does the documented thing — never an internal error, a stack
 * trace, `[object Object]` or a report written over a spec.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './cli-run.js';
import { copyFixture, ensureBuilt, removeScratch, runCoord } from './process-run.js';

let ws: string;
beforeAll(() => {
    ensureBuilt();
    ws = copyFixture('clean');
});
afterAll(() => removeScratch(ws));

/** Exit 2, nothing on stdout, and exactly one line on stderr without a stack trace or an internal error. */
function oneLineError(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |object Object/);
    expect(r.stderr).toMatch(pattern);
}

const specs = () => fs.readdirSync(ws).filter(f => f.endsWith('.coord'));

describe('format names that are Object properties', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        test(`--format ${name}`, async () => {
            oneLineError(await runCli(ws, 'check', '.', '--format', name), /^coord check: unknown format '/);
            oneLineError(await runCli(ws, 'summary', '.', '--format', name), /^coord summary: unknown format '/);
            oneLineError(await runCli(ws, 'rules', '--format', name), /^coord rules: unknown format '/);
        });
    }
});

describe('reports never overwrite a spec', () => {
    test('check a.coord -o a.coord refuses, and the spec is untouched', async () => {
        const [spec] = specs();
        const before = fs.readFileSync(path.join(ws, spec), 'utf8');
        oneLineError(await runCli(ws, 'check', spec, '-o', spec), /is one of the specs being read/);
        oneLineError(await runCli(ws, 'check', '.', '--format', `json=./${spec}`), /is one of the specs being read/);
        oneLineError(await runCli(ws, 'summary', '.', '-o', spec), /is one of the specs being read/);
        expect(fs.readFileSync(path.join(ws, spec), 'utf8')).toBe(before);
    });

    test('through a symbolic link too', async () => {
        const [spec] = specs();
        fs.symlinkSync(spec, path.join(ws, 'report.json'));
        try {
            oneLineError(await runCli(ws, 'check', '.', '--format', 'json', '-o', 'report.json'), /is one of the specs being read/);
        } finally {
            fs.rmSync(path.join(ws, 'report.json'));
        }
    });
});

describe('-o - is standard output', () => {
    test('summary -o - writes to stdout and creates no file named -', async () => {
        const r = await runCli(ws, 'summary', '.', '--format', 'csv', '-o', '-');
        expect(r.code).toBe(0);
        // The v1 columns first, in order (then the §7.7 columns).
        expect(r.stdout).toMatch(/^file,line,programmes,domain,outcome,direction,desirability,source,comparator,/);
        expect(fs.existsSync(path.join(ws, '-'))).toBe(false);
    });

    test('check -o - writes to stdout', async () => {
        const r = await runCli(ws, 'check', '.', '--format', 'json', '-o', '-');
        expect(JSON.parse(r.stdout).tool.name).toBe('coord');
        expect(fs.existsSync(path.join(ws, '-'))).toBe(false);
    });
});

describe('--max-warnings takes whole decimal numbers only', () => {
    for (const bad of ['1e3', '0x10', '99999999999999999999', '1.0', ' 5', '5 ', '+5', '', '-2', '0b1', 'Infinity', '٣']) {
        test(`rejects ${JSON.stringify(bad)}`, async () => {
            oneLineError(await runCli(ws, 'check', '.', `--max-warnings=${bad}`), /^coord check: --max-warnings expects a whole number/);
        });
    }
    for (const good of ['0', '10', '-1', '9007199254740991']) {
        test(`accepts ${good}`, async () => {
            const r = await runCli(ws, 'check', '.', '--max-warnings', good);
            expect([0, 1]).toContain(r.code);
        });
    }
});

describe('coord lsp transport options', () => {
    for (const [args, pattern] of [
        [['--socket=abc'], /^coord lsp: --socket expects a port number from 1 to 65535, got "abc"\n$/],
        [['--socket=70000'], /^coord lsp: --socket expects a port number/],
        [['--socket='], /^coord lsp: --socket expects a port number/],
        [['--pipe='], /^coord lsp: --pipe expects a value: --pipe=NAME\n$/],
        [['--socket'], /^coord lsp: --socket expects a value/],
    ] as Array<[string[], RegExp]>) {
        test(`lsp ${args.join(' ')}: one line, exit 2, no stack trace or source`, async () => {
            const r = await runCoord(ws, ['lsp', ...args]);
            expect(r.code).toBe(2);
            expect(r.stdout).toBe('');
            expect(r.stderr).toMatch(pattern);
        });
    }
});
