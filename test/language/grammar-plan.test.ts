/**
 * The grammar plan (src/language/grammar-plan.ts), made when Coord is built so
 * that a cold start need not work it out: it is what Langium's token builder,
 * Langium's parser and Coord's parser builder compute from the grammar today
 * (fails when the grammar changed without `npm run langium:generate`), the
 * token types built from it are Langium's field by field, the lexer of Coord's
 * services uses it and reads every example and broken text into the same
 * tokens as Langium's, and a plan that does not fit the grammar is not used.
 * (That the parser built with it parses as Langium's does is
 * test/performance/parser-builder.test.ts's.)
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatatypeSymbol, DefaultTokenBuilder, EmptyFileSystem, GrammarAST, GrammarUtils, LangiumParser, type Grammar } from 'langium';
import { Lexer, type TokenType } from 'chevrotain';
import { CoordGrammar } from '../../src/language/generated/grammar.js';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { CoordTokenBuilder, grammarPlanSource, parserRulesOf, plannedParserFacts, tokenPlanOf, type TokenPlan } from '../../src/language/grammar-plan.js';
import { GRAMMAR_PLAN as TOKEN_PLAN } from '../../src/language/grammar-plan.generated.js';
import { isPlainGrammar } from '../../src/language/parser-builder.js';
import { STDLIB_TEXT } from '../../src/language/stdlib.js';
import { MISTAKES, mistakeText } from './syntax-mistakes.data.js';

const ROOT = resolve(__dirname, '../..');
const grammar: Grammar = CoordGrammar();
const langiumTokens = () => new DefaultTokenBuilder().buildTokens(grammar) as TokenType[];

/** Everything of a token type the lexer and the parser read, with the longer alternatives by name. */
function describeToken(token: TokenType) {
    const pattern = token.PATTERN;
    return {
        name: token.name,
        pattern: pattern instanceof RegExp ? `/${pattern.source}/${pattern.flags}` : typeof pattern === 'function' ? 'function' : pattern,
        longer: (Array.isArray(token.LONGER_ALT) ? token.LONGER_ALT : token.LONGER_ALT ? [token.LONGER_ALT] : undefined)?.map(t => t.name),
        group: token.GROUP,
        lineBreaks: token.LINE_BREAKS,
        keys: Object.keys(token).sort(),
    };
}

/** Langium's own `computeRuleType` (private; it reads nothing of the parser). */
const langiumRuleType = (rule: GrammarAST.ParserRule) => (LangiumParser.prototype as unknown as { computeRuleType(rule: GrammarAST.ParserRule): unknown }).computeRuleType(rule);

test('src/language/grammar-plan.generated.ts is what Langium computes from the grammar (else: npm run langium:generate)', () => {
    const fresh = grammarPlanSource({ ...tokenPlanOf(langiumTokens()), plain: isPlainGrammar(grammar), parserRules: parserRulesOf(grammar, langiumRuleType) });
    expect(readFileSync(join(ROOT, 'src/language/grammar-plan.generated.ts'), 'utf8'), 'src/language/grammar-plan.generated.ts is stale: run npm run langium:generate').toBe(fresh);
    // Not a trivial plan: the keywords that are also names have ID as their longer alternative.
    expect(TOKEN_PLAN.keywords.find(([keyword]) => keyword === 'domain')).toEqual(['domain', ['ID']]);
    expect(TOKEN_PLAN.terminals).toContain('STRING');
});

describe('the parser\'s facts of the plan', () => {
    test('are the reachable rules, their types and the plainness worked out from the grammar, for its own rule objects', () => {
        const facts = plannedParserFacts(grammar);
        expect(facts).toBeDefined();
        const reachable = GrammarUtils.getAllReachableRules(grammar, false);
        const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
        expect([...facts!.reachable]).toEqual(parserRules.filter(rule => reachable.has(rule)));
        expect(facts!.plain).toBe(isPlainGrammar(grammar));
        for (const rule of facts!.reachable) expect(facts!.types.get(rule), rule.name).toBe(langiumRuleType(rule));
        // Both kinds of rule are there: data type rules (a name) and rules that build a node.
        expect(facts!.types.get(parserRules.find(rule => rule.name === 'Name')!)).toBe(DatatypeSymbol);
        expect(facts!.types.get(parserRules.find(rule => rule.name === 'Domain')!)).toBe('Domain');
    });

    test('are not used when the plan names a rule the grammar lacks, or none', () => {
        expect(plannedParserFacts(grammar, { ...TOKEN_PLAN, parserRules: [...TOKEN_PLAN.parserRules, ['Gone', 'Gone']] })).toBeUndefined();
        expect(plannedParserFacts(grammar, { ...TOKEN_PLAN, parserRules: [] })).toBeUndefined();
    });
});

describe('the token builder of Coord', () => {
    test('builds the token types Langium builds, in the same order, from the plan', () => {
        const builder = new CoordTokenBuilder();
        const planned = builder.buildTokens(grammar) as TokenType[];
        expect(builder.usedPlan).toBe(true);
        const expected = langiumTokens();
        expect(planned.map(describeToken)).toEqual(expected.map(describeToken));
        // The longer alternatives are the very terminal objects of the same vocabulary, as in Langium's.
        for (const token of planned) {
            for (const longer of (token.LONGER_ALT as TokenType[] | undefined) ?? []) expect(planned).toContain(longer);
        }
    });

    test('falls back to Langium\'s builder when the plan does not fit the grammar, or the language ignores case', () => {
        const stale: TokenPlan = { keywords: TOKEN_PLAN.keywords, terminals: [...TOKEN_PLAN.terminals, 'GONE'] };
        const builder = new CoordTokenBuilder(stale);
        const tokens = builder.buildTokens(grammar) as TokenType[];
        expect(builder.usedPlan).toBe(false);
        expect(tokens.map(describeToken)).toEqual(langiumTokens().map(describeToken));
        const unknownAlternative = new CoordTokenBuilder({ keywords: [['domain', ['GONE']]], terminals: TOKEN_PLAN.terminals });
        unknownAlternative.buildTokens(grammar);
        expect(unknownAlternative.usedPlan).toBe(false);
        const caseless = new CoordTokenBuilder();
        const caselessTokens = caseless.buildTokens(grammar, { caseInsensitive: true }) as TokenType[];
        expect(caseless.usedPlan).toBe(false);
        expect(caselessTokens.map(describeToken)).toEqual((new DefaultTokenBuilder().buildTokens(grammar, { caseInsensitive: true }) as TokenType[]).map(describeToken));
    });

    test('is the one the services\' lexer uses, and it reads every text as Langium\'s lexer does', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const lexer = Coord.parser.Lexer;
        expect(Coord.parser.TokenBuilder).toBeInstanceOf(CoordTokenBuilder);
        expect((Coord.parser.TokenBuilder as CoordTokenBuilder).usedPlan).toBe(true);
        const reference = new Lexer(langiumTokens(), { positionTracking: 'full', skipValidations: true });
        const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
            .filter(file => file.endsWith('.coord')).map(file => readFileSync(join(ROOT, 'examples', file), 'utf8'));
        const texts = [STDLIB_TEXT, ...examples, ...MISTAKES.map(mistakeText), 'domainx domain_ domain1 in inx "in" 12.5 -3 ~ .. /* c */ // d\n@ ¿'];
        expect(examples.length).toBeGreaterThan(3);
        const read = (tokens: Array<{ image: string; startOffset: number; tokenType: TokenType }>) => tokens.map(t => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
        for (const text of texts) {
            const ours = lexer.tokenize(text);
            const theirs = reference.tokenize(text);
            expect(read(ours.tokens)).toEqual(read(theirs.tokens));
            expect(read(ours.hidden)).toEqual(read(theirs.groups.hidden ?? []));
            expect(ours.errors.map(e => [e.offset, e.length])).toEqual(theirs.errors.map(e => [e.offset, e.length]));
        }
    });
});
