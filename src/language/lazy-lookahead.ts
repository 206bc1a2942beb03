/**
 * Building the parser lazily: a cold `coord check` of a small file spent about
 * a third of its time in Chevrotain's `preComputeLookaheadFunctions`, which,
 * when the parser is built, computes the lookahead function of every
 * alternation, option and repetition of the grammar (for each alternation
 * chevrotain-allstar first computes its LL(1) prefixes; Coord's names accept
 * most keywords, so the alternatives are wide). A small file uses a handful
 * of them.
 *
 * {@link buildParserWithLazyLookahead} finalizes a prepared Langium parser with
 * a lookahead strategy whose functions are stubs: the first call of a stub
 * builds the real function with the real strategy (same options, so the same
 * function), stores it in the parser's lookahead cache in place of the stub and
 * runs it; every later call goes straight to the real function. The ATN and the
 * DFA caches of chevrotain-allstar are still built for the whole grammar when
 * the parser is finalized (they are cheap), so a decision predicts the same
 * alternative whenever its function is built. The parse is the same, token for
 * token; only when the work is done changes.
 */
import type { LangiumParser } from 'langium';
import type { TokenType } from 'chevrotain';
import { deferAtn, plannedLookahead, type DecisionOptions, type LookaheadPlan } from './prebuilt-lookahead.js';

type LookaheadFunction = (this: unknown, ...args: unknown[]) => unknown;

/** The part of chevrotain's lookahead strategy (chevrotain-allstar's `LLStarLookaheadStrategy`) this wraps. */
interface LookaheadStrategy {
    buildLookaheadForAlternation(options: unknown): LookaheadFunction;
    buildLookaheadForOptional(options: unknown): LookaheadFunction;
}

/** The part of Langium's `ChevrotainWrapper` (a chevrotain parser) this patches. */
interface LookaheadParser {
    lookaheadStrategy: LookaheadStrategy & { initialize?(options: { rules: unknown[] }): void };
    tokensMap?: Record<string, TokenType>;
    lookAheadFuncsCache: LookaheadFunction[][];
    setLaFuncCache(ruleIdx: number, key: number, value: LookaheadFunction): void;
}

/** How many lookahead functions the grammar has and how many have been built so far (for tests). */
export interface LookaheadCounts {
    readonly deferred: number;
    readonly built: number;
    /** Of those built, how many from the plan of one-token decisions (prebuilt-lookahead.ts). */
    readonly planned: number;
    /** How many times the strategy's ATN was built (0 until a decision not in the plan is first used, then 1). */
    readonly atnBuilt: number;
}

const countsOf = new WeakMap<object, LookaheadCounts>();
const decisionsOf = new WeakMap<object, DecisionOptions[]>();

/** The lookahead functions deferred and built for a parser made by {@link buildParserWithLazyLookahead}. */
export function lookaheadCounts(parser: LangiumParser): LookaheadCounts | undefined {
    return countsOf.get(parser);
}

/** The options of every decision a parser built without a plan deferred, in Chevrotain's order (for the plan's script and tests). */
export function deferredDecisions(parser: LangiumParser): readonly DecisionOptions[] | undefined {
    return decisionsOf.get(parser);
}

/**
 * Finalizes `parser` (from Langium's `prepareLangiumParser`) so that its
 * lookahead functions are built on first use; returns it. A parser whose
 * internals are not the expected ones is finalized as Langium does.
 *
 * With a `plan` (prebuilt-lookahead.ts), a planned decision's function is made
 * from the plan's table, and the strategy's ATN is built only when a decision
 * outside the plan is first used.
 */
export function buildParserWithLazyLookahead(parser: LangiumParser, plan?: LookaheadPlan): LangiumParser {
    const wrapper = (parser as unknown as { wrapper?: LookaheadParser }).wrapper;
    const strategy = wrapper?.lookaheadStrategy;
    if (!wrapper || !strategy || typeof strategy.buildLookaheadForAlternation !== 'function'
        || typeof strategy.buildLookaheadForOptional !== 'function' || typeof wrapper.setLaFuncCache !== 'function') {
        parser.finalize();
        return parser;
    }
    const counts = { deferred: 0, built: 0, planned: 0, atnBuilt: 0 };
    countsOf.set(parser, counts);
    // Only a parser without a plan keeps its decisions' options: the plan's script and tests read them.
    const decisions: DecisionOptions[] | undefined = plan === undefined ? [] : undefined;
    if (decisions) decisionsOf.set(parser, decisions);
    const tokens = wrapper.tokensMap;
    const initialize = strategy.initialize;
    const deferred = plan !== undefined && tokens !== undefined && deferAtn(strategy, () => counts.atnBuilt++);
    /** The decision's function from the plan, if it is there. */
    const fromPlan = (options: unknown) => {
        if (!deferred) return undefined;
        const planned = plannedLookahead(plan, options as DecisionOptions, tokens);
        if (planned) counts.planned++;
        return planned as LookaheadFunction | undefined;
    };
    /** Where each stub is stored in the parser's cache, so that the real function can replace it. */
    const slots = new WeakMap<LookaheadFunction, { funcs: LookaheadFunction[]; key: number }>();
    const lazy = (build: () => LookaheadFunction): LookaheadFunction => {
        counts.deferred++;
        let real: LookaheadFunction | undefined;
        const stub: LookaheadFunction = function (this: unknown, ...args: unknown[]) {
            if (!real) {
                real = build();
                counts.built++;
                const slot = slots.get(stub);
                if (slot && slot.funcs[slot.key] === stub) slot.funcs[slot.key] = real;
            }
            return real.apply(this, args);
        };
        return stub;
    };
    const alternation = strategy.buildLookaheadForAlternation;
    const optional = strategy.buildLookaheadForOptional;
    strategy.buildLookaheadForAlternation = options => {
        decisions?.push(options as DecisionOptions);
        return lazy(() => fromPlan(options) ?? alternation.call(strategy, options));
    };
    strategy.buildLookaheadForOptional = options => {
        decisions?.push(options as DecisionOptions);
        return lazy(() => fromPlan(options) ?? optional.call(strategy, options));
    };
    const setLaFuncCache = wrapper.setLaFuncCache;
    wrapper.setLaFuncCache = function (this: LookaheadParser, ruleIdx, key, value) {
        setLaFuncCache.call(this, ruleIdx, key, value);
        slots.set(value, { funcs: this.lookAheadFuncsCache[ruleIdx], key });
    };
    try {
        parser.finalize();
    } finally {
        // Later builds (none are expected) go to the real strategy.
        strategy.buildLookaheadForAlternation = alternation;
        strategy.buildLookaheadForOptional = optional;
        wrapper.setLaFuncCache = setLaFuncCache;
        if (deferred) strategy.initialize = initialize;
    }
    return parser;
}
