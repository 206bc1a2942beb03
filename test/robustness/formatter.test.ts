/**
 * Formatting never loses text: on valid specs generated from the grammar (with
 * comments between any two tokens, odd whitespace and hostile Unicode in
 * strings and comments), formatting is idempotent, leaves the AST unchanged
 * (layout aside), keeps every comment in order, and keeps the line-ending style
 * (LF or CRLF; lone CRs become LF; a line break inside a string or a comment is
 * its content, kept as written) and a byte-order mark. On any other text it never throws: it
 * formats or names a syntax error, and when it formats, the same holds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EmptyFileSystem, isAstNode, isReference, type AstNode } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText } from '../../src/analysis/format.js';
import { applyMutations, hostileText, mutationArb, validSpec } from './arbitraries.js';
import { REGRESSIONS, exampleTexts, fuzzTotals, runProperty, timeoutFor } from './harness.js';
import { tokenize } from './tokenize.js';

const services = createCoordCoreServices(EmptyFileSystem).Coord;
const examples = exampleTexts();

/** The AST as plain data, without positions, CST or layout: references by the name written. */
function astData(value: unknown): unknown {
    if (isReference(value)) return { ref: value.$refText };
    if (Array.isArray(value)) return value.map(astData);
    if (isAstNode(value)) {
        const out: Record<string, unknown> = { $type: (value as AstNode).$type };
        for (const [key, v] of Object.entries(value)) {
            if (!key.startsWith('$')) out[key] = astData(v);
        }
        return out;
    }
    return value;
}

function parse(text: string) {
    return services.parser.LangiumParser.parse(text.replace(/^\ufeff/, ''));
}

function comments(text: string): string[] {
    return services.parser.Lexer.tokenize(text.replace(/^\ufeff/, '')).hidden
        .filter(t => /COMMENT/.test(t.tokenType.name))
        .map(t => (t.tokenType.name === 'SL_COMMENT' ? t.image.trimEnd() : t.image));
}

/** The line breaks of a text between its tokens: one inside a string or a comment is its content, kept as written. */
function lineEndings(text: string): Set<string> {
    const body = text.replace(/^\ufeff/, '');
    const lexed = services.parser.Lexer.tokenize(body);
    let outside = '';
    let at = 0;
    for (const t of [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset)) {
        outside += body.slice(at, t.startOffset) + ' ';
        at = t.startOffset + t.image.length;
    }
    outside += body.slice(at);
    return new Set(outside.match(/\r\n|\r|\n/g) ?? []);
}

/** Checks the formatter's promises on a text that parses; returns the formatted text. */
function checkFormatting(input: string): string | undefined {
    const first = formatText(input, services);
    if (!first.ok) return undefined;
    const out = first.text;
    const second = formatText(out, services);
    if (!second.ok) throw new Error(`the formatted text does not parse: ${second.error.line}:${second.error.column} ${second.error.message}\n${JSON.stringify(out)}`);
    if (second.text !== out) throw new Error(`formatting is not idempotent:\n${JSON.stringify(out)}\n${JSON.stringify(second.text)}`);
    const before = JSON.stringify(astData(parse(input).value));
    const after = JSON.stringify(astData(parse(out).value));
    if (before !== after) throw new Error(`formatting changed the AST:\n${before}\n${after}`);
    const kept = comments(out);
    const had = comments(input);
    if (JSON.stringify(kept) !== JSON.stringify(had)) throw new Error(`formatting changed the comments:\n${JSON.stringify(had)}\n${JSON.stringify(kept)}`);
    if ((input.charCodeAt(0) === 0xfeff) !== (out.charCodeAt(0) === 0xfeff)) throw new Error('formatting added or dropped the byte-order mark');
    const eols = lineEndings(input);
    // LF and CRLF are kept; a file of lone CRs (classic Mac OS) is written with LF, as the formatter documents.
    if (eols.size === 1) {
        const [written] = eols;
        const eol = written === '\r' ? '\n' : written;
        const outEols = lineEndings(out);
        if (outEols.size > 1 || (outEols.size === 1 && !outEols.has(eol))) {
            throw new Error(`the input ends its lines with ${JSON.stringify(eol)}, the output with ${JSON.stringify([...outEols])}`);
        }
    }
    return out;
}

/** A generated spec with one line-ending style throughout. */
const uniformSpec = fc.tuple(validSpec, fc.constantFrom('\n', '\r\n')).map(([text, eol]) => text.replace(/\r\n|\r|\n/g, eol));

describe('formatting never loses text', () => {
    test('the formatter regression fixtures (test/fixtures/regressions/formatter-*.coord)', () => {
        const folder = path.join(REGRESSIONS);
        const cases = fs.readdirSync(folder).filter(f => f.startsWith('formatter-') && f.endsWith('.coord'));
        expect(cases.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const name of cases) {
            const text = fs.readFileSync(path.join(folder, name), 'utf8');
            try {
                checkFormatting(text);
            } catch (e) {
                failures.push(`${name}: ${(e as Error).message}`);
            }
        }
        expect(failures).toEqual([]);
    });

    test('generated specs: idempotent, same AST, every comment kept, line endings and BOM kept', async () => {
        await runProperty('formatter on generated specs', uniformSpec, text => {
            if (checkFormatting(text) === undefined) {
                const r = formatText(text, services);
                throw new Error(`a valid spec was not formatted: ${JSON.stringify(r)}`);
            }
        }, { runs: 400, saveAs: text => text });
    }, timeoutFor(400));

    test('any text: formatting never throws, and what it formats keeps every promise', async () => {
        const names = Object.keys(examples);
        const arb = fc.oneof(
            fc.tuple(fc.constantFrom(...names), fc.array(mutationArb, { maxLength: 3 })).map(([n, ms]) => applyMutations(examples[n], ms, tokenize)),
            fc.tuple(validSpec, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([t, ms]) => applyMutations(t, ms, tokenize)),
            hostileText,
        );
        await runProperty('formatter on any text', arb, text => {
            checkFormatting(text);
        }, { runs: 300, saveAs: text => text });
    }, timeoutFor(300));
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] formatter: ${runs} random cases in ${properties} properties`);
});
