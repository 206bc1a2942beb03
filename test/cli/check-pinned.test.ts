/**
 * The exact output of `coord check` over a generated 300-file workspace, pinned
 * before the work outside parsing and validation was made cheaper (issue 15):
 * the benchmark's cohorts (cross-file references in a ring), with mistakes
 * sown in a fixed pattern — unresolved references, names declared in two
 * files, unused declarations, syntax errors, suppressions, CRLF line ends and a
 * byte-order mark — in two folders, one of which has its own
 * `coord.config.json`. The JSON report (findings, order, positions, related
 * places, fingerprints, the configuration hash, counts) and the stylish text
 * must stay byte for byte the same, and so must the exit status. After an
 * intended change of the findings, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/cli/check-pinned.test.ts` and review the diff.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-run.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../bench/generate.mjs';

const ROOT = path.resolve(__dirname, '../..');
const GOLDEN = path.join(ROOT, 'test/fixtures/cli/pinned');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FILES = 300;

/** The i-th generated file with the mistakes its number calls for. */
function sow(i: number, text: string): string {
    const prev = `F${(i + FILES - 1) % FILES}U0`;
    const lines = text.split('\n');
    if (i % 10 === 1) {
        // An unresolved reference (into the previous file's name space).
        const at = lines.findIndex(l => l.includes(`${prev}_soc`) || l.includes('between'));
        lines[at] = lines[at].replace(/between (\S+), (\S+)/, 'between $1, Missing_$2');
    }
    if (i % 10 === 3) lines.push(`population ${prev}_pop "Declared again in file ${i}"`);
    if (i % 10 === 5) lines.push(`population Unused_${i} "Nobody targets it"`);
    if (i % 10 === 7) lines.splice(20, 0, `programme Broken_${i} "x" { country sector other`);
    if (i % 20 === 9) lines.splice(10, 0, '// coord-disable-next-line invalid-value -- checked by hand', '  budget -3 million_USD per year');
    if (i % 30 === 11) lines.unshift('// coord-disable unused -- kept for the next round');
    if (i % 25 === 13) lines.push(`programme Bad_${i} "Odd" { country Peru sector other period 2020..2019 }`);
    let out = lines.join('\n');
    if (i % 40 === 17) out = out.replace(/\n/g, '\r\n');
    if (i % 50 === 19) out = '\ufeff' + out;
    return out;
}

let ws: string;

beforeAll(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-pinned-'));
    const files: Array<{ name: string; text: string }> = generateWorkspace({ files: FILES, linesPerFile: 100 });
    fs.mkdirSync(path.join(ws, 'north'));
    fs.mkdirSync(path.join(ws, 'south', 'deep'), { recursive: true });
    // The southern folder reports unused declarations as errors and leaves out local roles.
    fs.writeFileSync(path.join(ws, 'south', 'coord.config.json'), JSON.stringify({ rules: { 'unused': 'error', 'local-roles': 'off' } }));
    files.forEach(({ name, text }, i) => {
        const folder = i < 100 ? 'north' : i < 250 ? 'south' : path.join('south', 'deep');
        fs.writeFileSync(path.join(ws, folder, name), sow(i, text));
    });
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

function expectGolden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (UPDATE) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, actual);
        return;
    }
    expect(fs.existsSync(file), `${name} is missing; run UPDATE_GOLDEN=1 npx vitest run test/cli/check-pinned.test.ts`).toBe(true);
    expect(actual, `${name} differs; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/cli/check-pinned.test.ts`).toBe(fs.readFileSync(file, 'utf8'));
}

describe('coord check over 300 generated files', () => {
    test('the JSON report is the pinned one', async () => {
        const run = await runCli(ws, 'check', '.', '--format', 'json');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { files: string[]; diagnostics: Array<{ rule: string; file: string; related?: unknown[]; suppressed?: unknown }> };
        // The workspace holds what it is meant to exercise (else the pin would prove little).
        expect(report.files).toHaveLength(FILES);
        const rules = new Set(report.diagnostics.map(d => d.rule));
        for (const rule of ['unresolved-reference', 'duplicate-name', 'unused', 'syntax', 'invalid-value']) expect(rules).toContain(rule);
        expect(report.diagnostics.some(d => d.related?.length && d.file.startsWith('north'))).toBe(true);
        expect(report.diagnostics.some(d => d.suppressed)).toBe(true);
        expectGolden('check-300.json', run.stdout);
    }, 120_000);

    test('the stylish report of one folder is the pinned one (the project still resolves names)', async () => {
        const run = await runCli(ws, 'check', 'south/deep');
        expect(run.code).toBe(1);
        expectGolden('check-300-deep.txt', run.stdout + '\n--- stderr\n' + run.stderr);
    }, 120_000);
});
