/**
 * The extension's own texts in Spanish and Portuguese: every `%key%` of
 * package.json in each package.nls.*.json, every `vscode.l10n.t` text and
 * every text of the preview shell in each l10n bundle, with its placeholders.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { previewShellHtml } from '../../src/extension/preview-html.js';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const LANGUAGES = ['es', 'pt-br'];

describe('package.nls', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    test('package.json names its texts by key, each in package.nls.json', () => {
        expect(keys.length).toBeGreaterThanOrEqual(8);
        const en = JSON.parse(read('package.nls.json'));
        expect(Object.keys(en).sort()).toEqual([...new Set(keys)].sort());
    });
    test.each(LANGUAGES)('package.nls.%s.json translates every key', language => {
        const en = JSON.parse(read('package.nls.json'));
        const translated = JSON.parse(read(`package.nls.${language}.json`));
        expect(Object.keys(translated).sort()).toEqual(Object.keys(en).sort());
        for (const key of Object.keys(en)) expect(translated[key], key).not.toBe(en[key]);
    });
});

describe('l10n bundles', () => {
    /** The texts the extension passes to vscode.l10n.t, and those of the preview shell. */
    function texts(): string[] {
        const found = new Set<string>();
        for (const file of fs.readdirSync(path.join(ROOT, 'src/extension'))) {
            for (const m of read(`src/extension/${file}`).matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)) found.add(m[1]);
        }
        const seen: string[] = [];
        previewShellHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 'c', translate: (message: string) => (seen.push(message), message) });
        for (const s of seen) found.add(s);
        return [...found];
    }
    test('the scan finds the texts (it is not vacuous)', () => {
        expect(texts()).toEqual(expect.arrayContaining(['Effect Summary', 'Saved {0}.', 'Computing the summary…', 'All forest plots (SVG)']));
    });
    test.each(LANGUAGES)('bundle.l10n.%s.json translates every text with its placeholders', language => {
        const bundle = JSON.parse(read(`l10n/bundle.l10n.${language}.json`)) as Record<string, string>;
        for (const text of texts()) {
            expect(bundle[text], `${language}: ${text}`).toBeTypeOf('string');
            expect(bundle[text].match(/\{\d+\}/g) ?? [], text).toEqual(text.match(/\{\d+\}/g) ?? []);
        }
    });
    test('every message the extension shows goes through vscode.l10n.t (no English literal)', () => {
        const bare: string[] = [];
        for (const file of fs.readdirSync(path.join(ROOT, 'src/extension'))) {
            for (const m of read(`src/extension/${file}`).matchAll(/vscode\.window\.show(?:Error|Warning|Information)Message\(\s*([`'"])/g)) bare.push(`${file}: ${m[0]}`);
        }
        expect(bare).toEqual([]);
    });
    test('the shell uses the translation and the display language', () => {
        const bundle = JSON.parse(read('l10n/bundle.l10n.es.json')) as Record<string, string>;
        const html = previewShellHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 'c', language: 'es', translate: m => bundle[m] ?? m });
        expect(html).toContain('<html lang="es">');
        expect(html).toContain('<h1 id="title">Resumen de efectos</h1>');
        expect(html).toContain('Calculando el resumen…');
        expect(html).not.toContain('Computing the summary');
    });
});
