/**
 * The last step of Langium's parse, without its cost. After parsing, Langium's
 * `LangiumParser.parse` calls `linkContentToContainer(root, { deep: true })`,
 * which sets `$container`, `$containerProperty` and `$containerIndex` on every
 * node of the tree, recursively, through `Object.entries` of every node and a
 * `forEach` closure for every array. On a generated 10k-line file that was a
 * fifth of the parse in a CPU profile, most of it allocation (an array of
 * pairs per node) and the garbage collection it causes.
 *
 * {@link linkContainers} sets the same three properties on the same nodes (the
 * own enumerable properties whose name does not start with `$`, an AST node
 * being an object with a string `$type`, as Langium's `isAstNode` says), with a
 * `for…in` loop and an explicit stack. {@link useFastContainerLinks} gives a
 * Langium parser a `parse` that is Langium 4.4's, step for step, with that
 * walk in place of Langium's.
 */
import type { AstNode, LangiumParser, ParseResult } from 'langium';
import { CHUNK_CHARS, parseInChunks, runRule, type ChunkParser } from './chunked-parse.js';

let walks = 0;

/** How many trees {@link linkContainers} has linked in this process (for tests). */
export function containerLinkWalks(): number {
    return walks;
}

/** Sets `$container`, `$containerProperty` and `$containerIndex` under `root`, as `linkContentToContainer(root, { deep: true })` does. */
export function linkContainers(root: AstNode): void {
    walks++;
    const stack: Record<string, unknown>[] = [root as unknown as Record<string, unknown>];
    while (stack.length > 0) {
        const node = stack.pop()!;
        for (const name in node) {
            if (name.charCodeAt(0) === 36 /* $ */ || !Object.prototype.hasOwnProperty.call(node, name)) continue;
            const value = node[name];
            if (typeof value !== 'object' || value === null) continue;
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item = value[index];
                    if (typeof item === 'object' && item !== null && typeof item.$type === 'string') {
                        item.$container = node;
                        item.$containerProperty = name;
                        item.$containerIndex = index;
                        stack.push(item);
                    }
                }
            } else if (typeof (value as { $type?: unknown }).$type === 'string') {
                const child = value as Record<string, unknown>;
                child.$container = node;
                child.$containerProperty = name;
                stack.push(child);
            }
        }
    }
}

/** The members of Langium 4.4's `LangiumParser` that its `parse` uses: a stretch's (chunked-parse.ts) and the rules by name. */
interface ParserInternals extends ChunkParser {
    allRules: Map<string, unknown>;
}

/**
 * Replaces `parser.parse` by Langium 4.4's `parse` with {@link linkContainers} as its last
 * step; returns the parser. A parser whose `parse` is not that one (another Langium: its
 * source does not end with the deep `linkContentToContainer`), or without the members
 * that method uses, keeps its own.
 */
export function useFastContainerLinks(parser: LangiumParser): LangiumParser {
    const p = parser as unknown as ParserInternals;
    const own = Object.getPrototypeOf(parser)?.parse;
    if (typeof own !== 'function' || !/linkContentToContainer\w*\(result,\s*\{\s*deep:\s*(true|!0)\s*\}\)/.test(String(own))
        || !p.nodeBuilder || !p.lexer || !p.wrapper || !(p.allRules instanceof Map) || typeof p.doParse !== 'function' || !p.unorderedGroups) {
        return parser;
    }
    parser.parse = function <T extends AstNode>(this: ParserInternals, input: string, options: { rule?: string } = {}): ParseResult<T> {
        // A large text is parsed a stretch of declarations at a time, into the same tree (chunked-parse.ts).
        // (Only a text long enough to cut calls it: a cold start parses small texts alone, and on Node 20 the
        // first call of that code cost about 4 ms of CPU.)
        const flushed: unknown[] = [];
        if (!options.rule && input.length >= CHUNK_CHARS * 2) {
            const chunked = parseInChunks(this, input, linkContainers, flushed);
            if (chunked) return chunked as unknown as ParseResult<T>;
        }
        this.nodeBuilder.buildRootNode(input);
        const lexerResult = this.lexer.tokenize(input);
        // The lexing report's diagnostics that a cut parse given up had already taken from the lexer.
        if (flushed.length > 0 && lexerResult.report) {
            const report = lexerResult.report;
            report.diagnostics = [...flushed, ...(report.diagnostics ?? [])];
        }
        const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = runRule(this, lexerResult, ruleMethod);
        linkContainers(result);
        const parserErrors = this.wrapper.errors;
        // Not in Langium's: let go of the tokens (one object each, about a third of a parsed file's
        // memory), which the parser would otherwise keep until its next parse; the tree holds none of them.
        this.wrapper.input = [];
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors,
        } as unknown as ParseResult<T>;
    } as LangiumParser['parse'];
    return parser;
}
