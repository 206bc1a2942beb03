/**
 * `coord check` as CI runs it: the built bundle spawned as a process, with the
 * Node that runs the tests and, when present, the system's Node 20
 * (`/usr/bin/node`), to prove the bundle runs on both. Exit codes, the JSON
 * fields of §6 of the language reference, file names, UTF-16 columns with a
 * BOM and CRLF line endings, one-line messages for bad input, and the help
 * and version options.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, ensureBuilt, FIXTURES, nodeVersion, removeScratch, ROOT, runCoord, scratch, type ProcessRun } from './process-run.js';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

interface JsonDiagnostic {
    file: string; line: number; column: number; endLine: number; endColumn: number;
    severity: string; rule: string; message: string; suppressed?: { reason: string };
}

const NODES: Array<[string, string]> = [[`Node ${process.version} (${process.execPath})`, process.execPath]];
const SYSTEM_NODE = '/usr/bin/node';
const systemVersion = nodeVersion(SYSTEM_NODE);
if (systemVersion && fs.realpathSync(SYSTEM_NODE) !== fs.realpathSync(process.execPath)) {
    NODES.push([`Node ${systemVersion} (${SYSTEM_NODE})`, SYSTEM_NODE]);
}

beforeAll(() => ensureBuilt());

/** A bad-input failure: exit 2, nothing on stdout, one line on stderr naming the path, no stack trace. */
function expectOneLineError(r: ProcessRun, mentions: string, cause: RegExp): void {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    // "coord: …", or "coord check: …" for a command's own usage errors.
    expect(r.stderr).toMatch(/^coord( [a-z]+)?: /);
    expect(r.stderr).toContain(mentions);
    expect(r.stderr).toMatch(cause);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe.each(NODES)('coord check as a process on %s', (_label, node) => {
    const run = (cwd: string, ...args: string[]) => runCoord(cwd, ['check', ...args], { node });

    test.concurrent('exit 0 for a clean workspace, 1 with errors', async () => {
        const clean = await run(FIXTURES, 'clean');
        expect(clean.code, clean.stderr).toBe(0);
        expect(clean.stdout).toMatch(/0 errors, 0 warnings/);
        expect(clean.stderr).toBe('');
        const mixed = await run(path.join(FIXTURES, 'mixed'));
        expect(mixed.code, mixed.stderr).toBe(1);
        expect(mixed.stdout).toContain('specs/programmes.coord:9:11');
    });

    test.concurrent('--format json has the fields of §6, and nothing else is on stdout', async () => {
        const r = await run(path.join(FIXTURES, 'mixed'), '--format', 'json');
        expect(r.code).toBe(1);
        expect(r.stderr).toBe('');
        const report = JSON.parse(r.stdout);
        expect(report.tool).toEqual({ name: 'coord', version: VERSION });
        expect(report.configHash).toMatch(/^[0-9a-f]{16}$/);
        const diagnostics = report.diagnostics as JsonDiagnostic[];
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const d of diagnostics) {
            expect(typeof d.file).toBe('string');
            for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
                expect(Number.isInteger(d[k]) && d[k] >= 1, `${k} of ${JSON.stringify(d)}`).toBe(true);
            }
            expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
            expect(SEVERITIES).toContain(d.severity);
            expect(d.rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
            expect(d.message.length).toBeGreaterThan(0);
            if (d.suppressed) expect(typeof d.suppressed.reason).toBe('string');
        }
        // counts: by severity (unsuppressed findings) plus suppressed.
        const expected = { error: 0, warning: 0, info: 0, hint: 0, suppressed: 0 };
        for (const d of diagnostics) {
            if (d.suppressed) expected.suppressed++;
            else expected[d.severity as keyof typeof expected]++;
        }
        expect(report.counts).toEqual(expected);
        expect(report.counts.error).toBeGreaterThanOrEqual(5);
        expect(report.counts.suppressed).toBeGreaterThanOrEqual(4);
        expect(diagnostics).toContainEqual(expect.objectContaining({
            file: 'specs/programmes.coord', line: 9, column: 11, endLine: 9, endColumn: 16,
            severity: 'error', rule: 'unresolved-reference', message: "unknown population 'poorr'; did you mean 'poor'?",
        }));
        // The warning comes from the fixture's coord.config.json (invalid-value → warning).
        expect(diagnostics).toContainEqual(expect.objectContaining({
            file: 'specs/programmes.coord', line: 10, severity: 'warning', rule: 'invalid-value',
        }));
        // The suppression reason is kept verbatim, hostile text and all.
        const source = fs.readFileSync(path.join(FIXTURES, 'mixed/specs/programmes.coord'), 'utf8');
        const reason = /coord-disable-next-line invalid-value -- (.*)/s.exec(source.split('\n')[12])![1];
        expect(reason).toContain('</script>');
        expect(reason).toContain('\u2028');
        const suppressed = diagnostics.filter(d => d.file === 'specs/programmes.coord' && d.line === 14 && d.rule === 'invalid-value');
        expect(suppressed).toHaveLength(2);
        for (const d of suppressed) expect(d.suppressed).toMatchObject({ reason });
        const fileWide = diagnostics.filter(d => d.file === 'more/suppressed-file.coord' && d.rule === 'invalid-value');
        expect(fileWide.map(d => d.suppressed?.reason)).toEqual([
            'whole file: historical programme, "dates" <as> recorded & kept',
            'whole file: historical programme, "dates" <as> recorded & kept',
        ]);
    });

    test.concurrent('columns count UTF-16 code units, not the BOM; CRLF ends a line', async () => {
        const r = await run(path.join(FIXTURES, 'mixed'), 'more/bom-crlf.coord', '--format', 'json');
        const report = JSON.parse(r.stdout);
        const text = fs.readFileSync(path.join(FIXTURES, 'mixed/more/bom-crlf.coord'), 'utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const lines = text.slice(1).split('\r\n');
        const unresolved = (report.diagnostics as JsonDiagnostic[]).filter(d => d.rule === 'unresolved-reference');
        // Line 1: three non-BMP emoji (two code units each) before the error; the BOM is not counted.
        expect(unresolved[0]).toMatchObject({ file: 'more/bom-crlf.coord', line: 1, column: 80, endLine: 1, endColumn: 86 });
        expect(unresolved[0].column).toBe(lines[0].indexOf('nobody') + 1);
        expect(unresolved[1]).toMatchObject({ line: 3, column: lines[2].indexOf('nobody_else') + 1, endColumn: lines[2].indexOf('nobody_else') + 12 });
        expect(unresolved[1].column).toBe(61);
    });

    test.concurrent('file names are given as the user named them, relative to the current folder', async () => {
        const r = await run(FIXTURES, 'mixed/specs/programmes.coord', './mixed/more', '--format', 'json');
        const report = JSON.parse(r.stdout);
        expect(report.files).toEqual([
            'mixed/specs/programmes.coord', 'mixed/more/bom-crlf.coord', 'mixed/more/odd name été.coord', 'mixed/more/suppressed-file.coord',
        ]);
        expect(new Set((report.diagnostics as JsonDiagnostic[]).map(d => d.file))).toEqual(new Set(report.files));
        const glob = JSON.parse((await run(path.join(FIXTURES, 'mixed'), 'specs/*.coord', '--format', 'json')).stdout);
        expect(glob.files).toEqual(['specs/programmes.coord']);
        // Outside the working folder: relative as given (`../…`), or absolute as given.
        const absolute = path.join(FIXTURES, 'mixed/more/suppressed-file.coord');
        const outside = JSON.parse((await run(path.join(FIXTURES, 'mixed/specs'), '.', '../more/bom-crlf.coord', absolute, '--format', 'json')).stdout);
        expect(outside.files).toEqual(['programmes.coord', '../more/bom-crlf.coord', absolute]);
        expect(outside.diagnostics).toContainEqual(expect.objectContaining({ file: '../more/bom-crlf.coord', line: 1, column: 80 }));
    });

    test.concurrent('a missing path, an empty folder, a binary file, a latin-1 file and an empty glob: exit 2, one line', async () => {
        const bad = path.join(FIXTURES, 'bad');
        expectOneLineError(await run(bad, 'no-such.coord'), 'no-such.coord', /no such file or folder/);
        expectOneLineError(await run(bad, 'empty-folder'), 'empty-folder', /no \.coord file/);
        expectOneLineError(await run(bad, 'binary.coord'), 'binary.coord', /binary file/);
        expectOneLineError(await run(bad, 'latin1.coord'), 'latin1.coord', /not valid UTF-8/);
        expectOneLineError(await run(bad, 'nothing/**/*.coord'), 'nothing/**/*.coord', /matches no \.coord file/);
        expectOneLineError(await run(bad, 'notes.txt'), 'notes.txt', /not a \.coord file/);
        // A bad path among good ones still stops the check with exit 2.
        const mixed = await run(FIXTURES, 'clean', 'bad/latin1.coord');
        expect(mixed.code).toBe(2);
        expect(mixed.stderr).toContain('bad/latin1.coord');
    });

    test.concurrent('an unreadable file: exit 2, one line naming it', async () => {
        const dir = copyFixture('clean');
        try {
            const file = path.join(dir, 'programmes.coord');
            fs.chmodSync(file, 0o000);
            fs.chmodSync(dir, 0o755);
            // Root reads any file whatever its mode; run the check as `nobody` then.
            const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
            const r = await runCoord(dir, ['check', 'programmes.coord'], { node, ...asNobody });
            expectOneLineError(r, 'programmes.coord', /permission denied/);
        } finally {
            removeScratch(dir);
        }
    });

    test.concurrent('a path given twice, or a file inside a folder also given, is checked once', async () => {
        const r = await run(path.join(FIXTURES, 'mixed'), 'specs', 'specs/programmes.coord', './specs/../specs', '--format', 'json');
        expect(JSON.parse(r.stdout).files).toEqual(['specs/programmes.coord']);
    });

    test.concurrent('--help, --version, check --help: exit 0; unknown command or option: exit 2', async () => {
        const help = await runCoord(ROOT, ['--help'], { node });
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(/Usage: coord <command>/);
        expect(help.stdout).toMatch(/\bcheck\b/);
        const version = await runCoord(ROOT, ['--version'], { node });
        expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
        const checkHelp = await runCoord(ROOT, ['check', '--help'], { node });
        expect(checkHelp.code).toBe(0);
        for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) expect(checkHelp.stdout).toContain(format);
        expect(checkHelp.stdout).toMatch(/--max-warnings/);
        expect(checkHelp.stdout).toMatch(/Exit status/);
        expectOneLineError(await runCoord(ROOT, ['frobnicate'], { node }), "'frobnicate'", /unknown command/);
        expectOneLineError(await run(FIXTURES, '--frobnicate', 'clean'), '--frobnicate', /Unknown option/i);
        expectOneLineError(await run(FIXTURES, 'clean', '--format', 'xml'), "'xml'", /unknown format/);
        expectOneLineError(await run(FIXTURES, 'clean', '--max-warnings', 'many'), "'many'", /--max-warnings/);
        expectOneLineError(await run(FIXTURES, 'clean', '--fail-on', 'hint'), "'hint'", /--fail-on/);
        const none = await runCoord(ROOT, [], { node });
        expect(none.code).toBe(2);
    });
});

describe('coord check walks folders without leaving them', () => {
    let dir: string;
    let outside: string;
    beforeAll(() => {
        dir = copyFixture('clean');
        outside = scratch('coord-outside-');
        fs.writeFileSync(path.join(outside, 'outside.coord'), 'programme Outside { country Peru }\n');
        fs.symlinkSync(dir, path.join(dir, 'loop'));                        // a loop back to the root
        fs.symlinkSync(outside, path.join(dir, 'to-outside'));              // a folder outside the root
        fs.symlinkSync(path.join(outside, 'outside.coord'), path.join(dir, 'linked.coord')); // a file outside
        fs.symlinkSync(path.join(dir, 'missing.coord'), path.join(dir, 'dangling.coord'));
        for (const skipped of ['node_modules/pkg', '.git', '.hidden/deep']) {
            fs.mkdirSync(path.join(dir, skipped), { recursive: true });
            fs.writeFileSync(path.join(dir, skipped, 'skipped.coord'), 'this does not parse {\n');
        }
        // A hidden file named just `.coord` has no .coord extension: not a spec.
        fs.writeFileSync(path.join(dir, '.coord'), 'this does not parse {\n');
        fs.mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'sub/deeper/more.coord'), 'population deep_population "Deep"\n');
    });
    afterAll(() => {
        removeScratch(dir);
        removeScratch(outside);
    });

    test('a folder: links (a loop, a link out, a dangling one), node_modules and dot-folders are skipped', async () => {
        const r = await runCoord(dir, ['check', '.', '--format', 'json']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).files).toEqual(['programmes.coord', 'sub/deeper/more.coord']);
    });

    test('a glob does not follow links either', async () => {
        const r = await runCoord(dir, ['check', '**/*.coord', '--format', 'json']);
        expect(r.stderr).toBe('');
        expect(JSON.parse(r.stdout).files).toEqual(['programmes.coord', 'sub/deeper/more.coord']);
    });

    test('a link named on the command line is read: the user asked for it', async () => {
        const r = await runCoord(dir, ['check', 'linked.coord', '--format', 'json']);
        expect(JSON.parse(r.stdout).files).toEqual(['linked.coord']);
        expect(r.code).toBe(1);
    });
});
