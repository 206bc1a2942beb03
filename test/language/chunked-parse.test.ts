/**
 * A large text parsed in stretches (src/language/chunked-parse.ts) against the same
 * parser parsing it whole: the same syntax tree (every node's place, range, grammar
 * element, token type, hidden flag and AST node), the same AST (keys in order, values,
 * references, container links) and the same errors, on large valid texts (the
 * benchmark's, the examples over and over, CRLF, comments and strings at the cuts,
 * declarations that end without a `}`) and on the same texts broken in many places.
 * And the grammar facts the cut relies on.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils, CstUtils, EmptyFileSystem, GrammarAST, type CstNode, type LangiumParser } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { CHUNK_CHARS, chunkedParses, chunkedRestParses, CUT_BEFORE, cutPoints } from '../../src/language/chunked-parse.js';
import { MISTAKES, mistakeText } from './syntax-mistakes.data.js';
// @ts-expect-error: a plain ES module without types
import { unitText } from '../../bench/generate.mjs';

const examplesDir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).sort()
    .map(name => readFileSync(join(examplesDir, name), 'utf8'));

/** The benchmark's generated text, `cohorts` cohorts of 50 lines. */
function benchText(cohorts: number): string {
    let text = '';
    for (let i = 0; i < cohorts; i++) text += unitText(`C${i}`, `C${(i + cohorts - 1) % cohorts}`, i);
    return text;
}

/** The examples one after the other, renamed each time round so that names do not repeat, until `chars` long. */
function examplesText(chars: number): string {
    let text = '';
    for (let round = 0; text.length < chars; round++) {
        for (const example of examples) text += example.replace(/\b([a-z][a-z0-9_]*_[a-z0-9_]+)\b/g, `$1_r${round}`) + '\n';
    }
    return text;
}

const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const valid: Array<[string, string]> = [
    ['the benchmark\'s text', benchText(120)],
    ['the examples over and over', examplesText(CHUNK_CHARS * 6)],
    ['CRLF line ends', benchText(60).replace(/\n/g, '\r\n')],
    ['declarations that end without a }', Array.from({ length: 3000 }, (_, i) => i % 3 === 0 ? `domain d${i} "D ${i}"` : i % 3 === 1 ? `population p${i}` : `outcome o${i} in d${i - 2} desirable increase`).join('\n') + '\n'],
    ['a block comment and a string across the cuts', benchText(80).replace(/\n(programme C1\d_soc)/g, '\n/* a comment\n$1 */\n$1').replace(/note "National/g, 'note "Two\nlines, National')],
    ['comments before and after every declaration', benchText(60).replace(/\n(population|effects) /g, '\n// before\n$1 ').replace(/\n}\n/g, '\n} // after\n')],
];

/** Breaks `text` at `count` random places (a character removed, a word or a mistake's line put in). */
function broken(text: string, count: number, seed: number): string {
    const next = seeded(seed);
    const inserts = ['}', '{', 'programme', '"', '/*', 'x', ',', '..', '- -', ...MISTAKES.slice(0, 20).map(m => mistakeText(m).split('\n')[0])];
    let out = text;
    for (let i = 0; i < count; i++) {
        const at = Math.floor(next() * out.length);
        out = next() < 0.4 ? out.slice(0, at) + out.slice(at + 1) : out.slice(0, at) + ' ' + inserts[Math.floor(next() * inserts.length)] + ' ' + out.slice(at);
    }
    return out;
}

/** Coord's parser, and the same parser with a lexer it may not cut with: it parses every text whole. */
function parsers(): { cut: LangiumParser; whole: LangiumParser; grammar: GrammarAST.Grammar } {
    const cut = createCoordCoreServices(EmptyFileSystem).Coord;
    const other = createCoordCoreServices(EmptyFileSystem).Coord;
    const parser = other.parser.LangiumParser as unknown as { lexer: { definition: unknown; tokenize(text: string): unknown } };
    const own = parser.lexer;
    parser.lexer = { definition: own.definition, tokenize: text => own.tokenize(text) };
    return { cut: cut.parser.LangiumParser, whole: other.parser.LangiumParser, grammar: cut.Grammar };
}

/** A parse as plain data: syntax nodes and AST nodes in order, each pointing at the others by index. */
function shape(result: ReturnType<LangiumParser['parse']>, grammarIds: Map<unknown, number>): unknown {
    const root = result.value;
    const astNodes = [...AstUtils.streamAst(root)];
    const cstNodes = [...CstUtils.streamCst(root.$cstNode!)];
    const ast = new Map<unknown, number>(astNodes.map((n, i) => [n, i]));
    const cst = new Map<unknown, number>(cstNodes.map((n, i) => [n, i]));
    const value = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(value);
        if (typeof v !== 'object' || v === null) return v;
        if (ast.has(v)) return { ast: ast.get(v) };
        if (cst.has(v)) return { cst: cst.get(v) };
        if ('$refText' in v) return { ref: (v as { $refText: string }).$refText, node: cst.get((v as { $refNode?: unknown }).$refNode) };
        return { unknown: String(v) };
    };
    return {
        ast: astNodes.map(n => Object.entries(n).map(([k, v]) => [k, value(v)])),
        cst: cstNodes.map((n: CstNode) => ({
            offset: n.offset, length: n.length, range: n.range, hidden: n.hidden, container: cst.get(n.container),
            grammar: n.grammarSource ? grammarIds.get(n.grammarSource) ?? -1 : undefined,
            ast: value((n as { _astNode?: unknown })._astNode), token: (n as { tokenType?: { name: string } }).tokenType?.name,
            children: 'content' in n ? (n.content as CstNode[]).length : undefined,
        })),
        parserErrors: result.parserErrors.map(e => [e.name, e.message, e.token.image, e.token.startOffset, e.token.startLine, e.token.startColumn, e.token.endLine, e.token.endColumn]),
        lexerErrors: result.lexerErrors,
        lexerReport: result.lexerReport,
    };
}

function grammarIndex(grammar: GrammarAST.Grammar): Map<unknown, number> {
    const ids = new Map<unknown, number>();
    for (const node of AstUtils.streamAst(grammar)) ids.set(node, ids.size);
    return ids;
}

describe('a large text parsed in stretches', () => {
    const { cut, whole, grammar } = parsers();
    const ids = grammarIndex(grammar);

    it('cuts only at the start of a line that starts a declaration, about every CHUNK_CHARS characters', () => {
        const text = benchText(200);
        const cuts = cutPoints(text);
        expect(cuts.length).toBeGreaterThan(text.length / CHUNK_CHARS / 2);
        for (const at of cuts) {
            expect(text[at - 1]).toBe('\n');
            expect(CUT_BEFORE.some(k => text.startsWith(k + ' ', at))).toBe(true);
        }
        expect(cutPoints(text.slice(0, CHUNK_CHARS * 2 - 1))).toEqual([]);
        expect(cutPoints('population p\n'.repeat(10_000).replace(/\n/g, '\r'))).toEqual([]);
    });

    it('gives the whole parse\'s tree, AST and errors on large valid texts, and does cut them', () => {
        for (const [name, text] of valid) {
            const before = chunkedParses();
            const a = cut.parse(text);
            // (A cut inside the block comment does not lex: that text is parsed whole.)
            if (!name.startsWith('a block comment')) expect(chunkedParses(), name).toBe(before + 1);
            const after = chunkedParses();
            const b = whole.parse(text);
            expect(chunkedParses(), name).toBe(after);
            expect(a.parserErrors.length + a.lexerErrors.length, name).toBe(0);
            expect(shape(a, ids), name).toEqual(shape(b, ids));
        }
    });

    it('gives the whole parse\'s tree, AST and errors (after the syntax repair) on the same texts broken', () => {
        const rests = chunkedRestParses();
        let i = 0;
        for (const [name, text] of valid) {
            for (const count of [1, 6]) {
                const bad = broken(text, count, ++i);
                expect(shape(cut.parse(bad), ids), `${name}, ${count} breaks`).toEqual(shape(whole.parse(bad), ids));
            }
        }
        // Mistakes after the first stretch: the rest of the text is parsed in one piece after the stretches before.
        const text = benchText(120);
        for (const [at, mistake] of [[0.5, '}'], [0.9, 'programme p { country'], [0.99, '"'], [0.7, 'effects of { + x size - }']] as const) {
            const cutAt = text.indexOf('\npopulation ', Math.floor(text.length * at)) + 1;
            const bad = text.slice(0, cutAt) + mistake + '\n' + text.slice(cutAt);
            expect(shape(cut.parse(bad), ids), mistake).toEqual(shape(whole.parse(bad), ids));
        }
        expect(chunkedRestParses()).toBeGreaterThan(rests + 3);
    });

    it('relies on Coord\'s grammar: the model is a list of declarations, each cut keyword starts one, and nothing follows the } that ends one', () => {
        const rules = new Map(grammar.rules.map(r => [r.name, r]));
        // The entry rule is `declarations+=Declaration*` alone: the stretches' models are joined by that one list.
        const entry = rules.get('Model') as GrammarAST.ParserRule;
        expect(entry.entry).toBe(true);
        const assignment = entry.definition as GrammarAST.Assignment;
        expect([assignment.$type, assignment.feature, assignment.operator, assignment.cardinality, (assignment.terminal as GrammarAST.RuleCall).rule.ref?.name])
            .toEqual(['Assignment', 'declarations', '+=', '*', 'Declaration']);
        const declaration = rules.get('Declaration') as GrammarAST.ParserRule;
        const alternatives = (declaration.definition as GrammarAST.Alternatives).elements.map(e => (e as GrammarAST.RuleCall).rule.ref as GrammarAST.ParserRule);
        const firsts = alternatives.map(r => ((r.definition as GrammarAST.Group).elements[0] as GrammarAST.Keyword).value);
        expect([...firsts].sort()).toEqual([...CUT_BEFORE].sort());
        for (const rule of alternatives) {
            const elements = (rule.definition as GrammarAST.Group).elements;
            // Every `}` of the rule itself (not of the rules it calls) is its last element, or the last of its last, optional, group.
            const closing = [...AstUtils.streamAllContents(rule.definition)].filter(e => GrammarAST.isKeyword(e) && e.value === '}');
            const last = elements[elements.length - 1];
            const tail = GrammarAST.isKeyword(last) ? last : GrammarAST.isGroup(last) && last.cardinality === '?' ? last.elements[last.elements.length - 1] : undefined;
            for (const brace of closing) expect(brace, rule.name).toBe(tail);
            if (GrammarAST.isKeyword(last)) expect(last.cardinality, rule.name).toBeUndefined();
        }
    });
});
