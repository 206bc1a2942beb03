/**
 * Semantic tokens that VS Code takes without "Overlapping semantic tokens"
 * warnings: on every example, every document of the mistakes corpus and
 * generated hostile documents, the encoded tokens decode to tokens sorted by
 * position, none overlapping the one before it, each inside one line of the
 * text (the server announces no multi-line tokens), of a known type and
 * modifiers, for the whole document and for a range of lines. VS Code checks
 * this when it decodes the data. And requests that overlap in time each get
 * their own tokens: VS Code asks for the visible range and the whole document
 * at once, and Langium's provider kept one builder per document and its state
 * in the provider, so two requests in flight mixed their tokens (the
 * "Overlapping semantic tokens" of the code-server e2e run).
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EmptyFileSystem, setInterruptionPeriod } from 'langium';
import { CancellationTokenSource, type SemanticTokens } from 'vscode-languageserver';
import { createCoordLspServices, type CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { tokenize } from './tokenize.js';
import { exampleTexts, fuzzTotals, runProperty, timeoutFor, Workbench } from './harness.js';
import { MISTAKES, mistakeText } from '../language/syntax-mistakes.data.js';

const services = createCoordLspServices(EmptyFileSystem).Coord;
const bench = new Workbench<CoordLspServices>(services);
const provider = services.lsp.SemanticTokenProvider!;
const TYPES = Object.keys(provider.tokenTypes).length;
const MODIFIERS = Object.keys(provider.tokenModifiers).length;

/**
 * The faults of encoded tokens as VS Code reads them (one string per fault):
 * a token that starts before the end of the one before it on the same line
 * (overlap, or out of order), one that runs past the end of its line or is
 * empty, an unknown type or modifier bit.
 */
export function tokenFaults(data: readonly number[], text: string): string[] {
    const lines = text.split(/\r\n|\r|\n/);
    const faults: string[] = [];
    if (data.length % 5 !== 0) faults.push(`${data.length} numbers is not a whole number of tokens`);
    let line = 0;
    let char = 0;
    let previousEnd = 0;
    for (let i = 0; i + 4 < data.length; i += 5) {
        const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
        if (deltaLine < 0 || deltaStart < 0) faults.push(`token ${i / 5} goes backwards (${deltaLine}, ${deltaStart})`);
        if (deltaLine > 0) previousEnd = 0;
        line += deltaLine;
        char = deltaLine === 0 ? char + deltaStart : deltaStart;
        const at = `${line + 1}:${char + 1}`;
        if (deltaLine === 0 && char < previousEnd) faults.push(`token at ${at} overlaps the one before it (which ends at column ${previousEnd + 1})`);
        if (line >= lines.length) faults.push(`token at ${at} is past the last line`);
        else if (length <= 0 || char + length > lines[line].length) faults.push(`token at ${at} of length ${length} does not fit its line of ${lines[line].length} characters`);
        if (type >= TYPES) faults.push(`token at ${at} has type ${type}`);
        if (modifiers >= 2 ** MODIFIERS) faults.push(`token at ${at} has modifiers ${modifiers}`);
        previousEnd = char + length;
    }
    return faults;
}

/** The faults of the whole document's tokens, and of those of its middle third (VS Code asks for the visible range first). */
async function faultsOf(text: string): Promise<string[]> {
    const [built] = await bench.build({ 'main.coord': text });
    const textDocument = { uri: built.document.uri.toString() };
    const own = built.document.textDocument;
    const full: SemanticTokens = await provider.semanticHighlight(built.document, { textDocument });
    const third = Math.floor(own.lineCount / 3);
    const range = { start: { line: third, character: 0 }, end: { line: 2 * third + 1, character: 0 } };
    const ranged: SemanticTokens = await provider.semanticHighlightRange(built.document, { textDocument, range });
    return [...tokenFaults(full.data, own.getText()), ...tokenFaults(ranged.data, own.getText()).map(f => `in lines ${third + 1}-${2 * third + 1}: ${f}`)];
}

describe('the decoder finds what VS Code would warn about', () => {
    test('overlap, disorder, a token past its line, an unknown type', () => {
        expect(tokenFaults([0, 0, 5, 0, 0, 0, 3, 2, 0, 0], 'hello world')).toEqual([expect.stringMatching(/1:4 overlaps/)]);
        expect(tokenFaults([0, 4, 2, 0, 0, 1, 0, 20, 0, 0], 'ab cd ef\nxy')).toEqual([expect.stringMatching(/2:1 of length 20 does not fit/)]);
        expect(tokenFaults([0, 0, 2, TYPES, 0], 'ab')).toEqual([expect.stringMatching(/type/)]);
        expect(tokenFaults([0, 0, 2, 0, 0, 0, 3, 2, 0, 0, 1, 0, 1, 0, 0], 'ab cd\ne')).toEqual([]);
    });
});

describe('semantic tokens VS Code takes without warnings', () => {
    const examples = exampleTexts();

    test.each(Object.keys(examples))('%s', async name => {
        expect(await faultsOf(examples[name])).toEqual([]);
    });

    test('every document of the mistakes corpus', async () => {
        const faults: string[] = [];
        for (const m of MISTAKES) {
            const text = mistakeText(m);
            for (const fault of await faultsOf(text)) faults.push(`${m.name}: ${fault}`);
        }
        expect(faults).toEqual([]);
    });

    test('keywords used as names, CRLF line ends, a BOM, tabs and wide characters', async () => {
        const texts = [
            'domain domain "D"\noutcome in in domain desirable increase\n',
            'programme P "t" {\r\n  country Perú\r\n  sector productive, social-protection\r\n}\r\n',
            '\uFEFFpopulation p "😀 x"\n\tprogramme\tQ\t{ country\tX sector other targets p }\n',
            'effects of A + B from E { + income size 1.2 sd ci 0.1..0.2 p 0.01 note "n" }\n',
        ];
        for (const text of texts) expect(await faultsOf(text), text).toEqual([]);
    });

    const documents = fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(examples)), fc.array(mutationArb, { maxLength: 4 })).map(([n, ms]) => applyMutations(examples[n], ms, tokenize)) },
        { weight: 2, arbitrary: fc.tuple(validSpec, fc.array(mutationArb, { maxLength: 3 })).map(([t, ms]) => applyMutations(t, ms, tokenize)) },
        { weight: 2, arbitrary: hostileText },
    );

    test('generated valid, mutated and hostile documents', async () => {
        await runProperty('semantic tokens without overlap', documents, async text => {
            const faults = await faultsOf(text);
            if (faults.length > 0) throw new Error(faults.slice(0, 5).join('\n'));
        }, { runs: 200, saveAs: text => text });
    }, timeoutFor(200, 150));
});

describe('semantic token requests in flight together', () => {
    afterEach(() => setInterruptionPeriod(10));

    test('a range request and a full request of one document, and full requests of two documents, each get their own tokens', async () => {
        const examples = exampleTexts();
        const built = await bench.build({ 'a.coord': examples['colombia.coord'], 'b.coord': examples['mexico.coord'] });
        const [a, b] = built.map(x => x.document);
        const full = (d: typeof a) => provider.semanticHighlight(d, { textDocument: { uri: d.uri.toString() } }, new CancellationTokenSource().token);
        const range = { start: { line: 10, character: 0 }, end: { line: 40, character: 0 } };
        const ranged = (d: typeof a) => provider.semanticHighlightRange(d, { textDocument: { uri: d.uri.toString() }, range }, new CancellationTokenSource().token);
        const alone = { a: (await full(a)).data, b: (await full(b)).data, range: (await ranged(a)).data };
        // Every node a yield, as a busy server gives: the requests interleave.
        setInterruptionPeriod(0);
        const [fullA, rangeA] = await Promise.all([full(a), ranged(a)]);
        const [fullA2, fullB] = await Promise.all([full(a), full(b)]);
        expect(fullA.data).toEqual(alone.a);
        expect(rangeA.data).toEqual(alone.range);
        expect(fullA2.data).toEqual(alone.a);
        expect(fullB.data).toEqual(alone.b);
        expect(tokenFaults(fullA.data, a.textDocument.getText())).toEqual([]);
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] semantic tokens: ${runs} random cases in ${properties} properties`);
});
