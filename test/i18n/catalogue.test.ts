/**
 * The catalogue is whole in every locale: every key, the same placeholders,
 * plural categories the locale has, messages that parse; and the es / pt-BR
 * texts are translations, not English left behind.
 */
import { describe, expect, test } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGUE, INTL_LOCALE, LOCALES, t, withLocale, type Locale, type MessageKey } from '../../src/i18n/index.js';
import { RULES } from '../../src/validation/registry.js';

interface Shape { arguments: Map<string, string>; pluralCategories: Set<string> }

/** The placeholders of a message (name → kind) and the plural categories it uses. */
function shapeOf(message: string): Shape {
    const shape: Shape = { arguments: new Map(), pluralCategories: new Set() };
    const walk = (elements: MessageFormatElement[]) => {
        for (const e of elements) {
            if (e.type === TYPE.argument) shape.arguments.set(e.value, 'argument');
            else if (e.type === TYPE.number) shape.arguments.set(e.value, 'number');
            else if (e.type === TYPE.date) shape.arguments.set(e.value, 'date');
            else if (e.type === TYPE.plural) {
                shape.arguments.set(e.value, 'plural');
                for (const [category, option] of Object.entries(e.options)) {
                    shape.pluralCategories.add(category);
                    walk(option.value);
                }
            } else if (e.type === TYPE.select) {
                shape.arguments.set(e.value, 'select');
                for (const option of Object.values(e.options)) walk(option.value);
            }
        }
    };
    walk(parse(message, { ignoreTag: true }));
    return shape;
}

const keys = Object.keys(CATALOGUE.en) as MessageKey[];

describe('every locale has every key with the same placeholders', () => {
    test('the catalogue is not empty', () => {
        expect(keys.length).toBeGreaterThan(200);
    });
    for (const locale of LOCALES) {
        test(`${locale}: the same keys as English, no more`, () => {
            expect(Object.keys(CATALOGUE[locale]).sort()).toEqual([...keys].sort());
        });
        test(`${locale}: every message parses, with English's placeholders and the locale's plural categories`, () => {
            const categories = new Set([...new Intl.PluralRules(INTL_LOCALE[locale]).resolvedOptions().pluralCategories, ...[0, 1, 2].map(n => `=${n}`)]);
            for (const key of keys) {
                const source = CATALOGUE[locale][key];
                expect(source, `${locale} ${key}`).toBeTypeOf('string');
                const shape = shapeOf(source);
                expect([...shape.arguments].sort(), `${locale} ${key}`).toEqual([...shapeOf(CATALOGUE.en[key]).arguments].sort());
                for (const category of shape.pluralCategories) expect(categories.has(category), `${locale} ${key}: plural category ${category}`).toBe(true);
                if (shape.pluralCategories.size > 0) expect(shape.pluralCategories.has('other'), `${locale} ${key}`).toBe(true);
            }
        });
    }
    test('a missing placeholder is caught (the check is not vacuous)', () => {
        expect([...shapeOf('{a} and {b}').arguments.keys()]).not.toEqual([...shapeOf('{a} y').arguments.keys()]);
        expect(shapeOf('{n, plural, one {#} few {#} other {#}}').pluralCategories.has('few')).toBe(true);
    });
});

describe('translations are translations', () => {
    /** Identifiers, code and numbers left aside, the words of a text. */
    // Code spans, placeholders and comma-joined field names (`file,line,programmes,…`, CSV columns) are not prose.
    const words = (text: string) => text.replace(/`[^`]*`/g, ' ').replace(/\{[^{}]*\}/g, ' ').replace(/\S*,\S+/g, ' ')
        .toLowerCase().match(/[a-záéíóúñãõçâêô]{4,}/g) ?? [];
    const ENGLISH = new Set(['the', 'with', 'which', 'should', 'programme', 'programmes', 'coordination', 'declares', 'effects', 'found', 'brief', 'there', 'their', 'when', 'every', 'cannot', 'without', 'source']);
    for (const locale of ['es', 'pt-BR'] as Locale[]) {
        test(`${locale}: no message reads as English`, () => {
            const english: string[] = [];
            for (const key of keys) {
                const text = CATALOGUE[locale][key];
                const found = words(text).filter(w => ENGLISH.has(w));
                if (found.length >= 1 && CATALOGUE.en[key] !== text) english.push(`${key}: ${found.join(', ')}`);
                // A long message identical to English was left untranslated.
                if (text === CATALOGUE.en[key] && words(text).length >= 3) english.push(`${key}: same as English`);
            }
            expect(english).toEqual([]);
        });
    }
});

describe('formatting', () => {
    test('placeholders are filled and plurals follow the locale', () => {
        expect(t('rule.syntax.more', { count: 1, max: 100 }, 'en')).toMatch(/^1 more syntax error in/);
        expect(t('rule.syntax.more', { count: 1234, max: 100 }, 'en')).toMatch(/^1,234 more syntax errors in/);
        expect(t('rule.syntax.more', { count: 12345, max: 100 }, 'es')).toMatch(/^12,345 errores de sintaxis más en/);
        expect(t('rule.syntax.more', { count: 12345, max: 100 }, 'pt-BR')).toMatch(/^mais 12\.345 erros de sintaxe/);
        expect(t('rule.syntax.more', { count: 1, max: 100 }, 'pt-BR')).toMatch(/^mais 1 erro de sintaxe neste/);
    });
    test('Portuguese counts of zero are plural ("0 avisos"), though CLDR files 0 under "one" in pt', () => {
        expect(new Intl.PluralRules('pt-BR').select(0)).toBe('one');
        expect(t('cli.count.warning', { count: 0 }, 'pt-BR')).toBe('0 avisos');
        expect(t('cli.count.warning', { count: 1 }, 'pt-BR')).toBe('1 aviso');
        expect(t('cli.count.summary', { counts: '0 erros', files: 0 }, 'pt-BR')).toBe('0 erros em 0 arquivos');
        // Every "# word" count of the pt-BR catalogue says the same for 0 as for 2.
        let counts = 0;
        for (const key of Object.keys(CATALOGUE['pt-BR']) as MessageKey[]) {
            const source = CATALOGUE['pt-BR'][key];
            for (const m of source.matchAll(/\{(\w+), plural, (?:=0 \{# [^{}]*\} )?one \{# [^{}]*\} other \{# [^{}]*\}\}/g)) {
                const values = Object.fromEntries([...shapeOf(source).arguments.keys()].map(k => [k, k === m[1] ? 2 : 'x']));
                const two = t(key, values, 'pt-BR');
                const zero = t(key, { ...values, [m[1]]: 0 }, 'pt-BR');
                expect(zero.replace(/\b0\b/g, '2'), `${key}`).toBe(two);
                counts++;
            }
        }
        expect(counts).toBeGreaterThanOrEqual(17);
    });
    test('apostrophes around a placeholder print as written', () => {
        expect(t('rule.unresolved-reference.unknown', { kind: 'programme', name: 'FEST' }, 'en')).toBe("unknown programme 'FEST'");
        expect(t('rule.unresolved-reference.unknown', { kind: 'programa', name: 'FEST' }, 'es')).toBe('programa desconocido: «FEST»');
    });
    test('user text in a placeholder is inserted as written, braces and quotes included', () => {
        expect(t('rule.unused.message', { kind: 'programa', name: "{'x'}#", how: 'h' }, 'es')).toContain("{'x'}#");
    });
    test('withLocale changes the locale of rule texts and restores it', () => {
        const rule = RULES.find(r => r.id === 'budget-incentive')!;
        const english = rule.summary;
        expect(withLocale('es', () => rule.summary)).toBe('Una coordinación no tiene `incentive budget`.');
        expect(withLocale('pt-BR', () => rule.summary)).toBe('Uma coordenação não tem `incentive budget`.');
        expect(rule.summary).toBe(english);
    });
    test('every rule has a summary and a doc in every locale', () => {
        for (const locale of LOCALES) {
            for (const rule of RULES) {
                const key = `rule.${rule.id}.summary` as MessageKey;
                expect(CATALOGUE[locale][key], `${locale} ${key}`).toBeTruthy();
                expect(CATALOGUE[locale][`rule.${rule.id}.doc` as MessageKey], `${locale} ${rule.id}.doc`).toBeTruthy();
            }
        }
    });
});

describe('the standard library', () => {
    test('the English titles are those stdlib.ts declares, and every declaration has one', async () => {
        const { STDLIB_TEXT } = await import('../../src/language/stdlib.js');
        const declared = [...STDLIB_TEXT.matchAll(/^(?:domain|outcome) (\w+) "([^"]+)"/gm)];
        expect(declared.length).toBeGreaterThan(20);
        for (const [, name, title] of declared) expect(CATALOGUE.en[`stdlib.${name}` as MessageKey]).toBe(title);
        const keys = Object.keys(CATALOGUE.en).filter(k => k.startsWith('stdlib.'));
        expect(keys).toHaveLength(declared.length);
    });
});
