/**
 * The syntax tree FormatJS's ICU parser gives the messages Coord writes most —
 * text, `{name}`, and `{name, plural, …}` / `{name, select, …}` with options
 * of the form `key {…}` and `#` in a plural — read by a small reader of that
 * form only, for `t` (index.ts) to give `IntlMessageFormat` in place of the
 * text. FormatJS's general parser took about 1 ms of every cold `coord check`
 * for the few messages it prints (docs/performance.md, "Cold start, sixth
 * round"). `''` is read as one apostrophe. Any other text — other quoting
 * (`'{`, `'#`), whitespace inside braces other than the single spaces above,
 * `offset:`, `number`/`date` arguments, a stray `}`, a plural or select
 * without `other`, a repeated key — gives undefined, and the message goes to
 * FormatJS's parser as before.
 * `test/i18n/simple-messages.test.ts` compares the tree with FormatJS's for
 * every message of every locale and for random texts.
 */
import type { IntlMessageFormat } from 'intl-messageformat';

/** A message's syntax tree, as `IntlMessageFormat` takes it. */
export type MessageElements = Exclude<ConstructorParameters<typeof IntlMessageFormat>[0], string>;

// FormatJS's element types (TYPE in @formatjs/icu-messageformat-parser).
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

const OPEN = 123; // {
const CLOSE = 125; // }
const HASH = 35; // #
const QUOTE = 39; // '

/** Characters after which an apostrophe quotes (or is doubled) in ICU; a message with one is left to FormatJS. */
const QUOTING = new Set([QUOTE, OPEN, CLOSE, 60, 62, HASH, 124]); // ' { } < > # |

const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The message's elements as FormatJS's parser gives them (`ignoreTag`, no locations), or undefined when the text is not of the simple form. */
export function parseSimpleMessage(source: string): MessageElements | undefined {
    let at = 0;
    const length = source.length;

    /** Elements up to the end of the text (nesting 0) or the `}` closing an option (not consumed). */
    const elements = (nested: boolean, inPlural: boolean): unknown[] | undefined => {
        const out: unknown[] = [];
        while (at < length) {
            const c = source.charCodeAt(at);
            if (c === OPEN) {
                const argument = readArgument();
                if (argument === undefined) return undefined;
                out.push(argument);
            } else if (c === CLOSE) {
                return nested ? out : undefined;
            } else if (c === HASH && inPlural) {
                out.push({ type: POUND });
                at++;
            } else {
                let value = '';
                let start = at;
                while (at < length) {
                    const d = source.charCodeAt(at);
                    if (d === OPEN || d === CLOSE || (d === HASH && inPlural)) break;
                    if (d === QUOTE && at + 1 < length && QUOTING.has(source.charCodeAt(at + 1))) {
                        // `''` is one apostrophe, in the same text; any other quoting is left to FormatJS.
                        if (source.charCodeAt(at + 1) !== QUOTE) return undefined;
                        value += source.slice(start, at + 1);
                        at += 2;
                        start = at;
                        continue;
                    }
                    at++;
                }
                out.push({ type: LITERAL, value: value + source.slice(start, at) });
            }
        }
        return nested ? undefined : out;
    };

    const readName = (): string | undefined => {
        const start = at;
        while (at < length && isNameChar(source.charCodeAt(at))) at++;
        return at > start ? source.slice(start, at) : undefined;
    };

    const expect = (text: string): boolean => {
        if (!source.startsWith(text, at)) return false;
        at += text.length;
        return true;
    };

    /** `{name}`, `{name, plural, key {…} …}` or `{name, select, key {…} …}`, from its `{`. */
    const readArgument = (): unknown => {
        at++;
        const name = readName();
        if (name === undefined) return undefined;
        if (expect('}')) return { type: ARGUMENT, value: name };
        const plural = expect(', plural, ');
        if (!plural && !expect(', select, ')) return undefined;
        const options: Record<string, { value: unknown[] }> = {};
        for (;;) {
            let key: string | undefined;
            if (plural && source.charCodeAt(at) === 61 /* = */) {
                at++;
                const start = at;
                while (at < length && source.charCodeAt(at) >= 48 && source.charCodeAt(at) <= 57) at++;
                key = at > start ? `=${source.slice(start, at)}` : undefined;
            } else {
                key = readName();
            }
            if (key === undefined || Object.hasOwn(options, key) || !expect(' {')) return undefined;
            const value = elements(true, plural);
            if (value === undefined || !expect('}')) return undefined;
            options[key] = { value };
            if (expect('}')) break;
            if (!expect(' ')) return undefined;
        }
        if (!Object.hasOwn(options, 'other')) return undefined;
        return plural ? { type: PLURAL, value: name, options, offset: 0, pluralType: 'cardinal' } : { type: SELECT, value: name, options };
    };

    const out = elements(false, false);
    return out as MessageElements | undefined;
}
