/**
 * The editor assets: every declaration has a snippet, and each snippet, with
 * its placeholders at their defaults, is Coord text that parses and is already
 * formatted; the language configuration is valid.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText } from '../../src/analysis/format.js';

const ROOT = path.resolve(__dirname, '../..');
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/coord.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
const { Coord } = createCoordCoreServices(EmptyFileSystem);

/** A snippet body with every placeholder at its default (the first choice of a choice). */
function expand(body: string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '') + '\n';
}

describe('snippets', () => {
    test('one per declaration', () => {
        expect(Object.values(snippets).map(s => s.prefix).sort()).toEqual(
            ['body', 'coordination', 'domain', 'effects', 'evaluation', 'outcome', 'population', 'programme']);
    });

    test.each(Object.entries(snippets))('%s expands to formatted Coord', (_name, snippet) => {
        const text = expand(snippet.body);
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
