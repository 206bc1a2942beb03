/**
 * The Coord formatter: one canonical layout for `.coord` text, used by
 * `coord format` and by the language server's formatting requests alike.
 *
 * The layout: two-space indentation, one declaration, property, agreement,
 * role or effect per line, a blank line between declarations (consecutive
 * one-line declarations written together, like a list of outcomes, may stay
 * together), at most one blank line kept between the lines of a block, single
 * spaces between tokens except around `,`, `..` and a number's sign, and one
 * final newline. Comments are never dropped or moved across code: a comment on
 * its own line stays on its own line before the same code, a comment after
 * code stays at the end of that line, and a comment inside a block stays
 * inside it. The line-ending style (LF or CRLF) and a leading byte-order mark
 * are kept. Formatting never changes what a `// coord-disable-next-line`
 * comment silences: the line after it keeps its tokens on one line, gains no
 * token that was not on it, and stays right after the comment (a blank line
 * between them is kept, none is added). The result is checked token by token;
 * when a layout would still move a token into or out of a directive's reach,
 * the text is not formatted and the result says why (`reason: 'suppression'`).
 * Text that does not parse is not formatted: the result names the first syntax
 * error instead (`reason: 'syntax'`).
 *
 * It works on the token stream (from the lexer, comments included) and uses
 * the CST only to learn which token starts a line and which `-` is a sign.
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumCoreServices } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { describeParserError } from '../language/syntax-messages.js';

/** The place of a declaration in the input text and in the formatted text (offsets, BOM included). */
export interface FormattedDeclaration {
    original: { start: number; end: number };
    formatted: { start: number; end: number };
}

export type FormatResult =
    | { ok: true; text: string; changed: boolean; declarations: FormattedDeclaration[] }
    | { ok: false; error: FormatRefusal };

/** Why a text was not formatted, at a 1-based line and column of the input (BOM excluded). */
export interface FormatRefusal {
    /** `syntax`: the text does not parse; `suppression`: formatting would change what a directive silences. */
    reason: 'syntax' | 'suppression';
    line: number;
    column: number;
    message: string;
}

/** Formats Coord source text; `services` provides the parser and the lexer. */
export function formatText(input: string, services: LangiumCoreServices): FormatResult {
    const bom = input.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const text = bom ? input.slice(1) : input;
    const parseResult = services.parser.LangiumParser.parse<Model>(text);
    const lexerError = parseResult.lexerErrors[0];
    if (lexerError) {
        return { ok: false, error: { reason: 'syntax', line: lexerError.line ?? 1, column: lexerError.column ?? 1, message: lexerError.message } };
    }
    const parserError = parseResult.parserErrors[0];
    if (parserError) {
        const token = parserError.token;
        // At the end of the file Chevrotain's token has no position (NaN, or -1).
        const line = Number.isFinite(token.startLine) && token.startLine! >= 1 ? token.startLine! : lastLine(text);
        const column = Number.isFinite(token.startColumn) && token.startColumn! >= 1 ? token.startColumn! : 1;
        return { ok: false, error: { reason: 'syntax', line, column, message: describeParserError(parserError) } };
    }
    const lexed = services.parser.Lexer.tokenize(text);
    const hidden = lexed.hidden.filter(t => /COMMENT/.test(t.tokenType.name));
    const printer = new Printer(text, parseResult.value, hidden, lineEnd(text, [...lexed.tokens, ...lexed.hidden]));
    const out = printer.print();
    const moved = suppressionMoved(text, out, services);
    if (moved) return { ok: false, error: moved };
    const shift = bom.length;
    const declarations = printer.declarations.map(d => ({
        original: { start: d.original.start + shift, end: d.original.end + shift },
        formatted: { start: d.formatted.start + shift, end: d.formatted.end + shift },
    }));
    const result = bom + out;
    return { ok: true, text: result, changed: result !== input, declarations };
}

/**
 * The file's line ending: CRLF when a line break between tokens is CRLF, else
 * LF (lone CRs become LF). A line break inside a string or a comment is the
 * text's content, not its style: a string holding `\r\n` in an LF file does
 * not turn the file to CRLF.
 */
function lineEnd(text: string, tokens: ReadonlyArray<{ startOffset: number; image: string }>): '\n' | '\r\n' {
    let at = 0;
    for (const t of [...tokens].sort((a, b) => a.startOffset - b.startOffset)) {
        if (text.slice(at, t.startOffset).includes('\r\n')) return '\r\n';
        at = Math.max(at, t.startOffset + t.image.length);
    }
    return text.slice(at).includes('\r\n') ? '\r\n' : '\n';
}

function lastLine(text: string): number {
    return text.split(/\r\n|\r|\n/).length;
}

type Token = ReturnType<LangiumCoreServices['parser']['Lexer']['tokenize']>['hidden'][number];

/** What a token or comment is to the printer. */
interface Item {
    offset: number;
    end: number;
    image: string;
    comment?: 'line' | 'block';
    /** The token starts a line: `decl` a top-level declaration, `inner` a property, item or effect. */
    starts?: 'decl' | 'inner';
    /** For a `decl` start: the declaration has no block, so it is a one-line declaration. */
    oneLine?: boolean;
    /** The `-` of a signed number, written without a space after it. */
    sign?: boolean;
}

class Printer {
    readonly declarations: Array<{ original: { start: number; end: number }; formatted: { start: number; end: number } }> = [];
    private out = '';
    private depth = 0;
    /** The last thing printed: nothing yet, a token, or a comment. */
    private last: { kind: 'none' | 'token' | 'comment'; image: string; line: boolean } = { kind: 'none', image: '', line: false };
    /** At depth 0: what the previous top-level item was. */
    private lastTop: 'none' | 'decl' | 'comment' = 'none';
    private lastDeclOneLine = false;
    private current: { originalStart: number; formattedStart: number; endToken: number } | undefined;
    /** Whether the last printed token was a number's sign. */
    private lastSign = false;
    /** Where the last printed token ends in the output (trailing comments excluded). */
    private lastTokenEnd = 0;
    /** Right after a next-line directive: the blank lines to write before the next item, whatever the layout says. */
    private forcedBlank: number | undefined;
    /** The next token starts a line of its own (indented once more), rather than join the line before. */
    private breakLine = false;

    constructor(
        private readonly text: string,
        private readonly model: Model,
        private readonly comments: Token[],
        private readonly eol: string,
    ) {}

    print(): string {
        const items = this.items();
        const protectedLines = new Set<number>();
        let previousEnd = 0;
        let line = 0;
        let previousLine = -1;
        let previousStartLine = -1;
        let afterDirective = false;
        for (const item of items) {
            const gap = this.text.slice(previousEnd, item.offset);
            const newlines = countNewlines(gap);
            line += newlines;
            // Keep the tokens of a suppressed line together: a finding on any of them stays on that line.
            const inline = !item.comment && protectedLines.has(line) && previousLine === line;
            // The line after a directive stays right after it: a blank line between them is kept, none is added.
            this.forcedBlank = afterDirective ? (newlines >= 2 ? 1 : 0) : undefined;
            // A token that followed a suppressed line does not join it: it would fall into the directive's reach.
            this.breakLine = !item.comment && !inline && protectedLines.has(previousStartLine) && line !== previousStartLine;
            if (item.comment) this.printComment(item, newlines, previousEnd === 0 && this.last.kind === 'none');
            else this.printToken(item, newlines, inline);
            afterDirective = item.comment === 'line' && NEXT_LINE_SUPPRESSION.test(item.image);
            if (afterDirective) protectedLines.add(line + 1);
            previousStartLine = line;
            line += countNewlines(item.image);
            previousLine = line;
            previousEnd = item.end;
        }
        this.forcedBlank = undefined;
        this.closeDeclaration();
        if (this.out.length > 0) this.out += this.eol;
        return this.out;
    }

    private items(): Item[] {
        const starts = new Map<number, { starts: 'decl' | 'inner'; oneLine?: boolean }>();
        for (const decl of this.model.declarations) {
            const cst = decl.$cstNode;
            if (!cst) continue;
            const hasBlock = CstUtils.streamCst(cst).some(n => !n.hidden && n.text === '{' && GrammarAST.isKeyword(n.grammarSource));
            starts.set(firstTokenOffset(cst), { starts: 'decl', oneLine: !hasBlock });
            for (const child of innerLines(decl)) {
                if (child.$cstNode) starts.set(firstTokenOffset(child.$cstNode), { starts: 'inner' });
            }
        }
        const items: Item[] = [];
        const root = this.model.$cstNode;
        if (root) {
            for (const node of CstUtils.streamCst(root)) {
                if (node.hidden || !isLeafCstNode(node) || node.length === 0) continue;
                items.push({
                    offset: node.offset,
                    end: node.end,
                    image: node.text,
                    ...starts.get(node.offset),
                    ...(node.text === '-' && isSignKeyword(node) ? { sign: true } : {}),
                });
            }
        }
        for (const c of this.comments) {
            items.push({
                offset: c.startOffset,
                end: c.startOffset + c.image.length,
                image: c.image,
                comment: c.tokenType.name === 'SL_COMMENT' ? 'line' : 'block',
            });
        }
        items.sort((a, b) => a.offset - b.offset);
        return items;
    }

    private printComment(item: Item, newlines: number, first: boolean): void {
        const trailing = !first && newlines === 0 && this.last.kind !== 'none';
        if (trailing) {
            this.out += ' ' + item.image;
        } else {
            let blank = newlines >= 2 ? 1 : 0;
            if (this.depth === 0) {
                if (this.lastTop === 'decl') blank = 1;
                else if (this.lastTop === 'none') blank = 0;
            } else if (this.last.image === '{' && this.last.kind === 'token') {
                blank = 0;
            }
            if (this.depth === 0) this.closeDeclaration();
            this.newline(blank, this.depth);
            this.out += item.image;
            if (this.depth === 0) this.lastTop = 'comment';
        }
        this.last = { kind: 'comment', image: item.image, line: item.comment === 'line' };
    }

    private printToken(item: Item, newlines: number, inline = false): void {
        const image = item.image;
        if (inline && (image === '}' || item.starts)) {
            if (image === '}') this.depth--;
            if (item.starts === 'decl') {
                this.closeDeclaration();
                this.current = { originalStart: item.offset, formattedStart: this.out.length + 1, endToken: item.end };
                this.lastTop = 'decl';
                this.lastDeclOneLine = false;
            }
            this.out += (image === '}' && this.last.kind === 'token' && this.last.image === '{' ? '' : ' ') + image;
        } else if (image === '}') {
            this.depth--;
            if (this.last.kind === 'token' && this.last.image === '{' && !this.breakLine) {
                this.out += '}';
            } else {
                this.newline(0, this.depth);
                this.out += '}';
            }
        } else if (item.starts === 'decl') {
            const blank = this.lastTop === 'none' ? 0
                : this.lastTop === 'comment' ? (newlines >= 2 ? 1 : 0)
                : this.lastDeclOneLine && item.oneLine && newlines < 2 ? 0 : 1;
            this.closeDeclaration();
            this.newline(blank, 0);
            this.current = { originalStart: item.offset, formattedStart: this.out.length, endToken: item.end };
            this.out += image;
            this.lastTop = 'decl';
            this.lastDeclOneLine = Boolean(item.oneLine);
        } else if (item.starts === 'inner') {
            const afterOpen = this.last.kind === 'token' && this.last.image === '{';
            this.newline(!afterOpen && newlines >= 2 ? 1 : 0, this.depth);
            this.out += image;
        } else if ((this.last.kind === 'comment' && this.last.line) || this.breakLine) {
            // A `//` comment ends its line: the rest of the construct continues below it, indented once more.
            this.newline(0, this.depth + 1);
            this.out += image;
        } else {
            this.out += this.spaceBefore(image) + image;
        }
        if (image === '{') this.depth++;
        if (this.current) this.current.endToken = item.end;
        this.last = { kind: 'token', image, line: false };
        this.lastSign = Boolean(item.sign);
        this.lastTokenEnd = this.out.length;
    }


    private spaceBefore(image: string): string {
        if (this.last.kind === 'none') return '';
        if (this.last.kind === 'comment') return this.out.endsWith(' ') ? '' : ' ';
        if (image === ',' || image === '..') return '';
        if (this.last.image === '..' || this.lastSign) return '';
        return ' ';
    }

    private newline(blankLines: number, depth: number): void {
        if (this.out.length > 0) this.out += this.eol.repeat(1 + (this.forcedBlank ?? blankLines));
        this.out += '  '.repeat(Math.max(0, depth));
    }

    private closeDeclaration(): void {
        if (!this.current) return;
        // The formatted end is where the declaration's last token ended; trailing comments stay outside.
        const original = { start: this.current.originalStart, end: this.current.endToken };
        this.declarations.push({ original, formatted: { start: this.current.formattedStart, end: this.lastTokenEnd } });
        this.current = undefined;
    }
}

/**
 * Whether formatting moved a token (or a comment) into or out of the reach of a
 * `// coord-disable-next-line` directive: for every token of the input and of
 * the output, in order, the directive on the line before it (if any) must be
 * the same one. A finding starts on a token, so then every directive silences
 * exactly what it silenced; file-wide directives do not depend on lines.
 */
export function suppressionMoved(input: string, output: string, services: LangiumCoreServices): FormatRefusal | undefined {
    if (!input.includes('coord-disable-next-line')) return undefined;
    const before = directiveReach(input, services);
    const after = directiveReach(output, services);
    const count = Math.min(before.reach.length, after.reach.length);
    for (let i = 0; i < count; i++) {
        if (before.reach[i] === after.reach[i]) continue;
        const directive = before.directives[before.reach[i] >= 0 ? before.reach[i] : after.reach[i]];
        return {
            reason: 'suppression',
            line: directive.line + 1,
            column: directive.column + 1,
            message: `formatting would change what this coord-disable-next-line comment silences; put it on a line of its own right above the line it is for`,
        };
    }
    if (before.reach.length !== after.reach.length) {
        return { reason: 'suppression', line: 1, column: 1, message: 'formatting would change the tokens of the file' };
    }
    return undefined;
}

/** For each token and comment of a text, in order: the index of the next-line directive on the line before it, or -1. */
function directiveReach(text: string, services: LangiumCoreServices): { reach: number[]; directives: Array<{ line: number; column: number }> } {
    const lexed = services.parser.Lexer.tokenize(text);
    const tokens = [...lexed.tokens, ...lexed.hidden.filter(t => /COMMENT/.test(t.tokenType.name))]
        .sort((a, b) => a.startOffset - b.startOffset);
    const directives: Array<{ line: number; column: number }> = [];
    const directiveOnLine = new Map<number, number>();
    const lines: number[] = [];
    let line = 0;
    let lineStart = 0;
    let at = 0;
    for (const token of tokens) {
        for (; at < token.startOffset; at++) {
            const c = text.charCodeAt(at);
            if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) {
                line++;
                lineStart = at + 1;
            }
        }
        lines.push(line);
        if (token.tokenType.name === 'SL_COMMENT' && NEXT_LINE_SUPPRESSION.test(token.image)) {
            directiveOnLine.set(line, directives.length);
            directives.push({ line, column: token.startOffset - lineStart });
        }
    }
    return { reach: lines.map(l => directiveOnLine.get(l - 1) ?? -1), directives };
}

/** A `//` comment that silences findings on the next line. */
const NEXT_LINE_SUPPRESSION = /^\/\/\s*coord-disable-next-line(?=\s|$)/;

/** The AST nodes inside a declaration that each start a line of their own. */
function innerLines(decl: AstNode): AstNode[] {
    const result: AstNode[] = [];
    const visit = (node: AstNode) => {
        for (const key of ['properties', 'items', 'effects'] as const) {
            const children = (node as unknown as Record<string, unknown>)[key];
            if (!Array.isArray(children)) continue;
            for (const child of children as AstNode[]) {
                result.push(child);
                visit(child);
            }
        }
    };
    visit(decl);
    return result;
}

function firstTokenOffset(cst: CstNode): number {
    for (const node of CstUtils.streamCst(cst)) {
        if (!node.hidden && isLeafCstNode(node)) return node.offset;
    }
    return cst.offset;
}

/** Whether a `-` leaf is the sign of a number (rule SignedNumber) rather than an effect's direction. */
function isSignKeyword(node: CstNode): boolean {
    const source = node.grammarSource;
    if (!GrammarAST.isKeyword(source)) return false;
    const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
    return rule?.name === 'SignedNumber';
}

function countNewlines(gap: string): number {
    let n = 0;
    for (let i = 0; i < gap.length; i++) {
        const c = gap.charCodeAt(i);
        if (c === 10) n++;
        else if (c === 13 && gap.charCodeAt(i + 1) !== 10) n++;
    }
    return n;
}
