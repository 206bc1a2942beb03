/**
 * Every command and every report format, run from the built bundles on each
 * Node here, in each locale. The commands' bundle evaluates each command's code
 * on its first use, the catalogues are evaluated when Coord is built
 * (scripts/build-plugins.mjs, cataloguesAsData) and the summary's network
 * diagram loads `dist/elk.cjs` on use: a part the build left out or broke
 * shows here as an internal error, an English message in another locale, or a
 * missing report, not only in the one test of that command.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, nodeBinaries, removeScratch, runCoord, SAMPLE_SPEC, scratch, type ProcessRun } from './process-run.js';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';
import { SUMMARY_FORMATS } from '../../src/cli/commands/summary.js';
import { SHELLS } from '../../src/cli/commands/completion.js';
import { LOCALES } from '../../src/i18n/index.js';

/** The spec every command reads (its population on line 8). */
const SPEC = SAMPLE_SPEC;

/** What shows that each check format wrote its own report. */
const CHECK_MARKS: Record<string, RegExp> = {
    stylish: /population p is never referenced[^]*1 file/,
    json: /^\{[^]*"rule": "unused"/,
    sarif: /"version": "2\.1\.0"[^]*"ruleId": "unused"/,
    github: /^::notice file=spec\.coord,line=8,[^]*\[unused\]/m,
    junit: /^<\?xml[^]*<testsuites[^]*unused/,
};
const SUMMARY_MARKS: Record<string, RegExp> = {
    md: /^# [^]*\| PR \+ SP \|/m,
    html: /^<!doctype html>[^]*<svg[^]*SP[^]*<\/html>\s*$/i,
    csv: /income/,
    json: /^\{[^]*"coordinations"/,
};

let dir: string;
beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-every-command-');
    fs.writeFileSync(path.join(dir, 'spec.coord'), SPEC);
});
afterAll(() => removeScratch(dir));

/** A run that ended on its own terms: no internal error, no stack trace. */
function expectClean(r: ProcessRun, code: number): void {
    expect(r.stderr).not.toMatch(/internal error|at .*\.cjs:\d+/);
    expect(r.code, r.stderr).toBe(code);
}

test('the lists here are the commands\' own', () => {
    expect(Object.keys(CHECK_MARKS)).toEqual(Object.keys(CHECK_FORMATS));
    expect(Object.keys(SUMMARY_MARKS)).toEqual(Object.keys(SUMMARY_FORMATS));
});

describe.each(nodeBinaries())('every command from the built bundles on %s', (_label, node) => {
    const run = (args: string[], cwd = dir) => runCoord(cwd, args, { node });

    test.each(Object.keys(CHECK_FORMATS))('coord check --format %s', async format => {
        const r = await run(['check', 'spec.coord', '--format', format]);
        expectClean(r, 0);
        expect(r.stdout).toMatch(CHECK_MARKS[format]);
    });

    test.each(Object.keys(SUMMARY_FORMATS))('coord summary --format %s', async format => {
        const r = await run(['summary', 'spec.coord', '--format', format]);
        expectClean(r, 0);
        expect(r.stdout).toMatch(SUMMARY_MARKS[format]);
    });

    test('coord format --check, coord rules, coord completion, coord init', async () => {
        // SPEC is written on purpose with one-line blocks, which the formatter lays out: not formatted.
        const formatted = await run(['format', '--check', 'spec.coord']);
        expectClean(formatted, 1);
        expect(formatted.stdout.trim()).toBe('spec.coord');
        expect(formatted.stderr).toMatch(/1 file not formatted/);
        const rules = await run(['rules']);
        expectClean(rules, 0);
        expect(rules.stdout).toMatch(/unused/);
        for (const shell of SHELLS) {
            const completion = await run(['completion', shell]);
            expectClean(completion, 0);
            expect(completion.stdout).toMatch(/coord/);
        }
        const fresh = path.join(dir, `init-${path.basename(node)}-${Math.random().toString(36).slice(2)}`);
        fs.mkdirSync(fresh);
        const init = await run(['init'], fresh);
        expectClean(init, 0);
        expect(fs.readdirSync(fresh).some(name => name.endsWith('.coord'))).toBe(true);
        expectClean(await run(['check'], fresh), 0);
    });

    test.each(LOCALES.filter(locale => locale !== 'en'))('coord check and summary in %s hold none of the English summary line', async locale => {
        const check = await run(['--locale', locale, 'check', 'spec.coord']);
        expectClean(check, 0);
        expect(check.stdout).not.toMatch(/is never referenced|0 errors|1 file/);
        expect(check.stdout).toMatch(/unused/);
        const summary = await run(['--locale', locale, 'summary', 'spec.coord']);
        expectClean(summary, 0);
        expect(summary.stdout).toMatch(/^# \S/);
        expect(summary.stdout).not.toMatch(/Effect summary|Effects by direction|programmes ·|By desirability/);
    });
});
