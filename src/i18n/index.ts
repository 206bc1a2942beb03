/**
 * The message catalogue of every face (CLI, language server, preview): `t(key,
 * values)` formats a message of the current locale with named placeholders
 * and ICU plurals (FormatJS `intl-messageformat`). No `node:` import, so the
 * browser build can use it.
 *
 * The locale is chosen once per process — the CLI from `--locale` and the
 * environment, the server from `initialize` — with `setLocale`; tests that
 * need another use `withLocale`. A key missing from a locale (never the case:
 * `test/i18n/catalogue.test.ts` checks every key and placeholder) falls back
 * to English.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { en, type MessageKey } from './messages/en.js';
import { es } from './messages/es.js';
import { ptBR } from './messages/pt-BR.js';

export { LOCALES, DEFAULT_LOCALE, matchLocale, localeFromEnv, chooseLocale, LOCALE_ENV_VARIABLES, type Locale } from './locale.js';
export type { MessageKey } from './messages/en.js';

/** Every locale's messages by key. */
export const CATALOGUE: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, es, 'pt-BR': ptBR };

/** A placeholder's value: text is inserted as written, numbers are formatted by locale. */
export type MessageValue = string | number | Date;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/**
 * The locale numbers, dates and plurals are formatted in: Spanish as Latin
 * America writes it (CLDR `es-419`: `12,345.5`), Portuguese as Brazil does
 * (`12.345,5`).
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en', es: 'es-419', 'pt-BR': 'pt-BR' };

let current: Locale = DEFAULT_LOCALE;
const compiled = new Map<string, IntlMessageFormat>();

/*
 * The first `Intl.NumberFormat` of a process (or `supportedLocalesOf`, which
 * intl-messageformat calls for every message it compiles) loads ICU's list of
 * locales and number data: 10 ms on a quiet machine, 20–50 ms under load, in
 * every `coord` command, whose messages mostly count small things ("1 hint in
 * 1 file"). So: the locales are Coord's own three tags, which need no
 * negotiation (`Intl.Locale` is enough, and costs nothing), and an integer
 * from -999 to 999 without options is written as JavaScript writes it, which
 * is what all three locales write (no grouping, ASCII digits, `-`;
 * test/i18n/light-numbers.test.ts compares every such value with Intl's in each
 * locale). Anything else goes to a real `Intl.NumberFormat`, made on first use.
 */
IntlMessageFormat.resolveLocale = (locales: string | string[]) =>
    (typeof Intl.Locale === 'undefined' ? undefined : new Intl.Locale(Array.isArray(locales) ? locales[0] : locales));

/** An `Intl.NumberFormat` that writes small integers itself and makes the real one only when needed. */
class LightNumberFormat {
    private real: Intl.NumberFormat | undefined;
    constructor(private readonly locales: string | string[], private readonly options?: Intl.NumberFormatOptions) {}
    format(value: number | bigint): string {
        if (this.options === undefined && typeof value === 'number' && Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) return String(value);
        return (this.real ??= new Intl.NumberFormat(this.locales, this.options)).format(value);
    }
}

/** The formatters every message shares, each made once per locale and options: numbers as above; plural rules (cheap) and dates as Intl makes them. */
const formatters = (() => {
    const numbers = new Map<string, LightNumberFormat>();
    const plurals = new Map<string, Intl.PluralRules>();
    const dates = new Map<string, Intl.DateTimeFormat>();
    const key = (locales: unknown, options: unknown) => JSON.stringify([locales, options]);
    return {
        clear() {
            numbers.clear();
            plurals.clear();
            dates.clear();
        },
        getNumberFormat(locales: string | string[], options?: Intl.NumberFormatOptions) {
            const k = key(locales, options);
            let format = numbers.get(k);
            if (!format) numbers.set(k, format = new LightNumberFormat(locales, options));
            return format as unknown as Intl.NumberFormat;
        },
        getPluralRules(locales: string | string[], options?: Intl.PluralRulesOptions) {
            const k = key(locales, options);
            let rules = plurals.get(k);
            if (!rules) plurals.set(k, rules = new Intl.PluralRules(locales, options));
            return rules;
        },
        getDateTimeFormat(locales: string | string[], options?: Intl.DateTimeFormatOptions) {
            const k = key(locales, options);
            let format = dates.get(k);
            if (!format) dates.set(k, format = new Intl.DateTimeFormat(locales, options));
            return format;
        },
    };
})();

/**
 * Drops every compiled message and the formatters they share; they are made
 * again on first use. The CLI's startup snapshot (src/cli/snapshot/entry.ts)
 * calls it before the heap is saved: V8 cannot save Intl objects.
 */
export function forgetFormatters(): void {
    compiled.clear();
    formatters.clear();
}

/** The locale messages are formatted in. */
export function getLocale(): Locale {
    return current;
}

/** Sets the locale of the process (the CLI at start, the server on `initialize`). */
export function setLocale(locale: Locale): void {
    current = locale;
}

/** Runs `fn` with another locale, then restores the previous one (tests, one-off renders). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
    const before = current;
    current = locale;
    try {
        return fn();
    } finally {
        current = before;
    }
}

/** The message `key` of the current locale (or `locale`), its placeholders filled from `values`. */
export function t(key: MessageKey, values?: MessageValues, locale: Locale = current): string {
    const source = CATALOGUE[locale][key] ?? en[key];
    if (source === undefined) return key;
    // A message without placeholders is its own text (ICU's quoting aside): skip the formatter.
    if (!values && !/[{}']/.test(source)) return source;
    const id = `${locale}\u0000${key}`;
    let format = compiled.get(id);
    if (!format) compiled.set(id, format = new IntlMessageFormat(source, INTL_LOCALE[locale], undefined, { ignoreTag: true, formatters }));
    const result = format.format<string>(values as Record<string, string | number | Date> | undefined);
    return Array.isArray(result) ? result.join('') : String(result);
}

/** A number as the locale writes it (`1,234.5`, `1.234,5`). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions, locale: Locale = current): string {
    return formatters.getNumberFormat(INTL_LOCALE[locale], options).format(value);
}

/** A date as the locale writes it (`December 7, 2026`, `7 de diciembre de 2026`). */
export function formatDate(value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }, locale: Locale = current): string {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(value);
}

/** Items joined as the locale joins a list (`A, B and C`, `A, B y C`, `A, B e C`). */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction', locale: Locale = current): string {
    return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type }).format(items);
}
