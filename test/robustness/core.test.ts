/**
 * Parsing never fails: the parser, the linker and every rule, given valid
 * specs generated from the grammar, the examples, mutations of both (token
 * deletions, insertions, swaps, truncations, hostile Unicode) and text that is
 * not Coord at all, never throw, never report an internal error, and place
 * every finding inside its document. Valid specs parse with no syntax finding.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { tokenize } from './tokenize.js';
import { exampleTexts, fuzzTotals, runProperty, timeoutFor, Workbench } from './harness.js';

const bench = new Workbench();
const examples = exampleTexts();
const exampleNames = Object.keys(examples);

describe('the core never fails', () => {
    test('there are examples to mutate', () => {
        expect(exampleNames.length).toBeGreaterThan(0);
    });

    test('valid generated specs parse without a syntax finding and keep every invariant', async () => {
        await runProperty('valid generated specs', validSpec, async text => {
            const [built] = await bench.buildAndCheck({ 'main.coord': text });
            const syntax = built.findings.filter(f => f.rule === 'syntax');
            if (syntax.length > 0) {
                throw new Error(`a valid spec has syntax findings: ${syntax.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('; ')}`);
            }
        }, { runs: 300, saveAs: text => text });
    }, timeoutFor(300));

    test('mutated examples never crash the parser, linker or rules', async () => {
        const arb = fc.tuple(fc.constantFrom(...exampleNames), fc.array(mutationArb, { minLength: 1, maxLength: 4 }));
        await runProperty('mutated examples', arb, async ([name, mutations]) => {
            await bench.buildAndCheck({ [name]: applyMutations(examples[name], mutations, tokenize) });
        }, { runs: 450, saveAs: ([name, mutations]) => applyMutations(examples[name], mutations, tokenize) });
    }, timeoutFor(450));

    test('mutated generated specs never crash', async () => {
        const arb = fc.tuple(validSpec, fc.array(mutationArb, { minLength: 1, maxLength: 3 }));
        await runProperty('mutated generated specs', arb, async ([text, mutations]) => {
            await bench.buildAndCheck({ 'main.coord': applyMutations(text, mutations, tokenize) });
        }, { runs: 300, saveAs: ([text, mutations]) => applyMutations(text, mutations, tokenize) });
    }, timeoutFor(300));

    test('text that is not Coord at all never crashes', async () => {
        const arb = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary-ascii', maxLength: 200 }));
        await runProperty('hostile text', arb, async text => {
            await bench.buildAndCheck({ 'main.coord': text });
        }, { runs: 200, saveAs: text => text });
    }, timeoutFor(200));

    test('several files with references between them never crash', async () => {
        const arb = fc.tuple(validSpec, validSpec, fc.array(mutationArb, { maxLength: 2 }));
        await runProperty('multi-file workspaces', arb, async ([a, b, mutations]) => {
            await bench.buildAndCheck({ 'a.coord': a, 'b.coord': applyMutations(b, mutations, tokenize) });
        }, { runs: 100, saveAs: ([a, b, mutations]) => ({ 'a.coord': a, 'b.coord': applyMutations(b, mutations, tokenize) }) });
    }, timeoutFor(100));

    test('deleting any one token of an example, and truncating it after any token, never crashes', async () => {
        const name = exampleNames.includes('model.coord') ? 'model.coord' : exampleNames[0];
        const text = examples[name];
        const spans = tokenize(text);
        let cases = 0;
        for (const [start, end] of spans) {
            await bench.buildAndCheck({ [name]: text.slice(0, start) + text.slice(end) });
            await bench.buildAndCheck({ [name]: text.slice(0, end) });
            cases += 2;
        }
        console.log(`[fuzz] exhaustive token deletion and truncation of ${name}: ${cases} runs`);
        expect(cases).toBeGreaterThan(100);
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] core: ${runs} random cases in ${properties} properties`);
});
