/**
 * The effect summary never fails: for valid, mutated and hostile workspaces,
 * the summary model is computed without throwing (for the whole workspace and
 * focused on each file), its counts agree with its effects, every effect
 * points to a line of its file, and every renderer (Markdown, CSV, JSON, HTML)
 * produces a well-formed, inert report.
 */
import { afterAll, describe, test } from 'vitest';
import fc from 'fast-check';
import { computeSummary, type Summary } from '../../src/analysis/summary.js';
import { renderSummaryCsv, CSV_COLUMNS } from '../../src/analysis/summary-render/csv.js';
import { renderSummaryHtml } from '../../src/analysis/summary-render/html.js';
import { renderSummaryJson } from '../../src/analysis/summary-render/json.js';
import { renderSummaryMarkdown } from '../../src/analysis/summary-render/markdown.js';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { exampleTexts, fuzzTotals, lineLengths, runProperty, timeoutFor, Workbench } from './harness.js';
import { checkCsv, checkHtml, checkMarkdown } from './output-checks.js';
import { tokenize } from './tokenize.js';

const bench = new Workbench();
const examples = exampleTexts();
const exampleNames = Object.keys(examples);

const workspace = fc.oneof(
    fc.tuple(fc.constantFrom(...exampleNames), fc.array(mutationArb, { maxLength: 3 }))
        .map(([n, ms]) => ({ [n]: applyMutations(examples[n], ms, tokenize) })),
    fc.tuple(validSpec, validSpec, fc.array(mutationArb, { maxLength: 2 }))
        .map(([a, b, ms]) => ({ 'a.coord': a, 'b.coord': applyMutations(b, ms, tokenize) })),
    fc.tuple(validSpec, hostileText).map(([a, h]) => ({ 'a.coord': a, 'h.coord': h })),
);

/** Checks one summary against the documents it came from and renders it in every format. */
function checkSummary(summary: Summary, linesByFile: Map<string, number>): void {
    const c = summary.counts;
    if (c.effects !== summary.effects.length) throw new Error(`counts.effects ${c.effects} but ${summary.effects.length} effects`);
    const byDirection = Object.values(c.byDirection).reduce((a, b) => a + b, 0);
    const byDesirability = Object.values(c.byDesirability).reduce((a, b) => a + b, 0);
    if (byDirection !== c.effects || byDesirability !== c.effects) throw new Error(`counts by direction (${byDirection}) or desirability (${byDesirability}) differ from ${c.effects} effects`);
    for (const e of summary.effects) {
        const lines = linesByFile.get(e.file);
        if (lines === undefined) throw new Error(`an effect in an unknown file ${e.file}`);
        if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines) throw new Error(`effect ${e.direction} ${e.outcome} at line ${e.line} of a ${lines}-line file`);
    }
    for (const c of summary.coordinations) {
        const lines = linesByFile.get(c.file);
        if (lines !== undefined && (c.line < 1 || c.line > lines)) throw new Error(`coordination ${c.name} at line ${c.line} of a ${lines}-line file`);
    }
    checkMarkdown(renderSummaryMarkdown(summary, 'Fuzz <b>title</b> | x'));
    const rows = checkCsv(renderSummaryCsv(summary), CSV_COLUMNS);
    if (rows.length !== summary.effects.length) throw new Error(`CSV has ${rows.length} rows for ${summary.effects.length} effects`);
    const json = JSON.parse(renderSummaryJson(summary, { name: 'coord', version: '0' }));
    if (typeof json !== 'object' || json === null) throw new Error('JSON summary is not an object');
    checkHtml(renderSummaryHtml(summary, { title: 'Fuzz <script>alert(1)</script>' }));
}

describe('the summary never fails', () => {
    test('the model and every renderer, for the workspace and for each file', async () => {
        await runProperty('summary', workspace, async files => {
            const built = await bench.buildAndCheck(files);
            const linesByFile = new Map(built.map(b => [b.name, lineLengths(b.text.replace(/^\ufeff/, '')).length]));
            const documents = [...bench.services.shared.workspace.LangiumDocuments.all];
            const findings = new Map(built.map(b => [b.document, b.findings]));
            const nameOf = new Map(built.map(b => [b.document.uri.toString(), b.name]));
            const options = { fileName: (uri: string) => nameOf.get(uri) ?? uri, findings: (d: typeof documents[number]) => findings.get(d) };
            checkSummary(computeSummary(documents, options), linesByFile);
            for (const b of built) checkSummary(computeSummary(documents, { ...options, focus: b.document.uri.toString() }), linesByFile);
        }, { runs: 250, saveAs: files => files });
    }, timeoutFor(250, 150));
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] summary: ${runs} random cases in ${properties} properties`);
});
