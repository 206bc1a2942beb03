/**
 * Coord's value converter (src/language/value-converter.ts) gives Langium's
 * values: strings with and without every escape, and every terminal and data
 * type rule of the grammar, and the values of a parse.
 */
import { describe, expect, it } from 'vitest';
import { CstUtils, DefaultValueConverter, EmptyFileSystem, GrammarAST, ValueConverter, type CstNode } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { convertString, converterFor, CoordValueConverter } from '../../src/language/value-converter.js';

const strings = [
    '""', '"a"', '"Bolsa Família"', '"a\\"b"', '"\\\\"', '"a\\nb\\tc\\rd\\be\\ff\\vg\\0h\\qi"', '"\\"', '"x\\"', '"\\a\\"',
    '"ends with backslash\\', '"', '', 'x', '"no closing', '"' + 'long text '.repeat(1000) + '"', '"é\\u00e9"',
];

describe('the value converter', () => {
    it('converts strings as Langium does', () => {
        for (const s of strings) expect(convertString(s), s).toBe(ValueConverter.convertString(s));
        // Every string of up to three characters over an alphabet with the escapes.
        const alphabet = ['a', '\\', '"', 'n', '0'];
        const all: string[] = [''];
        for (let n = 0; n < 3; n++) for (const s of [...all]) for (const c of alphabet) all.push(s + c);
        for (const inner of all) {
            const s = '"' + inner + '"';
            expect(convertString(s), s).toBe(ValueConverter.convertString(s));
        }
    });

    it('chooses the conversion of every rule of the grammar as Langium does', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        expect(Coord.parser.ValueConverter).toBeInstanceOf(CoordValueConverter);
        const langium = new DefaultValueConverter() as unknown as { runConverter(rule: unknown, input: string, node: unknown): unknown };
        const inputs = ['0', '12.5', '-3', 'abc', '"q"', 'true', '^x'];
        for (const rule of Coord.Grammar.rules) {
            if (!GrammarAST.isTerminalRule(rule) && !(GrammarAST.isParserRule(rule) && rule.dataType)) continue;
            for (const input of inputs) {
                expect(converterFor(rule)(input), `${rule.name} ${input}`).toEqual(langium.runConverter(rule, input, undefined));
            }
        }
    });

    it('gives the values of the parse as Langium\'s converter does', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const text = 'programme p "Prog \\"ramme\\"" { budget -3.5 million per year note "a\\nb" }\nevaluation e { sample 10 households }';
        const ours = Coord.parser.LangiumParser.parse(text).value;
        const converter = new DefaultValueConverter();
        const parser = Coord.parser.LangiumParser as unknown as { converter: { convert(input: string, node: CstNode): unknown } };
        const saved = parser.converter;
        parser.converter = converter;
        try {
            const theirs = Coord.parser.LangiumParser.parse(text).value;
            expect(JSON.stringify(ours, (k, v) => (k.startsWith('$') && k !== '$type' ? undefined : v)))
                .toBe(JSON.stringify(theirs, (k, v) => (k.startsWith('$') && k !== '$type' ? undefined : v)));
        } finally {
            parser.converter = saved;
        }
    });

    it('converts every leaf of every example as Langium\'s convert does, the first time and again from its memory', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const ours = Coord.parser.ValueConverter;
        const langium = new DefaultValueConverter();
        const dir = join(__dirname, '..', '..', 'examples');
        const texts = readdirSync(dir).filter(f => f.endsWith('.coord')).map(f => readFileSync(join(dir, f), 'utf8'));
        let leaves = 0;
        const sources = new Set<unknown>();
        for (const text of [...texts, ...texts]) {
            const root = Coord.parser.LangiumParser.parse(text).value.$cstNode!;
            for (const leaf of CstUtils.streamCst(root)) {
                if (leaf.hidden || 'content' in leaf) continue;
                leaves++;
                sources.add(leaf.grammarSource);
                expect(ours.convert(leaf.text, leaf), `${leaf.grammarSource?.$type} ${leaf.text}`).toEqual(langium.convert(leaf.text, leaf));
            }
        }
        // Keywords, terminal rule calls, data type rule calls and cross-references were all met.
        const types = new Set([...sources].map(s => (s as { $type?: string } | undefined)?.$type));
        for (const type of ['Keyword', 'RuleCall', 'CrossReference']) expect(types).toContain(type);
        expect(leaves).toBeGreaterThan(1000);
    });

    it('keeps Langium\'s error for a rule call whose rule is not linked, every time', () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const ours = Coord.parser.ValueConverter;
        const ruleCall = { $type: 'RuleCall', rule: { ref: undefined, $refText: 'Missing' } } as unknown as GrammarAST.RuleCall;
        const leaf = { grammarSource: ruleCall, text: 'x' } as unknown as CstNode;
        for (let i = 0; i < 2; i++) expect(() => ours.convert('x', leaf)).toThrow('This cst node was not parsed by a rule.');
    });
});
