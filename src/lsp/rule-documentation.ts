/**
 * Links from rule ids to their documentation that open without internet: the
 * `### <rule-id>` section of the `docs/rules.md` shipped beside the server
 * (in the .vsix and in the package), as a `file:` URI with the section's line
 * (`#L12`), which the editor opens at that line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `docs/rules.md` beside the running code: `dist/server.cjs` → `../docs`, `src/lsp/*.ts` → `../../docs`. */
export function findRulesDocument(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
    for (const candidate of [resolve(from, '../docs/rules.md'), resolve(from, '../../docs/rules.md')]) {
        if (existsSync(candidate)) return candidate;
    }
    return undefined;
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
