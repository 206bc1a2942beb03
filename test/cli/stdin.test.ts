/**
 * `--stdin` (issue 18): editor integrations pipe a buffer to `coord check
 * --stdin --stdin-filename PATH` and `coord format --stdin`. The result for
 * piped text must equal the result for the same text saved at PATH — same
 * findings, same file name, same configuration and project — through a real
 * pipe into the built command.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, ROOT, runCoord, scratch, removeScratch } from './process-run.js';

/** Runs the built command with `input` on its standard input. */
const pipe = (cwd: string, args: readonly string[], input: string | Buffer) => runCoord(cwd, args, { input });
const run = (cwd: string, args: readonly string[]) => runCoord(cwd, args);

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = scratch('coord-stdin-');
    fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'specs'), { recursive: true });
    // The project, and a configuration that changes a severity: the piped text must get it too.
    fs.writeFileSync(path.join(dir, 'coord.config.json'), '{ "root": true }');
    fs.writeFileSync(path.join(dir, 'specs', 'coord.config.json'), '{ "rules": { "local-roles": "error" } }');
});
afterEach(() => removeScratch(dir));

describe('coord check --stdin', () => {
    test.each(['peru.coord', 'mexico.coord'])('piped %s gives exactly the report of the file itself, in every format', async name => {
        const file = path.join('specs', name);
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        for (const format of ['json', 'stylish', 'sarif']) {
            const fromFile = await run(dir, ['check', file, '--format', format]);
            const fromStdin = await pipe(dir, ['check', '--stdin', '--stdin-filename', file, '--format', format], text);
            expect(fromStdin).toEqual(fromFile);
        }
        const report = JSON.parse((await run(dir, ['check', file, '--format', 'json'])).stdout);
        // The configuration applied: mexico's local-roles finding is an error.
        if (name === 'mexico.coord') expect(report.diagnostics.some((d: { rule: string; severity: string }) => d.rule === 'local-roles' && d.severity === 'error')).toBe(true);
    });

    test('the piped text wins over the file on disk, and the file need not exist', async () => {
        // Fictional programme and evaluation.
        const saved = 'programme Lumen { country Testland sector social-protection }\nevaluation EvalLumen { method rct }\neffects of Lumen from EvalLumen {\n  + savings\n}\n';
        fs.writeFileSync(path.join(dir, 'specs', 'lumen.coord'), saved);
        const clean = JSON.parse((await run(dir, ['check', 'specs/lumen.coord', '--format', 'json'])).stdout);
        expect(clean.diagnostics.filter((d: { rule: string }) => d.rule === 'unresolved-reference')).toEqual([]);
        // An unsaved buffer of lumen.coord in which the evaluation was renamed: the text, not the disk, counts.
        const edited = JSON.parse((await pipe(dir, ['check', '--stdin', '--stdin-filename', 'specs/lumen.coord', '--format', 'json'], saved.replace('evaluation EvalLumen ', 'evaluation EvalLumen2 '))).stdout);
        expect(edited.diagnostics.filter((d: { rule: string }) => d.rule === 'unresolved-reference').map((d: { message: string }) => d.message))
            .toEqual(["unknown evaluation 'EvalLumen'; did you mean 'EvalLumen2'?"]);
        // A new file: names resolve against the project (Lumen and EvalLumen are in lumen.coord); the typo is found.
        const draft = 'effects of Lumen from EvalLumenn {\n  + income\n}\n';
        const r = await pipe(dir, ['check', '--stdin', '--stdin-filename', 'specs/draft.coord', '--format', 'json'], draft);
        const report = JSON.parse(r.stdout);
        expect(report.files).toEqual(['specs/draft.coord']);
        expect(report.diagnostics.filter((d: { rule: string }) => d.rule === 'unresolved-reference').map((d: { message: string }) => d.message))
            .toEqual(["unknown evaluation 'EvalLumenn'; did you mean 'EvalLumen'?"]);
        expect(r.code).toBe(1);
    });

    test('without --stdin-filename the text is named <stdin>', async () => {
        const r = await pipe(dir, ['check', '--stdin', '--format', 'json', '--no-project'], 'programme P { country X }\n');
        expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: '<stdin>', rule: 'required-property' });
    });

    test('misuse and bad bytes are one-line errors (exit 2)', async () => {
        const cases: Array<[string[], string | Buffer, RegExp]> = [
            [['check', '--stdin', 'specs/peru.coord'], '', /^coord check: with --stdin, give the file's name with --stdin-filename/],
            [['check', '--stdin-filename', 'a.coord'], '', /^coord check: --stdin-filename needs --stdin/],
            [['check', '--stdin', '--stdin-filename', 'a.coord'], Buffer.from([0x61, 0, 0x62]), /^coord: a\.coord: binary file/],
            [['check', '--stdin', '--stdin-filename', 'a.coord'], Buffer.from([0x61, 0xe9, 0x0a]), /^coord: a\.coord:1: not valid UTF-8/],
            [['check', '--stdin', '--watch'], '', /--watch and --stdin cannot go together/],
            [['check', '--stdin', '--stdin-filename', 'notes.txt'], '', /^coord check: --stdin-filename notes\.txt: not a \.coord file name/],
        ];
        for (const [args, input, message] of cases) {
            const r = await pipe(dir, args, input);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stdout).toBe('');
            expect(r.stderr).toMatch(message);
            expect(r.stderr.trim().split('\n')).toHaveLength(1);
        }
    });
});

describe('coord format --stdin', () => {
    test('prints the formatted text, the same bytes `coord format` writes to the file', async () => {
        const messy = 'programme   P {country X\n sector productive}\n// kept\ncoordination C { between P, P }';
        const r = await pipe(dir, ['format', '--stdin', '--stdin-filename', 'x.coord'], messy);
        expect(r).toMatchObject({ code: 0, stderr: '' });
        fs.writeFileSync(path.join(dir, 'x.coord'), messy);
        expect((await run(dir, ['format', 'x.coord'])).code).toBe(0);
        expect(r.stdout).toBe(fs.readFileSync(path.join(dir, 'x.coord'), 'utf8'));
        expect(r.stdout).toContain('// kept');
        // Formatted text is a fixed point, and --check says so.
        expect((await pipe(dir, ['format', '--stdin'], r.stdout)).stdout).toBe(r.stdout);
        expect((await pipe(dir, ['format', '--stdin', '--check'], r.stdout)).code).toBe(0);
        expect((await pipe(dir, ['format', '--stdin', '--check'], messy)).code).toBe(1);
    });

    test('text that does not parse is never printed (an editor would replace the buffer with it)', async () => {
        const r = await pipe(dir, ['format', '--stdin', '--stdin-filename', 'broken.coord'], 'programme P {\n');
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^broken\.coord:\d+:\d+: cannot format: syntax error: /);
    });
});
