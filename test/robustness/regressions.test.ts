/**
 * Every counterexample the fuzzers ever found, kept in
 * test/fixtures/regressions/ (a `.coord` file, or a folder of files built as
 * one workspace), is built again on every run and must keep every invariant.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REGRESSIONS, Workbench } from './harness.js';

const bench = new Workbench();

function cases(): Array<[string, Record<string, string>]> {
    if (!fs.existsSync(REGRESSIONS)) return [];
    return fs.readdirSync(REGRESSIONS).sort().flatMap((entry): Array<[string, Record<string, string>]> => {
        const full = path.join(REGRESSIONS, entry);
        if (fs.statSync(full).isDirectory()) {
            const files: Record<string, string> = {};
            for (const f of fs.readdirSync(full).sort()) files[f] = fs.readFileSync(path.join(full, f), 'utf8');
            return [[entry, files]];
        }
        return entry.endsWith('.coord') ? [[entry, { [entry]: fs.readFileSync(full, 'utf8') }]] : [];
    });
}

describe('regression fixtures', () => {
    test('there are regression fixtures', () => {
        expect(cases().length).toBeGreaterThan(0);
    });
    test.each(cases())('%s keeps every invariant', async (_name, files) => {
        await bench.buildAndCheck(files);
    });
});
