/**
 * Coord's parser builder (src/language/parser-builder.ts) against Langium's:
 * the same syntax tree (every node's place, grammar element, token type and
 * AST node), the same AST and the same syntax errors, on every example, on the
 * benchmark's generated text, on every mistake of the syntax-mistake corpus,
 * on names that are keywords and on comments in every place a name or a unit
 * can be. And the work it saves, counted: the alternations share one array of
 * alternatives built with the parser, and parsing allocates none.
 */
import { describe, expect, it, vi } from 'vitest';
import { AstUtils, createParser, DatatypeSymbol, EmptyFileSystem, GrammarAST, GrammarUtils, LangiumParser, type AstNode, type CstNode, type LangiumCoreServices } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { astNodeMaker, EXACT_GRAMMAR_TYPES, isPlainGrammar, parserBuilderCounts } from '../../src/language/parser-builder.js';
import { plannedParserFacts } from '../../src/language/grammar-plan.js';
import { BASE, MISTAKES, REVIEW_BASE, mistakeText } from '../language/syntax-mistakes.data.js';
import { combined } from '../language/name-places.data.js';
// @ts-expect-error: a plain ES module without types
import { unitText } from '../../bench/generate.mjs';

const examplesDir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).sort()
    .map(name => readFileSync(join(examplesDir, name), 'utf8'));

const mistakes = MISTAKES.map(mistakeText);

const edgeTexts = [
    // Names that are keywords, in every kind of place.
    'domain domain "D"\noutcome in "O" in domain desirable increase\npopulation none\n',
    'programme programme { country country, sector sector productive ministry ministry targets none budget 3 budget per per }\n',
    'effects of programme + effects versus of + from from from evaluation { + in size 1 sd ci 0..1 }\n',
    'effects of a versus none { + b size 0.1 none n 10 }\n',
    // Optional trailing units followed by the keyword of the next property.
    'evaluation e { sample 10 by "GRADE" sample 20 households method rct }\n',
    'effects of a { + b size 0.1 ci 0..1 size 2 method - c size 3 sample }\n',
    // Comments before, inside and after names, units and numbers.
    'domain /* a */ d0 /* b */ "D" // c\n/* d */ outcome /* e */ o1 in /* f */ d0\n',
    'effects of /*1*/ A /*2*/ + /*3*/ B /*4*/ versus /*5*/ C /*6*/ + D from /*7*/ E {\n  + /*8*/ x size /*9*/ - /*10*/ 0.5 /*11*/ sd /*12*/ ci /*13*/ -1 /*14*/ .. 2\n}\n',
    '// only a comment\n',
    '/* unterminated',
    '',
    // Broken in places the fast paths decide.
    'domain\n', 'effects of { }', 'evaluation e { sample 10 "x" }', 'coordination c { political-support }',
    'coordination c { local { agreement formall "x" } }', 'effects of a { + b size 1 }}}}', 'programme p { budget - per }',
];

const bench: string = unitText('F0U0', 'F0U1', 0) + unitText('F0U1', 'F0U0', 1);

// Every place a name, a unit or a number is read, with every keyword its rule accepts and signed numbers.
const namePlaces = combined();

const texts = [...examples, BASE, REVIEW_BASE, ...mistakes, ...edgeTexts, bench, ...namePlaces];

/** Langium's own parser (its `createParser`) on the same services, with Coord's value converter and linker. */
function langiumParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new LangiumParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/** The syntax tree as plain data: kind, place, grammar element (by index), token type, hidden, AST node type and children. */
function cstShape(node: CstNode, grammarIds: Map<unknown, number>, deep = true): unknown {
    const base = {
        offset: node.offset, length: node.length, hidden: node.hidden,
        grammar: node.grammarSource ? grammarIds.get(node.grammarSource) ?? -1 : undefined,
        ast: (node as { _astNode?: AstNode })._astNode?.$type,
    };
    if ('content' in node) return { ...base, content: deep ? (node.content as CstNode[]).map(c => cstShape(c, grammarIds)) : [] };
    return { ...base, token: (node as { tokenType?: { name: string } }).tokenType?.name, range: node.range };
}

/** Whether a syntax node's grammar element calls a data type rule (directly or as a cross-reference's terminal). */
function callsDataTypeRule(element: unknown): boolean {
    if (GrammarAST.isCrossReference(element)) {
        const terminal = element.terminal ?? (element.type.ref && GrammarUtils.findNameAssignment(element.type.ref)?.terminal);
        return callsDataTypeRule(terminal);
    }
    return GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && GrammarUtils.isDataTypeRule(element.rule.ref)
        && readsTerminal(element.rule.ref);
}

/** Whether a data type rule can read a terminal (a name, a unit, a number), not only keywords (an enumeration). */
function readsTerminal(rule: GrammarAST.ParserRule, seen = new Set<unknown>()): boolean {
    if (seen.has(rule)) return false;
    seen.add(rule);
    return AstUtils.streamAst(rule.definition).some(e => GrammarAST.isRuleCall(e)
        && (GrammarAST.isTerminalRule(e.rule.ref) || (GrammarAST.isParserRule(e.rule.ref) && readsTerminal(e.rule.ref, seen))));
}

/** Whether nothing the rule requires follows `element` in its rule (`NUMBER` in `'-'? NUMBER` ends it, `'-'` does not). */
function endsItsRule(element: unknown): boolean {
    let e = element as GrammarAST.AbstractElement | undefined;
    while (e && !GrammarAST.isParserRule(e.$container)) {
        const container = e.$container;
        if (GrammarAST.isGroup(container)) {
            const after = container.elements.slice(container.elements.indexOf(e) + 1);
            if (after.some(x => x.cardinality !== '?' && x.cardinality !== '*')) return false;
        }
        e = container as GrammarAST.AbstractElement;
    }
    return e !== undefined;
}

/**
 * Langium's syntax tree as Coord's builder makes it: a data type rule's node that holds one
 * token and nothing else (`name=Name` read as `ID` or a keyword, `size=SignedNumber` read as
 * `NUMBER`, a unit) is that token's leaf, whose grammar element is the call.
 */
function collapsedShape(node: CstNode, grammarIds: Map<unknown, number>): unknown {
    if ('content' in node && callsDataTypeRule(node.grammarSource)) {
        let inner: CstNode = node;
        let complete = true;
        while ('content' in inner && (inner.content as CstNode[]).length === 1) {
            inner = (inner.content as CstNode[])[0];
            complete &&= endsItsRule(inner.grammarSource);
        }
        if (complete && !('content' in inner) && !inner.hidden) {
            return { ...(cstShape(inner, grammarIds) as object), grammar: grammarIds.get(node.grammarSource) ?? -1 };
        }
    }
    const shape = cstShape(node, grammarIds, false) as Record<string, unknown>;
    if ('content' in node) shape.content = mergedContent(node as CstNode & { content: CstNode[] }, grammarIds);
    return shape;
}

function mergedContent(node: CstNode & { content: CstNode[] }, grammarIds: Map<unknown, number>): unknown[] {
    return node.content.flatMap(c => 'content' in c && isMergedCall(c.grammarSource)
        ? mergedContent(c as CstNode & { content: CstNode[] }, grammarIds)
        : [collapsedShape(c, grammarIds)]);
}

/** An unassigned call of a rule that makes an AST node (`Declaration: Domain | …`): its node is merged into the caller's. */
function isMergedCall(element: unknown): boolean {
    return GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && !element.rule.ref.fragment
        && !GrammarUtils.isDataTypeRule(element.rule.ref) && !GrammarAST.isAssignment(element.$container);
}

/** The AST as plain data, references by text and by the text of their syntax node. */
function astShape(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(astShape);
    if (typeof node !== 'object' || node === null) return node;
    if ('$refText' in node) {
        const ref = node as { $refText: string; $refNode?: CstNode };
        return { ref: ref.$refText, node: ref.$refNode && [ref.$refNode.offset, ref.$refNode.length] };
    }
    // The own properties in their order, and the prototype (the AST nodes are made by Coord's own makers: astNodeMaker).
    const out: Record<string, unknown> = { keys: Object.keys(node), plain: Object.getPrototypeOf(node) === Object.prototype };
    for (const [k, v] of Object.entries(node)) {
        if (k === '$container' || k === '$document') continue;
        out[k] = k === '$cstNode' ? [(v as CstNode).offset, (v as CstNode).length] : astShape(v);
    }
    return out;
}

function grammarIndex(services: LangiumCoreServices): Map<unknown, number> {
    const ids = new Map<unknown, number>();
    const stack: unknown[] = [services.Grammar];
    while (stack.length > 0) {
        const node = stack.pop() as Record<string, unknown>;
        if (typeof node !== 'object' || node === null || ids.has(node) || !('$type' in node)) continue;
        ids.set(node, ids.size);
        for (const [k, v] of Object.entries(node)) {
            if (k.startsWith('$')) continue;
            if (Array.isArray(v)) stack.push(...v);
            else stack.push(v);
        }
    }
    return ids;
}

describe('Coord\'s parser builder', () => {
    it('builds Coord\'s grammar itself (no guards, no parameters), sharing the alternatives of every alternation', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        expect(isPlainGrammar(Coord.Grammar)).toBe(true);
        const counts = parserBuilderCounts(Coord.parser.LangiumParser);
        expect(counts).toBeDefined();
        // Name, ComparatorName, SampleUnit, SizeUnit, NameKeyword, Level, Method… are decided by a token table.
        expect(counts!.tokenTables).toBeGreaterThanOrEqual(15);
        expect(counts!.sharedAlternations).toBeGreaterThan(counts!.tokenTables);
        // Langium's `consume` with the keyword test by `$type` (useExactConsume): an upgrade that changes it leaves Langium's.
        expect(Object.prototype.hasOwnProperty.call(Coord.parser.LangiumParser, 'consume')).toBe(true);
        // And the other methods replaced by their copies (each one kept only when Langium's is the one it copies):
        // the AST nodes' makers, the lists, the rule calls' options, the syntax nodes' contents.
        const parser = Coord.parser.LangiumParser as unknown as { wrapper: object; nodeBuilder: object };
        for (const name of ['startImplementation', 'assign', 'construct']) expect(Object.prototype.hasOwnProperty.call(parser, name), name).toBe(true);
        expect(Object.prototype.hasOwnProperty.call(parser.wrapper, 'wrapSubrule')).toBe(true);
        for (const name of ['appendChild', 'construct']) expect(Object.prototype.hasOwnProperty.call(parser.nodeBuilder, name), name).toBe(true);
    });

    it('tests grammar elements by their exact type, and takes data type rules from the plan, as Langium decides them', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const guards = GrammarAST as unknown as Record<string, (node: unknown) => boolean>;
        const elements = [...Coord.Grammar.rules, ...Coord.Grammar.rules.flatMap(rule => [...AstUtils.streamAllContents(rule)])];
        expect(elements.length).toBeGreaterThan(500);
        for (const type of EXACT_GRAMMAR_TYPES) {
            // No subtypes in Langium's grammar language, so `$type === type` is `GrammarAST.is<type>`.
            expect(GrammarAST.reflection.getAllSubTypes(type)).toEqual([type]);
            for (const element of elements) expect(guards[`is${type}`](element)).toBe(element.$type === type);
        }
        const planned = plannedParserFacts(Coord.Grammar)!;
        expect(planned).toBeDefined();
        for (const [rule, type] of planned.types) expect(type === DatatypeSymbol).toBe(GrammarUtils.isDataTypeRule(rule));
        expect([...planned.types.values()].filter(type => type === DatatypeSymbol).length).toBeGreaterThan(5);
    });

    it('a grammar with a guard or a parameter is left to Langium\'s builder', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const rule = Coord.Grammar.rules.find(GrammarAST.isParserRule)!;
        const saved = rule.parameters;
        rule.parameters = [{ $type: 'Parameter', name: 'flag' } as unknown as GrammarAST.Parameter];
        try {
            expect(isPlainGrammar(Coord.Grammar)).toBe(false);
        } finally {
            rule.parameters = saved;
        }
        expect(isPlainGrammar(Coord.Grammar)).toBe(true);
    });

    it('gives the syntax tree, the AST and the errors of Langium\'s builder, node for node', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const ours = Coord.parser.LangiumParser;
        const theirs = langiumParser(Coord);
        const ids = grammarIndex(Coord);
        // The raw parse of Coord's parser (before its syntax repair), as the other parse-equality tests do.
        const raw = Object.getPrototypeOf(ours).parse as LangiumParser['parse'];
        expect(texts.length).toBeGreaterThan(60);
        for (const text of texts) {
            const a = raw.call(ours, text);
            const b = theirs.parse(text);
            expect(cstShape(a.value.$cstNode!, ids), text).toEqual(collapsedShape(b.value.$cstNode!, ids));
            expect(astShape(a.value), text).toEqual(astShape(b.value));
            expect(a.parserErrors.map(e => [e.name, e.message, e.token.startOffset]), text)
                .toEqual(b.parserErrors.map(e => [e.name, e.message, e.token.startOffset]));
            expect(a.lexerErrors, text).toEqual(b.lexerErrors);
        }
    });

    it('allocates no alternatives while parsing: the arrays Chevrotain is given are the same every time', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser as unknown as { alternatives(idx: number, alts: unknown[]): void };
        const seen = new Map<number, Set<unknown>>();
        const original = parser.alternatives;
        parser.alternatives = function (this: unknown, idx: number, alts: unknown[]) {
            const wrapper = (this as { wrapper: { RULE_STACK_IDX: number; RULE_STACK: number[] } }).wrapper;
            const key = idx * 1000 + wrapper.RULE_STACK[wrapper.RULE_STACK_IDX];
            if (!seen.has(key)) seen.set(key, new Set());
            seen.get(key)!.add(alts);
            return original.call(this, idx, alts);
        };
        for (const text of [...examples, bench, bench]) Coord.parser.LangiumParser.parse(text);
        expect(seen.size).toBeGreaterThan(5);
        for (const arrays of seen.values()) expect(arrays.size).toBe(1);
    });

    it('merges an unassigned call\'s node as Langium does, without an array of entries per node', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser as unknown as { assignWithoutOverride(t: object, s: object): object };
        const langiums = Object.getPrototypeOf(parser).assignWithoutOverride as (t: object, s: object) => object;
        expect(Object.prototype.hasOwnProperty.call(parser, 'assignWithoutOverride')).toBe(true);
        const make = () => [
            { $type: 'Domain', name: 'd', list: [1], $cstNode: {} },
            Object.assign(Object.create({ inherited: 1 }), { $type: 'Declaration', list: [0], extra: 'x', name: 'ignored' }),
        ] as const;
        const [a, b] = make();
        const [c, d] = make();
        expect(parser.assignWithoutOverride(a, b)).toEqual(langiums.call(parser, c, d));
        expect(a).toEqual({ $type: 'Domain', name: 'd', list: [0, 1], $cstNode: undefined, extra: 'x' });
        expect(Object.keys(a)).toEqual(Object.keys(c));
        // The first parse builds the lookahead functions it uses (lazy-lookahead.ts), which may call it.
        Coord.parser.LangiumParser.parse(bench);
        const entries = vi.spyOn(Object, 'entries');
        try {
            Coord.parser.LangiumParser.parse(bench);
            expect(entries).not.toHaveBeenCalled();
        } finally {
            entries.mockRestore();
        }
    });

    it('makes AST nodes that are plain objects, as Langium\'s literal `{ $type }` is', () => {
        const make = astNodeMaker('Domain');
        const node = make() as Record<string, unknown>;
        node.name = 'd';
        node.list = [1];
        const literal: Record<string, unknown> = { $type: 'Domain' };
        literal.name = 'd';
        literal.list = [1];
        expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
        expect(node.constructor).toBe(Object);
        expect(Object.keys(node)).toEqual(Object.keys(literal));
        expect(JSON.stringify(node)).toBe(JSON.stringify(literal));
        expect(node).toStrictEqual(literal);
        // Each call a new node; the maker of another type makes that type.
        expect(make()).not.toBe(make());
        expect(astNodeMaker('Outcome')()).toStrictEqual({ $type: 'Outcome' });
    });

    it('lets go of the tokens after a parse (the tree keeps none of them)', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const wrapper = (Coord.parser.LangiumParser as unknown as { wrapper: { input: unknown[] } }).wrapper;
        const result = Coord.parser.LangiumParser.parse(bench);
        expect(result.parserErrors).toEqual([]);
        expect(result.value.$cstNode!.root.fullText).toBe(bench);
        expect(wrapper.input).toEqual([]);
    });
});
