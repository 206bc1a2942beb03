/**
 * `coord … --locale` and the environment: the examples give the same findings
 * (rule ids, lines, columns) in every locale, the message text changes, the
 * machine-readable field names stay English, and a Spanish or Portuguese
 * output holds no English sentence of the catalogue.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, runCoord } from './process-run.js';
import { CATALOGUE, type Locale, type MessageKey } from '../../src/i18n/index.js';

const EXAMPLES = path.join(ROOT, 'examples');

interface JsonFinding { rule: string; line: number; column: number; message: string; file: string }

beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
}, 120_000);

async function findings(args: string[], env: NodeJS.ProcessEnv = {}): Promise<JsonFinding[]> {
    const run = await runCoord(EXAMPLES, ['check', '.', '--format', 'json', ...args], { env });
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
}

const where = (fs: JsonFinding[]) => fs.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}`);

/**
 * The English sentences of the catalogue: each message cut at its placeholders
 * and punctuation into runs of at least four words (`is anchored in the
 * ministry of agriculture`), which no translated output may contain.
 */
function englishSentences(): string[] {
    const runs = new Set<string>();
    for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
        if (CATALOGUE.es[key] === CATALOGUE.en[key]) continue; // the same in both (a code span, a name)
        for (const part of CATALOGUE.en[key].split(/\{[^{}]*\}|`[^`]*`|[;:,.()"“”«»—?!]|''/)) {
            const words = part.trim().split(/\s+/).filter(Boolean);
            if (words.length >= 4 && words.every(w => /^[A-Za-z'-]+$/.test(w))) runs.add(words.join(' '));
        }
    }
    return [...runs];
}

describe('coord check --locale', () => {
    test('the examples give the same findings in en, es and pt-BR; only the text differs', async () => {
        const en = await findings([]);
        const es = await findings(['--locale', 'es']);
        const pt = await findings(['--locale=pt-BR']);
        expect(en.length).toBeGreaterThan(10);
        expect(where(es)).toEqual(where(en));
        expect(where(pt)).toEqual(where(en));
        for (let i = 0; i < en.length; i++) {
            expect(es[i].message, where([en[i]])[0]).not.toBe(en[i].message);
            expect(pt[i].message, where([en[i]])[0]).not.toBe(en[i].message);
        }
    });

    test.each(['es', 'pt-BR'] as Locale[])('a %s report holds no English sentence of the catalogue', async locale => {
        // User text (titles, notes: the examples quote the brief) stays as written; only Coord's own words must change.
        const specs = fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.coord')).map(f => fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).join('\n');
        const sentences = englishSentences().filter(s => !specs.includes(s));
        expect(sentences.length).toBeGreaterThan(100);
        expect(sentences).toContain('is anchored in the ministry of agriculture');
        const stylish = await runCoord(EXAMPLES, ['check', '.', '--locale', locale]);
        const explain = await runCoord(EXAMPLES, ['rules', 'local-roles', '--locale', locale]);
        const catalogue = await runCoord(EXAMPLES, ['rules', '--locale', locale]);
        const markdown = await runCoord(EXAMPLES, ['summary', '.', '--locale', locale]);
        const html = await runCoord(EXAMPLES, ['summary', '.', '--format', 'html', '--locale', locale]);
        const help = await runCoord(EXAMPLES, ['check', '--help', '--locale', locale]);
        expect(html.stdout).toContain(`<html lang="${locale}">`);
        for (const output of [stylish.stdout, explain.stdout, catalogue.stdout, markdown.stdout, html.stdout, help.stdout]) {
            expect(output.length).toBeGreaterThan(100);
            expect(sentences.filter(s => output.includes(s))).toEqual([]);
        }
        // The check is not vacuous: the English outputs hold them.
        const english = await runCoord(EXAMPLES, ['check', '.']);
        expect(sentences.filter(s => english.stdout.includes(s)).length).toBeGreaterThan(5);
        const englishReport = await runCoord(EXAMPLES, ['summary', '.', '--format', 'html']);
        expect(sentences.filter(s => englishReport.stdout.includes(s)).length).toBeGreaterThan(5);
    });

    test('the environment chooses when --locale is absent: LC_ALL, then LC_MESSAGES, then LANG', async () => {
        const first = (fs: JsonFinding[]) => fs.find(f => f.rule === 'local-roles')!.message;
        expect(first(await findings([], { LANG: 'es_CO.UTF-8' }))).toMatch(/^la coordinación/);
        expect(first(await findings([], { LANG: 'es_CO.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8' }))).toMatch(/^a coordenação/);
        expect(first(await findings([], { LC_ALL: 'C.UTF-8', LANG: 'es_CO.UTF-8' }))).toMatch(/^coordination/);
        expect(first(await findings(['--locale', 'en'], { LANG: 'es_CO.UTF-8' }))).toMatch(/^coordination/);
    });

    test('SARIF declares the language; rule ids and field names stay English', async () => {
        const run = await runCoord(EXAMPLES, ['check', '.', '--format', 'sarif', '--locale', 'es']);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.runs[0].language).toBe('es');
        expect(sarif.runs[0].tool.driver.language).toBe('es');
        const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'budget-incentive');
        expect(rule.shortDescription.text).toBe('Una coordinación no tiene `incentive budget`.');
        expect(sarif.runs[0].results[0].ruleId).toMatch(/^[a-z-]+$/);
        const english = JSON.parse((await runCoord(EXAMPLES, ['check', '.', '--format', 'sarif'])).stdout);
        expect(english.runs[0].language).toBe('en');
    });

    test('an unknown or missing locale is a usage error naming the locales', async () => {
        const unknown = await runCoord(EXAMPLES, ['check', '.', '--locale', 'fr']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toBe("coord check: unknown locale 'fr' (Coord speaks en, es, pt-BR)\n");
        const missing = await runCoord(EXAMPLES, ['rules', '--locale']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain("option '--locale <locale>' argument missing");
    });

    test('--locale after -- is a path, not the option', async () => {
        const run = await runCoord(EXAMPLES, ['check', '--', '--locale']);
        expect(run.code).toBe(2);
        expect(run.stderr).not.toContain('unknown locale');
    });

    test('the help lists --locale', async () => {
        const run = await runCoord(EXAMPLES, ['check', '--help']);
        expect(run.stdout).toContain('--locale <locale>');
    });
});

describe('the README in each language shows the findings Coord prints', () => {
    test.each([['README.es.md', 'es'], ['README.pt-BR.md', 'pt-BR']])('%s', async (file, locale) => {
        const readme = fs.readFileSync(path.join(ROOT, file), 'utf8');
        const quoted = readme.split('\n').filter(l => l.startsWith('examples/mexico.coord:'));
        expect(quoted).toHaveLength(3);
        const run = await runCoord(ROOT, ['check', 'examples', '--locale', locale]);
        for (const line of quoted) expect(run.stdout.split('\n')).toContain(line);
    });
});
