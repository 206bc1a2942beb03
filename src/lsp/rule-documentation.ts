/**
 * Links from rule ids to their documentation that open without internet: the
 * `### <rule-id>` section of the `docs/rules.md` shipped beside the server
 * (in the .vsix and in the package), as a `file:` URI with the section's line
 * (`#L12`), which the editor opens at that line. In Spanish and Portuguese the
 * links go to `docs/es/rules.md` and `docs/pt-BR/rules.md` (the same sections,
 * generated from the catalogue), in the locale of the request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getLocale, type Locale } from '../i18n/index.js';

/**
 * `docs/rules.md` beside the running code: `dist/server.cjs` → `../docs`, `src/lsp/*.ts` → `../../docs`;
 * for `es` and `pt-BR`, `docs/<locale>/rules.md` when it is there (else the English one).
 */
export function findRulesDocument(from = dirname(fileURLToPath(import.meta.url)), locale: Locale = 'en'): string | undefined {
    const names = locale === 'en' ? ['rules.md'] : [`${locale}/rules.md`, 'rules.md'];
    for (const name of names) {
        for (const candidate of [resolve(from, '../docs', name), resolve(from, '../../docs', name)]) {
            if (existsSync(candidate)) return candidate;
        }
    }
    return undefined;
}

/** Rule id → link, in the current locale's documentation (each locale's file read once, on first use). */
export function localizedRuleDocumentation(from?: string): (rule: string) => string | undefined {
    const links = new Map<Locale, (rule: string) => string | undefined>();
    return rule => {
        const locale = getLocale();
        let link = links.get(locale);
        if (!link) links.set(locale, link = ruleDocumentationLinks(findRulesDocument(from, locale)));
        return link(rule);
    };
}

/** Rule id → URI of its section, read from the Markdown of `file`; undefined for a rule it has no section for. */
export function ruleDocumentationLinks(file: string | undefined): (rule: string) => string | undefined {
    if (!file) return () => undefined;
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch {
        return () => undefined;
    }
    const base = pathToFileURL(file).toString();
    const lines = new Map<string, number>();
    text.split(/\r?\n/).forEach((line, i) => {
        const m = /^###\s+`?([a-z][a-z0-9-]*)`?\s*$/.exec(line);
        if (m && !lines.has(m[1])) lines.set(m[1], i + 1);
    });
    return rule => {
        const line = lines.get(rule);
        return line === undefined ? undefined : `${base}#L${line}`;
    };
}
