/**
 * Coord's parser builder: Langium 4.4's `createParser` (langium/lib/parser/
 * parser-builder-base.js, MIT, TypeFox GmbH), step for step, without its
 * allocations per call. Langium builds, for every grammar element, a function
 * the Chevrotain parser calls while parsing; for an alternation that function
 * allocates, on *every* call, an array of `{ ALT }` objects and a closure per
 * alternative (`methods.map(method => ({ ALT: () => method.ALT(args) }))`),
 * a repetition or an option a `{ DEF, GATE }` object and a closure, a rule call
 * an empty arguments object. Coord's names and units accept almost every
 * keyword, so `Name` is an alternation of some 90 alternatives, called for
 * every name and every reference: in a CPU profile of a 10k-line `coord check`
 * that garbage was a large part of the collector's 20 %.
 *
 * Those objects depend only on the rule's arguments (`args`), which only guards
 * (`<flag>`) and parameterised rule calls read. Coord's grammar has neither, so
 * here they are built once, when the parser is: the alternatives, the `DEF`
 * objects, one frozen empty arguments object. A grammar with guards or
 * parameters (none today) is built by Langium's own `createParser`.
 *
 * Second, an alternation whose every alternative is one token (a keyword or a
 * terminal: `Name`, `SizeUnit`, `Level`, `'strong' | 'moderate' | 'weak'`…)
 * is decided by a table from the next token's type to the alternative, as
 * chevrotain-allstar's LL(1) lookahead does, and the alternative is run
 * directly; a token no alternative starts with goes through Chevrotain's
 * alternation, which reports and recovers exactly as before. While the parser
 * records the grammar (its self-analysis), everything goes through Chevrotain.
 *
 * `test/performance/parser-builder.test.ts` checks that the trees are those of
 * Langium's builder, node for node and error for error, on every example and
 * on broken texts, and that parsing allocates no alternatives.
 */
import {
    createParser, DatatypeSymbol, GrammarAST, GrammarUtils, LangiumParser, type Grammar, type LangiumCoreServices,
} from 'langium';
import { EOF, type TokenType, type TokenVocabulary } from 'chevrotain';
import { plannedParserFacts } from './grammar-plan.js';

type Args = Record<string, boolean>;
type Method = (args: Args) => void;
interface Alt { ALT: () => void }

/**
 * The grammar language's types this builder tests, which have no subtypes (the parser-builder
 * test checks it): comparing `$type` answers as Langium's `GrammarAST.isKeyword`… do, without
 * their look-up in the reflection's table of subtypes at every grammar element, a part of
 * building the parser in every process.
 */
export const EXACT_GRAMMAR_TYPES = ['Action', 'Alternatives', 'Assignment', 'CrossReference', 'EndOfFile', 'Group', 'Keyword', 'ParserRule', 'RuleCall', 'TerminalRule'] as const;

function exactType<T>(type: typeof EXACT_GRAMMAR_TYPES[number]): (node: unknown) => node is T {
    return (node: unknown): node is T => (node as { $type?: unknown } | undefined)?.$type === type;
}
const isAction = exactType<GrammarAST.Action>('Action');
const isAlternatives = exactType<GrammarAST.Alternatives>('Alternatives');
const isAssignment = exactType<GrammarAST.Assignment>('Assignment');
const isCrossReference = exactType<GrammarAST.CrossReference>('CrossReference');
const isEndOfFile = exactType<GrammarAST.EndOfFile>('EndOfFile');
const isGroup = exactType<GrammarAST.Group>('Group');
const isKeyword = exactType<GrammarAST.Keyword>('Keyword');
const isParserRule = exactType<GrammarAST.ParserRule>('ParserRule');
const isRuleCall = exactType<GrammarAST.RuleCall>('RuleCall');
const isTerminalRule = exactType<GrammarAST.TerminalRule>('TerminalRule');

/** The arguments every rule is called with: Coord's rules have no parameters. */
const NO_ARGS: Args = Object.freeze({}) as Args;

/** The members of Langium's `LangiumParser` the built functions call. */
interface BuilderParser {
    rule(rule: GrammarAST.ParserRule, impl: Method): unknown;
    getRule(name: string): unknown;
    consume(idx: number, tokenType: TokenType, feature: GrammarAST.AbstractElement): void;
    subrule(idx: number, rule: unknown, fragment: boolean, feature: GrammarAST.AbstractElement, args: Args): void;
    action($type: string, action: GrammarAST.Action): void;
    alternatives(idx: number, choices: Alt[]): void;
    optional(idx: number, callback: { DEF: () => void }): void;
    many(idx: number, callback: { DEF: () => void }): void;
    atLeastOne(idx: number, callback: { DEF: () => void }): void;
    isRecording(): boolean;
    wrapper: { LA(k: number): { tokenTypeIdx?: number } };
    nodeBuilder: { readonly current: { content: CstChild[] } };
}

/** A syntax node as the builder sees it: a composite one has `content`. */
interface CstChild {
    container?: unknown;
    grammarSource?: unknown;
    content?: CstChild[];
}

interface Context {
    parser: BuilderParser;
    tokens: Record<string, TokenType>;
    /** The names of the grammar's terminal rules (`ID`, `NUMBER`, `STRING`…). */
    terminals: ReadonlySet<string>;
    /** Langium's `isDataTypeRule` of each rule (from the grammar's plan when there is one), worked out once. */
    dataTypeRules: Map<GrammarAST.ParserRule, boolean>;
    /** {@link oneTokenStarts} of each data type rule, and the table {@link oneTokenCall} reads, worked out once per rule. */
    startsByRule: Map<GrammarAST.ParserRule, TokenMap | undefined>;
    tableByRule: Map<GrammarAST.ParserRule, ReadonlyArray<TokenType | undefined> | null>;
    consume: number;
    optional: number;
    subrule: number;
    many: number;
    or: number;
}

/** Statistics of the built parser, for tests: alternations built with one shared array, and those decided by a token table. */
export interface BuilderCounts {
    readonly sharedAlternations: number;
    readonly tokenTables: number;
}

const countsOf = new WeakMap<object, BuilderCounts>();

/** What {@link prepareCoordParser} built for `parser`, or undefined when Langium's builder did. */
export function parserBuilderCounts(parser: LangiumParser): BuilderCounts | undefined {
    return countsOf.get(parser);
}

/** Whether a grammar can be built here: no guard conditions, no rule parameters, no infix rules, no unordered groups. */
export function isPlainGrammar(grammar: Grammar): boolean {
    for (const rule of grammar.rules) {
        if (GrammarAST.isInfixRule(rule)) return false;
        if (isParserRule(rule) && rule.parameters.length > 0) return false;
    }
    const stack: unknown[] = grammar.rules.filter(isParserRule).map(r => r.definition);
    while (stack.length > 0) {
        const element = stack.pop() as GrammarAST.AbstractElement;
        if (GrammarAST.isUnorderedGroup(element)) return false;
        if (isGroup(element) && element.guardCondition) return false;
        if (isRuleCall(element) && element.arguments.length > 0) return false;
        if (isGroup(element) || isAlternatives(element)) stack.push(...element.elements);
        else if (isAssignment(element)) stack.push(element.terminal);
        else if (isCrossReference(element) && element.terminal) stack.push(element.terminal);
    }
    return true;
}

/** Langium's `prepareLangiumParser` with this module's builder when the grammar allows it (see the module's comment). */
export function prepareCoordParser(services: LangiumCoreServices): LangiumParser {
    const grammar = services.Grammar;
    const tokens = services.parser.Lexer.definition as TokenVocabulary as Record<string, TokenType>;
    const parser = new LangiumParser(services);
    // Whether the grammar is plain, its reachable rules and their types come from the plan made when Coord is
    // built (grammar-plan.ts), when it fits the grammar; else they are worked out here, as Langium does.
    // (Langium 4.4's private `computeRuleType`; should an upgrade rename it, Langium computes the types itself.)
    const planned = plannedParserFacts(grammar);
    const computeRuleType = (parser as unknown as { computeRuleType?: (rule: GrammarAST.AbstractRule) => unknown }).computeRuleType;
    if (planned && typeof computeRuleType === 'function') {
        Object.defineProperty(parser, 'computeRuleType', {
            value: (rule: GrammarAST.AbstractRule) => (isParserRule(rule) && planned.types.has(rule) ? planned.types.get(rule) : computeRuleType.call(parser, rule)),
        });
    }
    if (!(planned ? planned.plain : isPlainGrammar(grammar))) return createParser(grammar, parser, tokens);
    const counts = { sharedAlternations: 0, tokenTables: 0 };
    countsOf.set(parser, counts);
    const terminals = new Set(grammar.rules.filter(isTerminalRule).map(rule => rule.name));
    // A planned rule's type says whether it is a data type rule (Langium's `computeRuleType` answers
    // DatatypeSymbol exactly for those), without Langium's walk of the rule and the rules it calls.
    const dataTypeRules = new Map<GrammarAST.ParserRule, boolean>();
    if (planned) for (const [rule, type] of planned.types) dataTypeRules.set(rule, type === DatatypeSymbol);
    const base = { parser: parser as unknown as BuilderParser, tokens, terminals, dataTypeRules, startsByRule: new Map(), tableByRule: new Map() };
    useAstNodesWithRoom(parser);
    const reachable: ReadonlySet<GrammarAST.AbstractRule> = planned?.reachable ?? GrammarUtils.getAllReachableRules(grammar, false);
    for (const rule of grammar.rules) {
        if (!isParserRule(rule) || !reachable.has(rule)) continue;
        const ctx: Context = { ...base, consume: 1, optional: 1, subrule: 1, many: 1, or: 1 };
        base.parser.rule(rule, buildElement(ctx, rule.definition, counts));
    }
    useDefaultsByType(parser, services);
    useExactConsume(parser);
    useMergeWithoutEntries(parser);
    useSharedSubruleOptions(parser);
    useExactContent(parser);
    useExactLists(parser);
    return parser;
}

/**
 * Langium 4.4's `LangiumParser.assign`, with the lists of the AST (`+=`: a programme's
 * instruments, a coordination's programmes…) made as {@link useExactContent} makes the syntax
 * tree's contents: up to {@link EXACT_CONTENT} items, a new array of exactly their number at
 * each item, then pushed (Langium pushes into an empty array, to which V8 gives room for 17,
 * and keeps it so for ever: most lists have one to three items). A longer list is copied to its
 * exact size when its node is complete (`useDefaultsByType`'s `construct`). Same items, same
 * order. A Langium whose `assign` is not that one keeps its own.
 */
function useExactLists(parser: LangiumParser): void {
    const assign = (Object.getPrototypeOf(parser) as { assign?: unknown }).assign;
    const source = String(assign);
    // Langium's `=` puts the built item (a reference, or the value) in `obj[feature]`, and `+=` pushes that item.
    if (typeof assign !== 'function' || assign.length !== 5
        || !/obj\[feature\]\s*=\s*item/.test(source) || !/obj\[feature\]\.push\(item\)/.test(source)) return;
    (parser as unknown as { assign: unknown }).assign = function (this: { current: Record<string, unknown> }, operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown) {
        if (operator !== '+=') return assign.call(this, operator, feature, value, cstNode, crossRef);
        const obj = this.current;
        const list = obj[feature];
        assign.call(this, '=', feature, value, cstNode, crossRef);
        obj[feature] = Array.isArray(list) ? appendExact(list, obj[feature]) : [obj[feature]];
    };
}

/**
 * `list` with `item` at its end: a new array of exactly their number while it is small, else `list` itself, pushed.
 * Its cases are written out for {@link EXACT_CONTENT} = 4 (a new array up to four items): change both together.
 */
function appendExact<T>(list: T[], item: T): T[] {
    switch (list.length) {
        case 0: return [item];
        case 1: return [list[0], item];
        case 2: return [list[0], list[1], item];
        case 3: return [list[0], list[1], list[2], item];
        default:
            list.push(item);
            return list;
    }
}

/** The members of Langium 4.4's `LangiumParser` that its `startImplementation` uses. */
interface StartingParser {
    isRecording(): boolean;
    stack: object[];
    construct(): unknown;
}

/**
 * A maker of empty AST nodes of one type: `{ $type }`, as Langium's literal makes them (the same
 * own properties, in the order they are then given, and `Object.prototype` as prototype), but
 * made by a constructor of that type's own, so that V8 gives the nodes room for their
 * properties in the object itself. A literal `{ $type }` has room for `$type` alone, so every
 * property the parser then assigns (`name`, `title`, `$cstNode`, `$container`…, about seven)
 * went to an array beside the object, grown three slots at a time: in a heap snapshot of
 * parsed files, 2 MB of such arrays for 1.2 MB of AST objects. V8 sizes a constructor's objects
 * by what its first objects receive (slack tracking).
 */
export function astNodeMaker($type: string): () => { $type: string } {
    function AstNodeOfType(this: { $type: string }) {
        this.$type = $type;
    }
    AstNodeOfType.prototype = Object.prototype;
    return () => new (AstNodeOfType as unknown as new () => { $type: string })();
}

/**
 * Langium 4.4's `LangiumParser.startImplementation` (the function that runs a rule: the AST node
 * pushed, the rule's body, the node constructed), with the AST nodes of each type made by
 * {@link astNodeMaker}. Installed before the rules are built (Langium's `rule` calls it once per
 * rule). A Langium whose `startImplementation` is not that one keeps its own.
 */
function useAstNodesWithRoom(parser: LangiumParser): void {
    const own = (Object.getPrototypeOf(parser) as { startImplementation?: unknown }).startImplementation;
    if (typeof own !== 'function' || own.length !== 3 || !/node\s*=\s*\{\s*\$type\s*\}/.test(String(own))) return;
    (parser as unknown as { startImplementation: unknown }).startImplementation = function (this: StartingParser, $type: string | symbol | undefined, infixName: string | undefined, implementation: Method) {
        const make = typeof $type === 'string' ? astNodeMaker($type) : () => ({ $type });
        return (args: Args) => {
            const createNode = !this.isRecording() && $type !== undefined;
            if (createNode) {
                const node = make() as Record<string, unknown>;
                this.stack.push(node);
                if ($type === DatatypeSymbol) {
                    node.value = '';
                } else if (infixName !== undefined) {
                    node.$infixName = infixName;
                }
            }
            implementation(args);
            return createNode ? this.construct() : undefined;
        };
    };
}

/** The options every rule call gives Chevrotain: Coord's rules have no parameters. */
const SUBRULE_OPTIONS = Object.freeze({ ARGS: Object.freeze([NO_ARGS]) });

/**
 * Langium 4.4's `ChevrotainWrapper.wrapSubrule` makes a `{ ARGS: [args] }` object and its
 * array at every rule call (about a tenth of what a parse allocates); Chevrotain only reads
 * them (`ruleToCall.coreRule.apply(this, options.ARGS)`), and here every call passes the same
 * arguments, so one frozen object serves them all. Another `args` gets Langium's.
 * A Langium whose `wrapSubrule` is not that one keeps its own.
 */
function useSharedSubruleOptions(parser: LangiumParser): void {
    const wrapper = (parser as unknown as { wrapper?: { subrule?: unknown; wrapSubrule?: unknown } }).wrapper;
    const own = wrapper?.wrapSubrule;
    if (!wrapper || typeof own !== 'function' || typeof wrapper.subrule !== 'function' || !/ARGS:\s*\[\s*args\s*\]/.test(String(own))) return;
    type Subrule = (idx: number, rule: unknown, options: { ARGS: readonly unknown[] }) => unknown;
    wrapper.wrapSubrule = function (this: { subrule: Subrule }, idx: number, rule: unknown, args: Args) {
        return this.subrule(idx, rule, args === NO_ARGS ? SUBRULE_OPTIONS : { ARGS: [args] });
    };
}

/** The members of Langium 4.4's `CstNodeBuilder` that {@link useExactContent} replaces or uses. */
interface ContentBuilder {
    readonly current: CompositeChild;
    nodeStack: CompositeChild[];
    appendChild(parent: CompositeChild, child: CstChild): void;
    construct(item: { $cstNode: unknown }): void;
    removeNode(node: CompositeChild): void;
}
type CompositeChild = CstChild & { content: CstChild[] };

/** The children of a composite node up to which the builder keeps its content in an array of exactly their number. */
const EXACT_CONTENT = 4;

/**
 * Langium 4.4's `appendChild` and `construct` of the syntax tree's builder, with the content
 * of a composite node made at its exact size while it is small. Langium pushes each child
 * into an empty array (V8 then gives it room for 17) and copies the array when the node is
 * complete (an exact copy, to save memory): for the nodes of one to four children, most of a
 * tree, that is three arrays where one will do. Here a node's first {@link EXACT_CONTENT}
 * children are put in a new array of exactly their number at each append, which the node
 * keeps when it is complete; a fifth child is pushed and the array copied at the end, as
 * Langium does. Same children, same order, same containers.
 * A Langium whose builder lacks those members keeps its own.
 */
function useExactContent(parser: LangiumParser): void {
    const builder = (parser as unknown as { nodeBuilder?: Partial<ContentBuilder> }).nodeBuilder as ContentBuilder | undefined;
    if (!builder || typeof builder.appendChild !== 'function' || typeof builder.construct !== 'function' || typeof builder.removeNode !== 'function'
        || !Array.isArray(builder.nodeStack) || !/node\.content\s*=\s*node\.content\.slice\(\)/.test(String(builder.construct))
        || !String(builder.appendChild).includes('content.push(child)')) return;
    builder.appendChild = (parent: CompositeChild, child: CstChild) => {
        child.container = parent;
        const content = parent.content;
        parent.content = appendExact(content, child);
    };
    builder.construct = function (this: ContentBuilder, item: { $cstNode: unknown }) {
        item.$cstNode = this.current;
        const node = this.nodeStack.pop();
        if (!node) return;
        const length = node.content.length;
        if (length === 0) this.removeNode(node);
        else if (length > EXACT_CONTENT) node.content = node.content.slice();
    };
}

/** The members of Langium's `LangiumParser` that its `construct` uses. */
interface ConstructingParser {
    isRecording(): boolean;
    stack: Array<Record<string | symbol, unknown>>;
    nodeBuilder: { construct(item: object): void };
    converter: { convert(input: string, cstNode: unknown): unknown };
}

/**
 * Langium 4.4's `LangiumParser.construct`, for a grammar without infix rules,
 * with the default values of each type's properties listed once per type:
 * Langium's `assignMandatoryProperties` takes `Object.values` of the type's
 * properties for every AST node it builds. Same properties, same order.
 */
function useDefaultsByType(parser: LangiumParser, services: LangiumCoreServices): void {
    const p = parser as unknown as ConstructingParser;
    if (typeof p.isRecording !== 'function' || !Array.isArray(p.stack) || !p.nodeBuilder || !p.converter) return;
    const reflection = services.shared.AstReflection;
    const defaults = new Map<string, Array<readonly [string, unknown]>>();
    const defaultsOf = (type: string) => {
        let list = defaults.get(type);
        if (!list) {
            list = [];
            for (const property of Object.values(reflection.getTypeMetaData(type).properties)) {
                if (property.defaultValue !== undefined) list.push([property.name, property.defaultValue]);
            }
            defaults.set(type, list);
        }
        return list;
    };
    (parser as unknown as { construct(): unknown }).construct = function (this: ConstructingParser) {
        if (this.isRecording()) return undefined;
        const obj = this.stack.pop()!;
        this.nodeBuilder.construct(obj);
        if (obj.$type === DatatypeSymbol) return this.converter.convert(obj.value as string, obj.$cstNode);
        const list = defaultsOf(obj.$type as string);
        for (let i = 0; i < list.length; i++) {
            const [name, value] = list[i];
            const current = obj[name];
            if (current === undefined) obj[name] = copyDefault(value);
            // A list longer than useExactLists keeps exact, to its exact size (as Langium's builder does the syntax tree's contents).
            else if (Array.isArray(current) && current.length > EXACT_CONTENT) obj[name] = current.slice();
        }
        return obj;
    };
}

/** The members of Langium's `LangiumParser` that its `consume` uses. */
interface ConsumingParser {
    wrapper: { wrapConsume(idx: number, tokenType: TokenType): { image: string; startOffset: number } };
    isRecording(): boolean;
    isValidToken(token: object): boolean;
    lexerResult: { hidden: Array<{ startOffset: number }> } | undefined;
    extractHiddenTokens(token: object): unknown[];
    nodeBuilder: { addHiddenNodes(tokens: unknown[]): void; buildLeafNode(token: object, feature: unknown): unknown };
    getAssignment(feature: unknown): { assignment?: { operator: string; feature: string }; crossRef?: unknown };
    readonly current: { $type?: unknown; value?: string };
    converter: { convert(input: string, cstNode: unknown): unknown };
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
}

/**
 * Langium 4.4's `LangiumParser.consume`, run for every token, with two changes that keep
 * its result: whether the grammar element is a keyword is read from its `$type` (Langium's
 * `isKeyword` looks the type up in the grammar language's table of subtypes: about 5 % of
 * a parse), and the hidden tokens (comments) are taken out only when one comes before the
 * token (Langium's `extractHiddenTokens` returns a new empty array for every other token).
 * A Langium whose `consume` is not that one keeps its own.
 */
function useExactConsume(parser: LangiumParser): void {
    const own = (Object.getPrototypeOf(parser) as { consume?: unknown }).consume;
    const source = String(own);
    if (typeof own !== 'function' || own.length !== 3 || !source.includes('this.extractHiddenTokens(token)') || !source.includes('isKeyword(feature)')) return;
    (parser as unknown as { consume: unknown }).consume = function (this: ConsumingParser, idx: number, tokenType: TokenType, feature: { $type: string }) {
        const token = this.wrapper.wrapConsume(idx, tokenType);
        if (!this.isRecording() && this.isValidToken(token)) {
            const hidden = this.lexerResult?.hidden;
            if (hidden === undefined || (hidden.length > 0 && hidden[0].startOffset <= token.startOffset)) {
                this.nodeBuilder.addHiddenNodes(this.extractHiddenTokens(token));
            }
            const leafNode = this.nodeBuilder.buildLeafNode(token, feature);
            const { assignment, crossRef } = this.getAssignment(feature);
            const current = this.current;
            if (assignment) {
                const convertedValue = feature.$type === 'Keyword' ? token.image : this.converter.convert(token.image, leafNode);
                this.assign(assignment.operator, assignment.feature, convertedValue, leafNode, crossRef);
            } else if (current.$type === DatatypeSymbol) {
                let text = token.image;
                if (feature.$type !== 'Keyword') text = (this.converter.convert(text, leafNode) as { toString(): string }).toString();
                current.value += text;
            }
        }
    };
}

/**
 * Langium 4.4's `assignWithoutOverride`, which gives the node of an unassigned rule call
 * (`Declaration: Domain | …`) the caller's properties, with a `for…in` loop over the
 * caller's own properties instead of `Object.entries` (an array of pairs per declaration,
 * property and effect detail). Same properties, same order, same result.
 */
function useMergeWithoutEntries(parser: LangiumParser): void {
    const own = (Object.getPrototypeOf(parser) as { assignWithoutOverride?: unknown }).assignWithoutOverride;
    if (typeof own !== 'function' || own.length !== 2) return;
    const hasOwn = Object.prototype.hasOwnProperty;
    (parser as unknown as { assignWithoutOverride: unknown }).assignWithoutOverride = (target: Record<string, unknown>, source: Record<string, unknown>) => {
        for (const name in source) {
            if (!hasOwn.call(source, name)) continue;
            const existingValue = source[name];
            const newValue = target[name];
            if (newValue === undefined) {
                target[name] = existingValue;
            } else if (Array.isArray(newValue) && Array.isArray(existingValue)) {
                existingValue.push(...newValue);
                target[name] = existingValue;
            }
        }
        target.$cstNode = undefined;
        return target;
    };
}

/** Langium's `copyDefaultValue`: arrays copied (deeply), anything else as is. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

function buildElement(ctx: Context, element: GrammarAST.AbstractElement, counts: { sharedAlternations: number; tokenTables: number }): Method {
    let method: Method;
    if (isKeyword(element)) {
        method = buildKeyword(ctx, element);
    } else if (isAction(element)) {
        const actionType = GrammarUtils.getTypeName(element);
        method = () => ctx.parser.action(actionType, element);
    } else if (isAssignment(element)) {
        method = buildElement(ctx, element.terminal, counts);
    } else if (isCrossReference(element)) {
        method = buildCrossReference(ctx, element);
    } else if (isRuleCall(element)) {
        method = buildRuleCall(ctx, element);
    } else if (isAlternatives(element)) {
        method = buildAlternatives(ctx, element, counts);
    } else if (isGroup(element)) {
        const methods = element.elements.map(e => buildElement(ctx, e, counts));
        method = () => {
            for (let i = 0; i < methods.length; i++) methods[i](NO_ARGS);
        };
    } else if (isEndOfFile(element)) {
        const idx = ctx.consume++;
        method = () => ctx.parser.consume(idx, EOF, element);
    } else {
        throw new Error(`Unexpected element type: ${element.$type}`);
    }
    return wrap(ctx, method, element.cardinality);
}

function buildRuleCall(ctx: Context, ruleCall: GrammarAST.RuleCall): Method {
    const rule = ruleCall.rule.ref;
    if (isParserRule(rule)) {
        const idx = ctx.subrule++;
        const fragment = rule.fragment;
        let subrule: unknown;
        const call = () => {
            subrule ??= getRule(ctx, rule);
            ctx.parser.subrule(idx, subrule, fragment, ruleCall, NO_ARGS);
        };
        if (fragment) return call;
        if (!isDataTypeRule(ctx, rule) && !isAssignment(ruleCall.$container)) return mergedCall(ctx, ruleCall, call);
        return oneTokenCall(ctx, rule, ruleCall, call);
    } else if (isTerminalRule(rule)) {
        const idx = ctx.consume++;
        const token = getToken(ctx, rule.name);
        return () => ctx.parser.consume(idx, token, ruleCall);
    }
    throw new Error(`Undefined rule: ${ruleCall.rule.$refText}`);
}

/** The token type an alternative consumes, when it is exactly one token (a keyword or a terminal rule call, no cardinality). */
function singleToken(ctx: Context, element: GrammarAST.AbstractElement): TokenType | undefined {
    if (element.cardinality) return undefined;
    if (isKeyword(element)) return ctx.tokens[element.value];
    if (isRuleCall(element) && isTerminalRule(element.rule.ref)) return ctx.tokens[element.rule.ref.name];
    return undefined;
}

function buildAlternatives(ctx: Context, alternatives: GrammarAST.Alternatives, counts: { sharedAlternations: number; tokenTables: number }): Method {
    if (alternatives.elements.length === 1) return buildElement(ctx, alternatives.elements[0], counts);
    // Each token type the alternatives start with, by Chevrotain's index, when every alternative is one token.
    const table: (number | undefined)[] = [];
    let oneTokenEach = true;
    alternatives.elements.forEach((element, index) => {
        const token = singleToken(ctx, element);
        if (!token || token.tokenTypeIdx === undefined) {
            oneTokenEach = false;
            return;
        }
        for (const idx of [token.tokenTypeIdx, ...((token as { categoryMatches?: number[] }).categoryMatches ?? [])]) {
            // Two alternatives with the same first token: not LL(1), leave the choice to Chevrotain.
            if (table[idx] !== undefined && table[idx] !== index) oneTokenEach = false;
            table[idx] = index;
        }
    });
    const methods = alternatives.elements.map(element => buildElement(ctx, element, counts));
    const alts: Alt[] = methods.map(method => ({ ALT: () => method(NO_ARGS) }));
    const idx = ctx.or++;
    counts.sharedAlternations++;
    if (!oneTokenEach) return () => ctx.parser.alternatives(idx, alts);
    counts.tokenTables++;
    const parser = ctx.parser;
    return () => {
        if (!parser.isRecording()) {
            const chosen = table[parser.wrapper.LA(1).tokenTypeIdx ?? -1];
            if (chosen !== undefined) {
                methods[chosen](NO_ARGS);
                return;
            }
        }
        parser.alternatives(idx, alts);
    };
}

function buildCrossReference(ctx: Context, crossRef: GrammarAST.CrossReference, terminal = crossRef.terminal): Method {
    if (!terminal) {
        if (!crossRef.type.ref) throw new Error('Could not resolve reference to type: ' + crossRef.type.$refText);
        const assignment = GrammarUtils.findNameAssignment(crossRef.type.ref);
        const assignTerminal = assignment?.terminal;
        if (!assignTerminal) throw new Error('Could not find name assignment for type: ' + GrammarUtils.getTypeName(crossRef.type.ref));
        return buildCrossReference(ctx, crossRef, assignTerminal);
    } else if (isRuleCall(terminal) && isParserRule(terminal.rule.ref)) {
        const rule = terminal.rule.ref;
        const idx = ctx.subrule++;
        let subrule: unknown;
        const call = () => {
            subrule ??= getRule(ctx, rule);
            ctx.parser.subrule(idx, subrule, false, crossRef, NO_ARGS);
        };
        return oneTokenCall(ctx, rule, crossRef, call);
    } else if (isRuleCall(terminal) && isTerminalRule(terminal.rule.ref)) {
        const idx = ctx.consume++;
        const token = getToken(ctx, terminal.rule.ref.name);
        return () => ctx.parser.consume(idx, token, crossRef);
    } else if (isKeyword(terminal)) {
        const idx = ctx.consume++;
        const token = getToken(ctx, terminal.value);
        return () => ctx.parser.consume(idx, token, crossRef);
    }
    throw new Error('Could not build cross reference parser');
}

/** Token types by Chevrotain's index: for each token that may start `element`, the token type to consume. */
type TokenMap = Map<number, TokenType>;

function addToken(map: TokenMap, token: TokenType | undefined): boolean {
    if (!token || token.tokenTypeIdx === undefined) return false;
    for (const idx of [token.tokenTypeIdx, ...((token as { categoryMatches?: number[] }).categoryMatches ?? [])]) {
        if (map.has(idx)) return false;
        map.set(idx, token);
    }
    return true;
}

/** Langium's `GrammarUtils.isDataTypeRule` (a walk of the rule and the rules it calls), once per rule, unless the plan says. */
function isDataTypeRule(ctx: Context, rule: GrammarAST.ParserRule): boolean {
    let answer = ctx.dataTypeRules.get(rule);
    if (answer === undefined) ctx.dataTypeRules.set(rule, answer = GrammarUtils.isDataTypeRule(rule));
    return answer;
}

/**
 * The tokens with which `element` reads exactly that one token and ends, or undefined when
 * there is no such simple answer: a keyword, a terminal, a call of a data type rule of that
 * kind, an alternation of those (no token starting two alternatives), or a group of optional
 * single tokens followed by one such element (`'-'? NUMBER`: with a NUMBER next, the sign is
 * not read and the number is the whole rule).
 */
function oneTokenStarts(ctx: Context, element: GrammarAST.AbstractElement, depth = 0): TokenMap | undefined {
    if (depth > 8) return undefined;
    const map: TokenMap = new Map();
    if (isGroup(element) && !element.cardinality) {
        const last = element.elements[element.elements.length - 1];
        const inner = last ? oneTokenStarts(ctx, last, depth + 1) : undefined;
        if (!inner) return undefined;
        // A copy: `inner` may be a rule's cached answer.
        for (const [idx, token] of inner) map.set(idx, token);
        for (const before of element.elements.slice(0, -1)) {
            if (before.cardinality !== '?') return undefined;
            const token = singleToken(ctx, { ...before, cardinality: undefined } as GrammarAST.AbstractElement);
            if (!token || token.tokenTypeIdx === undefined) return undefined;
            for (const idx of [token.tokenTypeIdx, ...((token as { categoryMatches?: number[] }).categoryMatches ?? [])]) map.delete(idx);
        }
        return map;
    }
    if (element.cardinality) return undefined;
    if (isAlternatives(element)) {
        for (const alternative of element.elements) {
            const inner = oneTokenStarts(ctx, alternative, depth + 1);
            if (!inner) return undefined;
            for (const [idx, token] of inner) {
                if (map.has(idx)) return undefined;
                map.set(idx, token);
            }
        }
        return map;
    }
    if (isRuleCall(element) && isParserRule(element.rule.ref)) return startsOfRule(ctx, element.rule.ref, depth + 1);
    return addToken(map, singleToken(ctx, element)) ? map : undefined;
}

/** {@link oneTokenStarts} of a data type rule's definition, worked out once per rule (Name is called from some sixty places). */
function startsOfRule(ctx: Context, rule: GrammarAST.ParserRule, depth = 0): TokenMap | undefined {
    if (!isDataTypeRule(ctx, rule) || rule.fragment) return undefined;
    if (!ctx.startsByRule.has(rule)) ctx.startsByRule.set(rule, oneTokenStarts(ctx, rule.definition, depth));
    // Shared by every caller, which only reads it.
    return ctx.startsByRule.get(rule);
}

/**
 * The token types by Chevrotain's index that a call of `rule` reads as one leaf ({@link oneTokenCall}),
 * or null when it has none: worked out once per rule, shared by its call sites (Name has some sixty).
 */
function oneTokenTable(ctx: Context, rule: GrammarAST.ParserRule): ReadonlyArray<TokenType | undefined> | null {
    let table = ctx.tableByRule.get(rule);
    if (table !== undefined) return table;
    const starts = startsOfRule(ctx, rule);
    // Names, units and numbers only (rules that read a terminal): an enumeration's value
    // (`Level`, `Direction`…) keeps its rule's node, so that its leaf stays a keyword's.
    table = null;
    if (starts && [...starts.values()].some(token => ctx.terminals.has(token.name))) {
        const list: (TokenType | undefined)[] = [];
        for (const [idx, token] of starts) list[idx] = token;
        table = list;
    }
    ctx.tableByRule.set(rule, table);
    return table;
}

/**
 * A call of a data type rule that, with the next token one of those it reads alone
 * ({@link oneTokenStarts}), reads that token in the caller's node: one leaf whose grammar
 * element is the call (or the cross-reference), no composite node for the rule. Otherwise,
 * and while the parser records the grammar, the rule is called as Langium calls it.
 */
function oneTokenCall(ctx: Context, rule: GrammarAST.ParserRule, feature: GrammarAST.AbstractElement, call: () => void): Method {
    const table = oneTokenTable(ctx, rule);
    if (table === null) return call;
    const idx = ctx.consume++;
    const parser = ctx.parser;
    return () => {
        if (!parser.isRecording()) {
            const token = table[parser.wrapper.LA(1).tokenTypeIdx ?? -1];
            if (token !== undefined) {
                parser.consume(idx, token, feature);
                return;
            }
        }
        call();
    };
}

/**
 * An unassigned call of a rule that makes an AST node (`Declaration: Domain | Outcome | …`,
 * `ProgrammeProperty: CountryProperty | …`): Langium gives the callee's node to the caller
 * (`assignWithoutOverride`), so the AST node is one, but the syntax tree keeps two nested
 * nodes for it, the caller's around the callee's. Here the callee's node is replaced by its
 * children in the caller's once it is built: one composite node per declaration, property
 * and effect detail instead of two (13,000 fewer per 10k lines), the same leaves, the same
 * AST node on it (Langium makes the caller's node the AST node's `$cstNode`).
 */
function mergedCall(ctx: Context, ruleCall: GrammarAST.RuleCall, call: () => void): Method {
    const parser = ctx.parser;
    return () => {
        try {
            call();
        } finally {
            // Also when the callee ends by a syntax error that Chevrotain recovers from further up.
            if (!parser.isRecording()) mergeLast(parser.nodeBuilder.current, ruleCall);
        }
    };
}

/** Replaces the last child of `current`, when it is the composite node of `ruleCall`, by its children. */
function mergeLast(current: { content: CstChild[] }, ruleCall: GrammarAST.RuleCall): void {
    const content = current.content;
    const last = content[content.length - 1];
    if (last === undefined || last.grammarSource !== ruleCall || !last.content) return;
    const children = last.content;
    for (let i = 0; i < children.length; i++) children[i].container = current;
    // A new array of exactly the children (the builder keeps small contents exact: useExactContent).
    current.content = content.length === 1 ? children : content.slice(0, -1).concat(children);
}

function buildKeyword(ctx: Context, keyword: GrammarAST.Keyword): Method {
    const idx = ctx.consume++;
    const token = ctx.tokens[keyword.value];
    if (!token) throw new Error('Could not find token for keyword: ' + keyword.value);
    return () => ctx.parser.consume(idx, token, keyword);
}

function wrap(ctx: Context, method: Method, cardinality: GrammarAST.AbstractElement['cardinality']): Method {
    if (!cardinality) return method;
    const callback = { DEF: () => method(NO_ARGS) };
    if (cardinality === '*') {
        const idx = ctx.many++;
        return () => ctx.parser.many(idx, callback);
    } else if (cardinality === '+') {
        const idx = ctx.many++;
        return () => ctx.parser.atLeastOne(idx, callback);
    } else {
        const idx = ctx.optional++;
        return () => ctx.parser.optional(idx, callback);
    }
}

function getRule(ctx: Context, rule: GrammarAST.ParserRule): unknown {
    const found = ctx.parser.getRule(rule.name);
    if (!found) throw new Error(`Rule "${rule.name}" not found."`);
    return found;
}

function getToken(ctx: Context, name: string): TokenType {
    const token = ctx.tokens[name];
    if (!token) throw new Error(`Token "${name}" not found."`);
    return token;
}
