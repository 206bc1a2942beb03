/**
 * Formatting never changes what a file means: on every example, every test
 * fixture, generated specs with suppression directives everywhere (trailing
 * ones after `}`, ones above a declaration split across lines, file-wide ones)
 * and at least 2,000 mutated files per run, the formatted text gives the same
 * findings — rule, severity, message, the tokens it starts and ends at, and
 * whether and by which directive (with its reason) it is suppressed — the same
 * summary (line numbers aside) and the same comments, byte for byte; and
 * formatting it again changes nothing. When the formatter refuses a text that
 * parses, it is because a directive's reach would change, said in one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/analysis/format.js';
import { computeSummary } from '../../src/analysis/summary.js';
import {
    applyLayoutMutation, applyMutations, layoutMutationArb, mutationArb, validSpecWithDirectives,
} from './arbitraries.js';
import { ROOT, Workbench, exampleTexts, fuzzTotals, runProperty, timeoutFor } from './harness.js';
import { tokenize } from './tokenize.js';

const bench = new Workbench();
const lexer = bench.services.parser.Lexer;

/** Every `.coord` file of examples/ and test/fixtures/ (recursively), by path. */
function corpus(): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile() && entry.name.endsWith('.coord')) out[path.relative(ROOT, full)] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(path.join(ROOT, 'examples'));
    walk(path.join(ROOT, 'test/fixtures'));
    return out;
}

/** Start offsets of every token and comment of a text (without its BOM), in order. */
function tokenStarts(text: string): number[] {
    const lexed = lexer.tokenize(text);
    return [...lexed.tokens, ...lexed.hidden].map(t => t.startOffset).sort((a, b) => a - b);
}

/** How many tokens start before an offset: a place in the text that layout does not change. */
function tokensBefore(starts: number[], offset: number): number {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < offset) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

function withoutLines(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutLines);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'line').map(([k, v]) => [k, withoutLines(v)]));
    }
    return value;
}

/** What a text means to `coord check` and `coord summary`, in terms that layout does not change. */
async function meaning(text: string): Promise<{ findings: string[]; summary: string; comments: string[] }> {
    const [built] = await bench.build({ 'a.coord': text });
    const doc = built.document;
    const body = doc.textDocument.getText();
    const starts = tokenStarts(body);
    const lexed = lexer.tokenize(body);
    const comments = lexed.hidden.filter(t => /COMMENT/.test(t.tokenType.name));
    // The directive's line (1-based in a finding) → which comment it is: a place layout does not change.
    const commentAtLine = new Map(comments.filter(c => c.tokenType.name === 'SL_COMMENT').map(c => [doc.textDocument.positionAt(c.startOffset).line, tokensBefore(starts, c.startOffset)]));
    const place = (p: { line: number; character: number }) => tokensBefore(starts, doc.textDocument.offsetAt(p));
    const findings = built.findings.map(f => JSON.stringify([
        f.rule, f.severity, f.message, place(f.range.start), place(f.range.end),
        f.suppressed ? [f.suppressed.kind, f.suppressed.reason, commentAtLine.get(f.suppressed.line - 1) ?? 'missing'] : null,
        f.related.map(r => [r.message, r.uri === doc.uri.toString() ? place(r.range.start) : r.range]),
    ])).sort();
    const summary = computeSummary(bench.services.shared.workspace.LangiumDocuments.all, {
        fileName: () => 'a.coord',
        findings: d => (d.uri.toString() === doc.uri.toString() ? built.findings : undefined),
    });
    return { findings, summary: JSON.stringify(withoutLines(summary)), comments: comments.map(c => c.image) };
}

const totals = { formatted: 0, refused: 0, syntax: 0, suppressed: 0 };

/** Formats a text and checks that its meaning, comments and layout are kept; returns what happened. */
async function checkMeaningKept(text: string): Promise<'formatted' | 'refused' | 'syntax'> {
    const result = formatText(text, bench.services);
    if (!result.ok) {
        if (result.error.message.includes('\n')) throw new Error(`a refusal of more than one line: ${JSON.stringify(result.error)}`);
        if (result.error.reason === 'syntax') {
            totals.syntax++;
            return 'syntax';
        }
        // The only other reason to refuse a text that parses is a directive whose reach would change.
        expect(result.error.reason).toBe('suppression');
        expect(text).toContain('coord-disable-next-line');
        totals.refused++;
        if (process.env.SHOW_REFUSALS) console.log(JSON.stringify(result.error), JSON.stringify(text));
        return 'refused';
    }
    const again = formatText(result.text, bench.services);
    if (!again.ok) throw new Error(`the formatted text is refused: ${JSON.stringify(again.error)}\n${JSON.stringify(result.text)}`);
    if (again.text !== result.text) throw new Error(`formatting is not idempotent:\n${JSON.stringify(result.text)}\n${JSON.stringify(again.text)}`);
    if (!result.changed) {
        totals.formatted++;
        return 'formatted';
    }
    const before = await meaning(text);
    const after = await meaning(result.text);
    if (JSON.stringify(after.comments) !== JSON.stringify(before.comments)) {
        throw new Error(`formatting changed the comments:\n${JSON.stringify(before.comments)}\n${JSON.stringify(after.comments)}`);
    }
    if (JSON.stringify(after.findings) !== JSON.stringify(before.findings)) {
        throw new Error(`formatting changed the findings:\n${before.findings.join('\n')}\n---\n${after.findings.join('\n')}\nformatted:\n${JSON.stringify(result.text)}`);
    }
    if (after.summary !== before.summary) throw new Error(`formatting changed the summary:\n${before.summary}\n${after.summary}`);
    if (before.findings.some(f => !f.includes(',null,['))) totals.suppressed++;
    totals.formatted++;
    return 'formatted';
}

const files = corpus();
const examples = exampleTexts();
const bases = [...Object.values(files)];

describe('formatting never changes what a file means', () => {
    test('every example and every test fixture', async () => {
        expect(Object.keys(files).length).toBeGreaterThan(20);
        let formatted = 0;
        for (const [name, text] of Object.entries(files)) {
            try {
                if ((await checkMeaningKept(text)) === 'formatted') formatted++;
            } catch (e) {
                throw new Error(`${name}: ${(e as Error).message}`);
            }
        }
        // Most of them parse; the broken ones on purpose are refused as syntax errors.
        expect(formatted).toBeGreaterThan(Object.keys(files).length / 2);
    });

    test('generated specs with suppression directives everywhere', async () => {
        await runProperty('formatter meaning on generated specs', validSpecWithDirectives, async text => {
            const outcome = await checkMeaningKept(text);
            if (outcome === 'syntax') throw new Error(`a valid spec was not formatted: ${JSON.stringify(formatText(text, bench.services))}`);
        }, { runs: 400, saveAs: text => text });
    }, timeoutFor(400, 100));

    test('mutated files: directives and line breaks moved, tokens changed', async () => {
        // Layout mutations keep a text parsing, so most cases are formatted and compared;
        // a token mutation now and then reaches texts no generator writes.
        const arb = fc.tuple(
            fc.oneof(
                { weight: 3, arbitrary: fc.constantFrom(...bases) },
                { weight: 2, arbitrary: validSpecWithDirectives },
            ),
            fc.array(layoutMutationArb, { minLength: 1, maxLength: 6 }),
            fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) }),
        ).map(([base, layouts, tokens]) => {
            const laid = layouts.reduce((t, m) => applyLayoutMutation(t, m, tokenize), base);
            return tokens ? applyMutations(laid, tokens, tokenize) : laid;
        });
        await runProperty('formatter meaning on mutated files', arb, async text => {
            await checkMeaningKept(text);
        }, { runs: 2000, saveAs: text => text });
    }, timeoutFor(2000, 100));
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] formatter meaning: ${runs} random cases in ${properties} properties; `
        + `${totals.formatted} formatted and compared (${totals.suppressed} with a suppressed finding), `
        + `${totals.refused} refused for a directive's reach, ${totals.syntax} not parsing; ${Object.keys(examples).length} examples`);
});
