/**
 * The parser's start-up and per-node work (issue 21), counted, not timed:
 *
 * - the lookahead functions are built on first use (src/language/lazy-lookahead.ts):
 *   a parse of one declaration builds a small part of them, parsing the examples
 *   builds more, and each is built at most once;
 * - the parse is the same as with Langium's own parser, built eagerly, on every
 *   example and on broken texts (AST values, container links, syntax errors);
 * - the container links are set by src/language/container-links.ts, with exactly
 *   the values Langium's `linkContentToContainer` gives.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils, createLangiumParser, EmptyFileSystem, type AstNode, type LangiumParser } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { lookaheadCounts } from '../../src/language/lazy-lookahead.js';
import { containerLinkWalks, linkContainers } from '../../src/language/container-links.js';

const examplesDir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.coord')).sort()
    .map(name => ({ name, text: readFileSync(join(examplesDir, name), 'utf8') }));

const broken = [
    'programme p "P" { country Peru sector productive',
    'domain d0 x\ndomain d1 x\n',
    'population p "A", "B"\n}, }, },\n',
    'effects of a + from e { + income ~ }',
    'coordination c { between a, b level national level }',
];

/** The AST as plain data: every property but the container links and the syntax nodes; references by text. */
function shape(node: unknown, seen = new Set<unknown>()): unknown {
    if (Array.isArray(node)) return node.map(x => shape(x, seen));
    if (typeof node !== 'object' || node === null) return node;
    if ('$refText' in node) return { ref: (node as { $refText: string }).$refText };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
        if (k === '$container' || k === '$cstNode' || k === '$document') continue;
        out[k] = shape(v, seen);
    }
    return out;
}

/** Every node's container link, as paths: `path → [container path, property, index]`. */
function links(root: AstNode): Map<AstNode, [AstNode | undefined, string | undefined, number | undefined]> {
    const out = new Map<AstNode, [AstNode | undefined, string | undefined, number | undefined]>();
    for (const node of AstUtils.streamAst(root)) out.set(node, [node.$container, node.$containerProperty, node.$containerIndex]);
    return out;
}

function errors(r: ReturnType<LangiumParser['parse']>) {
    return {
        lexer: r.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parser: r.parserErrors.map(e => [e.token.startOffset, e.token.image, e.message]),
    };
}

describe('the parser builds its lookahead lazily', () => {
    it('parsing one declaration builds a small part of the lookahead functions, and each at most once', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser;
        const initial = lookaheadCounts(parser) && { ...lookaheadCounts(parser)! };
        expect(initial).toBeDefined();
        expect(initial!.deferred).toBeGreaterThan(40);
        expect(initial!.built).toBe(0);
        parser.parse('population smallholders "Smallholder households"\n');
        const afterOne = { ...lookaheadCounts(parser)! };
        expect(afterOne.built).toBeGreaterThan(0);
        expect(afterOne.built).toBeLessThan(afterOne.deferred / 3);
        for (const { text } of examples) parser.parse(text);
        const afterExamples = lookaheadCounts(parser)!.built;
        expect(afterExamples).toBeGreaterThan(afterOne.built);
        expect(afterExamples).toBeLessThanOrEqual(afterOne.deferred);
        // Parsing everything again builds nothing: a built function replaced its stub.
        for (const { text } of examples) parser.parse(text);
        expect(lookaheadCounts(parser)!.built).toBe(afterExamples);
    });

    it('parses every example and broken text exactly as Langium\'s eagerly built parser', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        // Langium's own parser on the same services: all lookahead built at once, Langium's container links.
        const eager = createLangiumParser(Coord);
        expect(lookaheadCounts(eager)).toBeUndefined();
        for (const text of [...examples.map(e => e.text), ...broken]) {
            // The raw parse (before Coord's syntax repair), through the same Chevrotain machinery.
            const ours = Object.getPrototypeOf(Coord.parser.LangiumParser).parse.call(Coord.parser.LangiumParser, text);
            const theirs = eager.parse(text);
            expect(shape(ours.value)).toEqual(shape(theirs.value));
            expect(errors(ours)).toEqual(errors(theirs));
        }
    });
});

describe('container links', () => {
    it('the parser sets them with linkContainers, to the values Langium\'s walk gives', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser;
        for (const text of [...examples.map(e => e.text), ...broken]) {
            const root = parser.parse(text).value;
            const ours = links(root);
            for (const node of ours.keys()) {
                delete (node as { $containerIndex?: number }).$containerIndex;
                delete (node as { $containerProperty?: string }).$containerProperty;
                (node as { $container?: AstNode }).$container = undefined;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            const theirs = links(root);
            expect([...ours.values()]).toEqual([...theirs.values()]);
            // And linkContainers alone, on the same tree, gives them again.
            for (const node of ours.keys()) (node as { $container?: AstNode }).$container = undefined;
            linkContainers(root);
            expect([...links(root).values()]).toEqual([...theirs.values()]);
        }
    });

    it('Coord\'s parser links containers with linkContainers, once per parse', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const before = containerLinkWalks();
        Coord.parser.LangiumParser.parse('population smallholders "Smallholder households"\n');
        expect(containerLinkWalks()).toBe(before + 1);
    });
});
