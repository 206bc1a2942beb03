/**
 * The parser reads tokens that carry their start offset only, and the syntax
 * tree's lines and columns come from a table of the text's line starts.
 *
 * Chevrotain's tokens with full positions have nine fields (image, type, index,
 * start and end offsets, lines and columns); a 100,000-line file has 420,000 of
 * them, all alive until its parse ends, so they are copied by every scavenge
 * of the parse and promoted to the old generation; and the lexer's line
 * tracking (a search for line breaks in every token that may hold one) was a
 * third of lexing. With `positionTracking: 'onlyOffset'` a token has four
 * fields (`CoordLexer.tokenizeOffsets`), and each leaf's line and column are
 * found in a {@link LineTable} of the text, which a parse walks forward as it
 * reads its tokens in order.
 *
 * Lines are counted as Chevrotain and the LSP count them: a line ends at `\n`,
 * `\r\n` or a lone `\r`. None of Coord's tokens ends with a line break (white
 * space is skipped, a string ends with `"`, a comment with `*\/` or before the
 * break), so a leaf's end is the table's position of its last character, one
 * column on, as Chevrotain computes it.
 *
 * What leaves the parse with a token gets the token's full positions back
 * ({@link withFullPositions}): the tokens of the syntax errors (the message's
 * place, the syntax repair, the incremental parse) and the lines and columns of
 * the lexer's errors. Tokens that already have their positions (those the
 * syntax repair gives the parser) are read as before.
 * `test/language/offset-tokens.test.ts` compares trees and errors with those
 * made from Chevrotain's full positions.
 */
import type { CstNode, LangiumParser } from 'langium';
import type { CoordLexer } from './coord-lexer.js';
import { newLeaf } from './langium-internals.js';
import { markTextLexer } from './chunked-parse.js';

/** The start offset of every line of a text (the first is 0), and the line of an offset. */
export class LineTable {
    private readonly starts: number[];
    private cursor = 0;

    constructor(text: string) {
        const starts = [0];
        if (text.indexOf('\r') < 0) {
            for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
        } else {
            for (let i = 0; i < text.length; i++) {
                const c = text.charCodeAt(i);
                if (c === 10) {
                    starts.push(i + 1);
                } else if (c === 13) {
                    if (text.charCodeAt(i + 1) === 10) i++;
                    starts.push(i + 1);
                }
            }
        }
        this.starts = starts;
    }

    /** How many lines the text has. */
    get lines(): number {
        return this.starts.length;
    }

    /**
     * The 0-based line of `offset` (0 ≤ offset). A parse asks in the order of its tokens, so
     * this looks a few lines on from the last answer first, then halves the table.
     */
    line(offset: number): number {
        const starts = this.starts;
        const n = starts.length;
        let line = this.cursor;
        if (offset >= starts[line]) {
            for (let step = 0; step < 8; step++) {
                if (line + 1 >= n || starts[line + 1] > offset) return this.cursor = line;
                line++;
            }
        }
        let lo = 0, hi = n - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return this.cursor = lo;
    }

    /** Where line `line` starts. */
    start(line: number): number {
        return this.starts[line];
    }

    /** Where the line after `line` starts, or Infinity after the last line. */
    next(line: number): number {
        return line + 1 < this.starts.length ? this.starts[line + 1] : Infinity;
    }
}

/** A Chevrotain token as the parser sees it; the positions are there when the lexer tracked them. */
interface ParserToken {
    image: string;
    startOffset: number;
    endOffset?: number;
    startLine?: number;
    endLine?: number;
    startColumn?: number;
    endColumn?: number;
    tokenType: unknown;
    isInsertedInRecovery?: boolean;
}

/** The leaf of `token`, with its position from `table`. */
function leafOf(table: LineTable, token: ParserToken, hidden: boolean): CstNode {
    const offset = token.startOffset;
    const length = token.image.length;
    const line = table.line(offset);
    const column = offset - table.start(line);
    if (offset + length < table.next(line)) return newLeaf(offset, length, line, column, line, column + length, token.tokenType, hidden);
    // Across lines: it ends on the line of its last character.
    const endLine = table.line(offset + length - 1);
    return newLeaf(offset, length, line, column, endLine, offset + length - table.start(endLine), token.tokenType, hidden);
}

/**
 * Gives a token without positions Chevrotain's full ones (1-based lines and columns,
 * inclusive ends), from `table`; a token with positions, or without a valid offset
 * (one inserted by error recovery), is left as it is. Returns the token.
 */
export function withFullPositions<T>(table: LineTable, token: T): T {
    const t = token as ParserToken | undefined;
    if (!t || typeof t !== 'object' || t.startLine !== undefined || typeof t.image !== 'string'
        || !Number.isFinite(t.startOffset) || t.startOffset < 0) return token;
    const offset = t.startOffset, length = t.image.length;
    const line = table.line(offset);
    t.endOffset = offset + length - 1;
    t.startLine = line + 1;
    t.startColumn = offset - table.start(line) + 1;
    const endLine = length === 0 || offset + length < table.next(line) ? line : table.line(offset + length - 1);
    t.endLine = endLine + 1;
    t.endColumn = offset + length - table.start(endLine);
    return token;
}

/** Gives the lexer's errors their lines and columns (1-based, as Chevrotain's), from `table`. */
function withErrorPositions(table: LineTable, errors: Array<{ offset: number; line?: number; column?: number }>): void {
    for (const error of errors) {
        if (error.line !== undefined || !Number.isFinite(error.offset) || error.offset < 0) continue;
        const line = table.line(error.offset);
        error.line = line + 1;
        error.column = error.offset - table.start(line) + 1;
    }
}

/** The members of Langium 4.4's `LangiumParser` this module uses. */
interface OffsetParser {
    lexer: { definition: unknown; tokenize(text: string): unknown };
    nodeBuilder: { createLeafNode(token: ParserToken, hidden: boolean): CstNode; rootNode?: { fullText: string } };
    isValidToken(token: ParserToken): boolean;
    parse(input: string, options?: unknown): ParseOutput;
}

interface ParseOutput {
    lexerErrors: Array<{ offset: number; line?: number; column?: number }>;
    parserErrors: Array<{ token?: unknown; previousToken?: unknown; resyncedTokens?: unknown[] }>;
}

/**
 * Makes `parser` (Coord's, with {@link useOneLineLeaves}' leaf builder installed) read the
 * tokens of {@link CoordLexer.tokenizeOffsets} (see the module's comment). A parser without
 * the members this uses is left as it is. Returns the parser.
 */
export function useOffsetTokens(parser: LangiumParser, lexer: CoordLexer): LangiumParser {
    const p = parser as unknown as OffsetParser;
    const createLeaf = p.nodeBuilder?.createLeafNode;
    const parse = p.parse;
    if (typeof createLeaf !== 'function' || typeof parse !== 'function' || typeof p.isValidToken !== 'function' || !p.lexer) return parser;
    // The table of the text being parsed: the root syntax node the builder made for it (every parse starts with one).
    let root: { fullText: string } | undefined;
    let table: LineTable | undefined;
    const lines = (): LineTable => {
        const current = p.nodeBuilder.rootNode!;
        if (current !== root || !table) {
            root = current;
            table = new LineTable(current.fullText);
        }
        return table;
    };
    // A lexer of the text it is given, so that a large text may be parsed in stretches (chunked-parse.ts).
    p.lexer = markTextLexer({
        definition: lexer.definition,
        tokenize: (input: string) => {
            const result = lexer.tokenizeOffsets(input);
            if (result.errors.length > 0) withErrorPositions(new LineTable(input), result.errors);
            return result;
        },
    });
    p.nodeBuilder.createLeafNode = (token, hidden) => (token.startLine === undefined ? leafOf(lines(), token, hidden) : createLeaf.call(p.nodeBuilder, token, hidden));
    // Langium's test, which reads `endOffset`: a token's range is valid when it starts at an offset and is not empty.
    p.isValidToken = (token: ParserToken) => !token.isInsertedInRecovery && (token.endOffset !== undefined
        ? Number.isFinite(token.startOffset) && token.startOffset >= 0 && Number.isFinite(token.endOffset) && token.endOffset >= token.startOffset
        : Number.isFinite(token.startOffset) && token.startOffset >= 0 && token.image.length > 0);
    p.parse = function (this: OffsetParser, input: string, options?: unknown): ParseOutput {
        try {
            const result = parse.call(this, input, options);
            if (result.parserErrors.length > 0) {
                const t = lines();
                for (const error of result.parserErrors) {
                    withFullPositions(t, error.token);
                    withFullPositions(t, error.previousToken);
                    if (Array.isArray(error.resyncedTokens)) for (const token of error.resyncedTokens) withFullPositions(t, token);
                }
            }
            return result;
        } finally {
            // The parser does not keep the last tree alive.
            root = undefined;
            table = undefined;
        }
    };
    return parser;
}
