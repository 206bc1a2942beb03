/**
 * Coord's lexer: Langium's `DefaultLexer`, the same tokens, with the keywords
 * that are words decided by one look-up instead of one pattern each.
 *
 * Langium gives Chevrotain one pattern per keyword, longest first, each with
 * `ID` as its longer alternative. Coord has about 90 word keywords (every one
 * of them usable as a name), so at a word the lexer tried every keyword with
 * that first letter, one regular expression each, and then `ID` again to see
 * whether the word goes on: lexing was about a quarter of a parse's CPU time.
 * That lexer reads a keyword that `ID` matches whole exactly when `ID`'s match
 * at the same place is that keyword and no longer (the longer alternative wins
 * otherwise). So here such keywords get Chevrotain's "not applicable" pattern
 * (they keep their token types, which the parser needs), Chevrotain lexes
 * with the other patterns (hyphenated keywords, punctuation and terminals, in
 * Langium's order), and each `ID` token whose text is one of those keywords
 * gets that keyword's token type. Same tokens, types, positions and errors:
 * `test/language/coord-lexer.test.ts` compares it with Langium's lexer.
 */
import {
    isTokenTypeArray, type Lexer, type LangiumCoreServices, type LexerResult, type TokenBuilder,
    type TokenizeOptions,
} from 'langium';
import { Lexer as ChevrotainLexer, type TokenType } from 'chevrotain';

/** The keywords a terminal (their longer alternative) matches whole, by text, and that terminal; undefined when none. */
export interface WordKeywords {
    readonly terminal: TokenType;
    readonly byText: Map<string, TokenType>;
}

/**
 * Finds the keyword token types, as Langium's token builder makes them (the keyword's text
 * as the pattern, one terminal as the longer alternative), that their terminal matches
 * whole. Only one such terminal is handled (Coord's `ID`); with none, or with two, the
 * answer is undefined and the lexer is Langium's.
 */
export function wordKeywords(tokens: readonly TokenType[]): WordKeywords | undefined {
    let terminal: TokenType | undefined;
    const byText = new Map<string, TokenType>();
    const whole = new Map<TokenType, RegExp>();
    for (const token of tokens) {
        const pattern = token.PATTERN;
        const longer = token.LONGER_ALT === undefined ? [] : Array.isArray(token.LONGER_ALT) ? token.LONGER_ALT : [token.LONGER_ALT];
        if (typeof pattern !== 'string' || pattern !== token.name || longer.length !== 1 || token.GROUP !== undefined) continue;
        const regex = longer[0].PATTERN;
        if (!(regex instanceof RegExp) || regex.flags !== '' || longer[0].GROUP !== undefined) continue;
        let full = whole.get(longer[0]);
        if (!full) whole.set(longer[0], full = new RegExp(`^(?:${regex.source})$`));
        if (!full.test(pattern)) continue;
        if (terminal !== undefined && terminal !== longer[0]) return undefined;
        terminal = longer[0];
        byText.set(pattern, token);
    }
    return terminal === undefined ? undefined : { terminal, byText };
}

/** Langium's `DefaultLexer` (same members), with the word keywords decided by look-up (see the module's comment). */
export class CoordLexer implements Lexer {
    protected readonly errorMessageProvider: LangiumCoreServices['parser']['LexerErrorMessageProvider'];
    protected readonly tokenBuilder: TokenBuilder;
    protected readonly tokenTypes: Record<string, TokenType>;
    private readonly built: TokenType[];
    private readonly config: { skipValidations: boolean; errorMessageProvider: LangiumCoreServices['parser']['LexerErrorMessageProvider'] };
    private fullLexer: ChevrotainLexer | undefined;
    private readonly offsetLexer: ChevrotainLexer;
    private readonly words: Map<string, TokenType> | undefined;
    private readonly wordTerminal: number = -1;

    constructor(services: LangiumCoreServices) {
        this.errorMessageProvider = services.parser.LexerErrorMessageProvider;
        this.tokenBuilder = services.parser.TokenBuilder;
        const built = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        // Coord's token builder (Langium's, fed from the grammar plan) gives one list: Coord has no lexer modes.
        if (!isTokenTypeArray(built)) throw new Error('Coord\'s lexer expects one list of token types (no lexer modes, no dictionary)');
        const found = wordKeywords(built);
        if (found) {
            for (const keyword of found.byText.values()) {
                keyword.PATTERN = ChevrotainLexer.NA;
                delete keyword.LONGER_ALT;
            }
        }
        this.tokenTypes = {};
        for (const token of built) this.tokenTypes[token.name] = token;
        this.built = built;
        this.config = { skipValidations: services.LanguageMetaData.mode === 'production', errorMessageProvider: this.errorMessageProvider };
        // Built now, as the parser needs every token type's index: the lexer the parser uses. The
        // one with full positions (formatting, the syntax repair, the editor's services) when first used.
        this.offsetLexer = this.chevrotain('onlyOffset');
        // The lexer has given every token type (the keywords with no pattern too) its index.
        if (found) {
            this.words = found.byText;
            this.wordTerminal = found.terminal.tokenTypeIdx!;
        }
    }

    /** Chevrotain's lexer of these tokens, with the given position tracking. */
    private chevrotain(positionTracking: 'full' | 'onlyOffset'): ChevrotainLexer {
        return new ChevrotainLexer(this.built, { positionTracking, ...this.config });
    }

    /** Chevrotain's lexer with full positions (Langium's `DefaultLexer` keeps it under this name). */
    protected get chevrotainLexer(): ChevrotainLexer {
        return this.fullLexer ??= this.chevrotain('full');
    }

    get definition(): Record<string, TokenType> {
        return this.tokenTypes;
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        return this.lex(this.chevrotainLexer, text);
    }

    /**
     * The same tokens with their start offset only: no `endOffset`, lines or columns (four
     * fields instead of nine), nor lines and columns in the errors. For the parser alone,
     * which makes its syntax tree's positions from the text's lines (offset-tokens.ts): a
     * 100,000-line file has 420,000 tokens, alive until its parse ends, and Chevrotain's
     * line tracking was a third of lexing.
     */
    tokenizeOffsets(text: string): LexerResult {
        return this.lex(this.offsetLexer, text);
    }

    private lex(lexer: ChevrotainLexer, text: string): LexerResult {
        const result = lexer.tokenize(text);
        const words = this.words;
        if (words !== undefined) {
            const terminal = this.wordTerminal;
            const tokens = result.tokens;
            for (let i = 0; i < tokens.length; i++) {
                const token = tokens[i];
                if (token.tokenTypeIdx !== terminal) continue;
                const keyword = words.get(token.image);
                if (keyword !== undefined) {
                    token.tokenType = keyword;
                    token.tokenTypeIdx = keyword.tokenTypeIdx!;
                    // The same text, one string for all: a keyword's image is the value of the names,
                    // units and enumerations it is read as, kept in the AST (a copy per token otherwise:
                    // in a heap snapshot of parsed files, half of the AST's strings).
                    token.image = keyword.name;
                }
            }
        }
        return {
            tokens: result.tokens,
            errors: result.errors,
            hidden: result.groups.hidden ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text),
        };
    }
}
