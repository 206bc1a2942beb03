/**
 * The CLI bundle's patches (scripts/build-plugins.mjs: Chevrotain's
 * character slots computed instead of a table filled at start, its resync
 * follows computed on the first error recovery instead of when the parser is
 * built, the grammar loaded by src/language/grammar-loader.ts) change when
 * and how work is done, not what a parse gives: Coord's parser,
 * bundled with and without them, reads every example and every syntax mistake
 * into the same tree with the same lexer and parser errors. The parser
 * (with its syntax repair) recovers from errors in most of these texts, so the
 * lazily computed follows are read; characters from U+0100 on go through the
 * computed slots.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chevrotainCharCodeFormula, chevrotainLazyFollows, grammarLoaderInBundle } from '../../scripts/build-plugins.mjs';
import { MISTAKES, mistakeText } from '../language/syntax-mistakes.data.js';

const ROOT = resolve(__dirname, '../..');

const ENTRY = `
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from './src/language/coord-module.js';
/** Each text's lexer and parser errors and its AST (references by their text), as JSON. */
export function parseAll(texts) {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const parser = Coord.parser.LangiumParser;
    const followsBefore = Object.getOwnPropertyDescriptor(parser.wrapper, 'resyncFollows');
    const results = texts.map(text => {
        const r = parser.parse(text);
        return {
            lexer: r.lexerErrors.map(e => [e.offset, e.length, e.message]),
            parser: r.parserErrors.map(e => [e.name, e.message, e.token.startOffset, e.token.image, e.token.isInsertedInRecovery === true]),
            ast: JSON.stringify(r.value, (key, value) => key.startsWith('$') && key !== '$type' ? undefined
                : value && typeof value === 'object' && '$refText' in value ? { refText: value.$refText } : value),
        };
    });
    return { results, lazyFollows: typeof followsBefore?.get === 'function' };
}
`;

let dir: string;
type ParseAll = (texts: string[]) => { results: unknown[]; lazyFollows: boolean };
let patched: ParseAll;
let plain: ParseAll;

async function bundle(name: string, plugins: esbuild.Plugin[]): Promise<ParseAll> {
    const outfile = join(dir, `${name}.cjs`);
    await esbuild.build({
        stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile,
        mainFields: ['module', 'main'], define: { 'import.meta.url': '__import_meta_url' }, inject: [join(ROOT, 'scripts/import-meta-url.js')],
        plugins, logLevel: 'error',
    });
    return (createRequire(outfile)(outfile) as { parseAll: ParseAll }).parseAll;
}

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coord-patches-'));
    patched = await bundle('patched', [chevrotainCharCodeFormula, chevrotainLazyFollows, grammarLoaderInBundle]);
    plain = await bundle('plain', []);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Coord\'s parser bundled with the patches parses every example and syntax mistake as without them', () => {
    const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.coord')).map(file => readFileSync(join(ROOT, 'examples', file), 'utf8'));
    const mistakes = MISTAKES.map(mistakeText);
    const unicode = [
        'population p "Hogares \u201crurales\u201d \u2014 \u4e2d\u6587 \u{1F600}"\n',
        '\u201cstray quotes\u201d population q\u2003"x"\n\u2028domain d\n',
        'programme P { sector productive \u00a0 country Per\u00fa }\n',
    ];
    const texts = [...examples, ...mistakes, ...unicode];
    const ours = patched(texts);
    const theirs = plain(texts);
    expect(ours.lazyFollows).toBe(true);
    expect(theirs.lazyFollows).toBe(false);
    expect(ours.results).toEqual(theirs.results);
    // Not a vacuous comparison: errors were recovered from, and trees built.
    const errors = (theirs.results as Array<{ parser: unknown[]; lexer: unknown[] }>).filter(r => r.parser.length > 0).length;
    expect(errors).toBeGreaterThan(10);
    expect((theirs.results as Array<{ lexer: unknown[] }>).some(r => r.lexer.length > 0)).toBe(true);
}, 120_000);
