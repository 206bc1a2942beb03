/**
 * Chevrotain's grammar and lexer validations on Coord's real grammar. The
 * shipped services run in Langium's `production` mode, which builds the parser
 * and the lexer with `skipValidations` (no validation at any start, the
 * cold-start work of issue 21), so nothing else runs them: here the same
 * parser is built in `development` mode, both with the GAST written at build
 * time (src/language/prebuilt-gast.ts) and with Chevrotain's own recording,
 * and a grammar error must fail this suite.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices, createCoordParser, type CoordCoreServices } from '../../src/language/coord-module.js';
import { CoordLexer } from '../../src/language/coord-lexer.js';
import { usedPrebuiltGast, usePrebuiltGast, type GastNode } from '../../src/language/prebuilt-gast.js';
import { PARSER_GAST } from '../../src/language/parser-gast.generated.js';
import { prepareCoordParser } from '../../src/language/parser-builder.js';
import { buildParserWithLazyLookahead } from '../../src/language/lazy-lookahead.js';

interface Validated { wrapper: { skipValidations: boolean; definitionErrors: unknown[] } }

/** Coord's services in Langium's development mode (validations on), sharing the production services' lexer. */
function developmentServices(): CoordCoreServices {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    return { ...Coord, LanguageMetaData: { ...Coord.LanguageMetaData, mode: 'development' } } as CoordCoreServices;
}

/** Runs `build` with console.log and console.warn captured (chevrotain-allstar logs ambiguities when validations are on). */
function quietly<T>(build: () => T): { value: T; logged: unknown[][] } {
    const logged: unknown[][] = [];
    const { log, warn } = console;
    console.log = (...args: unknown[]) => { logged.push(args); };
    console.warn = (...args: unknown[]) => { logged.push(args); };
    try {
        return { value: build(), logged };
    } finally {
        console.log = log;
        console.warn = warn;
    }
}

describe('Chevrotain\'s validations, skipped by the shipped parser, pass on Coord\'s grammar', () => {
    it('the parser, with the written GAST and with a recorded one: no definition error, no warning', () => {
        const dev = developmentServices();
        for (const prebuilt of [true, false]) {
            const { value: parser, logged } = quietly(() => createCoordParser(dev, { prebuilt }));
            const wrapper = (parser as unknown as Validated).wrapper;
            expect(wrapper.skipValidations).toBe(false);
            expect(wrapper.definitionErrors).toEqual([]);
            expect(logged).toEqual([]);
            expect(usedPrebuiltGast(parser)).toBe(prebuilt);
        }
    });

    it('the lexer: no definition error', () => {
        const lexer = new CoordLexer(developmentServices());
        expect((lexer as unknown as { config: { skipValidations: boolean } }).config.skipValidations).toBe(false);
        expect(lexer.tokenize('population smallholders "Smallholder households"\n').errors).toEqual([]);
    });

    it('a grammar error fails: two calls of one rule with the same occurrence index', () => {
        const dev = developmentServices();
        // A rule that calls another twice (CountryProperty: `values += Name (',' values += Name)*`), indices 1 and 2: make both 1.
        const broken = JSON.parse(JSON.stringify(PARSER_GAST)) as GastNode[];
        const calls = (node: GastNode): Array<Record<string, unknown>> =>
            node[0] === 'N' ? [node[1] === 0 ? {} : node[1] as Record<string, unknown>] : (node[2] ?? []).flatMap(calls);
        const rule = broken.find(r => (r[1] as Record<string, unknown>).name === 'CountryProperty\u200b')!;
        const [first, second] = calls(rule);
        expect([first.nonTerminalName, first.idx, second.nonTerminalName, second.idx]).toEqual(['Name\u200b', undefined, 'Name\u200b', 2]);
        delete second.idx;
        const parser = usePrebuiltGast(prepareCoordParser(dev), broken);
        expect(usedPrebuiltGast(parser)).toBe(true);
        expect(() => quietly(() => buildParserWithLazyLookahead(parser))).toThrow(/Parser Definition Errors/);
    });
});
