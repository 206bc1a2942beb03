/**
 * The parser's one-token decisions written when Coord is built, and the
 * lookahead automaton (ATN) built only when a decision needs it.
 *
 * When a Chevrotain parser is finalized, chevrotain-allstar's lookahead
 * strategy builds an ATN of the whole grammar (`initialize`: about 4 ms of a
 * cold `coord check` of one declaration, docs/performance.md, "Cold start,
 * fifth round"), and each lookahead function, when lazy-lookahead.ts builds it
 * on first use, first reads that ATN and computes its alternatives' first
 * tokens (`getLookaheadPaths`). For a decision that one token settles (an
 * alternation whose alternatives start with distinct tokens, an option or
 * repetition whose start does not clash with what follows it) the function it
 * returns only looks the next token's type up in a table; only the other
 * decisions run the ATN (`adaptivePredict`). All of Coord's decisions that a
 * check of the examples reaches are of the first kind.
 *
 * `scripts/grammar-plan.mjs` asks the real strategy for every decision's
 * function once ({@link lookaheadPlanOf}) and writes, for each one-token
 * decision, what it answers for each token type (`PARSER_LOOKAHEAD` in
 * `parser-gast.generated.ts`). lazy-lookahead.ts then builds such a decision's
 * function from that table ({@link plannedLookahead}), a function of the same
 * form and the same answers, and asks the strategy for the others, whose ATN
 * is built on that first request ({@link deferAtn}): the same ATN, from the
 * same productions. `test/performance/prebuilt-lookahead.test.ts` compares
 * every decision's planned function with the strategy's for every token type,
 * checks that the plan holds exactly the decisions the strategy settles with
 * one token, and counts that a check of the examples builds no ATN.
 */
import { EOF, type TokenType } from 'chevrotain';

/** A decision as written: its key (the ATN's: rule, production type, occurrence), and what it answers per token type's name (an alternation: the alternative's index; an option or repetition: the names for which it enters). */
export type LookaheadEntry = readonly [key: string, answers: Readonly<Record<string, number>> | readonly string[]];

/** What chevrotain's `preComputeLookaheadFunctions` gives the strategy for a decision (the fields read here). */
export interface DecisionOptions {
    readonly prodOccurrence: number;
    readonly rule: { readonly name: string };
    /** For options and repetitions: `Option`, `Repetition`, `RepetitionMandatory`…; absent for alternations. */
    readonly prodType?: string;
    readonly hasPredicates?: boolean;
    readonly dynamicTokensEnabled?: boolean;
}

type LookaheadFunction = (this: { LA_FAST(k: number): { tokenTypeIdx: number } }, ...args: unknown[]) => unknown;

/** chevrotain-allstar's key of a decision (`buildATNKey`). */
export function decisionKey(options: DecisionOptions): string {
    return `${options.rule.name}_${options.prodType ?? 'Alternation'}_${options.prodOccurrence}`;
}

/** The written plan by key, for a parser's tokens (made once per parser). */
export type LookaheadPlan = ReadonlyMap<string, LookaheadEntry[1]>;

export function lookaheadPlan(entries: readonly LookaheadEntry[]): LookaheadPlan {
    return new Map(entries);
}

/**
 * The lookahead function of a planned decision, for the parser's token types by name; undefined when
 * the decision is not planned, has guards or dynamic tokens, or names a token the parser lacks.
 */
export function plannedLookahead(plan: LookaheadPlan, options: DecisionOptions, tokens: Readonly<Record<string, TokenType>>): LookaheadFunction | undefined {
    if (options.hasPredicates || options.dynamicTokensEnabled) return undefined;
    const answers = plan.get(decisionKey(options));
    if (answers === undefined) return undefined;
    const isAlternation = options.prodType === undefined;
    if (Array.isArray(answers) === isAlternation) return undefined;
    const index = (name: string) => (Object.hasOwn(tokens, name) ? tokens[name].tokenTypeIdx : name === EOF.name ? EOF.tokenTypeIdx : undefined);
    if (isAlternation) {
        const choiceToAlt: number[] = [];
        for (const [name, alt] of Object.entries(answers as Record<string, number>)) {
            const idx = index(name);
            if (idx === undefined) return undefined;
            choiceToAlt[idx] = alt;
        }
        return function () {
            return choiceToAlt[this.LA_FAST(1).tokenTypeIdx];
        };
    }
    const enters: boolean[] = [];
    for (const name of answers as string[]) {
        const idx = index(name);
        if (idx === undefined) return undefined;
        enters[idx] = true;
    }
    return function () {
        return enters[this.LA_FAST(1).tokenTypeIdx] === true;
    };
}

/** The part of chevrotain-allstar's `LLStarLookaheadStrategy` {@link deferAtn} replaces. */
interface AtnStrategy {
    initialize?(options: { rules: unknown[] }): void;
}

/** The ATN's members of the strategy, which `initialize` sets. */
const ATN_MEMBERS = ['atn', 'dfas', 'callers'] as const;

/**
 * Makes `strategy`'s `initialize` (called by the self-analysis) build nothing: its ATN, DFA caches
 * and callers are built by the real `initialize`, with the same productions, when one of them is
 * first read. Calls `onBuild` then. Returns false (and changes nothing) when the strategy is not
 * the expected one.
 */
export function deferAtn(strategy: AtnStrategy, onBuild: () => void): boolean {
    const initialize = strategy.initialize;
    if (typeof initialize !== 'function') return false;
    strategy.initialize = function (this: AtnStrategy, options) {
        let building = false;
        const build = () => {
            if (building) return;
            building = true;
            for (const member of ATN_MEMBERS) delete (this as Record<string, unknown>)[member];
            initialize.call(this, options);
            onBuild();
        };
        for (const member of ATN_MEMBERS) {
            Object.defineProperty(this, member, {
                configurable: true, enumerable: true,
                get(this: Record<string, unknown>) { build(); return this[member]; },
                set(this: Record<string, unknown>, value: unknown) {
                    Object.defineProperty(this, member, { value, writable: true, configurable: true, enumerable: true });
                },
            });
        }
    };
    return true;
}

/** What a built lookahead function is, for the plan: its answers for every token type, or undefined if it runs the ATN. */
function answersOf(fn: LookaheadFunction, isAlternation: boolean, tokens: readonly TokenType[]): LookaheadEntry[1] | undefined {
    // chevrotain-allstar's functions that run the ATN call `adaptivePredict`; the one-token ones read LA_FAST(1) only.
    if (/\badaptivePredict\b/.test(Function.prototype.toString.call(fn))) return undefined;
    const alternatives: Record<string, number> = {};
    const enters: string[] = [];
    for (const token of tokens) {
        const answer = fn.call({
            LA_FAST(k: number) {
                if (k !== 1) throw new Error(`a one-token decision read token ${k}`);
                return { tokenTypeIdx: token.tokenTypeIdx!, tokenType: token } as unknown as { tokenTypeIdx: number };
            },
        });
        if (isAlternation) {
            if (answer !== undefined) alternatives[token.name] = answer as number;
        } else if (answer === true) {
            enters.push(token.name);
        } else if (answer !== false) {
            throw new Error(`an option's lookahead answered ${String(answer)}`);
        }
    }
    return isAlternation ? alternatives : enters;
}

/**
 * The plan of every decision that one token settles, from the strategy's own functions: `decisions`
 * are the options the parser gave the strategy (lazy-lookahead.ts's `deferredDecisions`), `build`
 * asks the real strategy for a decision's function. In the decisions' order.
 */
export function lookaheadPlanOf(
    decisions: readonly DecisionOptions[],
    build: (options: DecisionOptions) => LookaheadFunction,
    tokens: Readonly<Record<string, TokenType>>,
): LookaheadEntry[] {
    const all = [...Object.values(tokens)];
    if (!all.includes(EOF)) all.push(EOF);
    const out: LookaheadEntry[] = [];
    for (const options of decisions) {
        if (options.hasPredicates || options.dynamicTokensEnabled) continue;
        const answers = answersOf(build(options), options.prodType === undefined, all);
        if (answers !== undefined) out.push([decisionKey(options), answers]);
    }
    return out;
}
