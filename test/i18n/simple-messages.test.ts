/**
 * `t` reads messages of the simple form (text, `{name}`, plurals and selects
 * with `key {…}` options) without FormatJS's parser (src/i18n/simple-messages.ts).
 * The tree it makes must be FormatJS's, element for element, for every message
 * of every locale and for random texts; anything else must be left to FormatJS.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUE, INTL_LOCALE, LOCALES, t, withLocale, type MessageKey } from '../../src/i18n/index.js';
import { parseSimpleMessage } from '../../src/i18n/simple-messages.js';

/** FormatJS's tree, as `IntlMessageFormat` makes it for `t` (ignoreTag, the locale), or undefined when it rejects the text. */
function formatjs(source: string, locale = 'en'): unknown {
    try {
        return parse(source, { ignoreTag: true, locale: new Intl.Locale(locale) });
    } catch {
        return undefined;
    }
}

/** Our tree, which must be FormatJS's whenever we give one; returns whether we gave one. */
function expectSameOrNone(source: string, locale = 'en'): boolean {
    const ours = parseSimpleMessage(source);
    if (ours === undefined) return false;
    const theirs = formatjs(source, locale);
    expect(theirs, `FormatJS rejects ${JSON.stringify(source)}, which the simple reader accepts`).toBeDefined();
    expect(ours, JSON.stringify(source)).toStrictEqual(theirs);
    return true;
}

describe('the simple message reader', () => {
    test('gives FormatJS\'s tree for every message of every locale it reads, and reads most of them', () => {
        for (const locale of LOCALES) {
            let withSyntax = 0, read = 0;
            for (const source of Object.values(CATALOGUE[locale])) {
                if (!/[{}']/.test(source)) continue;
                withSyntax++;
                if (expectSameOrNone(source, INTL_LOCALE[locale])) read++;
            }
            // If the reader stopped reading Coord's messages, the speed-up would be gone without a failure.
            expect(read / withSyntax, locale).toBeGreaterThan(0.85);
        }
    });

    test('leaves to FormatJS what is not of the simple form, and reads the simple form right', () => {
        const left = [
            "'{x}'", "a '# b", "{n, plural, one {'#'} other {#}}", "{n, plural, offset:1 other {#}}", '{ x }', '{x }',
            '}', '{x', 'a {x', '{n, plural, one {a}}', '{n, select, a {x} a {y} other {z}}', '{n,plural,other{#}}',
            '{n, number}', '{n, date, short}', '{n, plural, other {#}', '{n, plural,  other {#}}', "a'{b}'c", "x'<y", "x'|y",
            '{n, selectordinal, one {#st} other {#th}}', '{}', '{n, plural, =x {a} other {b}}', '{n, select, other {a}} }',
        ];
        for (const source of left) expect(parseSimpleMessage(source), source).toBeUndefined();
        const read = [
            '', 'plain', "it''s {x}", "a''''b", "''{x}''", 'a # b', "it's {x}", "{x}'s", "end'", 'a<b>{x}</b>', '{n, plural, one {# file} other {# files}}',
            '{n, plural, =0 {none} one {#} other {# and {x}}}', '{w, select, next {on the next line} other {in #}}',
            '{n, plural, one {{w, select, a {# a} other {b #}}} other {#}}', '{counts} in {files, plural, one {# file} other {# files}}',
            'día {x}: población', '{a}{b}{c}',
        ];
        for (const source of read) expect(expectSameOrNone(source), source).toBe(true);
    });

    test('agrees with FormatJS on random texts', () => {
        // Pieces of ICU syntax, so that random texts are often nearly valid.
        const pieces = ['{', '}', '#', "'", "''", "'''", ' ', ', ', 'plural', 'select', ', plural, ', ', select, ', 'one {', 'other {', '=0 {', 'x', 'n', '<b>', 'é', '{n}', '{x}', ' {', '} '];
        let seed = 12345;
        const random = (n: number) => {
            seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
            return seed % n;
        };
        let read = 0;
        for (let i = 0; i < 4000; i++) {
            let source = '';
            const count = 1 + random(12);
            for (let j = 0; j < count; j++) source += pieces[random(pieces.length)];
            if (expectSameOrNone(source)) read++;
        }
        // Enough of the random texts are read for the comparison to mean something.
        expect(read).toBeGreaterThan(200);
    });

    test('t formats a message read by either parser the same, and keeps the text for FormatJS\'s errors', () => {
        const values = { count: 2, files: 1, counts: '1 error', name: 'A', kind: 'programme', how: 'x' };
        for (const locale of LOCALES) {
            withLocale(locale, () => {
                for (const key of ['cli.count.error', 'cli.count.summary', 'rule.unused.message', 'report.count.source'] as MessageKey[]) {
                    const source = CATALOGUE[locale][key];
                    expect(parseSimpleMessage(source), key).toBeDefined();
                    const plain = new IntlMessageFormat(source, INTL_LOCALE[locale], undefined, { ignoreTag: true }).format(values);
                    expect(t(key, values), `${locale} ${key}`).toBe(plain);
                }
            });
        }
        // A missing value: the same error as when FormatJS parses the text itself (it names the text).
        const source = CATALOGUE.en['cli.count.summary'];
        const plainError = (() => {
            try {
                new IntlMessageFormat(source, 'en', undefined, { ignoreTag: true }).format({ counts: 'x' });
            } catch (error) {
                return (error as Error).message;
            }
        })();
        expect(plainError).toContain(source);
        expect(() => t('cli.count.summary', { counts: 'x' })).toThrow(plainError);
    });
});
