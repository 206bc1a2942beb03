/**
 * The parser reads tokens with their start offsets only and makes the syntax
 * tree's lines and columns from the text's lines (src/language/offset-tokens.ts).
 * Against the same parser reading Chevrotain's tokens with full positions: the
 * same syntax tree (every node's offset, length, range, hidden flag and token
 * type), the same syntax errors with the same token positions, the same lexer
 * errors, on every example, every syntax mistake, and random texts with every
 * kind of line break (LF, CRLF, a lone CR) inside and between tokens, strings
 * and comments across lines, tabs and characters outside the BMP. And the line
 * table against the LSP's positions, in any order of questions.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type CstNode, type LangiumParser, type ParseResult } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { CoordLexer } from '../../src/language/coord-lexer.js';
import { LineTable, withFullPositions } from '../../src/language/offset-tokens.js';
import { isComposite } from '../../src/language/langium-internals.js';
import { BASE, MISTAKES, REVIEW_BASE, mistakeText } from './syntax-mistakes.data.js';
// @ts-expect-error: a plain ES module without types
import { unitText } from '../../bench/generate.mjs';
import { seededRandom } from '../seeded-random.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const ours = Coord.parser.LangiumParser;

/** The same parser, given Chevrotain's tokens with full positions (as before offset tokens). */
const fullServices = createCoordCoreServices(EmptyFileSystem).Coord;
const withFull = fullServices.parser.LangiumParser;
(withFull as unknown as { lexer: unknown }).lexer = fullServices.parser.Lexer;

function cstShape(node: CstNode): unknown[] {
    const out: unknown[] = [];
    const stack = [node];
    while (stack.length > 0) {
        const n = stack.pop()!;
        out.push([n.offset, n.length, n.end, n.range, n.hidden, isComposite(n) ? 'composite' : (n as { tokenType?: { name: string } }).tokenType?.name]);
        if (isComposite(n)) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
    }
    return out;
}

const tokenShape = (t: IToken | undefined) => t && [t.image, t.tokenType?.name, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];

function resultShape(r: ParseResult) {
    return {
        cst: cstShape(r.value.$cstNode!),
        parserErrors: r.parserErrors.map(e => [e.name, e.message, tokenShape(e.token),
            tokenShape((e as IRecognitionException & { previousToken?: IToken }).previousToken), e.resyncedTokens?.map(tokenShape)]),
        lexerErrors: r.lexerErrors.map(e => [e.offset, e.length, e.line, e.column, e.message]),
    };
}

const PIECES = ['programme P "T" {', 'country Peru', 'sector productive', '}', 'domain d "D"', 'population p "A\nB"', '"x\r\ny"', '"\r"',
    '/* a\r\nb */', '/* \r */', '// c', '\n', '\r\n', '\r', ' ', '\t', '😀', 'é', '#', '"', '{', ',', 'effects of P {', '+ o size 1 sd', '..', '-'];

function randomTexts(seed: number, count: number): string[] {
    const next = seededRandom(seed);
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
        let text = '';
        const n = 1 + Math.floor(next() * 25);
        for (let j = 0; j < n; j++) text += PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.5 ? ' ' : '');
        texts.push(text);
    }
    return texts;
}

describe('The parser\'s offset-only tokens', () => {
    it('are what the parser reads: four fields, no lines, no columns, no end offset', () => {
        const lexer = Coord.parser.Lexer as CoordLexer;
        expect(lexer).toBeInstanceOf(CoordLexer);
        const read = (ours as unknown as { lexer: { tokenize(text: string): { tokens: IToken[] } } }).lexer.tokenize('programme P {\n  country Peru\n}\n');
        expect(read.tokens.map(t => t.image)).toEqual(['programme', 'P', '{', 'country', 'Peru', '}']);
        for (const token of read.tokens) expect(Object.keys(token).sort()).toEqual(['image', 'startOffset', 'tokenType', 'tokenTypeIdx']);
        // Everyone else gets full positions.
        expect(lexer.tokenize('programme').tokens[0]).toMatchObject({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 9, endOffset: 8 });
    });

    it('give the syntax tree and the errors of tokens with full positions', () => {
        const examplesDir = join(__dirname, '..', '..', 'examples');
        const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).map(f => readFileSync(join(examplesDir, f), 'utf8'));
        const mistakes = MISTAKES.map(mistakeText);
        const breaks = [BASE, REVIEW_BASE, ...examples.slice(0, 3)].flatMap(t => [t.replace(/\n/g, '\r\n'), t.replace(/\n/g, '\r')]);
        const texts = [...examples, BASE, REVIEW_BASE, ...mistakes, ...breaks, unitText('F0U0', 'F0U1', 0), '', '\r', '\r\n\r\n', '"\n', '/*\n', ...randomTexts(7, 800)];
        let errors = 0;
        for (const text of texts) {
            const a = resultShape(ours.parse(text));
            const b = resultShape(withFull.parse(text));
            expect(a, JSON.stringify(text)).toEqual(b);
            errors += a.parserErrors.length + a.lexerErrors.length;
        }
        // The comparison covered errors too.
        expect(errors).toBeGreaterThan(1000);
    });

    it('put every leaf where the LSP puts its offset and end', () => {
        for (const text of randomTexts(11, 300)) {
            const document = TextDocument.create('file:///t.coord', 'coord', 1, text);
            const stack: CstNode[] = [ours.parse(text).value.$cstNode!];
            while (stack.length > 0) {
                const n = stack.pop()!;
                if (isComposite(n)) {
                    stack.push(...n.content);
                    continue;
                }
                expect(n.range, JSON.stringify(text)).toEqual({ start: document.positionAt(n.offset), end: document.positionAt(n.end) });
            }
        }
    });
});

describe('The line table', () => {
    it('answers as the LSP counts lines (LF, CRLF, a lone CR), whatever the order of the questions', () => {
        const next = seededRandom(3);
        for (const text of ['', 'a', '\n', '\r', '\r\n', 'a\r\rb\n\r\nc\r', ...randomTexts(5, 200)]) {
            const document = TextDocument.create('file:///t.coord', 'coord', 1, text);
            const table = new LineTable(text);
            expect(table.lines).toBe(document.lineCount);
            const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
            // In order, backwards and at random.
            for (const order of [offsets, [...offsets].reverse(), offsets.map(() => Math.floor(next() * (text.length + 1)))]) {
                for (const offset of order) {
                    const line = table.line(offset);
                    const expected = document.positionAt(offset);
                    // positionAt puts an offset between \r and \n at the \r; the table counts lines by their starts.
                    if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
                    expect([line, offset - table.start(line)], `${JSON.stringify(text)} @${offset}`).toEqual([expected.line, expected.character]);
                }
            }
        }
    });

    it('stays fast on a long text asked out of order: 200,000 questions on 100,000 lines', () => {
        const text = 'domain d "D"\n'.repeat(100_000);
        const table = new LineTable(text);
        const next = seededRandom(9);
        let sum = 0;
        for (let i = 0; i < 200_000; i++) sum += table.line(Math.floor(next() * text.length));
        expect(sum).toBeGreaterThan(0);
        expect(table.line(text.length - 1)).toBe(99_999);
    });

    it('gives a token its full positions once, and leaves a token with positions or without an offset as it is', () => {
        const table = new LineTable('ab\r\n"c\nd" e');
        const token = withFullPositions(table, { image: '"c\nd"', startOffset: 4, tokenType: undefined } as unknown as IToken);
        expect(token).toMatchObject({ startLine: 2, startColumn: 1, endLine: 3, endColumn: 2, endOffset: 8 });
        const inserted = { image: '', startOffset: NaN, tokenType: undefined } as unknown as IToken;
        expect(withFullPositions(table, inserted)).toEqual({ image: '', startOffset: NaN, tokenType: undefined });
        const full = { image: 'e', startOffset: 10, startLine: 7, tokenType: undefined } as unknown as IToken;
        expect(withFullPositions(table, full).startLine).toBe(7);
    });
});

describe('A parser given tokens with positions', () => {
    it('reads them as before (the syntax repair gives the parser such tokens)', () => {
        const parser: LangiumParser = withFull;
        const text = 'programme P {\r\n  country Peru\r}\n';
        expect(resultShape(parser.parse(text))).toEqual(resultShape(ours.parse(text)));
    });
});
