/**
 * Every counterexample the fuzzers ever found, kept in
 * test/fixtures/regressions/ (a `.coord` file, or a folder of files built as
 * one workspace), is built again on every run and must keep every invariant:
 * no throw and no internal error in the parser, linker and rules, the editor
 * features at every token boundary, and the summary. A fixture whose name
 * starts with `valid-` must also parse without a syntax finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCoordLspServices, type CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { computeSummary } from '../../src/analysis/summary.js';
import { renderSummaryHtml } from '../../src/analysis/summary-render/html.js';
import { REGRESSIONS, Workbench } from './harness.js';
import { exercise } from './editor-exercise.js';
import { tokenize } from './tokenize.js';
import { checkHtml } from './output-checks.js';

const services = createCoordLspServices(EmptyFileSystem).Coord;
const bench = new Workbench<CoordLspServices>(services);

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
        const built = await bench.buildAndCheck(files);
        // A fixture named valid-… is a valid spec: it must parse without a syntax finding.
        for (const b of built.filter(b => b.name.startsWith('valid-'))) {
            expect(b.findings.filter(f => f.rule === 'syntax').map(f => f.message)).toEqual([]);
        }
        for (const b of built) {
            const text = b.document.textDocument.getText();
            // Every token boundary, at most 200 of them spread over the file.
            const boundaries = [...new Set(tokenize(text).flat())];
            const step = Math.max(1, Math.ceil(boundaries.length / 200));
            await exercise(services, b.document, boundaries.filter((_, i) => i % step === 0));
        }
        const summary = computeSummary(services.shared.workspace.LangiumDocuments.all);
        checkHtml(renderSummaryHtml(summary));
        // Every effect counted once by direction (an effect without one was once counted as NaN).
        const byDirection = Object.values(summary.counts.byDirection).reduce((a, b) => a + b, 0);
        expect(byDirection).toBe(summary.counts.effects);
    });
});
