/**
 * The import invariants of ARCHITECTURE.md, checked on every source file:
 * the core (language, analysis, validation) and the CLI never import editor
 * code; only `src/extension` imports `vscode`; lower layers never import
 * higher ones.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
    });
}

function importsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const specifiers: string[] = [];
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) specifiers.push(m[1]);
    for (const m of text.matchAll(/(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(m[1]);
    for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specifiers.push(m[1]);
    return specifiers;
}

/** The top folder under src/ that a file or a relative import lands in. */
function layerOf(file: string): string {
    return relative(SRC, file).split(/[\\/]/)[0];
}

const EDITOR_PACKAGES = [/^vscode$/, /^vscode-languageclient/, /^langium\/lsp/, /^vscode-languageserver(\/|$)/];

/** Which src/ folders each folder may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
    // i18n: the message catalogue, below every layer that speaks to a user; it imports nothing of src/.
    i18n: [],
    language: ['i18n'],
    analysis: ['language', 'i18n', 'shared'], // shared: the declaration templates (plain data)
    validation: ['language', 'analysis', 'i18n'],
    cli: ['language', 'analysis', 'validation', 'i18n'],
    lsp: ['language', 'analysis', 'validation', 'shared', 'i18n'], // shared: the typed custom messages
    extension: ['shared'],
    shared: [],
    playground: [], // talks to the language server in its worker, never to the core
};

/**
 * The composition root of the core: the one file that wires the services of
 * every core layer together (Langium's dependency injection). It may import
 * any core layer; nothing else reaches upward.
 */
const COMPOSITION_ROOTS: Record<string, string[]> = {
    [join('src', 'language', 'coord-module.ts')]: ['analysis', 'validation'],
};

const files = sourceFiles(SRC).filter(f => !f.includes(`${join('language', 'generated')}`));

describe('import invariants', () => {
    test('there are source files to check', () => {
        expect(files.length).toBeGreaterThan(10);
    });

    for (const file of files) {
        const rel = relative(ROOT, file);
        const layer = layerOf(file);
        test(`${rel} respects its layer`, () => {
            for (const spec of importsOf(file)) {
                if (spec.startsWith('.')) {
                    const target = resolve(dirname(file), spec);
                    const targetLayer = layerOf(target);
                    if (targetLayer !== layer) {
                        const allowed = [...(ALLOWED[layer] ?? []), ...(COMPOSITION_ROOTS[rel] ?? [])];
                        expect(allowed, `${rel} imports ${spec} (${targetLayer})`).toContain(targetLayer);
                    }
                } else if (layer !== 'lsp' && layer !== 'extension') {
                    for (const p of EDITOR_PACKAGES) expect(spec, `${rel} must not import editor package ${spec}`).not.toMatch(p);
                } else if (layer === 'lsp') {
                    expect(spec, `${rel}: only src/extension imports vscode`).not.toMatch(/^vscode(-languageclient)?$/);
                }
            }
        });
    }

    test('the composition roots exist (so no exception outlives its file)', () => {
        for (const root of Object.keys(COMPOSITION_ROOTS)) expect(files.map(f => relative(ROOT, f))).toContain(root);
    });

    test('the catalogue imports no node: module (the browser build uses it)', () => {
        for (const file of files.filter(f => layerOf(f) === 'i18n')) {
            for (const spec of importsOf(file)) expect(spec, relative(ROOT, file)).not.toMatch(/^(node:|fs$|path$|os$)/);
        }
        expect(files.some(f => layerOf(f) === 'i18n')).toBe(true);
    });

    test('the import scanner finds imports (so no check passes on an empty list)', () => {
        const browser = importsOf(join(SRC, 'lsp', 'browser-main.ts'));
        expect(browser).toContain('vscode-languageserver/browser');
        // A self-test, so that a broken regex cannot make every check pass vacuously.
        const specs = importsOf(join(SRC, 'extension', 'language-client.ts'));
        expect(specs).toContain('vscode-languageclient/node');
    });
});

/**
 * The browser entries (the web extension, its worker server, the playground) and every
 * module they reach through relative imports: no `node:` module, no Node-only package.
 * esbuild's browser build would fail too, but only when run; this names the file.
 */
const BROWSER_ENTRIES = ['lsp/browser-entry.ts', 'extension/browser-extension.ts', 'playground/main.ts'];
const NODE_ONLY = [/^node:/, /^(fs|path|os|child_process|crypto|util|url|worker_threads|http|net|stream)$/, /\/node$/, /^langium\/node/];

function browserClosure(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const spec of importsOf(file)) {
            if (!spec.startsWith('.')) continue;
            const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
            visit(target);
        }
    };
    visit(join(SRC, entry));
    return [...seen];
}

describe('the browser path imports nothing of Node', () => {
    for (const entry of BROWSER_ENTRIES) {
        test(`${entry} and what it imports`, () => {
            const closure = browserClosure(entry);
            if (entry.startsWith('lsp')) {
                // The worker server runs the core itself: the rules, the summary, the formatter.
                for (const core of ['validation/registry.ts', 'analysis/summary.ts', 'analysis/summary-render/html.ts', 'validation/config.ts']) {
                    expect(closure.map(f => relative(SRC, f))).toContain(core);
                }
            }
            for (const file of closure) {
                for (const spec of importsOf(file)) {
                    for (const p of NODE_ONLY) expect(spec, `${relative(ROOT, file)} (reached from ${entry}) imports ${spec}`).not.toMatch(p);
                }
            }
        });
    }
});
