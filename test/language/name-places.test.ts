/**
 * Names, units and numbers in every place the grammar reads them
 * (test/language/name-places.data.ts): each keyword a place's rule accepts is
 * read as the name, each number with its sign and fraction as its value, and
 * the syntax node of the property is the text written — a leaf of the call when
 * the value is one token (src/language/parser-builder.ts reads it so), which
 * names, rename and diagnostics find through the property's assignment.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode, type Reference } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { combined, fill, keywordsOfRule, NUMBERS, SLOTS, variants } from './name-places.data.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);

function nodeOf(root: AstNode, type: string, nth = 0): AstNode & Record<string, unknown> {
    const nodes = AstUtils.streamAst(root).filter(n => n.$type === type).toArray();
    expect(nodes.length, type).toBeGreaterThan(nth);
    return nodes[nth] as AstNode & Record<string, unknown>;
}

describe('names, units and numbers in every place', () => {
    it('the template fills every slot and parses without an error', () => {
        const text = fill();
        expect(text).not.toMatch(/\{\w+\}/);
        const result = Coord.parser.LangiumParser.parse(text);
        expect([...result.lexerErrors, ...result.parserErrors]).toEqual([]);
        // Every name rule is exercised with its keywords, every place with numbers.
        expect(new Set(SLOTS.map(s => s.rule))).toEqual(new Set(['Name', 'ComparatorName', 'SampleUnit', 'SizeUnit', 'SignedNumber']));
        expect(keywordsOfRule('Name').length).toBeGreaterThan(80);
        expect(NUMBERS.some(([t]) => t.startsWith('-'))).toBe(true);
        // The fuller texts the parser-builder test compares with Langium's builder parse cleanly too.
        for (const full of combined()) {
            const r = Coord.parser.LangiumParser.parse(full);
            expect([...r.lexerErrors, ...r.parserErrors].map(e => e.message), full).toEqual([]);
        }
    });

    it('reads each value as written: keywords as names, numbers with their sign; the property\'s syntax node is that text', () => {
        const all = variants();
        expect(all.length).toBeGreaterThan(2000);
        for (const { slot, value, text } of all) {
            const where = `${slot.slot} = ${value}`;
            const result = Coord.parser.LangiumParser.parse(text);
            expect([...result.lexerErrors, ...result.parserErrors].map(e => e.message), where).toEqual([]);
            const node = nodeOf(result.value, slot.type, slot.nth);
            const raw = node[slot.property];
            const item = slot.index === undefined ? raw : (raw as unknown[])[slot.index];
            const cst = GrammarUtils.findNodesForProperty(node.$cstNode, slot.property)[slot.index ?? 0];
            expect(cst?.text, where).toBe(value);
            if (slot.rule === 'SignedNumber') {
                expect(item, where).toBe(NUMBERS.find(([t]) => t === value)![1]);
            } else if (slot.ref) {
                const ref = item as Reference;
                expect(ref.$refText, where).toBe(value);
                expect(ref.$refNode?.text, where).toBe(value);
            } else {
                expect(item, where).toBe(value);
            }
            if (!value.startsWith('-')) {
                // One token: a leaf whose grammar element is the property's call, not a keyword.
                expect(isLeafCstNode(cst), where).toBe(true);
                expect(GrammarAST.isKeyword(cst.grammarSource), where).toBe(false);
                expect(AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isAssignment)?.feature, where).toBe(slot.property);
            }
            if (slot.property === 'name') expect(Coord.references.NameProvider.getNameNode(node)?.text, where).toBe(value);
        }
    });
});
