/**
 * The locales Coord speaks and how one is chosen. No `node:` import: the
 * browser build (the preview, a web extension) uses this module too.
 *
 * The order of choice (first that names a known locale wins, else English):
 * an explicit choice (`coord … --locale`, the LSP `initialize` `locale`,
 * VS Code's `vscode.env.language`), then the POSIX environment in its own
 * order of precedence: `LC_ALL`, `LC_MESSAGES`, `LANG`.
 */

/** Every locale of the catalogue; `en` is the source and the fallback. */
export const LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = typeof LOCALES[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The catalogue's locale for a BCP 47 tag (`es-CO`, `pt-br`) or a POSIX
 * locale name (`es_MX.UTF-8`, `pt_BR@euro`); `undefined` when Coord does
 * not speak it (`fr`, `C`, `POSIX`, an empty or malformed value). Any Spanish
 * is `es` (neutral Latin-American); any Portuguese is `pt-BR`.
 */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
    if (typeof tag !== 'string') return undefined;
    const base = tag.trim().split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
    const language = base.split('-')[0];
    if (language === 'en') return 'en';
    if (language === 'es') return 'es';
    if (language === 'pt') return 'pt-BR';
    return undefined;
}

/** The environment variables read, in their order of precedence. */
export const LOCALE_ENV_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The locale the environment asks for. As in POSIX, the first of `LC_ALL`,
 * `LC_MESSAGES`, `LANG` that is set and not empty decides, even when it names
 * a locale Coord does not speak (`LC_ALL=fr_FR` over `LANG=es_CO` gives English).
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale | undefined {
    for (const name of LOCALE_ENV_VARIABLES) {
        const value = env[name];
        if (value) return matchLocale(value);
    }
    return undefined;
}

/**
 * The locale of a run: an explicit choice (not empty) decides — English when
 * Coord does not speak it, as the editor asked for a language, not for the
 * shell's —, else the environment's, else English.
 */
export function chooseLocale(explicit: string | undefined, env: Readonly<Record<string, string | undefined>> = {}): Locale {
    if (explicit) return matchLocale(explicit) ?? DEFAULT_LOCALE;
    return localeFromEnv(env) ?? DEFAULT_LOCALE;
}
