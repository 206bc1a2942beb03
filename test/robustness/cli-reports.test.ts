/**
 * The CLI's reports on fuzzed workspaces written to disk (generated and
 * mutated specs, hostile text, with or without a BOM, LF or CRLF): one
 * `coord check` writes json, sarif, github and junit at once, and every
 * report is well-formed — SARIF valid against the 2.1.0 schema, JUnit XML 1.0,
 * one GitHub workflow command per finding — and every position in the JSON
 * report lies inside its file as the user sees it (1-based lines, UTF-16
 * columns, the BOM not counted). A file the CLI refuses (NUL bytes) is named
 * on stderr with exit 2, and the others are still reported.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { exampleTexts, fuzzTotals, lineLengths, runProperty, timeoutFor } from './harness.js';
import { checkXml } from './output-checks.js';
import { tokenize } from './tokenize.js';
import { runCli } from '../cli/cli-run.js';
import { validateSarif } from '../cli/sarif-schema.js';

const examples = exampleTexts();
const names = Object.keys(examples);

const fileText = fc.tuple(
    fc.oneof(
        fc.tuple(fc.constantFrom(...names), fc.array(mutationArb, { maxLength: 3 })).map(([n, ms]) => applyMutations(examples[n], ms, tokenize)),
        fc.tuple(validSpec, fc.array(mutationArb, { maxLength: 2 })).map(([t, ms]) => applyMutations(t, ms, tokenize)),
        hostileText,
    ),
    fc.boolean(),
    fc.constantFrom('keep', 'lf', 'crlf'),
).map(([text, bom, eol]) => {
    const t = eol === 'keep' ? text : text.replace(/\r\n|\r|\n/g, eol === 'lf' ? '\n' : '\r\n');
    return (bom ? '\ufeff' : '') + t.replace(/^\ufeff/, '');
});

const workspace = fc.array(fileText, { minLength: 1, maxLength: 3 });

interface JsonDiagnostic { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; suppressed?: unknown }

describe('coord check reports on fuzzed workspaces', () => {
    test('json, sarif, github and junit at once: well-formed, positions inside the files', async () => {
        await runProperty('cli reports', workspace, async texts => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-fuzz-cli-'));
            const out = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-fuzz-out-'));
            try {
                texts.forEach((t, i) => fs.writeFileSync(path.join(dir, `f${i}.coord`), t, 'utf8'));
                const r = await runCli(dir, 'check', '.', '--max-warnings', '-1',
                    '--format', `json=${out}/r.json`, '--format', `sarif=${out}/r.sarif`, '--format', `github=${out}/r.txt`, '--format', `junit=${out}/r.xml`);
                if (r.stderr.includes('internal error')) throw new Error(r.stderr);
                // Written as UTF-8, a lone surrogate becomes U+FFFD: the CLI reads what the disk holds.
                const onDisk = texts.map(t => Buffer.from(t, 'utf8'));
                const refused = onDisk.map(b => b.includes(0));
                if (refused.every(Boolean)) {
                    if (r.code !== 2) throw new Error(`every file has NUL bytes, yet exit ${r.code}`);
                    return;
                }
                if (r.code !== (refused.some(Boolean) ? 2 : r.code === 1 ? 1 : 0)) throw new Error(`exit ${r.code}; stderr: ${r.stderr}`);
                const report = JSON.parse(fs.readFileSync(`${out}/r.json`, 'utf8'));
                const lines = new Map(onDisk.map((b, i) => [`f${i}.coord`, lineLengths(b.toString('utf8').replace(/^\ufeff/, ''))]));
                for (const d of report.diagnostics as JsonDiagnostic[]) {
                    const ls = lines.get(d.file);
                    if (!ls) throw new Error(`a diagnostic for an unknown file ${d.file}`);
                    const ok = d.line >= 1 && d.line <= ls.length && d.column >= 1 && d.column <= ls[d.line - 1] + 1
                        && d.endLine >= d.line && d.endLine <= ls.length && d.endColumn >= 1 && d.endColumn <= ls[d.endLine - 1] + 1
                        && (d.endLine > d.line || d.endColumn >= d.column);
                    if (!ok) throw new Error(`${d.rule} at ${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} is outside the file (${ls.length} lines)`);
                }
                const sarif = JSON.parse(fs.readFileSync(`${out}/r.sarif`, 'utf8'));
                if (!validateSarif(sarif)) throw new Error(`invalid SARIF: ${JSON.stringify(validateSarif.errors).slice(0, 500)}`);
                checkXml(fs.readFileSync(`${out}/r.xml`, 'utf8'));
                const commands = fs.readFileSync(`${out}/r.txt`, 'utf8').split('\n').filter(l => l.startsWith('::'));
                // One command per unsuppressed finding, and one per file that could not be checked.
                const unsuppressed = (report.diagnostics as JsonDiagnostic[]).filter(d => !d.suppressed).length;
                const notChecked = refused.filter(Boolean).length;
                if (commands.length !== unsuppressed + notChecked) throw new Error(`${commands.length} workflow commands for ${unsuppressed} findings and ${notChecked} files not checked`);
                if ((report.problems ?? []).length !== notChecked) throw new Error(`the JSON report names ${(report.problems ?? []).length} problems for ${notChecked} refused files`);
                for (const c of commands) {
                    if (!/^::(error|warning|notice) (file|line|col|endLine|endColumn|title)=[^:\r\n]*::[^\r\n]*$/.test(c)) throw new Error(`malformed workflow command: ${c}`);
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
                fs.rmSync(out, { recursive: true, force: true });
            }
        }, {
            runs: 120,
            saveAs: texts => Object.fromEntries(texts.map((t, i) => [`f${i}.coord`, t])),
        });
    }, timeoutFor(120, 500));

    test('the reports of an empty-looking but valid workspace are well-formed too', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-fuzz-cli-'));
        try {
            fs.writeFileSync(path.join(dir, 'empty.coord'), '');
            const r = await runCli(dir, 'check', '--format', 'sarif');
            expect(r.code).toBe(0);
            expect(validateSarif(JSON.parse(r.stdout))).toBe(true);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] cli reports: ${runs} random cases in ${properties} properties`);
});
