/**
 * Facts of the grammar worked out when Coord is built, not in every process:
 * the same result every time, and a quarter of building the lexer and the
 * parser in a cold `coord check` of one declaration (CPU profiles,
 * docs/performance.md, "Cold start, third round").
 *
 * - The lexer's tokens. Langium's token builder walks every rule reachable
 *   from the grammar's entry for its keywords (about 90, most of them also
 *   names) and matches each keyword against every terminal's regular
 *   expression to find the terminals that may match a longer text
 *   (`LONGER_ALT`, so that `domainx` is a name, not `domain` + `x`).
 * - The parser rules: which are reachable from the entry, what each returns
 *   (an AST type's name, or a data type rule's value), and whether the grammar
 *   is plain enough for Coord's parser builder (`parser-builder.ts`); Langium
 *   and the builder each walk the grammar for these.
 *
 * The plan ({@link GRAMMAR_PLAN}, in `grammar-plan.generated.ts`, written by
 * `node scripts/grammar-plan.mjs`, which `npm run langium:generate` runs) holds
 * the keywords in Langium's order with the names of their longer
 * alternatives, the terminals' names in Langium's order and the facts of the
 * parser rules; the terminals themselves (their regular expressions, groups)
 * are still built from the grammar by Langium's own code.
 * `test/language/grammar-plan.test.ts` checks that the plan is what Langium and
 * the builder compute from the grammar today and that the token types are
 * Langium's, field by field. A plan that does not fit the grammar (a rule it
 * names is not there) is not used: the facts are worked out as before.
 */
import { DatatypeSymbol, DefaultTokenBuilder, GrammarAST, GrammarUtils, type Grammar, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { GRAMMAR_PLAN } from './grammar-plan.generated.js';

/** The lexer's part of the plan: keywords (in order) with the names of their longer alternatives, and the terminals' names (in order). */
export interface TokenPlan {
    readonly keywords: ReadonlyArray<readonly [keyword: string, longerAlternatives: readonly string[]]>;
    readonly terminals: readonly string[];
}

/** What the plan holds. */
export interface GrammarPlan extends TokenPlan {
    /** Whether Coord's parser builder can build the grammar (`isPlainGrammar` of parser-builder.ts). */
    readonly plain: boolean;
    /** The parser rules reachable from the entry, in the grammar's order, each with its type: an AST type's name, or null for a data type rule. */
    readonly parserRules: ReadonlyArray<readonly [rule: string, type: string | null]>;
}

/** The parser's facts of a plan, for the grammar's own rule objects. */
export interface ParserFacts {
    readonly plain: boolean;
    readonly reachable: ReadonlySet<GrammarAST.ParserRule>;
    /** The type Langium's parser gives each reachable rule (`LangiumParser.computeRuleType`). */
    readonly types: ReadonlyMap<GrammarAST.ParserRule, string | typeof DatatypeSymbol>;
}

/** The parser rules' facts as Langium computes them (reachable rules, their types), given whether the grammar is plain. */
export function parserRulesOf(grammar: Grammar, computeRuleType: (rule: GrammarAST.ParserRule) => unknown): GrammarPlan['parserRules'] {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    return grammar.rules.filter((rule): rule is GrammarAST.ParserRule => GrammarAST.isParserRule(rule) && reachable.has(rule)).map(rule => {
        const type = computeRuleType(rule);
        if (type !== DatatypeSymbol && typeof type !== 'string') throw new Error(`rule ${rule.name} has no type the plan can hold`);
        return [rule.name, type === DatatypeSymbol ? null : type] as const;
    });
}

/** The parser's facts of {@link GRAMMAR_PLAN} (or another plan) for `grammar`, or undefined when the plan does not fit it. */
export function plannedParserFacts(grammar: Grammar, plan: GrammarPlan = GRAMMAR_PLAN): ParserFacts | undefined {
    const rules = new Map<string, GrammarAST.ParserRule>();
    for (const rule of grammar.rules) {
        if (GrammarAST.isParserRule(rule)) rules.set(rule.name, rule);
    }
    const types = new Map<GrammarAST.ParserRule, string | typeof DatatypeSymbol>();
    for (const [name, type] of plan.parserRules) {
        const rule = rules.get(name);
        if (!rule || rule.fragment) return undefined;
        types.set(rule, type === null ? DatatypeSymbol : type);
    }
    if (types.size === 0) return undefined;
    return { plain: plan.plain, reachable: new Set(types.keys()), types };
}

/** The plan of the token types Langium's builder made (a list of keywords, then the terminals). */
export function tokenPlanOf(tokens: TokenVocabulary): TokenPlan {
    if (!Array.isArray(tokens)) throw new Error('the token builder returned a multi-mode vocabulary, which the plan cannot describe');
    const keywords: Array<readonly [string, readonly string[]]> = [];
    const terminals: string[] = [];
    for (const token of tokens as TokenType[]) {
        if (typeof token.PATTERN === 'string') {
            const longer = Array.isArray(token.LONGER_ALT) ? token.LONGER_ALT : token.LONGER_ALT ? [token.LONGER_ALT] : [];
            keywords.push([token.name, longer.map(alternative => alternative.name)]);
        } else {
            terminals.push(token.name);
        }
    }
    return { keywords, terminals };
}

/** The text of `grammar-plan.generated.ts` for a plan. */
export function grammarPlanSource(plan: GrammarPlan): string {
    const keywords = plan.keywords.map(([keyword, longer]) => `        [${JSON.stringify(keyword)}, [${longer.map(name => JSON.stringify(name)).join(', ')}]],`);
    return [
        '// Written by `node scripts/grammar-plan.mjs` (run by `npm run langium:generate`) from the grammar; do not edit.',
        '// The lexer\'s keywords and terminals as Langium\'s token builder orders them, and the parser rules\' facts (src/language/grammar-plan.ts).',
        "import type { GrammarPlan } from './grammar-plan.js';",
        '',
        'export const GRAMMAR_PLAN: GrammarPlan = {',
        '    keywords: [',
        ...keywords,
        '    ],',
        `    terminals: [${plan.terminals.map(name => JSON.stringify(name)).join(', ')}],`,
        `    plain: ${plan.plain},`,
        '    parserRules: [',
        ...plan.parserRules.map(([rule, type]) => `        [${JSON.stringify(rule)}, ${JSON.stringify(type)}],`),
        '    ],',
        '};',
        '',
    ].join('\n');
}

/** Langium's token builder, which takes the keywords and the order of the tokens from {@link GRAMMAR_PLAN}. */
export class CoordTokenBuilder extends DefaultTokenBuilder {
    /** Whether the last {@link buildTokens} used the plan (for tests). */
    usedPlan = false;

    constructor(private readonly plan: TokenPlan = GRAMMAR_PLAN) {
        super();
    }

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const planned = options?.caseInsensitive ? undefined : this.fromPlan(grammar);
        this.usedPlan = planned !== undefined;
        return planned ?? super.buildTokens(grammar, options);
    }

    /** The token types of the plan, or undefined when the grammar lacks a terminal the plan names. */
    private fromPlan(grammar: Grammar): TokenType[] | undefined {
        const rules = new Map<string, GrammarAST.TerminalRule>();
        for (const rule of grammar.rules) {
            if (GrammarAST.isTerminalRule(rule) && !rule.fragment) rules.set(rule.name, rule);
        }
        const terminals: TokenType[] = [];
        const byName = new Map<string, TokenType>();
        for (const name of this.plan.terminals) {
            const rule = rules.get(name);
            if (!rule) return undefined;
            const token = this.buildTerminalToken(rule);
            terminals.push(token);
            byName.set(name, token);
        }
        const tokens: TokenType[] = [];
        for (const [keyword, longer] of this.plan.keywords) {
            const alternatives: TokenType[] = [];
            for (const name of longer) {
                const alternative = byName.get(name);
                if (!alternative) return undefined;
                alternatives.push(alternative);
            }
            tokens.push({ name: keyword, PATTERN: keyword, LONGER_ALT: alternatives });
        }
        tokens.push(...terminals);
        return tokens;
    }
}
