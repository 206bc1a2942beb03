/**
 * Suppression comments end to end through `coord check`: a silenced finding
 * stays in the JSON report with `suppressed: { reason }`, counts as
 * `counts.suppressed` and not towards its severity or the exit status, shows
 * as suppressed in stylish, and an unused suppression is reported.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-run.js';

const TEXT = `programme SP { country X sector social-protection }
programme PR { country X sector productive ministry agriculture }
evaluation E { method rct risk-of-bias low }
coordination C { between SP, PR political-support strong incentive budget local { role "r" capacity "c" } }
effects of SP + PR from E {
  // coord-disable-next-line conflicting-effects -- two survey rounds, see the evaluation's annex
  + mild_food_insecurity
  // coord-disable-next-line conflicting-effects -- two survey rounds, see the evaluation's annex
  - mild_food_insecurity
  // coord-disable-next-line adverse-effect
  + income
}
`;

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-suppress-'));
    fs.writeFileSync(path.join(dir, 'a.coord'), TEXT);
});
afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('suppressed findings in coord check', () => {
    test('JSON keeps them with their reason, counts them apart, and they do not fail the run', async () => {
        const r = await runCli(dir, 'check', '--format', 'json');
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout);
        const conflicts = report.diagnostics.filter((d: { rule: string }) => d.rule === 'conflicting-effects');
        expect(conflicts.map((d: { line: number; severity: string; suppressed: unknown }) => [d.line, d.severity, d.suppressed])).toEqual([
            [7, 'error', { reason: "two survey rounds, see the evaluation's annex", kind: 'next-line' }],
            [9, 'error', { reason: "two survey rounds, see the evaluation's annex", kind: 'next-line' }],
        ]);
        const unused = report.diagnostics.filter((d: { rule: string }) => d.rule === 'unused-suppression');
        expect(unused).toMatchObject([{ file: 'a.coord', line: 10, column: 3, severity: 'hint' }]);
        expect(report.counts).toEqual({ error: 0, warning: 0, info: 0, hint: 1, suppressed: 2 });
    });
    test('without the comments the same findings are errors and the run fails', async () => {
        fs.writeFileSync(path.join(dir, 'a.coord'), TEXT.replace(/^\s*\/\/ coord-disable.*\n/gm, ''));
        const r = await runCli(dir, 'check', '--format', 'json');
        expect(r.code).toBe(1);
        expect(JSON.parse(r.stdout).counts).toEqual({ error: 2, warning: 0, info: 0, hint: 0, suppressed: 0 });
    });
    test('stylish shows them as suppressed with the reason', async () => {
        const r = await runCli(dir, 'check');
        expect(r.stdout).toContain("a.coord:7:3  error (suppressed: two survey rounds, see the evaluation's annex)  `+ mild_food_insecurity` for SP + PR from E conflicts with `- mild_food_insecurity`");
        expect(r.stdout).toContain('a.coord:10:3  hint  suppression of \'adverse-effect\' silences nothing on the next line; remove it  unused-suppression');
        expect(r.stdout).toContain('0 errors, 0 warnings, 0 info, 1 hint, 2 suppressed in 1 file');
    });
    test('a file-level suppression silences a rule in the whole file', async () => {
        fs.writeFileSync(path.join(dir, 'a.coord'), `// coord-disable conflicting-effects, adverse-effect -- under review\n${TEXT.replace(/^\s*\/\/ coord-disable.*\n/gm, '')}`);
        const report = JSON.parse((await runCli(dir, 'check', '--format', 'json')).stdout);
        expect(report.counts).toEqual({ error: 0, warning: 0, info: 0, hint: 0, suppressed: 2 });
        expect(report.diagnostics.every((d: { suppressed?: { reason: string; kind: string } }) => d.suppressed?.reason === 'under review' && d.suppressed.kind === 'file')).toBe(true);
    });
});
