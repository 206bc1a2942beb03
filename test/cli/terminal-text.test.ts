/**
 * Text that drives terminals and CI (issue 22, item 4): file names and spec
 * text with escape sequences, line breaks and a leading `::` reach no output
 * raw — stylish, `summary --format md`, `format` and the problems on stderr
 * show control characters as `\uXXXX`, and no line starts with `::` (which
 * GitHub Actions would run as a workflow command) except our own commands in
 * `--format github`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, removeScratch, runCoord, scratch } from './process-run.js';

const ESC = '\u001b';
const SPEC = `programme P "${ESC}[2J${ESC}]0;owned\u0007 \u202eevil" { sector productive country X note "${ESC}[31mred" }
programme Q { sector social-protection }
outcome O "${ESC}]8;;http://evil.example${ESC}\\\\link" in income desirable increase
evaluation E { method rct by "${ESC}[1A" }
effects of P + Q from E { + O }
`;
const NAMES = ['::error file=a.coord::pwned.coord', 'a\n::error::newline.coord', `${ESC}[2Jclear.coord`, 'tab\there.coord'];

let dir: string;
beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-terminal-');
    for (const name of NAMES) fs.writeFileSync(path.join(dir, name), SPEC.replace(/\bP\b/g, `P${NAMES.indexOf(name)}`).replace(/\bQ\b/g, `Q${NAMES.indexOf(name)}`).replace(/\bO\b/g, `O${NAMES.indexOf(name)}`).replace(/\bE\b/g, `E${NAMES.indexOf(name)}`));
    // A file that cannot be read is named on stderr.
    fs.writeFileSync(path.join(dir, '::warning::bin\n::error::x.coord'), Buffer.from([0, 1, 2, 27]));
});
afterAll(() => removeScratch(dir));

/** No control character but the line feed, and no line that starts with `::`. */
function inert(text: string, what: string): void {
    expect(text, what).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    for (const line of text.split('\n')) expect(line, `${what}: ${JSON.stringify(line)}`).not.toMatch(/^\s*::/);
}

describe('no output drives a terminal or CI', () => {
    test('check (stylish) and its problems on stderr', async () => {
        const r = await runCoord(dir, ['check', '.']);
        expect(r.code).toBe(2);
        inert(r.stdout, 'stdout');
        inert(r.stderr, 'stderr');
        expect(r.stdout).toContain('./::error file=a.coord::pwned.coord:');
        expect(r.stdout).toContain('a\\u000A::error::newline.coord:');
        expect(r.stdout).toContain('\\u001B[2Jclear.coord:');
        expect(r.stderr).toContain('coord: ::warning::bin\\u000A::error::x.coord: binary file');
    });

    test('summary --format md', async () => {
        const r = await runCoord(dir, ['summary', '.', '--format', 'md']);
        inert(r.stdout, 'stdout');
        inert(r.stderr, 'stderr');
        expect(r.stdout).toContain('\\\\u001B');
    });

    test('format --check and format', async () => {
        for (const args of [['format', '--check', '.'], ['format', '.']]) {
            const r = await runCoord(dir, args);
            inert(r.stdout, `${args.join(' ')} stdout`);
            inert(r.stderr, `${args.join(' ')} stderr`);
            expect(r.stdout).toContain('./::error file=a.coord::pwned.coord\n');
        }
    });

    test('a bad path named on the command line', async () => {
        const r = await runCoord(dir, ['check', 'missing\n::error::x.coord']);
        expect(r.code).toBe(2);
        inert(r.stderr, 'stderr');
        expect(r.stderr).toBe('coord: missing\\u000A::error::x.coord: no such file or folder\n');
    });

    test('--format github: the only lines that start with :: are our own workflow commands', async () => {
        const r = await runCoord(dir, ['check', '.', '--format', 'github']);
        const commands = r.stdout.split('\n').filter(line => line.startsWith('::'));
        expect(commands.length).toBeGreaterThan(NAMES.length);
        for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) (file|title)=/);
        // Nothing else in it reads as a command, and no control character is raw.
        inert(r.stdout.split('\n').filter(line => !line.startsWith('::')).join('\n'), 'stdout');
        inert(r.stderr, 'stderr');
    });
});
