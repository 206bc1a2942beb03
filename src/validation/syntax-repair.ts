/**
 * Syntax repair: when a text does not parse, find each mistake, name it in the
 * user's terms, and parse the text as if the mistake were corrected, so that
 * one mistake gives one diagnostic and the declarations around it are read as
 * written.
 *
 * It works on the token stream, never on the text: a repair retypes a token
 * (`target` read as `targets`), inserts a virtual one (a missing `,`), merges
 * tokens (`3,200`, `BolsaFamília`) or ends a string at the end of its line.
 * Every token keeps its place in the text, so positions stay true. Repairs are
 * tried one at a time and kept only when the parser then reads further; they
 * are searched per top-level declaration (a *chunk*), so a mistake never
 * spreads into the next declaration. A chunk no repair can mend is cut at its
 * mistake and its open braces closed, so the declarations after it still parse.
 *
 * The diagnoses travel in the parse result's `parserErrors`, one
 * {@link SyntaxMistake} per mistake with its message, in place of the
 * parser's own errors; the `syntax` rule reports them. The errors of a
 * repaired parse are only these, so the incremental parser keeps, shifts and
 * re-parses them like any other parser error.
 */
import { createToken, createTokenInstance, Lexer as ChevrotainLexer, type ILexerErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { GrammarAST, type Grammar, type LangiumCoreServices, type LangiumParser, type Lexer, type ParseResult, type AstNode } from 'langium';
import { constructOf, describeParserError, LETTER_EXAMPLE } from '../language/syntax-messages.js';
import { t as msg, type MessageKey } from '../i18n/index.js';
import { editDistance } from '../analysis/suggest.js';

/** At most this many repairs per chunk, and chunks repaired per text, so hostile input stays linear. */
const MAX_REPAIRS_PER_CHUNK = 4;
const MAX_CHUNKS = 200;
/** Strings spanning lines tried as unterminated, and the text size above which the whole-text trials stop. */
const MAX_STRING_TRIALS = 2;
const MAX_TRIAL_TEXT = 400_000;

interface Diagnosis {
    /** The token (or text) the mistake is on. */
    offset: number;
    length: number;
    message: string;
}

interface Candidate {
    tokens: IToken[];
    diagnosis: Diagnosis;
    /** A repair that knows nothing of the mistake: its message is the parser's complaint. */
    generic?: boolean;
}

type Parse = (text: string, tokens: IToken[], hidden: IToken[]) => ParseResult<AstNode>;

/** What the grammar says may come where: keywords that start a declaration or an item of each block. */
export interface GrammarFacts {
    /** Block rule name → keywords that can start one of its items (`Model` → declaration keywords). */
    itemKeywords: Map<string, string[]>;
    /** Keywords that start a declaration. */
    declarationKeywords: Set<string>;
}

/** Reads {@link GrammarFacts} from the grammar, so new constructs are known without a second list. */
export function grammarFacts(grammar: Grammar): GrammarFacts {
    const rules = new Map(grammar.rules.map(r => [r.name, r]));
    const leading = (element: GrammarAST.AbstractElement | undefined, seen: Set<string>): string[] => {
        if (!element) return [];
        if (GrammarAST.isKeyword(element)) return [element.value];
        if (GrammarAST.isAssignment(element)) return leading(element.terminal, seen);
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (!rule || !GrammarAST.isParserRule(rule) || seen.has(rule.name)) return [];
            seen.add(rule.name);
            return leading(rule.definition, seen);
        }
        if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(e => leading(e, seen));
        if (GrammarAST.isGroup(element) || GrammarAST.isUnorderedGroup(element)) {
            const out: string[] = [];
            for (const e of element.elements) {
                out.push(...leading(e, seen));
                if (e.cardinality !== '?' && e.cardinality !== '*') break;
            }
            return out;
        }
        return [];
    };
    const itemKeywords = new Map<string, string[]>();
    for (const rule of rules.values()) {
        if (!GrammarAST.isParserRule(rule)) continue;
        const stack: GrammarAST.AbstractElement[] = [rule.definition];
        while (stack.length > 0) {
            const e = stack.pop()!;
            const repeated = e.cardinality === '*' || (e.$container as GrammarAST.AbstractElement | undefined)?.cardinality === '*';
            if (GrammarAST.isAssignment(e) && e.operator === '+=' && repeated
                && GrammarAST.isRuleCall(e.terminal) && GrammarAST.isParserRule(e.terminal.rule.ref)) {
                const words = leading(e.terminal, new Set()).filter(w => /^[a-z]/.test(w));
                if (words.length > 0) itemKeywords.set(rule.name, [...new Set(words)]);
            }
            if (GrammarAST.isGroup(e) || GrammarAST.isAlternatives(e) || GrammarAST.isUnorderedGroup(e)) stack.push(...e.elements);
        }
    }
    const entry = grammar.rules.find(r => GrammarAST.isParserRule(r) && r.entry) as GrammarAST.ParserRule | undefined;
    const declarationKeywords = new Set(entry ? leading(entry.definition, new Set()).filter(w => /^[a-z]/.test(w)) : []);
    itemKeywords.set(entry?.name ?? 'Model', [...declarationKeywords]);
    return { itemKeywords, declarationKeywords };
}

/** What a construct is called in "is not a property of …". */
const BLOCK_NAMES: Record<string, MessageKey> = {
    Programme: 'kind.a.Programme', Body: 'kind.a.Body', Coordination: 'kind.a.Coordination', Evaluation: 'kind.a.Evaluation',
    Effects: 'kind.a.Effects', LevelBlock: 'syntax.construct.level-block',
};

/** Repairs of characters that rebuild the token list, per text (beyond them, the lexer's own errors stand). */
const MAX_REBUILDS = 200;
/** How far a string in the wrong quotes may run on its line. */
const MAX_QUOTED = 500;

/**
 * Quotes that are not Coord's, and what closes each: ' ‘ ’ “ ” „ «, written as escapes so that
 * the bundles stay ASCII (V8 then holds and hashes their source as one byte per character).
 */
const QUOTES: Record<string, RegExp> = {
    "'": /'/, '\u2018': /[\u2019\u2018]/, '\u2019': /[\u2019\u2018]/, '\u201C': /[\u201D\u201C"]/, '\u201D': /[\u201D\u201C"]/,
    '\u201E': /[\u201C\u201D"]/, '\u00AB': /\u00BB/,
};

/** Keywords followed by a range `A..B`, and what the range is called. */
const RANGE_KEYWORDS: Record<string, MessageKey> = { ci: 'repair.range.ci', period: 'repair.range.period' };

/** Words a user joins names with instead of `,` or `+`. */
const JOINING_WORDS = new Set(['and', 'with', 'plus']);

let grammarFactsWorkedOut = 0;

/** How many times a repairer has worked out the grammar's facts in this process (tests: a start without errors never does). */
export function grammarFactsCount(): number {
    return grammarFactsWorkedOut;
}

export class SyntaxRepairer {
    private factsOfGrammar: GrammarFacts | undefined;
    private readonly types: Record<string, TokenType>;
    /** The text being repaired. */
    private text = '';

    constructor(private readonly grammar: Grammar, private readonly lexer: Lexer, private readonly messages: ILexerErrorMessageProvider, private readonly parseWith: Parse) {
        this.types = lexer.definition as Record<string, TokenType>;
    }

    /** What the grammar says, worked out on the first repair: a text without errors, such as every start's standard library, never needs it. */
    private get facts(): GrammarFacts {
        if (!this.factsOfGrammar) {
            this.factsOfGrammar = grammarFacts(this.grammar);
            grammarFactsWorkedOut++;
        }
        return this.factsOfGrammar;
    }

    /** Repairs a text whose plain parse `first` has errors; undefined if nothing could be repaired. */
    repair(text: string, first: ParseResult<AstNode>): ParseResult<AstNode> | undefined {
        this.text = text;
        const lexed = this.lexer.tokenize(text);
        let tokens = lexed.tokens;
        let hidden = lexed.hidden;
        let lexerErrors = [...lexed.errors];
        const diagnoses: Diagnosis[] = [];

        // 1. Strings. One opened and not closed on its line runs to the next quote and turns the
        //    rest of the file inside out; for error purposes it ends at its line's end.
        const strings = this.repairStrings(text, tokens, hidden, lexerErrors, first);
        if (strings) {
            ({ tokens, hidden, lexerErrors } = strings);
            diagnoses.push(...strings.diagnoses);
        }

        // 2. Characters no token starts with: a letter inside a name, `<` before a p-value, `%` after a size, a dash in a period.
        const chars = this.repairCharacters(text, tokens, lexerErrors);
        tokens = chars.tokens;
        lexerErrors = chars.lexerErrors;
        diagnoses.push(...chars.diagnoses);

        // 3. Each declaration alone; only those the whole text's parse complained in (or at whose end
        //    it did) can need it, since the parser is back in step at every declaration that parses.
        const chunks = this.chunks(tokens);
        const suspect = this.parseTokens(tokens, [...hidden]).parserErrors.map(e => reachOf(tokens, e)).sort((a, b) => a - b);
        // Which declarations the parse complained in, in one pass over both sorted lists (linear, however many errors).
        // (An error on the first token of the next declaration may be this one's: a `}` missing at its end.)
        const isSuspect: boolean[] = [];
        let next = 0;
        for (const [index, [from, to]] of chunks.entries()) {
            const start = tokens[from].startOffset;
            const end = index + 1 < chunks.length ? tokens[to].startOffset : Infinity;
            while (next < suspect.length && suspect[next] < start) next++;
            isSuspect.push(next < suspect.length && suspect[next] <= end);
        }
        // A text broken in more declarations than can be mended (a file pasted from another format) is reported
        // as the plain parse sees it: every error counted, none hidden by a repair that stopped half-way.
        if (isSuspect.filter(x => x).length > MAX_CHUNKS) return undefined;
        const out: IToken[] = [];
        for (const [index, [from, to]] of chunks.entries()) {
            const chunk = tokens.slice(from, to);
            if (!isSuspect[index]) { out.push(...chunk); continue; }
            const mended = this.repairChunk(chunk);
            diagnoses.push(...mended.diagnoses);
            out.push(...mended.tokens);
        }
        if (diagnoses.length === 0) return undefined;
        const result = this.parseTokens(out, [...hidden]);
        const lines = lineStarts(text);
        return {
            value: result.value,
            parserErrors: [...diagnoses.sort((a, b) => a.offset - b.offset).map(d => syntaxMistake(d, text, lines)), ...result.parserErrors],
            lexerErrors,
            lexerReport: first.lexerReport,
        };
    }

    // ---- strings ---------------------------------------------------------------------------

    private repairStrings(text: string, tokens: IToken[], hidden: IToken[], lexerErrors: ParseResult['lexerErrors'], first: ParseResult<AstNode>) {
        const diagnoses: Diagnosis[] = [];
        let changed = false;
        // A string that spans lines although its first line looks complete: try ending it there,
        // and keep that reading only if the text then parses with fewer errors.
        if (text.length <= MAX_TRIAL_TEXT) {
            let errors = first.parserErrors.length + first.lexerErrors.length;
            let trials = 0;
            for (let i = 0; i < tokens.length && trials < MAX_STRING_TRIALS && errors > 0; i++) {
                const t = tokens[i];
                // Only a string that holds what reads as Coord on a later line: prose spans lines legitimately.
                if (t.tokenType.name !== 'STRING' || !/[\r\n]/.test(t.image) || !this.holdsCode(t.image)) continue;
                trials++;
                const cut = this.cutString(text, tokens, hidden, lexerErrors, t.startOffset);
                const after = this.errorCount(cut.tokens, cut.hidden, cut.lexerErrors);
                if (after < errors) {
                    ({ tokens, hidden, lexerErrors } = cut);
                    diagnoses.push(unclosedString(t.startOffset, cut.lineEnd));
                    errors = after;
                    changed = true;
                }
            }
        }
        // A quote the lexer could not close at all (no quote after it in the file, even after the cuts above).
        for (const e of lexerErrors) {
            if (text[e.offset] !== '"') continue;
            const cut = this.cutString(text, tokens, hidden, lexerErrors, e.offset);
            ({ tokens, hidden, lexerErrors } = cut);
            diagnoses.push(unclosedString(e.offset, cut.lineEnd));
            changed = true;
            break;
        }
        return changed ? { tokens, hidden, lexerErrors, diagnoses } : undefined;
    }

    private parseTokens(tokens: IToken[], hidden: IToken[]): ParseResult<AstNode> {
        return this.parseWith(this.text, tokens, hidden);
    }

    /** Whether a later line of a string reads as a line of Coord: a `}`, or a keyword followed by a value. */
    private holdsCode(image: string): boolean {
        return image.split(/\r\n|\r|\n/).slice(1).some(line => {
            const m = /^\s*([a-z][a-z-]*)\s+\S|^\s*\}\s*$/.exec(line);
            return m !== null && (m[1] === undefined || this.isPropertyKeyword(m[1]) || this.facts.declarationKeywords.has(m[1]));
        });
    }

    private errorCount(tokens: IToken[], hidden: IToken[], lexerErrors: ParseResult['lexerErrors']): number {
        return this.parseTokens(tokens, [...hidden]).parserErrors.length + lexerErrors.length;
    }

    /**
     * The tokens with the string that opens at `start` ended at its line's end (before a
     * last `{` on that line, which opens the block: `programme P "Title {`), and the text
     * after it lexed again.
     */
    private cutString(text: string, tokens: IToken[], hidden: IToken[], lexerErrors: ParseResult['lexerErrors'], start: number) {
        const newline = text.slice(start).search(/[\r\n]/);
        const lineEnd = newline < 0 ? text.length : start + newline;
        const brace = /\s\{\s*$/.exec(text.slice(start + 1, lineEnd));
        const stringEnd = brace ? start + 1 + brace.index : lineEnd;
        const restStart = brace ? start + 1 + brace.index + brace[0].indexOf('{') : lineEnd;
        const [line, column] = lineColumn(text, start);
        const image = text.slice(start, stringEnd);
        const string = createTokenInstance(this.types.STRING, image + '"', start, stringEnd - 1, line, line, column, column + image.length - 1);
        const rest = this.lexer.tokenize(text.slice(restStart));
        const [restLine, restColumn] = lineColumn(text, restStart);
        const shift = <T extends { startOffset: number; endOffset?: number; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number }>(t: T): T => ({
            ...t, startOffset: t.startOffset + restStart, endOffset: (t.endOffset ?? t.startOffset) + restStart,
            startLine: (t.startLine ?? 1) + restLine - 1, endLine: (t.endLine ?? t.startLine ?? 1) + restLine - 1,
            startColumn: t.startLine === 1 ? (t.startColumn ?? 1) + restColumn - 1 : t.startColumn,
            endColumn: (t.endLine ?? t.startLine) === 1 ? (t.endColumn ?? 1) + restColumn - 1 : t.endColumn,
        });
        const before = (t: IToken) => t.startOffset < start;
        return {
            lineEnd: stringEnd,
            tokens: [...tokens.filter(before), string, ...rest.tokens.map(shift)],
            hidden: [...hidden.filter(before), ...rest.hidden.map(shift)],
            lexerErrors: [
                ...lexerErrors.filter(e => e.offset < start),
                ...rest.errors.map(e => {
                    const offset = e.offset + restStart, line = (e.line ?? 1) + restLine - 1;
                    const column = e.line === 1 ? (e.column ?? 1) + restColumn - 1 : e.column;
                    // Messages name the offset: build them again where they are.
                    const message = this.messages.buildUnexpectedCharactersMessage(text, offset, e.length, line, column);
                    return { ...e, offset, line, column, message };
                }),
            ],
        };
    }

    // ---- characters ------------------------------------------------------------------------

    private repairCharacters(text: string, tokens: IToken[], lexerErrors: ParseResult['lexerErrors']) {
        const diagnoses: Diagnosis[] = [];
        const kept: ParseResult['lexerErrors'] = [];
        let out = tokens;
        // Errors before this offset lie inside a comment or string just repaired: they are part of that mistake.
        let skipUntil = -1;
        // Repairs that rebuild the token list; bounded, so that a file of thousands of quotes stays linear.
        let rebuilt = 0;
        // The line of the last `%` named: the `%`s of one line are one mistake (`size 8% ci 2%..14%`).
        let percentLine = -1;
        // Line starts, looked up by binary search: a long line full of errors costs no scan per error.
        const starts = lineStarts(text);
        for (const e of lexerErrors) {
            if (e.offset < skipUntil) continue;
            const ch = text.slice(e.offset, e.offset + e.length);
            const i = out.findIndex(t => t.startOffset > e.offset);
            const next = i < 0 ? undefined : out[i];
            const prev = i < 0 ? out[out.length - 1] : out[i - 1];
            const touchesPrev = prev !== undefined && prev.endOffset! + 1 === e.offset;
            const touchesNext = next !== undefined && next.startOffset === e.offset + e.length;
            const lineIndex = lineIndexOf(starts, e.offset);
            const lineEnd = lineEndOf(text, starts, lineIndex);
            if (ch === '#' && rebuilt < MAX_REBUILDS) {
                // `# note`: a comment as other languages write it; the rest of the line is the comment.
                rebuilt++;
                out = out.filter(t => t.startOffset < e.offset || t.startOffset >= lineEnd);
                skipUntil = lineEnd;
                diagnoses.push({ offset: e.offset, length: lineEnd - e.offset, message: msg('repair.hash') });
                continue;
            }
            if (ch === ';') {
                diagnoses.push({ offset: e.offset, length: 1, message: msg('repair.semicolon') });
                continue;
            }
            const closing = QUOTES[ch];
            if (closing && rebuilt < MAX_REBUILDS) {
                // `'Semilla + Amparo'`, `“Semilla + Amparo”`: a string in the wrong quotes, read as the string it means.
                const end = text.slice(e.offset + 1, Math.min(lineEnd, e.offset + 1 + MAX_QUOTED)).search(closing);
                if (end >= 0) {
                    rebuilt++;
                    const close = e.offset + 1 + end;
                    const inner = text.slice(e.offset + 1, close);
                    const line = lineIndex + 1, column = e.offset - starts[lineIndex] + 1;
                    const string = createTokenInstance(this.types.STRING, `"${inner.replace(/["\\]/g, c => `\\${c}`)}"`, e.offset, close, line, line, column, column + close - e.offset);
                    out = [...out.filter(t => t.startOffset < e.offset), string, ...out.filter(t => t.startOffset > close)];
                    skipUntil = close + 1;
                    const shown = inner.length > 40 ? `${inner.slice(0, 40)}…` : inner;
                    const message = ch === "'" ? msg('repair.single-quotes', { code: `\`"${shown}"\`` })
                        : msg('repair.curly-quotes', { char: `'${ch}'`, code: `\`"${shown}"\`` });
                    diagnoses.push({ offset: e.offset, length: close + 1 - e.offset, message });
                    continue;
                }
            }
            const range = prev && touchesNext ? RANGE_KEYWORDS[prev.image] : undefined;
            if ((ch === '(' || ch === '[') && range && rebuilt < MAX_REBUILDS) {
                // `ci (0.02, 0.14)`, `period [2014, 2016]`: a range written as a pair.
                const close = text.slice(e.offset + 1, lineEnd).indexOf(ch === '(' ? ')' : ']');
                const end = close < 0 ? -1 : e.offset + 1 + close;
                const inside = end < 0 ? [] : out.filter(t => t.startOffset > e.offset && t.startOffset < end);
                const pair = rangePair(inside);
                if (pair) {
                    rebuilt++;
                    const [low, separator, high] = pair;
                    const dots = virtual(this.types['..'], '..', separator.startOffset, separator.startLine!, separator.startColumn!);
                    const mended = [...low, dots, ...high];
                    out = [...out.filter(t => t.startOffset < e.offset), ...mended, ...out.filter(t => t.startOffset > end)];
                    skipUntil = end + 1;
                    const written = (tokens: IToken[]) => tokens.map(t => t.image).join('');
                    diagnoses.push({ offset: e.offset, length: end + 1 - e.offset, message: msg('repair.range-brackets', { range: msg(range), code: `\`${prev!.image} ${written(low)}..${written(high)}\`` }) });
                    continue;
                }
            }
            if (/^\p{L}+$/u.test(ch) && (touchesPrev && isWord(prev) || touchesNext && isWord(next))) {
                // `BolsaFamília`: one name with a letter outside A–Z; read it as one name.
                const from = touchesPrev && isWord(prev) ? prev : undefined;
                const to = touchesNext && isWord(next) ? next : undefined;
                const start = from?.startOffset ?? e.offset;
                const end = (to?.endOffset ?? e.offset + e.length - 1);
                const [line, column] = lineColumn(text, start);
                const image = text.slice(start, end + 1);
                const merged = createTokenInstance(this.types.ID, image, start, end, line, line, column, column + image.length - 1);
                out = [...out.filter(t => t.endOffset! < start || t.startOffset > end).filter(t => t.startOffset < start), merged,
                    ...out.filter(t => t.startOffset > end)];
                diagnoses.push({ offset: e.offset, length: e.length, message: letterMessage(ch) });
                continue;
            }
            if (/^[<>\u2264\u2265=]+$/.test(ch) && prev?.image === 'p') { // < > ≤ ≥ =
                diagnoses.push({ offset: e.offset, length: e.length, message: msg('repair.p-value', { char: `'${ch}'`, code: '`p 0.01`' }) });
                continue;
            }
            if (/^[:=]$/.test(ch) && isWord(prev) && next !== undefined && this.isPropertyKeyword(prev.image)) {
                diagnoses.push({ offset: e.offset, length: e.length, message: msg('repair.colon', { code: `\`${prev.image} ${next.image}\``, char: `'${ch}'` }) });
                continue;
            }
            if (ch === '%' && prev?.tokenType.name === 'NUMBER' && touchesPrev) {
                if (lineIndex === percentLine) continue;
                percentLine = lineIndex;
                // The unit belongs to `size`; a `ci` or `se` is in the unit of the size.
                const detail = detailBefore(out, i < 0 ? out.length - 1 : i - 1);
                const high = detail === 'ci' && next?.image === '..' && out[i + 1]?.tokenType.name === 'NUMBER' ? out[i + 1].image : undefined;
                const written = detail === 'ci' ? `ci ${prev.image}..${high ?? '…'}` : `se ${prev.image}`;
                const message = detail === 'ci' || detail === 'se'
                    ? msg('repair.percent-detail', { code: `\`${written}\``, what: msg(detail === 'ci' ? 'repair.range.ci' : 'repair.range.se') })
                    : msg('repair.percent', { code: `\`size ${prev.image} percent\`` });
                diagnoses.push({ offset: e.offset, length: e.length, message });
                continue;
            }
            if (/^[\u2013\u2014]$/.test(ch) && prev?.tokenType.name === 'NUMBER' && next?.tokenType.name === 'NUMBER') { // – —
                const [line, column] = lineColumn(text, e.offset);
                const dots = virtual(this.types['..'], '..', e.offset, line, column);
                out = [...out.slice(0, i), dots, ...out.slice(i)];
                diagnoses.push({ offset: e.offset, length: e.length, message: msg('repair.dash-period', { code: `\`period ${prev.image}..${next.image}\`` }) });
                continue;
            }
            kept.push(e);
        }
        return { tokens: out, lexerErrors: kept, diagnoses };
    }

    // ---- declarations ----------------------------------------------------------------------

    /** Splits the tokens into top-level declarations: a declaration keyword or a word first on its line at column 1 and brace depth 0. */
    private chunks(tokens: IToken[]): Array<[number, number]> {
        const out: Array<[number, number]> = [];
        let start = 0, depth = 0, lastLine = 0;
        for (let i = 0; i < tokens.length; i++) {
            const t = tokens[i];
            const firstOnLine = t.startLine !== lastLine;
            lastLine = t.endLine ?? t.startLine ?? lastLine;
            const startsDeclaration = this.facts.declarationKeywords.has(t.image) && firstOnLine && (depth === 0 || t.startColumn === 1);
            const strayWord = isWord(t) && firstOnLine && t.startColumn === 1 && depth === 0;
            if (i > start && (startsDeclaration || strayWord)) {
                out.push([start, i]);
                start = i;
                depth = 0;
            }
            if (t.image === '{') depth++;
            else if (t.image === '}') depth = Math.max(0, depth - 1);
        }
        if (start < tokens.length) out.push([start, tokens.length]);
        return out;
    }

    private repairChunk(chunk: IToken[]): { tokens: IToken[]; diagnoses: Diagnosis[] } {
        const diagnoses: Diagnosis[] = [];
        let tokens = chunk;
        for (let round = 0; round < MAX_REPAIRS_PER_CHUNK; round++) {
            const error = this.firstError(tokens);
            if (!error) return { tokens, diagnoses };
            const at = errorIndex(tokens, error);
            // The repair after which the parser complains least, and then reads furthest; only one that
            // reads further than now counts, so every round makes progress.
            let best: { candidate: Candidate; reach: number; errors: number } | undefined;
            const reached = reachOf(tokens, error);
            for (const candidate of [...this.candidates(tokens, at, error), ...this.genericCandidates(tokens, at, error)]) {
                const errors = this.parseTokens(candidate.tokens, []).parserErrors;
                const reach = errors.length > 0 ? reachOf(candidate.tokens, errors[0]) : Infinity;
                if (reach <= reached) continue;
                if (!best || errors.length < best.errors || (errors.length === best.errors && reach > best.reach)) best = { candidate, reach, errors: errors.length };
                if (errors.length === 0) break;
            }
            if (best) {
                tokens = best.candidate.tokens;
                // The parser's complaints about one line are one mistake, e.g. `domain ~-0`.
                const last = diagnoses[diagnoses.length - 1];
                if (!(best.candidate.generic && last && lineOfOffset(tokens, last.offset) === lineOfOffset(tokens, best.candidate.diagnosis.offset))) {
                    diagnoses.push(best.candidate.diagnosis);
                }
                continue;
            }
            // No repair reads further: report the parser's own complaint, cut the declaration
            // there and close its braces, so what follows is read as written.
            diagnoses.push(parserDiagnosis(tokens, at, error));
            return { tokens: this.truncate(tokens, at), diagnoses };
        }
        const error = this.firstError(tokens);
        if (error) {
            const at = errorIndex(tokens, error);
            diagnoses.push(parserDiagnosis(tokens, at, error));
            tokens = this.truncate(tokens, at);
        }
        return { tokens, diagnoses };
    }

    private firstError(tokens: IToken[]): IRecognitionException | undefined {
        return this.parseTokens(tokens, []).parserErrors[0];
    }

    /** The tokens before `at`, with a virtual `}` for every brace still open; nothing if that does not parse either. */
    private truncate(tokens: IToken[], at: number): IToken[] {
        const kept = tokens.slice(0, at);
        let depth = 0;
        for (const t of kept) depth += t.image === '{' ? 1 : t.image === '}' ? -1 : 0;
        const last = kept[kept.length - 1];
        if (!last) return [];
        const closed = [...kept];
        for (let i = 0; i < depth; i++) closed.push(virtual(this.types['}'], '}', last.endOffset!, last.endLine!, last.endColumn!));
        return this.firstError(closed) ? [] : closed;
    }

    /** The repairs worth trying for the error at token `at`, most specific first. */
    private *candidates(tokens: IToken[], at: number, error: IRecognitionException): Generator<Candidate> {
        const t = tokens[at] as IToken | undefined;
        const prev = at > 0 ? tokens[at - 1] : undefined;
        if (!t) return;
        const replace = (...by: IToken[]) => [...tokens.slice(0, at), ...by, ...tokens.slice(at + 1)];
        const insert = (...by: IToken[]) => [...tokens.slice(0, at), ...by, ...tokens.slice(at)];
        const onToken = (message: string): Diagnosis => ({ offset: t.startOffset, length: t.image.length, message });
        const listKeyword = this.listKeyword(tokens, at);

        // A misspelt keyword: the closest keyword that may stand here.
        if (isWord(t)) {
            const block = this.blockOf(error);
            const words = new Set([...(this.facts.itemKeywords.get(block) ?? []), ...expectedKeywords(error)]);
            const keyword = closestKeyword(t.image, words);
            if (keyword && this.types[keyword]) {
                const where = block === 'Model' ? msg('repair.not-declaration')
                    : BLOCK_NAMES[block] && this.facts.itemKeywords.get(block)?.includes(keyword) ? msg('repair.not-property', { block: msg(BLOCK_NAMES[block]) })
                    : constructOf(error)?.startsWith('`') ? msg('repair.not-value', { construct: constructOf(error)! }) : msg('repair.not-keyword');
                yield { tokens: replace(retype(t, this.types[keyword], keyword)), diagnosis: onToken(msg('repair.keyword', { word: `'${t.image}'`, where, keyword: `\`${keyword}\`` })) };
            }
        }
        // `and` between names.
        if (JOINING_WORDS.has(t.image) && prev && isWord(prev)) {
            if (listKeyword === 'of') {
                yield { tokens: replace(virtual(this.types['+'], '+', t.startOffset, t.startLine!, t.startColumn!)), diagnosis: onToken(msg('repair.join-plus', { word: `'${t.image}'`, code: `\`effects of ${prev.image} + ${tokens[at + 1]?.image ?? 'B'}\`` })) };
            } else if (listKeyword) {
                yield { tokens: replace(virtual(this.types[','], ',', t.startOffset, t.startLine!, t.startColumn!)), diagnosis: onToken(msg('repair.separate', { items: listItems(listKeyword), keyword: `\`${listKeyword}\``, word: `'${t.image}'` })) };
            }
        }
        // A missing `,` (or `+`) between two names on one line.
        if (prev && isWord(prev) && isWord(t) && prev.startLine === t.startLine && listKeyword) {
            const joiner = listKeyword === 'of' ? '+' : ',';
            const message = listKeyword === 'of'
                ? msg('repair.missing-plus', { code: `\`effects of ${prev.image} + ${t.image}\`` })
                : msg('repair.missing-comma', { items: listItems(listKeyword), code: `\`${listKeyword} ${prev.image}, ${t.image}\`` });
            yield { tokens: insert(virtual(this.types[joiner], joiner, t.startOffset, t.startLine!, t.startColumn!)), diagnosis: onToken(message) };
        }
        // A title without quotes: `programme P Food Acquisition {`.
        if (isWord(t) && prev && isWord(prev) && this.facts.declarationKeywords.has(tokens[at - 2]?.image ?? '') && at === 2) {
            let end = at;
            while (tokens[end] && tokens[end].startLine === t.startLine && isWord(tokens[end])) end++;
            const last = tokens[end - 1];
            const words = this.text.slice(t.startOffset, last.endOffset! + 1);
            const title = createTokenInstance(this.types.STRING, `"${words}"`, t.startOffset, last.endOffset!, t.startLine!, last.endLine!, t.startColumn!, last.endColumn!);
            yield {
                tokens: [...tokens.slice(0, at), title, ...tokens.slice(end)],
                diagnosis: { offset: t.startOffset, length: words.length, message: msg('repair.title-quotes', { code: `\`${tokens[0].image} ${prev.image} "${words}"\`` }) },
            };
        }
        // A `,` with nothing after it.
        if (prev?.image === ',' && !(isWord(t) && t.startLine === prev.startLine)) {
            yield {
                tokens: [...tokens.slice(0, at - 1), ...tokens.slice(at)],
                diagnosis: { offset: prev.startOffset, length: 1, message: msg('repair.trailing-comma') },
            };
        }
        // `period 2014-2016`, `period 2014 to 2016`, `ci 0.02-0.14`.
        const rangeKeyword = tokens[at - 2]?.image === '-' ? tokens[at - 3]?.image : tokens[at - 2]?.image;
        if ((t.image === '-' || t.image === 'to') && prev?.tokenType.name === 'NUMBER' && tokens[at + 1]?.tokenType.name === 'NUMBER'
            && rangeKeyword !== undefined && RANGE_KEYWORDS[rangeKeyword]) {
            const low = tokens[at - 2]?.image === '-' ? `-${prev.image}` : prev.image;
            yield {
                tokens: replace(virtual(this.types['..'], '..', t.startOffset, t.startLine!, t.startColumn!)),
                diagnosis: onToken(msg('repair.range-dots', { range: msg(RANGE_KEYWORDS[rangeKeyword]), code: `\`${rangeKeyword} ${low}..${tokens[at + 1].image}\`` })),
            };
        }
        // `effects of A, B` and `between A + B`: the other list's separator.
        const after = tokens[at + 1];
        if ((t.image === ',' || t.image === '+') && listKeyword && isWord(after)) {
            const joiner = listKeyword === 'of' ? '+' : ',';
            if (t.image !== joiner) {
                const message = listKeyword === 'of'
                    ? msg('repair.join-plus', { word: "','", code: `\`effects of ${prev!.image} + ${after.image}\`` })
                    : msg('repair.separate-plus', { items: listItems(listKeyword), keyword: `\`${listKeyword}\``, code: `\`${listKeyword} ${prev!.image}, ${after.image}\`` });
                yield { tokens: replace(virtual(this.types[joiner], joiner, t.startOffset, t.startLine!, t.startColumn!)), diagnosis: onToken(message) };
            }
        }
        // `method did,`: a comma after a property, as in other formats.
        const block = this.blockOf(error);
        if (t.image === ',' && !listKeyword && BLOCK_NAMES[block]
            && (after === undefined || after.startLine !== t.startLine || after.image === '}' || this.facts.itemKeywords.get(block)?.includes(after.image))) {
            yield { tokens: [...tokens.slice(0, at), ...tokens.slice(at + 1)], diagnosis: onToken(msg('repair.comma-properties')) };
        }
        // `Amparo-Rural`: a hyphen inside a name.
        if (t.image === '-' && isWord(prev) && isWord(after) && prev.endOffset! + 1 === t.startOffset && t.endOffset! + 1 === after.startOffset) {
            const image = `${prev.image}-${after.image}`;
            const merged = createTokenInstance(this.types.ID, image, prev.startOffset, after.endOffset!, prev.startLine!, after.endLine!, prev.startColumn!, after.endColumn!);
            yield {
                tokens: [...tokens.slice(0, at - 1), merged, ...tokens.slice(at + 2)],
                diagnosis: { offset: prev.startOffset, length: image.length, message: msg('repair.dash-name', { code: `\`${prev.image}_${after.image}\`` }) },
            };
        }
        // An effect without its direction (`savings`), or with the direction in words (`increase savings`).
        const inEffects = tokens[0]?.image === 'effects' && tokens.slice(0, at).some(x => x.image === '{');
        if (inEffects && isWord(t) && (prev?.image === '{' || (prev !== undefined && prev.endLine! < t.startLine!))) {
            const direction = DIRECTION_WORDS[t.image.toLowerCase()];
            if (direction && isWord(after) && after.startLine === t.startLine) {
                yield {
                    tokens: replace(retype(t, this.types[direction], direction)),
                    diagnosis: onToken(msg('repair.direction-word', { direction: `'${direction}'`, word: `'${t.image}'`, code: `\`${direction} ${after.image}\`` })),
                };
            } else if (!direction) {
                // The effect is read as absent (the rest of its line dropped): without a direction it says nothing
                // a rule or the summary could weigh, and a virtual sign would leave an effect with no direction.
                let end = at;
                while (end < tokens.length && tokens[end].startLine === t.startLine && tokens[end].image !== '}') end++;
                yield {
                    tokens: [...tokens.slice(0, at), ...tokens.slice(end)],
                    diagnosis: onToken(msg('repair.direction-missing', { plus: `\`+ ${t.image}\``, minus: `\`- ${t.image}\``, tilde: `\`~ ${t.image}\`` })),
                };
            }
        }
        // `0,08`: a decimal comma (not a thousands separator: not three digits after it, or a zero before it).
        if (t.image === ',' && prev?.tokenType.name === 'NUMBER' && after?.tokenType.name === 'NUMBER' && /^\d+$/.test(prev.image) && /^\d+$/.test(after.image)
            && prev.endOffset! + 1 === t.startOffset && t.endOffset! + 1 === after.startOffset && (after.image.length !== 3 || /^0+$/.test(prev.image))) {
            const image = `${prev.image}.${after.image}`;
            const merged = createTokenInstance(prev.tokenType, image, prev.startOffset, after.endOffset!, prev.startLine!, after.endLine!, prev.startColumn!, after.endColumn!);
            yield {
                tokens: [...tokens.slice(0, at - 1), merged, ...tokens.slice(at + 2)],
                diagnosis: { offset: prev.startOffset, length: image.length, message: msg('repair.decimal-comma', { code: `\`${image}\``, written: `\`${prev.image},${after.image}\`` }) },
            };
        }
        // `3,200`: a thousands separator.
        if (t.image === ',' && prev?.tokenType.name === 'NUMBER') {
            let end = at;
            while (tokens[end]?.image === ',' && tokens[end + 1]?.tokenType.name === 'NUMBER' && /^\d{3}(\.\d+)?$/.test(tokens[end + 1].image)
                && tokens[end].startOffset === tokens[end - 1].endOffset! + 1 && tokens[end + 1].startOffset === tokens[end].endOffset! + 1) end += 2;
            if (end > at) {
                const digits = tokens.slice(at - 1, end).map(x => x.image).join('').replace(/,/g, '');
                const last = tokens[end - 1];
                const merged = createTokenInstance(prev.tokenType, digits, prev.startOffset, last.endOffset!, prev.startLine!, last.endLine!, prev.startColumn!, last.endColumn!);
                const written = tokens.slice(at - 1, end).map(x => x.image).join('');
                yield {
                    tokens: [...tokens.slice(0, at - 1), merged, ...tokens.slice(end)],
                    diagnosis: { offset: prev.startOffset, length: written.length, message: msg('repair.separators', { code: `\`${digits}\``, written: `\`${written}\`` }) },
                };
            }
        }
    }

    /** Repairs that know nothing of the mistake: a missing token, or one too many. */
    private *genericCandidates(tokens: IToken[], at: number, error: IRecognitionException): Generator<Candidate> {
        const t = tokens[at] as IToken | undefined;
        const prev = at > 0 ? tokens[at - 1] : undefined;
        const expected = expectedTokens(error);
        const place = prev ? { offset: prev.endOffset! + 1, line: prev.endLine!, column: prev.endColumn! + 1 } : t ? { offset: t.startOffset, line: t.startLine!, column: t.startColumn! } : undefined;
        if (!place) return;
        const names = expected.filter(name => this.types[name]).slice(0, 3);
        const where = constructOf(error);
        for (const name of names) {
            const inserted = virtual(this.types[name], name, place.offset, place.line, place.column);
            const aName = names.every(n => n === 'ID' || /^[a-z]/.test(n)) && names.includes('ID');
            const what = aName ? msg('syntax.token.name') : describeExpected(name);
            const message = name === '}' ? this.unclosedMessage(tokens, at)
                : prev && (names.length === 1 || aName) ? msg('repair.missing-after', { what, prev: `'${prev.image}'`, where: where ? msg('syntax.where', { construct: where }) : '' }) : describeParserError(error);
            yield { tokens: [...tokens.slice(0, at), inserted, ...tokens.slice(at)], diagnosis: { offset: place.offset, length: 0, message }, generic: true };
        }
        if (t) {
            // Dropping the token before replacing it: a `}` put in its place would end the block early.
            const onT = { offset: t.startOffset, length: t.image.length, message: describeParserError(error) };
            yield { tokens: [...tokens.slice(0, at), ...tokens.slice(at + 1)], diagnosis: onT, generic: true };
            for (const name of names) {
                yield { tokens: [...tokens.slice(0, at), virtual(this.types[name], name, t.startOffset, t.startLine!, t.startColumn!), ...tokens.slice(at + 1)], diagnosis: onT, generic: true };
            }
        }
    }

    /** "missing '}'", naming the line of the brace left open. */
    private unclosedMessage(tokens: IToken[], at: number): string {
        const open: IToken[] = [];
        for (const t of tokens.slice(0, at)) {
            if (t.image === '{') open.push(t);
            else if (t.image === '}') open.pop();
        }
        const brace = open[open.length - 1];
        return brace ? msg('repair.unclosed', { close: "'}'", open: "'{'", line: String(brace.startLine) }) : msg('repair.unclosed-plain', { close: "'}'" });
    }

    private isPropertyKeyword(word: string): boolean {
        for (const [block, words] of this.facts.itemKeywords) if (block !== 'Model' && words.includes(word)) return true;
        return false;
    }

    /** The innermost block of the grammar the parser was in when it failed (`Model` at the top). */
    private blockOf(error: IRecognitionException): string {
        const stack = error.context?.ruleStack ?? [];
        for (let i = stack.length - 1; i >= 0; i--) {
            const name = stack[i].replace(/\W/g, '');
            if (this.facts.itemKeywords.has(name)) return name;
        }
        return 'Model';
    }

    /** The list keyword (`between`, `targets`, `country`, `instruments`, `of`) whose list the token at `at` follows, if any. */
    private listKeyword(tokens: IToken[], at: number): string | undefined {
        let i = at - 1;
        while (i >= 1 && isWord(tokens[i]) && (tokens[i - 1].image === ',' || tokens[i - 1].image === '+')) i -= 2;
        const keyword = tokens[i - 1]?.image;
        return keyword !== undefined && keyword in LIST_ITEMS && isWord(tokens[i]) ? keyword : undefined;
    }
}

/** What the names of each list are, for "missing ',' between programmes". */
const LIST_ITEMS: Record<string, MessageKey> = {
    between: 'repair.items.programmes', targets: 'repair.items.populations', country: 'repair.items.countries',
    instruments: 'repair.items.instruments', of: 'repair.items.programmes', sector: 'repair.items.sectors',
};

/** The names of a list keyword's list, in the locale ("programmes", "programas"). */
function listItems(keyword: string): string {
    return msg(LIST_ITEMS[keyword] ?? 'repair.items.names');
}

/** An effect's direction written as a word, and the sign it means. */
const DIRECTION_WORDS: Record<string, string> = {
    increase: '+', increases: '+', increased: '+', positive: '+', up: '+', plus: '+',
    decrease: '-', decreases: '-', decreased: '-', negative: '-', down: '-', minus: '-',
    none: '~', neutral: '~', null: '~', unchanged: '~', nochange: '~',
};

/** The line of an offset, from the tokens around it. */
function lineOfOffset(tokens: IToken[], offset: number): number | undefined {
    let line: number | undefined;
    for (const t of tokens) {
        if (t.startOffset > offset) break;
        line = t.endLine ?? t.startLine;
    }
    return line;
}

/** The index of the line (in `starts`, from {@link lineStarts}) that `offset` is on. */
function lineIndexOf(starts: number[], offset: number): number {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
}

/** The offset of the end of a line: its line break, or the end of the text. */
function lineEndOf(text: string, starts: number[], line: number): number {
    if (line + 1 >= starts.length) return text.length;
    const next = starts[line + 1];
    return next - (text[next - 2] === '\r' && text[next - 1] === '\n' ? 2 : 1);
}

/**
 * The tokens inside `( … )` as a range: a signed number, a separator (`,`, `;`
 * read as `,`, `..`, `-` or `to`) and a signed number.
 */
function rangePair(inside: IToken[]): [IToken[], IToken, IToken[]] | undefined {
    const signed = (from: number): number => (inside[from]?.image === '-' ? from + 1 : from);
    const a = signed(0);
    if (inside[a]?.tokenType.name !== 'NUMBER') return undefined;
    // A `;` is no token: the two numbers then follow each other, and the second one stands for the separator's place.
    // (`0.02-0.14` is a dash between two numbers; `0.02 -0.14`, after a `;`, a sign.)
    const sign = inside[a + 1]?.image === '-' && inside[a + 1].startOffset > inside[a].endOffset! + 1 && inside[a + 2]?.tokenType.name === 'NUMBER' && inside.length === a + 3;
    const gap = inside[a + 1]?.tokenType.name === 'NUMBER' || sign;
    const separator = inside[a + 1];
    if (!separator || (!gap && ![',', '..', '-', 'to'].includes(separator.image))) return undefined;
    const b = signed(gap ? a + 1 : a + 2);
    if (inside[b]?.tokenType.name !== 'NUMBER' || inside.length !== b + 1) return undefined;
    return [inside.slice(0, a + 1), separator, inside.slice(gap ? a + 1 : a + 2)];
}

/** The detail keyword (`size`, `ci`, `se` …) whose figures the token at `at` belongs to. */
function detailBefore(tokens: IToken[], at: number): string | undefined {
    for (let i = at, steps = 0; i >= 0 && steps < 6; i--, steps++) {
        const t = tokens[i];
        if (t.tokenType.name === 'NUMBER' || t.image === '..' || t.image === '-') continue;
        return t.image;
    }
    return undefined;
}

function isWord(t: IToken | undefined): t is IToken {
    return t !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.image) && !t.isInsertedInRecovery;
}

function retype(t: IToken, type: TokenType, image: string): IToken {
    return { ...t, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, image };
}

/** A token that is not in the text: the parser reads it, the tree does not keep it. */
function virtual(type: TokenType, image: string, offset: number, line: number, column: number): IToken {
    const t = createTokenInstance(type, image, offset, offset, line, line, column, column);
    t.isInsertedInRecovery = true;
    return t;
}

function closestKeyword(word: string, keywords: Iterable<string>): string | undefined {
    const lower = word.toLowerCase();
    let best: string | undefined, bestDistance = Infinity;
    for (const k of keywords) {
        if (!/^[a-z]/.test(k) || k === word) continue;
        const d = editDistance(lower, k);
        if (d < bestDistance || (d === bestDistance && best !== undefined && k < best)) { best = k; bestDistance = d; }
    }
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** The tokens the parser listed as what it expected (token type names: keywords, `ID`, `STRING`, `NUMBER`). */
function expectedTokens(error: IRecognitionException): string[] {
    const msg = error.message ?? '';
    const single = /^Expecting (?:token of type )?'?([^'\s]+)'? but found/.exec(msg);
    const out = single ? [single[1]] : [...msg.matchAll(/\d+\. \[([^\]]*)\]/g)].map(m => m[1].split(',')[0].trim());
    return [...new Set(out)].filter(w => w !== 'EOF');
}

/** Keywords the parser listed as what it expected. */
function expectedKeywords(error: IRecognitionException): string[] {
    return expectedTokens(error).filter(w => /^[a-z][a-z-]*$/.test(w));
}

function describeExpected(name: string): string {
    return name === 'ID' ? msg('syntax.token.name') : name === 'STRING' ? msg('syntax.token.string') : name === 'NUMBER' ? msg('syntax.token.number') : `'${name}'`;
}

function errorIndex(tokens: IToken[], error: IRecognitionException): number {
    const i = tokens.indexOf(error.token);
    if (i >= 0) return i;
    const offset = error.token?.startOffset;
    if (offset !== undefined && Number.isFinite(offset) && offset >= 0) {
        const j = tokens.findIndex(t => t.startOffset >= offset && !t.isInsertedInRecovery);
        if (j >= 0) return j;
    }
    return tokens.length;
}

/** How far the parser read: the offset of the token it failed on (past the last token at the end). */
function reachOf(tokens: IToken[], error: IRecognitionException): number {
    const t = tokens[errorIndex(tokens, error)];
    if (t) return t.startOffset;
    const last = tokens[tokens.length - 1];
    return last ? last.endOffset! + 1 : 0;
}

function parserDiagnosis(tokens: IToken[], at: number, error: IRecognitionException): Diagnosis {
    const t = tokens[at] ?? tokens[tokens.length - 1];
    const atEnd = tokens[at] === undefined;
    const offset = atEnd ? t.endOffset! + 1 : t.startOffset;
    return { offset, length: atEnd ? 0 : t.image.length, message: describeParserError(error) };
}

function unclosedString(offset: number, lineEnd: number): Diagnosis {
    return { offset, length: Math.max(1, lineEnd - offset), message: msg('repair.string-line') };
}

function letterMessage(ch: string): string {
    return msg('syntax.letter', { char: `'${ch}'`, example: LETTER_EXAMPLE });
}

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    return starts;
}

function lineColumn(text: string, offset: number): [number, number] {
    let line = 1, start = 0;
    for (let i = 0; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; start = i + 1; }
    }
    return [line, offset - start + 1];
}

/**
 * A mistake the parser read past, shaped as a parser error: its token is the
 * text the mistake is on, its message is final (see `describeParserError`).
 */
export class SyntaxMistake extends Error implements IRecognitionException {
    override readonly name = 'SyntaxMistake';
    readonly resyncedTokens: IToken[] = [];
    readonly context = { ruleStack: [] as string[], ruleOccurrenceStack: [] as number[] };
    constructor(message: string, public token: IToken) {
        super(message);
    }
}

function syntaxMistake(d: Diagnosis, text: string, lines: number[]): SyntaxMistake {
    const lineOf = (offset: number): number => {
        let lo = 0, hi = lines.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lines[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    };
    // A mistake is shown on one line, inside the text (a token read past the end of its line,
    // a string ended for error purposes, or the end of the file).
    const offset = Math.max(0, Math.min(d.offset, text.length));
    const line = lineOf(offset);
    const lineEnd = line + 1 < lines.length ? lines[line + 1] - (text[lines[line + 1] - 2] === '\r' && text[lines[line + 1] - 1] === '\n' ? 2 : 1) : text.length;
    const length = Math.max(0, Math.min(d.length, lineEnd - offset));
    const column = offset - lines[line] + 1;
    const token = createTokenInstance(MISTAKE, text.slice(offset, offset + length), offset, offset + Math.max(1, length) - 1,
        line + 1, line + 1, column, column + Math.max(1, length) - 1);
    // A message is one line, whatever text it quotes.
    return new SyntaxMistake(d.message.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '), token);
}

/** The token type of the text a {@link SyntaxMistake} is on. */
const MISTAKE = createToken({ name: 'SyntaxMistake', pattern: ChevrotainLexer.NA });

/** Makes `parser` repair the texts it cannot parse (see the module comment). */
export function installSyntaxRepair(parser: LangiumParser, services: LangiumCoreServices): LangiumParser {
    const lexer = services.parser.Lexer;
    const plain = parser.parse.bind(parser);
    const host = parser as unknown as { lexer: Lexer };
    const parseTokens: Parse = (text, tokens, hidden) => {
        const own = host.lexer;
        host.lexer = { definition: own.definition, tokenize: () => ({ tokens, errors: [], hidden }) };
        try {
            return plain(text);
        } finally {
            host.lexer = own;
        }
    };
    const repairer = new SyntaxRepairer(services.Grammar, lexer, services.parser.LexerErrorMessageProvider, parseTokens);
    parser.parse = (<T extends AstNode>(input: string, options?: { rule?: string }) => {
        const result = plain<T>(input, options);
        if (options?.rule || (result.parserErrors.length === 0 && result.lexerErrors.length === 0)) return result;
        let repaired: ParseResult<AstNode> | undefined;
        try {
            repaired = repairer.repair(input, result);
        } catch (e) {
            // A repair that fails leaves the parser's own reading: worse messages, never a crash.
            if (process.env.COORD_DEBUG_REPAIR) console.error(e);
            repaired = undefined;
        }
        return (repaired ?? result) as ParseResult<T>;
    }) as LangiumParser['parse'];
    return parser;
}
