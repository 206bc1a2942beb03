/**
 * The editor features never fail: on valid, mutated and hostile documents,
 * at random positions, hover, completion, go-to-definition, references,
 * highlights and rename never throw, and neither do the whole-document
 * features (symbols, folding, semantic tokens, code actions for every
 * diagnostic, code lenses, formatting). Every range they return that points
 * into the document lies inside it.
 */
import { afterAll, describe, test } from 'vitest';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { createCoordLspServices, type CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { tokenize } from './tokenize.js';
import { exampleTexts, fuzzTotals, runProperty, timeoutFor, Workbench } from './harness.js';
import { exercise } from './editor-exercise.js';

const services = createCoordLspServices(EmptyFileSystem).Coord;
const bench = new Workbench<CoordLspServices>(services);
const examples = exampleTexts();

const positions = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const exampleNames = Object.keys(examples);
const documentText = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...exampleNames), fc.array(mutationArb, { maxLength: 3 })).map(([n, ms]) => applyMutations(examples[n], ms, tokenize)) },
    { weight: 3, arbitrary: fc.tuple(validSpec, fc.array(mutationArb, { maxLength: 2 })).map(([t, ms]) => applyMutations(t, ms, tokenize)) },
    { weight: 1, arbitrary: hostileText },
);

describe('editor features never fail', () => {
    test('hover, completion, navigation, rename, symbols, folding, tokens, code actions, lenses and formatting', async () => {
        await runProperty('editor features', fc.tuple(documentText, positions), async ([text, offsets]) => {
            const [built] = await bench.buildAndCheck({ 'main.coord': text });
            await exercise(services, built.document, offsets);
        }, { runs: 150, saveAs: ([text]) => text });
    }, timeoutFor(150, 200));

    test('every offset of a small document: hover and completion', async () => {
        const text = 'programme P "t" {\n  country Peru\n  sector productive\n}\neffects of P from E { + income size 1 sd p 0.1 note "n" }\n';
        const [built] = await bench.buildAndCheck({ 'main.coord': text });
        const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
        await exercise(services, built.document, offsets);
        console.log(`[fuzz] editor features at every offset of a small document: ${offsets.length} positions`);
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] editor: ${runs} random cases in ${properties} properties`);
});
