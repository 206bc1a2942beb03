/**
 * A large text parsed a stretch of declarations at a time, into one tree.
 *
 * Chevrotain lexes a whole text before parsing it, and the parser keeps the token
 * vector until the parse ends: a 100,000-line file's 420,000 tokens (and their
 * images) all live through the parse, so every scavenge of the parse copies them
 * and V8 promotes them to the old generation, where they die — a sixth of what the
 * parse copies, for objects no tree keeps. Here a text of more than
 * {@link CHUNK_CHARS} × 2 characters is cut into stretches of about
 * {@link CHUNK_CHARS} characters, each lexed and parsed alone into the *same*
 * root syntax node (whose text is the whole text, so every leaf's place and line
 * are those of a whole parse), and the stretches' models are joined into the
 * first one: the tokens of a stretch die young.
 *
 * The result is the whole parse's, node for node, because a stretch ends only where
 * a whole parse is back at the top level with nothing pending:
 *
 * - a stretch starts at the start of a line that starts with a declaration's
 *   keyword ({@link CUT_BEFORE}), so the whole text's tokens are the stretches'
 *   tokens (a string or a block comment that crossed the cut would not close in
 *   its stretch: a lexing error);
 * - a stretch is used only when it lexes and parses without any error, and its
 *   last token is a `}` — which then closes a top-level declaration (an inner
 *   block's `}` would leave the declaration open: an error), and in Coord's
 *   grammar nothing can follow the `}` that ends a declaration
 *   (`test/language/chunked-parse.test.ts` checks the grammar for it); a stretch
 *   that ends otherwise is parsed together with the next one;
 * - after such a `}` the whole parse is at the top-level repetition with the
 *   next stretch's first token ahead, exactly as a parse of that stretch starts;
 * - comments between declarations go to the root between them, either way.
 *
 * A syntax error in a stretch, and the rest of the text from where that stretch
 * starts is parsed in one piece: the whole parse is there at the top level with the
 * same tokens ahead, so it reads them, errors and recovery included, as that parse
 * does (the stretch's first token starts a declaration, so no error message names a
 * token before it), and the earlier stretches stand. A lexing error, or a syntax
 * error in the first stretch, and the text is parsed whole; the stretches parsed
 * until then are the price (a broken large file costs at most one parse more).
 * `test/language/chunked-parse.test.ts` compares syntax trees, ASTs and errors with
 * the whole parse on large texts, whole and broken.
 */
import type { AstNode } from 'langium';

/**
 * The lexers whose `tokenize` lexes the text it is given (the parser's own); the syntax
 * repair parses with a lexer that hands back tokens it already has, whatever the text, and a
 * parse through such a lexer is never cut.
 */
const textLexers = new WeakSet<object>();

/** Marks `lexer` as one that lexes the text it is given (see {@link textLexers}). */
export function markTextLexer<L extends object>(lexer: L): L {
    textLexers.add(lexer);
    return lexer;
}

/** About how many characters a stretch has (generated Coord: about 150 lines). */
export const CHUNK_CHARS = 4_096;

/** The keywords a stretch may start with, at the start of a line: each starts a top-level declaration. */
export const CUT_BEFORE = ['domain', 'outcome', 'population', 'programme', 'body', 'coordination', 'evaluation', 'effects'] as const;

let parses = 0;
let restParses = 0;

/** How many texts this process has parsed in stretches (for tests). */
export function chunkedParses(): number {
    return parses;
}

/** How many of those ended with the rest of the text in one piece after a syntax error (for tests). */
export function chunkedRestParses(): number {
    return restParses;
}

const CUT = new RegExp(`(?:${CUT_BEFORE.join('|')})[ \\t]`, 'y');

/**
 * The offsets where `text` is cut into stretches of about `size` characters: each the
 * start of a line that starts with one of {@link CUT_BEFORE} and a space or a tab.
 * Empty when the text is too short to cut.
 */
export function cutPoints(text: string, size = CHUNK_CHARS): number[] {
    const cuts: number[] = [];
    if (text.length < size * 2) return cuts;
    let from = size;
    while (from < text.length - size) {
        let at = text.indexOf('\n', from);
        for (; at >= 0 && at < text.length - size; at = text.indexOf('\n', at + 1)) {
            CUT.lastIndex = at + 1;
            if (CUT.test(text)) break;
        }
        if (at < 0 || at >= text.length - size) break;
        cuts.push(at + 1);
        from = at + 1 + size;
    }
    return cuts;
}

/** A token as the parser reads it (start offsets only, coord-lexer.ts's `tokenizeOffsets`). */
interface Token {
    image: string;
    startOffset: number;
}

/** The members of Langium 4.4's `LangiumParser` a parse uses (container-links.ts replaces its `parse`). */
export interface ChunkParser {
    nodeBuilder: { buildRootNode(input: string): { content: unknown[]; astNode?: unknown }; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(text: string): { tokens: Token[]; errors: unknown[]; hidden: Token[]; report?: { diagnostics?: unknown[] } } };
    lexerResult: unknown;
    wrapper: { input: unknown[]; errors: unknown[] };
    mainRule: unknown;
    unorderedGroups: { clear(): void };
    doParse(rule: unknown): AstNode;
}

/** What the parser's lexer gives back, as Langium's `parse` hands it to the parser. */
export type LexerResult = ReturnType<ChunkParser['lexer']['tokenize']>;

/**
 * Parses `lexed`'s tokens with `rule` and adds the hidden ones (comments) to the tree: the steps of
 * Langium 4.4's `parse` between lexing and linking the containers, which both container-links.ts's
 * `parse` and the stretches below take. Returns the rule's node; the parser's errors are `p.wrapper.errors`.
 */
export function runRule(p: ChunkParser, lexed: LexerResult, rule: unknown): AstNode {
    p.lexerResult = lexed;
    p.wrapper.input = lexed.tokens;
    const node = p.doParse(rule);
    p.nodeBuilder.addHiddenNodes(lexed.hidden);
    p.unorderedGroups.clear();
    p.lexerResult = undefined;
    return node;
}

/** `list` with `more` pushed at its end; returns `list`. */
function append<T>(list: T[], more: readonly T[]): T[] {
    for (let i = 0; i < more.length; i++) list.push(more[i]);
    return list;
}

/** A parse's result, as Langium's `parse` gives it. */
export interface ChunkResult {
    value: AstNode;
    lexerErrors: unknown[];
    lexerReport: { diagnostics: unknown[] } | undefined;
    parserErrors: unknown[];
}

/**
 * Parses `input` in stretches (see the module's comment) with the main rule, each model's
 * containers linked by `link`; undefined when the text is too short to cut, when the parser's
 * lexer is not one that lexes its text ({@link markTextLexer}), or when any stretch has an
 * error or a result that cannot be joined: then parse it whole, with the lexing report's
 * diagnostics already taken from the lexer, which this pushes on `flushed`.
 */
export function parseInChunks(p: ChunkParser, input: string, link: (root: AstNode) => void, flushed: unknown[], size = CHUNK_CHARS): ChunkResult | undefined {
    if (!textLexers.has(p.lexer)) return undefined;
    const cuts = cutPoints(input, size);
    if (cuts.length === 0) return undefined;
    cuts.push(input.length);
    const root = p.nodeBuilder.buildRootNode(input);
    const models: AstNode[] = [];
    const diagnostics = flushed;
    let reported = false;
    let start = 0;
    let stretchStart = 0;
    let pending: Token[] = [];
    let pendingHidden: Token[] = [];
    let parserErrors: unknown[] = [];
    const lex = (from: number, to: number) => {
        const lexed = p.lexer.tokenize(input.slice(from, to));
        if (lexed.report) {
            reported = true;
            if (lexed.report.diagnostics) diagnostics.push(...lexed.report.diagnostics);
        }
        for (const token of lexed.tokens) token.startOffset += from;
        for (const token of lexed.hidden) token.startOffset += from;
        return lexed;
    };
    const parse = (tokens: Token[], hidden: Token[], report: LexerResult['report']) => {
        const model = runRule(p, { tokens, errors: [], hidden, report }, p.mainRule);
        return { model, errors: p.wrapper.errors };
    };
    try {
        for (const end of cuts) {
            if (pending.length === 0) stretchStart = start;
            const lexed = lex(start, end);
            if (lexed.errors.length > 0) return undefined;
            start = end;
            // (Pushed one by one: a long run of stretches without a `}` stays linear, and no spread overflows the stack.)
            const tokens = pending.length === 0 ? lexed.tokens : append(pending, lexed.tokens);
            const hidden = pendingHidden.length === 0 ? lexed.hidden : append(pendingHidden, lexed.hidden);
            // A stretch that does not end with a `}` is parsed with the next one (see the module's comment).
            if (end < input.length && (tokens.length === 0 || tokens[tokens.length - 1].image !== '}')) {
                pending = tokens;
                pendingHidden = hidden;
                continue;
            }
            pending = [];
            pendingHidden = [];
            const mark = root.content.length;
            let parsed = parse(tokens, hidden, lexed.report);
            if (parsed.errors.length > 0) {
                // The first stretch: that is the whole parse's start; parse the text whole.
                if (models.length === 0) return undefined;
                // Else the rest of the text, from where this stretch starts, in one parse: the whole parse is
                // at the top level there with the same tokens ahead, so it reads them, errors and recovery
                // included, as this parse does (see the module's comment). What this stretch added goes.
                root.content.splice(mark);
                const rest = lex(stretchStart, input.length);
                if (rest.errors.length > 0) return undefined;
                parsed = parse(rest.tokens, rest.hidden, rest.report);
                parserErrors = parsed.errors;
                restParses++;
                link(parsed.model);
                models.push(parsed.model);
                break;
            }
            link(parsed.model);
            models.push(parsed.model);
        }
    } finally {
        p.lexerResult = undefined;
        p.wrapper.input = [];
    }
    // Join the other models' declarations into the first model's: Coord's Model is `declarations+=Declaration*`
    // and nothing else (test/language/chunked-parse.test.ts checks the grammar for it).
    const first = models[0] as unknown as { declarations: AstNode[] };
    const joined: AstNode[] = [];
    for (const model of models) append(joined, (model as unknown as { declarations: AstNode[] }).declarations);
    for (let index = 0; index < joined.length; index++) {
        const item = joined[index] as { $container?: unknown; $containerProperty?: string; $containerIndex?: number };
        item.$container = first;
        item.$containerProperty = 'declarations';
        item.$containerIndex = index;
    }
    first.declarations = joined;
    // The root syntax node is the first model's (each parse linked it to its own model).
    root.astNode = first;
    parses++;
    return {
        value: first as unknown as AstNode,
        lexerErrors: [],
        lexerReport: reported ? { diagnostics: [...diagnostics] } : undefined,
        parserErrors,
    };
}
