/**
 * The parser's grammar (Chevrotain's GAST) written when Coord is built
 * (src/language/prebuilt-gast.ts) is the one Chevrotain records from the
 * parser: the generated file is what recording gives today (else: npm run
 * langium:generate), the productions made from it are the recorded ones object
 * for object (class, own properties in order, token types, resolved rule
 * calls), the services' parser takes them and parses every example, broken
 * text and random mutation as a recording parser does, and a written GAST that
 * does not fit the parser is not used.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type LangiumParser } from 'langium';
import type { IProduction, Rule, TokenType } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCoordCoreServices, createCoordParser } from '../../src/language/coord-module.js';
import { gastPlanSource, readGast, usedPrebuiltGast, usePrebuiltGast, writeGast, type GastNode } from '../../src/language/prebuilt-gast.js';
import { PARSER_GAST, PARSER_LOOKAHEAD } from '../../src/language/parser-gast.generated.js';
import { prepareCoordParser } from '../../src/language/parser-builder.js';
import { STDLIB_TEXT } from '../../src/language/stdlib.js';
import { MISTAKES, mistakeText } from '../language/syntax-mistakes.data.js';

const ROOT = resolve(__dirname, '../..');
const examplesDir = join(ROOT, 'examples');
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).sort().map(name => readFileSync(join(examplesDir, name), 'utf8'));

interface Wrapper { getGAstProductions(): Record<string, Rule>; tokensMap: Record<string, TokenType> }
const wrapperOf = (parser: LangiumParser) => (parser as unknown as { wrapper: Wrapper }).wrapper;

/** Fails unless `a` and `b` are the same productions: same classes, own properties in the same order, same values, the same token objects, calls resolved to rules of the same names. */
function expectSameGast(a: readonly IProduction[], b: readonly IProduction[], path = ''): void {
    expect(a.length, `${path}: number of productions`).toBe(b.length);
    a.forEach((x, i) => {
        const y = b[i];
        const here = `${path}/${i}`;
        expect(Object.getPrototypeOf(x), `${here}: class`).toBe(Object.getPrototypeOf(y));
        expect(Object.keys(x), `${here}: own properties`).toEqual(Object.keys(y));
        for (const key of Object.keys(x)) {
            const u = (x as unknown as Record<string, unknown>)[key];
            const v = (y as unknown as Record<string, unknown>)[key];
            if (key === '_definition') expectSameGast(u as IProduction[], v as IProduction[], `${here}.${key}`);
            else if (key === 'referencedRule') expect((u as Rule | undefined)?.name, `${here}.${key}`).toBe((v as Rule | undefined)?.name);
            else expect(u, `${here}.${key}`).toBe(v);
        }
    });
}

/** The AST as plain data (no container links, syntax nodes or documents; references by text). */
function shape(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(shape);
    if (typeof node !== 'object' || node === null) return node;
    if ('$refText' in node) return { ref: (node as { $refText: string }).$refText };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== '$container' && k !== '$cstNode' && k !== '$document') out[k] = shape(v);
    return out;
}

function parsed(parser: LangiumParser, text: string) {
    const r = parser.parse(text);
    return {
        ast: shape(r.value),
        lexer: r.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parser: r.parserErrors.map(e => [e.token.startOffset, e.token.image, e.message]),
    };
}

/** Texts made by cutting, repeating and swapping pieces of the examples (a fixed seed). */
function mutations(count: number, seed = 21): string[] {
    let state = seed;
    const next = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
        let text = examples[next(examples.length)];
        for (let edits = 1 + next(3); edits > 0; edits--) {
            const at = next(text.length), len = next(40);
            const piece = text.slice(next(text.length), next(text.length) + len);
            text = next(2) === 0 ? text.slice(0, at) + text.slice(at + len) : text.slice(0, at) + piece + text.slice(at);
        }
        out.push(text);
    }
    return out;
}

describe('the GAST written when Coord is built', () => {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const ours = Coord.parser.LangiumParser;
    const recording = createCoordParser(Coord, { prebuilt: false });

    it('is what Chevrotain records from Coord\'s parser today (else: npm run langium:generate)', () => {
        const fresh = gastPlanSource(writeGast(Object.values(wrapperOf(recording).getGAstProductions())), PARSER_LOOKAHEAD);
        expect(readFileSync(join(ROOT, 'src/language/parser-gast.generated.ts'), 'utf8'), 'src/language/parser-gast.generated.ts is stale: run npm run langium:generate').toBe(fresh);
        expect(readFileSync(join(ROOT, 'src/language/parser-gast.generated.ts'), 'utf8')).toMatch(/^[\x0a\x20-\x7e]*$/);
    });

    it('is taken by the services\' parser, and gives the recorded productions object for object', () => {
        expect(usedPrebuiltGast(ours)).toBe(true);
        expect(usedPrebuiltGast(recording)).toBe(false);
        const a = Object.values(wrapperOf(ours).getGAstProductions());
        const b = Object.values(wrapperOf(recording).getGAstProductions());
        expect(a.length).toBeGreaterThan(50);
        expectSameGast(a, b);
        // The token types are the services' own objects, the calls resolved to the parser's own rules.
        const tokens = new Set(Object.values(wrapperOf(ours).tokensMap));
        const rules = new Set(a);
        const walk = (p: IProduction): void => {
            const node = p as unknown as { terminalType?: TokenType; referencedRule?: Rule; nonTerminalName?: string; _definition?: IProduction[] };
            if (node.terminalType) expect(tokens.has(node.terminalType)).toBe(true);
            if (node.nonTerminalName !== undefined) expect(rules.has(node.referencedRule!)).toBe(true);
            else node._definition?.forEach(walk);
        };
        a.forEach(walk);
    });

    it('the comparison above sees one changed occurrence index, label or token', () => {
        const written = writeGast(Object.values(wrapperOf(recording).getGAstProductions()));
        const tokens = wrapperOf(recording).tokensMap;
        const recorded = readGast(written, tokens)!;
        expectSameGast(recorded, readGast(written, tokens)!);
        const changed = (edit: (nodes: GastNode[]) => void) => {
            const copy = JSON.parse(JSON.stringify(written)) as GastNode[];
            edit(copy);
            return readGast(copy, tokens)!;
        };
        const firstCall = (nodes: GastNode[]) => nodes[0][2]![0][2]![0] as [string, Record<string, unknown>];
        expect(() => expectSameGast(recorded, changed(nodes => { firstCall(nodes)[1].idx = 2; }))).toThrow();
        expect(() => expectSameGast(recorded, changed(nodes => { firstCall(nodes)[1].label = 'x'; }))).toThrow();
        const terminalRule = written.findIndex(rule => JSON.stringify(rule).includes('"@terminalType":"STRING"'));
        expect(() => expectSameGast(recorded, changed(nodes => {
            nodes[terminalRule] = JSON.parse(JSON.stringify(nodes[terminalRule]).replaceAll('"@terminalType":"STRING"', '"@terminalType":"ID"'));
        }))).toThrow();
    });

    it('parses every example, syntax mistake and random mutation as a recording parser does (with its own lookahead)', () => {
        const texts = [STDLIB_TEXT, ...examples, ...MISTAKES.map(mistakeText), ...mutations(150)];
        let withErrors = 0;
        for (const text of texts) {
            const a = parsed(ours, text);
            expect(a).toEqual(parsed(recording, text));
            if (a.parser.length > 0) withErrors++;
        }
        // Not only clean texts: error recovery (which reads the follows of the GAST) ran too.
        expect(withErrors).toBeGreaterThan(50);
    });
});

describe('a written GAST that does not fit the parser', () => {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const fresh = () => prepareCoordParser(Coord);

    it('is not used: a rule renamed, missing or moved, or a token the lexer lacks; the parser records and parses', () => {
        const renamed = JSON.parse(JSON.stringify(PARSER_GAST).replace('"name":"Model\u200b"', '"name":"Modelx\u200b"')) as GastNode[];
        const unknownToken = JSON.parse(JSON.stringify(PARSER_GAST).replace('"@terminalType":"STRING"', '"@terminalType":"NO_SUCH_TOKEN"')) as GastNode[];
        const moved = [...PARSER_GAST.slice(1), PARSER_GAST[0]];
        expect(renamed).not.toEqual(PARSER_GAST);
        expect(unknownToken).not.toEqual(PARSER_GAST);
        for (const gast of [renamed, unknownToken, PARSER_GAST.slice(1), moved, []]) {
            const parser = usePrebuiltGast(fresh(), gast);
            expect(usedPrebuiltGast(parser)).toBe(false);
            parser.finalize();
            const r = parser.parse('population smallholders "Smallholder households"\n');
            expect(r.parserErrors).toEqual([]);
            expect((r.value as unknown as { declarations: Array<{ name: string }> }).declarations[0].name).toBe('smallholders');
        }
        // And the generated one fits.
        expect(usedPrebuiltGast(usePrebuiltGast(fresh(), PARSER_GAST))).toBe(true);
    });
});
