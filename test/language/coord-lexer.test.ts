/**
 * Coord's lexer (src/language/coord-lexer.ts) against Langium's: the same
 * tokens (text, type, offsets, lines and columns), the same hidden tokens and
 * the same errors, on every example, the benchmark's text, every syntax
 * mistake, every place a name is read with every keyword, keywords glued to
 * other words, digits and hyphens, and random texts over an alphabet of
 * keyword pieces, punctuation, quotes, comments and characters no token
 * starts with. And that the word keywords are found by look-up: Chevrotain
 * has no pattern for them.
 */
import { describe, expect, it } from 'vitest';
import { DefaultLexer, EmptyFileSystem, type LexerResult } from 'langium';
import { Lexer as ChevrotainLexer, type IToken, type TokenType } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { CoordLexer, wordKeywords } from '../../src/language/coord-lexer.js';
import { BASE, MISTAKES, REVIEW_BASE, mistakeText } from './syntax-mistakes.data.js';
import { combined } from './name-places.data.js';
// @ts-expect-error: a plain ES module without types
import { unitText } from '../../bench/generate.mjs';
import { seededRandom } from '../seeded-random.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const ours = Coord.parser.Lexer;
const theirs = new DefaultLexer(Coord);

const token = (t: IToken) => [t.image, t.tokenType.name, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];
const shape = (r: LexerResult) => ({
    tokens: r.tokens.map(token),
    hidden: r.hidden.map(token),
    errors: r.errors.map(e => [e.offset, e.length, e.line, e.column, e.message]),
});

const PIECES = ['programme', 'program', 'per', 'period', 'p', 'n', 'in', 'social', 'social-protection', 'protection', 'very-low',
    'low', 'risk-of-bias', 'of', '-', '+', '~', '..', '.', ',', '{', '}', ' ', '\n', '\r\n', '\t', '_', 'x', 'X9', '0', '12.5',
    '"', '"a b"', '\\', '/*', '*/', '//', 'é', '@', '#', 'size', 'sizes', 'none', 'domain_', '_domain', 'Domain'];

describe('Coord\'s lexer', () => {
    it('finds the word keywords by look-up: Chevrotain has no pattern for them', () => {
        expect(ours).toBeInstanceOf(CoordLexer);
        const definition = ours.definition as Record<string, TokenType>;
        for (const word of ['programme', 'per', 'p', 'n', 'in', 'none', 'months']) expect(definition[word].PATTERN, word).toBe(ChevrotainLexer.NA);
        // Hyphenated keywords are not words: they keep their patterns.
        for (const word of ['social-protection', 'very-low', 'risk-of-bias']) expect(definition[word].PATTERN, word).toBe(word);
        const fresh = Coord.parser.TokenBuilder.buildTokens(Coord.Grammar, {}) as TokenType[];
        const found = wordKeywords(fresh);
        expect(found?.terminal.name).toBe('ID');
        expect(found!.byText.size).toBeGreaterThan(80);
        expect(found!.byText.has('social-protection')).toBe(false);
    });

    it('gives Langium\'s tokens, hidden tokens and errors', () => {
        const examplesDir = join(__dirname, '..', '..', 'examples');
        const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).map(f => readFileSync(join(examplesDir, f), 'utf8'));
        const mistakes = MISTAKES.map(mistakeText);
        const glued = ['programmex', 'xprogramme', 'programme9', 'programme_', 'programme-', 'social-protectionx', 'social-', 'socialx-protection',
            'very-lowest', 'low-', 'n1', 'p.5', 'in..of', 'per-per', '"programme"', '//programme', '/*per*/in', 'PROGRAMME', 'Programme', ''];
        const texts = [...examples, BASE, REVIEW_BASE, ...mistakes, ...combined(), ...glued, unitText('F0U0', 'F0U1', 0)];
        for (const text of texts) expect(shape(ours.tokenize(text)), text).toEqual(shape(theirs.tokenize(text)));
        const next = seededRandom(21);
        for (let i = 0; i < 3000; i++) {
            let text = '';
            const n = 1 + Math.floor(next() * 12);
            for (let j = 0; j < n; j++) text += PIECES[Math.floor(next() * PIECES.length)];
            expect(shape(ours.tokenize(text)), JSON.stringify(text)).toEqual(shape(theirs.tokenize(text)));
        }
    });

    it('a keyword token has the keyword\'s type, which the parser matches', () => {
        const result = ours.tokenize('programme per { n 1 }');
        expect(result.tokens.map(t => t.tokenType.name)).toEqual(['programme', 'per', '{', 'n', 'NUMBER', '}']);
        const definition = ours.definition as Record<string, TokenType>;
        expect(result.tokens[0].tokenTypeIdx).toBe(definition.programme.tokenTypeIdx);
        expect(result.tokens[1].tokenType).toBe(definition.per);
    });
});
