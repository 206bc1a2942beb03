/**
 * CSV cells that a spreadsheet would run (issue 22): files named like
 * formulas, and user text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, come out of `coord summary --format csv` with a leading
 * `'`, as data; the `direction` column's `+`, `-`, `~` and plain numbers are
 * left alone. The output is parsed with csv-parse, as a tool would read it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from './cli-run.js';
import { removeScratch, scratch } from './process-run.js';
import { CSV_COLUMNS } from '../../src/analysis/summary-render/csv.js';
import { spreadsheetText } from '../../src/analysis/summary-render/escape.js';

const HOSTILE_NAMES = [
    '=HYPERLINK("http:evil.example","open").coord',
    "=cmd|' /C calc'!A0.coord",
    '+SUM(1,2).coord',
    '-2+3.coord',
    '@SUM(A1).coord',
    '\tTAB=1.coord',
    '\rCR=1.coord',
];

const spec = (n: number) => `programme P${n} { sector productive }
programme Q${n} { sector social-protection }
outcome O${n} in income desirable increase
evaluation E${n} { method rct }
effects of P${n} + Q${n} from E${n} { + O${n} - O${n} ~ O${n} }
`;

let dir: string;
beforeAll(() => {
    dir = scratch('coord-csv-');
    // `=cmd|' /C calc'!A0.coord` holds a slash: a folder `=cmd|' ` and a file in it, shown as that path.
    HOSTILE_NAMES.forEach((name, i) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), spec(i));
    });
});
afterAll(() => removeScratch(dir));

describe('coord summary --format csv: no cell a spreadsheet runs', () => {
    test('files named like formulas are quoted with a leading apostrophe; directions and numbers stay as they are', async () => {
        const r = await runCli(dir, 'summary', '.', '--format', 'csv');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const rows = parse(r.stdout, { relax_quotes: false, relax_column_count: false }) as string[][];
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        const body = rows.slice(1);
        expect(body).toHaveLength(HOSTILE_NAMES.length * 3);
        const direction = CSV_COLUMNS.indexOf('direction');
        for (const row of body) {
            for (const [i, cell] of row.entries()) {
                if (i === direction) expect(['+', '-', '~']).toContain(cell);
                else if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) expect(cell, `${CSV_COLUMNS[i]} ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
            }
        }
        // The names are still there, as data.
        expect(new Set(body.map(r => r[0]))).toEqual(new Set(HOSTILE_NAMES.map(n => `'${n}`)));
        expect(body.map(r => r[direction]).sort()).toEqual(HOSTILE_NAMES.flatMap(() => ['+', '-', '~']).sort());
    });

    test('the rule: formula starts get an apostrophe, plain numbers and other text do not', () => {
        for (const [input, output] of [
            ['=1+1', "'=1+1"], ['+x', "'+x"], ['-x', "'-x"], ['@x', "'@x"], ['\tx', "'\tx"], ['\rx', "'\rx"],
            ['-3', '-3'], ['+0.5', '+0.5'], ['-1e3', '-1e3'], ['a=b', 'a=b'], ['', ''], ["'quoted", "'quoted"],
        ]) expect(spreadsheetText(input), JSON.stringify(input)).toBe(output);
    });
});
