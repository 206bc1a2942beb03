/**
 * `coord summary`: golden Markdown and CSV reports of the brief's workspace
 * (regenerate with `UPDATE_GOLDEN=1`), one CSV row per effect of the brief on
 * the live examples, the JSON fields of §6, `-o`, and exit status 2 for a bad
 * format or a missing path.
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-run.js';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/summary');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-summary-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function expectGolden(name: string, actual: string): void {
    const file = path.join(FIXTURES, name);
    if (UPDATE || !fs.existsSync(file)) {
        if (!UPDATE) throw new Error(`${name} is missing; run UPDATE_GOLDEN=1 npx vitest run test/cli/summary.test.ts`);
        fs.writeFileSync(file, actual);
        return;
    }
    expect(actual, `${name} differs; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/cli/summary.test.ts`).toBe(fs.readFileSync(file, 'utf8'));
}

describe('coord summary golden reports', () => {
    test.each(['md', 'csv'])('--format %s matches brief.%s.golden', async format => {
        const run = await runCli(FIXTURES, 'summary', 'brief', '--format', format);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expectGolden(`brief.${format}.golden`, run.stdout);
    });

    test('Markdown is the default format', async () => {
        const run = await runCli(FIXTURES, 'summary', 'brief');
        expect(run.stdout).toBe(fs.readFileSync(path.join(FIXTURES, 'brief.md.golden'), 'utf8'));
    });
});

/** The brief's effects, as `combination domain ±outcome desirability`. */
const BRIEF_ROWS = [
    'FEST productive +productive_assets desirable', 'FEST productive +secondary_activities desirable',
    'FEST+UNIDOS food_education -severe_food_insecurity desirable', 'FEST+UNIDOS food_education +mild_food_insecurity neutral',
    'FEST+UNIDOS finance +savings desirable', 'FEST+UNIDOS finance -informal_loans desirable',
    'FEST+UNIDOS psychosocial +subjective_wellbeing desirable', 'FEST+UNIDOS psychosocial +expectations desirable',
    'FEST+UNIDOS psychosocial +social_capital desirable',
    'PPP productive +productive_assets desirable', 'PPP productive +livestock_products desirable',
    'PPP productive -food_crop_products adverse', 'PPP income_poverty -poverty desirable',
    'PPP food_education -moderate_food_insecurity desirable', 'PPP food_education +mild_food_insecurity neutral',
    'PPP finance +formal_loans desirable', 'PPP finance -informal_loans desirable', 'PPP psychosocial +empowerment desirable',
    'PPP psychosocial +subjective_wellbeing desirable', 'PPP psychosocial +social_capital desirable',
    'HakuWinay productive +new_technologies desirable', 'HakuWinay income_poverty +income desirable',
    'HakuWinay psychosocial +locus_of_control desirable',
    'HakuWinay+SoftSkills psychosocial +internal_locus_of_control desirable',
    'HakuWinay+SoftSkills psychosocial -powerful_others_index desirable',
];

describe('coord summary on the examples', () => {
    test('--format csv has one correct row per effect of the brief', async () => {
        const run = await runCli(ROOT, 'summary', 'examples/colombia.coord', 'examples/mexico.coord', 'examples/peru.coord', '--format', 'csv');
        expect(run.code).toBe(0);
        const lines = run.stdout.split('\r\n');
        // The v1 columns in their order, then the §7.7 columns.
        expect(lines[0]).toBe('file,line,programmes,domain,outcome,direction,desirability,source,'
            + 'comparator,subgroup,size,unit,ci_low,ci_high,se,p,n,estimand,followup,certainty,cite');
        expect(lines.at(-1)).toBe('');
        const rows = lines.slice(1, -1).map(l => l.split(','));
        for (const row of rows) expect(row).toHaveLength(21);
        const soft = rows.filter(r => r[2] === 'HakuWinay+SoftSkills');
        expect(soft.map(r => [r[8], r[9], r[10], r[19]])).toEqual([['HakuWinay', '', '', 'very-low'], ['HakuWinay', '', '', 'very-low']]);
        expect(rows.map(([, , programmes, domain, outcome, direction, desirability]) => `${programmes} ${domain} ${direction}${outcome} ${desirability}`).sort())
            .toEqual([...BRIEF_ROWS].sort());
        for (const [file, line] of rows) {
            expect(file).toMatch(/^examples\/(colombia|peru)\.coord$/);
            expect(Number(line)).toBeGreaterThan(0);
        }
    });

    test('--format json holds the §5 summary with the §6 effect fields', async () => {
        const run = await runCli(ROOT, 'summary', 'examples', '--format', 'json');
        expect(run.code).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(json.tool.name).toBe('coord');
        expect(Object.keys(json.counts)).toEqual(['programmes', 'coordinations', 'evaluations', 'effects', 'byDirection', 'byDesirability']);
        for (const e of json.effects) {
            expect(Object.keys(e).slice(0, 8)).toEqual(['file', 'line', 'programmes', 'domain', 'outcome', 'direction', 'desirability', 'source']);
        }
        expect(json.matrix.rows.length).toBeGreaterThanOrEqual(5);
        // (v2) every cell carries its certainty, downgrades and (where pooling applies) pooled estimate.
        expect(json.cells.length).toBeGreaterThan(10);
        for (const c of json.cells) {
            expect(Object.keys(c).slice(0, 8)).toEqual(['programmes', 'comparator', 'outcome', 'subgroup', 'sources', 'certainty', 'downgrades', 'computedCertainty']);
            expect(['high', 'moderate', 'low', 'very-low']).toContain(c.certainty);
        }
        expect(json.cells.find((c: { comparator: string }) => c.comparator === 'HakuWinay')).toMatchObject({ programmes: 'HakuWinay+SoftSkills', sources: 1 });
        expect(json.coordinations.length).toBeGreaterThanOrEqual(5);
    });

    test('-o writes a self-contained HTML report', async () => {
        const out = path.join(scratch, 'report.html');
        const run = await runCli(ROOT, 'summary', 'examples', '--format', 'html', '-o', out);
        expect(run).toMatchObject({ code: 0, stdout: '' });
        const html = fs.readFileSync(out, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('<svg');
        expect(html).toContain('Severe food insecurity');
    });
});

describe('coord summary errors', () => {
    test('an unknown format is exit 2 with a one-line message', async () => {
        const run = await runCli(FIXTURES, 'summary', 'brief', '--format', 'pdf');
        expect(run.code).toBe(2);
        expect(run.stderr).toBe("coord summary: unknown format 'pdf' (expected md, html, csv, json)\n");
    });

    test('a missing path is exit 2', async () => {
        const run = await runCli(FIXTURES, 'summary', 'nowhere');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('nowhere: no such file or folder');
    });

    test('an unwritable output is exit 2', async () => {
        const run = await runCli(FIXTURES, 'summary', 'brief', '-o', path.join(scratch, 'missing-dir', 'x.md'));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/cannot write report \(ENOENT\)/);
    });
});
