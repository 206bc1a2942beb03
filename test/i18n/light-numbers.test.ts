/**
 * Messages count things without starting ICU's number formatting: the first
 * `Intl.NumberFormat` of a process (or `supportedLocalesOf`) costs 10 ms or
 * more of every `coord` command's start (docs/performance.md, cold start). The
 * catalogue writes integers from -999 to 999 itself; these tests check that it
 * writes them exactly as Intl does in every locale, that every other number
 * still goes to Intl, and that counting does not make an `Intl.NumberFormat`.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type I18n = typeof import('../../src/i18n/index.js');

/** A fresh copy of the catalogue module: no message compiled, no formatter made yet. */
async function freshI18n(): Promise<I18n> {
    vi.resetModules();
    return import('../../src/i18n/index.js');
}

describe('numbers in messages', () => {
    let realNumberFormat: typeof Intl.NumberFormat;
    let made: string[];
    let negotiated: number;

    beforeEach(() => {
        realNumberFormat = Intl.NumberFormat;
        made = [];
        negotiated = 0;
        const counting = new Proxy(realNumberFormat, {
            construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
                made.push(JSON.stringify(args));
                return Reflect.construct(target, args);
            },
            get(target, property, receiver) {
                if (property === 'supportedLocalesOf') {
                    return (...args: Parameters<typeof Intl.NumberFormat.supportedLocalesOf>) => {
                        negotiated++;
                        return target.supportedLocalesOf(...args);
                    };
                }
                return Reflect.get(target, property, receiver);
            },
        });
        Intl.NumberFormat = counting;
    });
    afterEach(() => {
        Intl.NumberFormat = realNumberFormat;
    });

    test('counting in a message or formatting a small integer makes no Intl.NumberFormat, in any locale', async () => {
        const i18n = await freshI18n();
        for (const locale of i18n.LOCALES) {
            expect(i18n.t('cli.count.error', { count: 1 }, locale)).toMatch(/^1 /);
            expect(i18n.t('cli.count.error', { count: 3 }, locale)).toMatch(/^3 /);
            expect(i18n.t('list.more', { list: 'a, b', count: 7 }, locale)).toContain('7');
            expect(i18n.formatNumber(-42, undefined, locale)).toBe('-42');
        }
        expect(made).toEqual([]);
        expect(negotiated).toBe(0);
        // The counter counts: a number the catalogue does not write itself makes one, once per locale and options.
        expect(i18n.formatNumber(12345.5, undefined, 'en')).toBe('12,345.5');
        expect(i18n.formatNumber(1000, undefined, 'en')).toBe('1,000');
        expect(made).toHaveLength(1);
        expect(i18n.formatNumber(0.25, { style: 'percent' }, 'en')).toBe('25%');
        expect(made).toHaveLength(2);
    });
});

describe('written as Intl writes them', () => {
    test('every integer from -1,000 to 1,000, and the edges around them, in every locale', async () => {
        const i18n = await freshI18n();
        const values = [-0, 0.5, -0.5, 1e21, -1000, 1000, 1001, 9999, 12345, 1234567.891, Number.NaN, Infinity, -Infinity];
        for (let n = -1000; n <= 1000; n++) values.push(n);
        for (const locale of i18n.LOCALES) {
            const intl = new Intl.NumberFormat(i18n.INTL_LOCALE[locale]);
            const wrong = values.filter(n => i18n.formatNumber(n, undefined, locale) !== intl.format(n));
            expect(wrong, `${locale}: ${wrong.slice(0, 5).join(', ')}`).toEqual([]);
        }
    });

    test('every message of the catalogue formats as intl-messageformat with Intl’s own formatters does', async () => {
        const i18n = await freshI18n();
        const samples = [0, 1, 2, 5, 21, 999, 1000, 1234, 2.5, -3];
        const date = new Date(Date.UTC(2026, 11, 7, 12));
        let compared = 0;
        for (const locale of i18n.LOCALES) {
            for (const [key, source] of Object.entries(i18n.CATALOGUE[locale]) as [Parameters<I18n['t']>[0], string][]) {
                const names = new Map<string, 'number' | 'date' | 'text'>();
                const walk = (elements: MessageFormatElement[]) => {
                    for (const e of elements) {
                        if (e.type === TYPE.number || e.type === TYPE.plural) names.set(e.value, 'number');
                        else if (e.type === TYPE.date || e.type === TYPE.time) names.set(e.value, 'date');
                        else if (e.type === TYPE.argument || e.type === TYPE.select) names.set(e.value, names.get(e.value) ?? 'text');
                        if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
                    }
                };
                walk(parse(source, { ignoreTag: true }));
                if (![...names.values()].includes('number')) continue;
                const stock = new IntlMessageFormat(source, i18n.INTL_LOCALE[locale], undefined, { ignoreTag: true });
                for (const sample of samples) {
                    const values = Object.fromEntries([...names].map(([name, kind]) => [name, kind === 'number' ? sample : kind === 'date' ? date : 'x']));
                    expect(i18n.t(key, values, locale), `${locale} ${key} ${sample}`).toBe(String(stock.format(values)));
                    compared++;
                }
            }
        }
        expect(compared).toBeGreaterThan(100);
    });
});
