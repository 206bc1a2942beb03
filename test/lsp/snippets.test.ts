/**
 * The editor assets: every declaration has a template (the snippet its
 * keyword's completion inserts), and each, with its placeholders at their
 * defaults, is Coord text that parses and is already formatted; the language
 * configuration is valid.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText } from '../../src/analysis/format.js';
import { DECLARATION_SNIPPETS, expandSnippet } from '../../src/lsp/coord-snippets.js';

const ROOT = path.resolve(__dirname, '../..');
const { Coord } = createCoordCoreServices(EmptyFileSystem);


describe('snippets', () => {
    test('one per declaration', () => {
        expect(Object.keys(DECLARATION_SNIPPETS).sort()).toEqual(
            ['body', 'coordination', 'domain', 'effects', 'evaluation', 'outcome', 'population', 'programme']);
    });

    test.each(Object.entries(DECLARATION_SNIPPETS))('%s expands to formatted Coord', (_name, snippet) => {
        const text = expandSnippet(snippet.body) + '\n';
        const result = formatText(text, Coord);
        expect(result.ok, text).toBe(true);
        if (result.ok) expect(result.text).toBe(text);
        expect(snippet.description.length).toBeGreaterThan(10);
    });
});

describe('language configuration', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));

    test('comments, brackets and auto-closing pairs', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toEqual([['{', '}']]);
        expect(config.autoClosingPairs.map((p: { open: string }) => p.open)).toEqual(expect.arrayContaining(['{', '"']));
    });

    test('indentation on `{`, and a word pattern that takes hyphenated keywords whole', () => {
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('programme FEST "Familias en su Tierra" {')).toBe(true);
        expect(increase.test('  national { agreement formal "x" }')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        const word = new RegExp(`^(?:${config.wordPattern})$`);
        for (const w of ['social-protection', 'quasi-experimental', 'FEST_UNIDOS', 'political-support']) expect(word.test(w), w).toBe(true);
    });
});
