/**
 * Work a start does not do (issue 21, cold start), counted, not timed: building
 * the services and parsing texts without syntax errors — the standard library,
 * which every command parses — never works out the grammar facts that only the
 * syntax repair needs (src/validation/syntax-repair.ts); the first text with an
 * error does, once per parser.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { STDLIB_TEXT } from '../../src/language/stdlib.js';
import { grammarFactsCount } from '../../src/validation/syntax-repair.js';

describe('syntax repair at start', () => {
    it('works out the grammar facts on the first text with an error only', () => {
        const before = grammarFactsCount();
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const parser = Coord.parser.LangiumParser;
        expect(parser.parse(STDLIB_TEXT).parserErrors).toEqual([]);
        expect(parser.parse('population smallholders "Smallholder households"\n').parserErrors).toEqual([]);
        expect(grammarFactsCount()).toBe(before);
        // A title without quotes: the repair reads it, and needs the facts.
        const broken = parser.parse('population p Smallholder households\n');
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        expect(grammarFactsCount()).toBe(before + 1);
        parser.parse('population q Other households\n');
        expect(grammarFactsCount()).toBe(before + 1);
    });
});
