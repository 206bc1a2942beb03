/**
 * Every output format of `coord check`, on a workspace with errors, warnings,
 * suppressed findings and hostile text in file names, strings, comments and
 * suppression reasons, each checked by a parser or a schema: JSON by
 * `JSON.parse`, SARIF by the SARIF 2.1.0 JSON schema (ajv) and by Microsoft's
 * SARIF validator when it runs here, JUnit by a strict XML 1.0 parser
 * (saxes), GitHub workflow commands by their syntax and decoded back to the
 * findings. Reports are reproducible: the same input gives the same bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { XMLParser } from 'fast-xml-parser';
import fc from 'fast-check';
import { runCli } from './cli-run.js';
import { copyFixture, FIXTURES, removeScratch, ROOT } from './process-run.js';
import { validateSarif, validateSarifFile } from './sarif-schema.js';
import { RULES } from '../../src/validation/registry.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/reporters/github.js';
import { formatJunit, xmlSafe } from '../../src/cli/reporters/junit.js';
import { formatStylish } from '../../src/cli/reporters/stylish.js';
import { FINGERPRINT_KEY } from '../../src/cli/reporters/sarif.js';
import type { CheckReport, ReportedDiagnostic } from '../../src/cli/check.js';

interface JsonReport {
    tool: { name: string; version: string };
    configHash: string;
    files: string[];
    diagnostics: Array<ReportedDiagnostic>;
    counts: Record<string, number>;
}

/** A file name with every character that a report format must escape. */
const HOSTILE_NAME = `odd %2C, na:me <img src=x onerror=alert(1)> & 'q' "dq" ]]> 😀.coord`;
const HOSTILE_TEXT = 'programme Hostile { country Peru sector other period 2020..2019 }\nprogramme Hostile2 { country "</script>&\'%0A::,\x1b[31m" sector other }\n';

let ws: string;
let json: JsonReport;

beforeAll(async () => {
    ws = copyFixture('mixed');
    fs.writeFileSync(path.join(ws, 'more', HOSTILE_NAME), HOSTILE_TEXT);
    const r = await runCli(ws, 'check', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    json = JSON.parse(r.stdout);
});
afterAll(() => removeScratch(ws));

/** Runs `coord check` in the hostile workspace with one format; returns stdout. */
async function report(format: string, ...args: string[]): Promise<string> {
    const r = await runCli(ws, 'check', '--format', format, ...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    return r.stdout;
}

describe('the hostile workspace', () => {
    test('has errors, warnings, suppressed findings and the hostile file', () => {
        expect(json.counts.error).toBeGreaterThan(0);
        expect(json.counts.warning).toBeGreaterThan(0);
        expect(json.counts.suppressed).toBeGreaterThan(0);
        expect(json.files).toContain(`more/${HOSTILE_NAME}`);
        expect(json.diagnostics.some(d => d.file === `more/${HOSTILE_NAME}` && d.severity === 'warning')).toBe(true);
        expect(json.diagnostics.some(d => /[\u0000-\u001f\u2028]/.test(d.message))).toBe(true);
        expect(json.diagnostics.some(d => d.suppressed && /[<>&"'\u2028]/.test(d.suppressed.reason))).toBe(true);
    });
});

describe('json', () => {
    test('every diagnostic has a fingerprint, unique in the report; the config hash is 16 hex digits', () => {
        expect(json.configHash).toMatch(/^[0-9a-f]{16}$/);
        const prints = json.diagnostics.map(d => d.fingerprint);
        expect(new Set(prints).size).toBe(prints.length);
    });

    test('the config hash follows the effective configuration, not the way it is written', async () => {
        const again = JSON.parse(await report('json'));
        expect(again.configHash).toBe(json.configHash);
        const raised = JSON.parse((await runCli(ws, 'check', '--format', 'json', '--rule', 'duplicate-name=warning')).stdout);
        expect(raised.configHash).not.toBe(json.configHash);
        // Stating a default explicitly changes nothing that applies, so the hash stays.
        const same = JSON.parse((await runCli(ws, 'check', '--format', 'json', '--rule', 'duplicate-name=error')).stdout);
        expect(same.configHash).toBe(json.configHash);
    });
});

describe('sarif', () => {
    const validate = validateSarif;
    let sarif: any;
    beforeAll(async () => {
        sarif = JSON.parse(await report('sarif'));
    });

    test('is valid against the SARIF 2.1.0 JSON schema', () => {
        const ok = validate(sarif);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
        // The schema is not a rubber stamp: a broken log fails it.
        const broken = structuredClone(sarif);
        broken.runs[0].results[0].level = 'fatal';
        broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
        expect(validate(broken)).toBe(false);
    });

    test('lists every rule with its summary, doc and default level', () => {
        const rules = sarif.runs[0].tool.driver.rules;
        expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'coord', version: json.tool.version });
        for (const rule of RULES) {
            expect(rules).toContainEqual(expect.objectContaining({
                id: rule.id,
                shortDescription: { text: rule.summary },
                fullDescription: { text: rule.doc },
                help: expect.objectContaining({ text: expect.stringContaining(rule.doc) }),
                defaultConfiguration: expect.objectContaining({ level: { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity] }),
            }));
        }
    });

    test('results match the findings: rule, level, 1-based region, relative URI, fingerprint, suppression', () => {
        const run = sarif.runs[0];
        expect(run.columnKind).toBe('utf16CodeUnits');
        const root = run.originalUriBaseIds['%SRCROOT%'].uri;
        expect(root).toBe(pathToFileURL(ws).href + '/');
        expect(run.results).toHaveLength(json.diagnostics.length);
        run.results.forEach((result: any, i: number) => {
            const d = json.diagnostics[i];
            expect(result.ruleId).toBe(d.rule);
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(d.rule);
            expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note', hint: 'note' }[d.severity]);
            expect(result.message.text).toBe(d.message);
            const location = result.locations[0].physicalLocation;
            expect(location.region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
            expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
            // The relative URI, resolved against %SRCROOT%, names exactly the file on disk.
            expect(fileURLToPath(new URL(location.artifactLocation.uri, root))).toBe(path.join(ws, d.file));
            expect(run.artifacts[location.artifactLocation.index].location.uri).toBe(location.artifactLocation.uri);
            expect(result.partialFingerprints[FINGERPRINT_KEY]).toBe(d.fingerprint);
            if (d.suppressed) {
                expect(result.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', justification: d.suppressed.reason })]);
            } else {
                expect(result.suppressions).toEqual([]);
            }
        });
    });

    test('fingerprints survive lines added above a finding', async () => {
        const file = path.join(ws, 'specs/programmes.coord');
        const before = fs.readFileSync(file, 'utf8');
        try {
            fs.writeFileSync(file, '// a new first line\n\n' + before);
            const shifted = JSON.parse(await report('json')) as JsonReport;
            const mine = (r: JsonReport) => r.diagnostics.filter(d => d.file === 'specs/programmes.coord');
            expect(mine(shifted).map(d => d.fingerprint)).toEqual(mine(json).map(d => d.fingerprint));
            expect(mine(shifted).map(d => d.line)).toEqual(mine(json).map(d => d.line + 2));
        } finally {
            fs.writeFileSync(file, before);
        }
    });

    const multitool = findSarifMultitool();
    test.skipIf(!multitool.ok)(`is accepted by Microsoft's SARIF validator (@microsoft/sarif-multitool)${multitool.ok ? '' : ` — skipped: ${multitool.reason}`}`, () => {
        const input = path.join(ws, 'coord.sarif');
        const output = path.join(ws, 'validation.sarif');
        fs.writeFileSync(input, JSON.stringify(sarif, null, 2));
        const r = spawnSync(multitool.bin!, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'], { encoding: 'utf8' });
        expect(r.status, r.stdout + r.stderr).toBe(0);
        const log = JSON.parse(fs.readFileSync(output, 'utf8'));
        const results: Array<{ ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }> = log.runs[0].results ?? [];
        // The validator stops silently on a log it cannot read; its notes prove that it read ours.
        expect(results.length).toBeGreaterThan(0);
        const errors = results.filter(x => x.level === 'error');
        expect(errors, JSON.stringify(errors)).toEqual([]);
        // Warnings allowed: SARIF2005 asks for the tool's informationUri, which Coord does not have yet.
        const warnings = results.filter(x => (x.level ?? 'warning') === 'warning' && x.ruleId !== 'SARIF2005');
        expect(warnings, JSON.stringify(warnings)).toEqual([]);
    });
});

function findSarifMultitool(): { ok: boolean; bin?: string; reason?: string } {
    const platform = `@microsoft/sarif-multitool-${process.platform}`;
    const dir = path.join(ROOT, 'node_modules', platform);
    const bin = path.join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    if (!fs.existsSync(bin)) return { ok: false, reason: `${platform} is not installed (npm installs it only on its platform)` };
    try {
        fs.accessSync(bin, fs.constants.X_OK);
    } catch {
        fs.chmodSync(bin, 0o755); // its postinstall script makes it executable; npm may have skipped the script
    }
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) return { ok: false, reason: `it does not run here (${r.error?.message ?? r.stderr.trim().split('\n')[0]})` };
    return { ok: true, bin };
}

describe('github', () => {
    // Workflow command syntax: `::name key=value,key=value::data`; a line ends only at LF or CR.
    const COMMAND = /^::(error|warning|notice) ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)$/;
    const decode = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

    test('one workflow command per unsuppressed finding, decoding back to the finding', async () => {
        const out = await report('github');
        expect(out.endsWith('\n')).toBe(true);
        const lines = out.slice(0, -1).split('\n');
        const shown = json.diagnostics.filter(d => !d.suppressed);
        expect(lines).toHaveLength(shown.length + 1);
        expect(lines[lines.length - 1]).toMatch(/^coord: \d+ error/);
        shown.forEach((d, i) => {
            const m = COMMAND.exec(lines[i]);
            expect(m, lines[i]).not.toBeNull();
            expect(m![1]).toBe({ error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[d.severity]);
            const props = Object.fromEntries(m![2].split(',').map(p => [p.slice(0, p.indexOf('=')), decode(p.slice(p.indexOf('=') + 1))]));
            expect(props).toEqual({
                file: d.file, line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn), title: `coord ${d.rule}`,
            });
            expect(decode(m![3])).toBe(`${d.message} [${d.rule}]`);
            expect(lines[i]).not.toMatch(/\r/);
        });
        expect(out).toContain(`file=more/odd %252C%2C na%3Ame`);
    });

    test('escaping is reversible and leaves no separator or line break, for any text', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
            const p = escapeProperty(s);
            expect(p).not.toMatch(/[:,\r\n]/);
            expect(decode(p)).toBe(s);
            const data = escapeData(s);
            expect(data).not.toMatch(/[\r\n]/);
            expect(decode(data)).toBe(s);
        }));
    });

    test('a message with line breaks, %, :: and commas stays one command', () => {
        const message = 'first line\nsecond\r\nthird %0A ::error file=x::injected, 100%';
        const out = formatGithub(syntheticReport(message, 'a,b:c.coord'));
        const lines = out.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        const m = COMMAND.exec(lines[0])!;
        expect(decode(m[3])).toBe(`${message} [syntax]`);
        expect(m[2]).toContain('file=a%2Cb%3Ac.coord');
    });
});

describe('junit', () => {
    test('is well-formed XML 1.0 (strict parser) with hostile text, one testcase per file', async () => {
        const xml = await report('junit');
        expectWellFormed(xml);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => ['testcase', 'failure'].includes(name), processEntities: true, htmlEntities: true }).parse(xml);
        const cases = doc.testsuites.testsuite.testcase as Array<{ name: string; failure?: Array<{ message: string; type: string }> }>;
        expect(cases.map(c => c.name)).toEqual(json.files.map(xmlSafe));
        for (const c of cases) {
            const errors = json.diagnostics.filter(d => d.file === c.name && d.severity === 'error' && !d.suppressed);
            expect((c.failure ?? []).map(f => f.type)).toEqual(errors.map(d => d.rule));
        }
        expect(Number(doc.testsuites.failures)).toBe(cases.filter(c => c.failure).length);
        expect(Number(doc.testsuites.tests)).toBe(json.files.length);
    });

    test('--fail-on warning makes warnings failures too', async () => {
        const r = await runCli(ws, 'check', '--format', 'junit', '--fail-on', 'warning');
        expectWellFormed(r.stdout);
        const failures = (r.stdout.match(/<failure /g) ?? []).length;
        expect(failures).toBe(json.diagnostics.filter(d => !d.suppressed && (d.severity === 'error' || d.severity === 'warning')).length);
    });

    test('any text survives: escaped, or illegal characters made visible', () => {
        const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: n => n === 'failure', htmlEntities: true, trimValues: false }).parse(xml);
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (message, file) => {
            const xml = formatJunit(syntheticReport(message, file));
            expectWellFormed(xml);
            const failure = parse(xml).testsuites.testsuite.testcase.failure[0];
            expect(failure.message).toBe(xmlSafe(`1:1 ${message}`));
        }), { numRuns: 300 });
    });
});

describe('stylish', () => {
    test('no control character reaches the terminal', async () => {
        const out = await report('stylish');
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028]/);
        expect(out).toContain('\\u001B[31m');
        const colored = formatStylish(syntheticReport('a\u001b]0;title\u0007b', 'x.coord'), { color: false });
        expect(colored).toContain('a\\u001B]0;title\\u0007b');
    });
});

describe('every format', () => {
    test.each(['stylish', 'json', 'sarif', 'github', 'junit'])('%s is reproducible: the same input gives the same bytes', async format => {
        expect(await report(format)).toBe(await report(format));
    });

    test('several reports in one run: one on stdout, the others in files', async () => {
        const r = await runCli(ws, 'check', '--format', 'github', '--format', 'sarif', '-o', 'out/coord.sarif', '--format', 'junit=out/junit.xml', '--format', 'json', '-o', 'out/report.json');
        expect(r.code).toBe(1);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(await report('github'));
        expect(validateSarifFile(path.join(ws, 'out/coord.sarif'))).toBe(true);
        expectWellFormed(fs.readFileSync(path.join(ws, 'out/junit.xml'), 'utf8'));
        expect(JSON.parse(fs.readFileSync(path.join(ws, 'out/report.json'), 'utf8'))).toEqual(json);
        // -o before the only --format still pairs with it (the contract's `--format json -o FILE`, either order).
        const single = await runCli(ws, 'check', '-o', 'out/single.json', '--format', 'json');
        expect(single.stdout).toBe('');
        expect(JSON.parse(fs.readFileSync(path.join(ws, 'out/single.json'), 'utf8'))).toEqual(json);
    });

    test('ambiguous output plans are usage errors (exit 2)', async () => {
        const bad = [
            ['--format', 'json', '--format', 'sarif'],
            ['-o', 'a.json', '--format', 'json', '--format', 'sarif'],
            ['--format', 'json', '-o', 'a.json', '-o', 'b.json'],
            ['--format', 'json=same.out', '--format', 'sarif=same.out'],
            ['--format', 'json='],
            ['--format', 'pdf'],
        ];
        for (const args of bad) {
            const r = await runCli(ws, 'check', ...args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stdout).toBe('');
            expect(r.stderr).toMatch(/^coord check: .+\n$/);
        }
    });
});

describe('a path that cannot be checked', () => {
    test('every format says so, and the run exits 2 after reporting the other files', async () => {
        const dir = copyFixture('clean');
        try {
            fs.copyFileSync(path.join(FIXTURES, 'bad/latin1.coord'), path.join(dir, 'latin1.coord'));
            const run = (format: string) => runCli(dir, 'check', '.', '--format', format);
            const json = await run('json');
            expect(json.code).toBe(2);
            expect(json.stderr).toMatch(/^coord: latin1\.coord:1: not valid UTF-8/);
            const report = JSON.parse(json.stdout);
            expect(report.files).toEqual(['programmes.coord']);
            expect(report.problems).toEqual([expect.stringMatching(/^latin1\.coord:1: not valid UTF-8/)]);
            const sarif = JSON.parse((await run('sarif')).stdout);
            expect(validateSarif(sarif)).toBe(true);
            expect(sarif.runs[0].invocations).toEqual([{
                executionSuccessful: false,
                toolExecutionNotifications: [{ level: 'error', message: { text: report.problems[0] } }],
            }]);
            const xml = (await run('junit')).stdout;
            expectWellFormed(xml);
            const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: n => n === 'testcase' }).parse(xml);
            expect(doc.testsuites.errors).toBe('1');
            expect(doc.testsuites.testsuite.testcase[1].error.message).toBe(report.problems[0]);
            const gh = (await run('github')).stdout.split('\n');
            expect(gh).toContain(`::error title=coord%3A not checked::${report.problems[0]}`);
        } finally {
            removeScratch(dir);
        }
    });

    test('a clean run says it succeeded', async () => {
        const r = await runCli(FIXTURES, 'check', 'clean', '--format', 'sarif');
        expect(JSON.parse(r.stdout).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
        expect(JSON.parse((await runCli(FIXTURES, 'check', 'clean', '--format', 'json')).stdout)).not.toHaveProperty('problems');
    });
});

/** Parses XML with saxes, which checks XML 1.0 well-formedness strictly; any error fails the test. */
function expectWellFormed(xml: string): void {
    const errors: string[] = [];
    const parser = new SaxesParser({ xmlns: false });
    parser.on('error', e => errors.push(e.message));
    parser.write(xml).close();
    expect(errors).toEqual([]);
}

function syntheticReport(message: string, file: string): CheckReport {
    const d: ReportedDiagnostic = {
        file, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'syntax', message, fingerprint: 'f:0',
    };
    return {
        tool: { name: 'coord', version: '0.0.0' }, configHash: '0123456789abcdef', files: [file], diagnostics: [d],
        counts: { error: 1, warning: 0, info: 0, hint: 0, suppressed: 0 }, problems: [],
    };
}
