/**
 * Thresholds of `coord check` and the exit codes they give: `--max-warnings`,
 * `--fail-on`, `--quiet` (errors only in the report; thresholds still count
 * every finding, as in ESLint), on a workspace with no error, two warnings and
 * one info (`test/fixtures/cli/thresholds`, whose config sets those severities).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { runCli } from './cli-run.js';
import { ensureBuilt, FIXTURES, runCoord } from './process-run.js';
import { failsThresholds, thresholdExplanation, type CheckReport } from '../../src/cli/check.js';

beforeAll(() => ensureBuilt());

const WS = path.join(FIXTURES, 'thresholds');
const check = (...args: string[]) => runCli(WS, 'check', ...args);

describe('thresholds', () => {
    test('the fixture has no error, two warnings and one info', async () => {
        const r = await check('--format', 'json');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).counts).toEqual({ error: 0, warning: 2, info: 1, hint: 0, suppressed: 0 });
    });

    test.each([
        [[], 0],
        [['--max-warnings', '2'], 0],
        [['--max-warnings', '1'], 1],
        [['--max-warnings', '0'], 1],
        [['--max-warnings', '-1'], 0],
        [['--fail-on', 'error'], 0],
        [['--fail-on', 'warning'], 1],
        [['--fail-on', 'info'], 1],
        [['--fail-on', 'warning', '--rule', 'invalid-value=off'], 0],
        [['--fail-on', 'info', '--rule', 'invalid-value=off'], 1],
        [['--rule', 'invalid-value=error'], 1],
        [['--quiet'], 0],
        [['--quiet', '--max-warnings', '0'], 1],
        [['--quiet', '--fail-on', 'warning'], 1],
    ] as Array<[string[], number]>)('%j → exit %i', async (args, code) => {
        const r = await check(...args);
        expect(r.code).toBe(code);
        // Nothing on stderr when the run passes; a failing threshold explains itself in one line.
        if (code === 0 || !args.some(a => a === '--max-warnings' || a === '--fail-on')) expect(r.stderr).toBe('');
        else expect(r.stderr).toMatch(/^coord check: (\d+ warnings?, more than --max-warnings \d+ allows|failing on .* \(--fail-on (warning|info)\))\n$/);
    });

    test('--quiet lists errors only and still counts every finding', async () => {
        const quiet = JSON.parse((await check('--quiet', '--format', 'json')).stdout);
        expect(quiet.diagnostics).toEqual([]);
        expect(quiet.counts).toMatchObject({ warning: 2, info: 1 });
        const stylish = (await check('--quiet')).stdout;
        expect(stylish).not.toMatch(/warning {2}/);
        const withErrors = JSON.parse((await check('--quiet', '--format', 'json', '--rule', 'invalid-value=error')).stdout);
        expect(withErrors.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['error', 'error']);
    });

    test('bad threshold values are usage errors (exit 2)', async () => {
        for (const args of [['--max-warnings', '1.5'], ['--max-warnings', ''], ['--max-warnings', '-2'], ['--fail-on', 'hint'], ['--fail-on', 'fatal']]) {
            const r = await check(...args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr).toMatch(/^coord check: --(max-warnings|fail-on) expects .*\n$/);
        }
    });

    test('suppressed findings never fail a run', () => {
        const report = {
            counts: { error: 0, warning: 0, info: 0, hint: 0, suppressed: 5 },
        } as CheckReport;
        expect(failsThresholds(report, { failOn: 'info', maxWarnings: 0 })).toBe(false);
    });

    test('exit codes of the built command: 1 over --max-warnings, 0 within', async () => {
        expect((await runCoord(WS, ['check', '--max-warnings', '1'])).code).toBe(1);
        expect((await runCoord(WS, ['check', '--max-warnings', '2'])).code).toBe(0);
    });
});

describe('a threshold that fails the run says so on stderr', () => {
    test('--max-warnings and --fail-on', async () => {
        const report = { counts: { error: 0, warning: 7, info: 1, hint: 4, suppressed: 2 } } as CheckReport;
        expect(thresholdExplanation(report, { maxWarnings: 0 })).toBe('7 warnings, more than --max-warnings 0 allows');
        expect(thresholdExplanation(report, { failOn: 'info' })).toBe('failing on 7 warnings and 1 info (--fail-on info)');
        expect(thresholdExplanation(report, { maxWarnings: 7 })).toBeUndefined();
        expect(thresholdExplanation({ ...report, counts: { ...report.counts, error: 1 } }, { maxWarnings: 0 })).toBeUndefined();
    });
});
