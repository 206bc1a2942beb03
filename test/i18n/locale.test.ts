/** How the locale is chosen: explicit choice, then LC_ALL, LC_MESSAGES, LANG, then English. */
import { describe, expect, test } from 'vitest';
import { chooseLocale, localeFromEnv, matchLocale } from '../../src/i18n/index.js';

describe('matchLocale', () => {
    test.each([
        ['es', 'es'], ['es-CO', 'es'], ['es_MX.UTF-8', 'es'], ['ES_pe@euro', 'es'], ['es-419', 'es'],
        ['pt-BR', 'pt-BR'], ['pt_BR.utf8', 'pt-BR'], ['pt-br', 'pt-BR'], ['pt', 'pt-BR'], ['pt_PT', 'pt-BR'],
        ['en', 'en'], ['en_US.UTF-8', 'en'], ['en-GB', 'en'],
    ])('%s → %s', (tag, locale) => {
        expect(matchLocale(tag)).toBe(locale);
    });
    test.each(['fr', 'fr_FR.UTF-8', 'C', 'POSIX', 'C.UTF-8', '', '   ', 'esperanto', 'e'])('%j is not spoken', tag => {
        expect(matchLocale(tag)).toBeUndefined();
    });
    test('a non-string is not spoken', () => {
        expect(matchLocale(undefined)).toBeUndefined();
        expect(matchLocale(null)).toBeUndefined();
        expect(matchLocale(42 as unknown as string)).toBeUndefined();
    });
});

describe('the environment, in POSIX order', () => {
    test('LC_ALL wins over LC_MESSAGES, which wins over LANG', () => {
        expect(localeFromEnv({ LC_ALL: 'pt_BR.UTF-8', LC_MESSAGES: 'es_CO.UTF-8', LANG: 'en_US.UTF-8' })).toBe('pt-BR');
        expect(localeFromEnv({ LC_MESSAGES: 'es_CO.UTF-8', LANG: 'pt_BR.UTF-8' })).toBe('es');
        expect(localeFromEnv({ LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    });
    test('an empty variable is skipped; a set one decides even when Coord does not speak it', () => {
        expect(localeFromEnv({ LC_ALL: '', LANG: 'es_AR.UTF-8' })).toBe('es');
        expect(localeFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'es_AR.UTF-8' })).toBeUndefined();
        expect(localeFromEnv({ LC_ALL: 'C', LANG: 'es_AR.UTF-8' })).toBeUndefined();
    });
    test('nothing set: no locale', () => {
        expect(localeFromEnv({})).toBeUndefined();
    });
});

describe('chooseLocale', () => {
    test('an explicit choice wins over the environment', () => {
        expect(chooseLocale('es', { LC_ALL: 'pt_BR.UTF-8' })).toBe('es');
        expect(chooseLocale('pt-BR', { LANG: 'es_CO.UTF-8' })).toBe('pt-BR');
    });
    test('an explicit choice Coord does not speak gives English, not the environment', () => {
        expect(chooseLocale('fr', { LANG: 'es_CO.UTF-8' })).toBe('en');
    });
    test('no explicit choice: the environment, else English', () => {
        expect(chooseLocale(undefined, { LANG: 'es_CO.UTF-8' })).toBe('es');
        expect(chooseLocale('', { LC_MESSAGES: 'pt_BR' })).toBe('pt-BR');
        expect(chooseLocale(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
        expect(chooseLocale(undefined, {})).toBe('en');
    });
});
