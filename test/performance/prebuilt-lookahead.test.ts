/**
 * The one-token decisions written when Coord is built and the ATN built on
 * demand (src/language/prebuilt-lookahead.ts): the written plan is what the
 * lookahead strategy's own functions answer today (else: npm run
 * langium:generate), every planned function answers as the strategy's for
 * every token type, the plan holds exactly the decisions the strategy settles
 * without its ATN, a check of the examples builds no ATN, and without a plan
 * (or for a decision outside it) the ATN is built on first use, the same one.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type LangiumParser } from 'langium';
import { EOF, type TokenType } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCoordCoreServices, createCoordParser } from '../../src/language/coord-module.js';
import { deferredDecisions, lookaheadCounts, buildParserWithLazyLookahead } from '../../src/language/lazy-lookahead.js';
import { decisionKey, lookaheadPlan, lookaheadPlanOf, plannedLookahead, type DecisionOptions } from '../../src/language/prebuilt-lookahead.js';
import { PARSER_LOOKAHEAD } from '../../src/language/parser-gast.generated.js';
import { prepareCoordParser } from '../../src/language/parser-builder.js';
import { usePrebuiltGast } from '../../src/language/prebuilt-gast.js';
import { STDLIB_TEXT } from '../../src/language/stdlib.js';
import { MISTAKES, mistakeText } from '../language/syntax-mistakes.data.js';

const ROOT = resolve(__dirname, '../..');
const examples = readdirSync(join(ROOT, 'examples')).filter(f => f.endsWith('.coord')).sort().map(name => readFileSync(join(ROOT, 'examples', name), 'utf8'));

type Fn = (this: unknown, ...args: unknown[]) => unknown;
interface Strategy {
    buildLookaheadForAlternation(options: DecisionOptions): Fn;
    buildLookaheadForOptional(options: DecisionOptions): Fn;
    atn: { decisionMap: Record<string, { decision: number }>; states: unknown[]; decisionStates: unknown[] };
}
interface Wrapper { lookaheadStrategy: Strategy; tokensMap: Record<string, TokenType> }
const wrapperOf = (parser: LangiumParser) => (parser as unknown as { wrapper: Wrapper }).wrapper;
const realFunction = (strategy: Strategy, options: DecisionOptions) => options.prodType === undefined
    ? strategy.buildLookaheadForAlternation(options) : strategy.buildLookaheadForOptional(options);
const allTokens = (tokens: Record<string, TokenType>) => [...new Set([...Object.values(tokens), EOF])];
/** What a lookahead function answers when the next token is of type `token`. */
const answer = (fn: Fn, token: TokenType) => fn.call({
    LA_FAST(k: number) {
        if (k !== 1) throw new Error(`read token ${k}`);
        return { tokenTypeIdx: token.tokenTypeIdx, tokenType: token };
    },
});

describe('the plan of one-token decisions', () => {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const plain = createCoordParser(Coord, { prebuilt: false });
    const strategy = wrapperOf(plain).lookaheadStrategy;
    const tokens = wrapperOf(plain).tokensMap;
    const decisions = deferredDecisions(plain)!;

    it('is what the strategy\'s own functions answer today (else: npm run langium:generate)', () => {
        expect(decisions.length).toBeGreaterThan(40);
        expect(lookaheadPlanOf(decisions, options => realFunction(strategy, options) as never, tokens)).toEqual(PARSER_LOOKAHEAD);
    });

    it('holds exactly the decisions the strategy settles without its ATN, each answering as the strategy\'s function for every token type', () => {
        const plan = lookaheadPlan(PARSER_LOOKAHEAD);
        let planned = 0;
        for (const options of decisions) {
            const real = realFunction(strategy, options);
            const ours = plannedLookahead(plan, options, tokens) as Fn | undefined;
            const runsAtn = /\badaptivePredict\b/.test(Function.prototype.toString.call(real));
            expect(ours === undefined, decisionKey(options)).toBe(runsAtn);
            if (!ours) continue;
            planned++;
            for (const token of allTokens(tokens)) expect(answer(ours, token), `${decisionKey(options)} on ${token.name}`).toBe(answer(real, token));
        }
        // Every decision of Coord's grammar is settled by one token today.
        expect(planned).toBe(decisions.length);
    });

    it('is not used for a decision it does not fit: a token the parser lacks, the wrong kind, guards, dynamic tokens', () => {
        const alternation = decisions.find(d => d.prodType === undefined)!;
        const option = decisions.find(d => d.prodType !== undefined)!;
        const plan = lookaheadPlan(PARSER_LOOKAHEAD);
        expect(plannedLookahead(plan, alternation, tokens)).toBeDefined();
        expect(plannedLookahead(plan, option, tokens)).toBeDefined();
        expect(plannedLookahead(plan, { ...alternation, hasPredicates: true }, tokens)).toBeUndefined();
        expect(plannedLookahead(plan, { ...option, dynamicTokensEnabled: true }, tokens)).toBeUndefined();
        // An alternation's entry read as an option's, and the reverse.
        expect(plannedLookahead(plan, { ...alternation, prodType: 'Option' }, tokens)).toBeUndefined();
        expect(plannedLookahead(lookaheadPlan([[decisionKey(alternation), ['ID']]]), alternation, tokens)).toBeUndefined();
        const withoutId = Object.fromEntries(Object.entries(tokens).filter(([name]) => name !== 'ID'));
        expect(plannedLookahead(lookaheadPlan([[decisionKey(option), ['ID']]]), option, withoutId)).toBeUndefined();
        expect(plannedLookahead(lookaheadPlan([[decisionKey(option), ['ID']]]), option, tokens)).toBeDefined();
    });
});

describe('the ATN', () => {
    it('is never built by Coord\'s parser for the standard library, the examples, the syntax mistakes', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser;
        for (const text of [STDLIB_TEXT, ...examples, ...MISTAKES.map(mistakeText)]) parser.parse(text);
        const counts = lookaheadCounts(parser)!;
        expect(counts.built).toBeGreaterThan(30);
        expect(counts.planned).toBe(counts.built);
        expect(counts.atnBuilt).toBe(0);
    });

    it('without a plan, is built once, on the first decision used, and is the ATN built eagerly', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const lazy = buildParserWithLazyLookahead(usePrebuiltGast(prepareCoordParser(Coord)), lookaheadPlan([]));
        expect(lookaheadCounts(lazy)!.atnBuilt).toBe(0);
        const r = lazy.parse('population smallholders "Smallholder households"\n');
        expect(r.parserErrors).toEqual([]);
        expect(lookaheadCounts(lazy)!.atnBuilt).toBe(1);
        for (const text of examples) lazy.parse(text);
        expect(lookaheadCounts(lazy)!).toMatchObject({ atnBuilt: 1, planned: 0 });
        const eager = createCoordParser(Coord, { prebuilt: false });
        expect(lookaheadCounts(eager)!.atnBuilt).toBe(0);
        const a = wrapperOf(lazy).lookaheadStrategy.atn;
        const b = wrapperOf(eager).lookaheadStrategy.atn;
        expect(Object.keys(a.decisionMap)).toEqual(Object.keys(b.decisionMap));
        expect(Object.values(a.decisionMap).map(s => s.decision)).toEqual(Object.values(b.decisionMap).map(s => s.decision));
        expect(a.states.length).toBe(b.states.length);
        expect(a.decisionStates.length).toBe(b.decisionStates.length);
    });
});
