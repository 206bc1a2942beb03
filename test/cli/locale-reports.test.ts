/**
 * The last English texts of the CLI in Spanish and Portuguese (issue 20): the
 * comments of the starter spec `coord init` writes, the github reporter's
 * summary line and title, the JUnit report's word for a suppressed finding,
 * and what JSON.parse says about a broken coord.config.json. Each runs the
 * real `coord` in en, es and pt-BR: es and pt-BR hold none of the English
 * text, English does (so each check can fail), and what machines read (rule
 * ids, lines, paths, XML structure, exit status) is the same in every locale.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, removeScratch, runCoord, scratch } from './process-run.js';
import { CATALOGUE, LOCALES, type Locale, type MessageKey } from '../../src/i18n/index.js';

const SPEC = `programme SP { country X sector social-protection }
programme PR { country X sector productive ministry agriculture }
evaluation E { method rct risk-of-bias low }
coordination C { between SP, PR political-support strong incentive budget local { role "r" capacity "c" } }
effects of SP + PR from E {
  // coord-disable-next-line conflicting-effects -- two survey rounds
  + mild_food_insecurity
  - mild_food_insecurity
}
`;

/** Broken configurations: each a failure JSON.parse reports in its own English words. */
const BAD_CONFIGS: Record<string, string> = {
    'trailing-comma': '{ "rules": { "local-roles": "error" }, }',
    'single-quotes': "{\n  'rules': {}\n}",
    'unterminated-string': '{\n  "rules": {\n    "local-roles": "error\n',
    'end-of-input': '{ "rules": {',
    'missing-colon': '{\n  "rules" {}\n}',
    'missing-comma': '{\n  "rules": {}\n  "root": true\n}',
    'array-comma': '{ "ignore": ["a" "b"] }',
    'bad-escape': '{ "ignore": ["\\q"] }',
    'control-character': '{ "ignore": ["a\tb"] }',
    'after-json': '{ "root": true } x',
    'bad-literal': '{ "root": tru }',
    'bad-number': '{ "root": - }',
    'empty': '',
};

let dir: string;

beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-locale-reports-');
    fs.mkdirSync(path.join(dir, 'spec'));
    fs.writeFileSync(path.join(dir, 'spec', 'a.coord'), SPEC);
    for (const [name, text] of Object.entries(BAD_CONFIGS)) {
        fs.mkdirSync(path.join(dir, 'config', name), { recursive: true });
        fs.writeFileSync(path.join(dir, 'config', name, 'coord.config.json'), text);
        fs.writeFileSync(path.join(dir, 'config', name, 'a.coord'), 'programme A "A" { country Peru sector productive }\n');
    }
}, 180_000);

afterAll(() => {
    if (dir) removeScratch(dir);
});

const run = (cwd: string, args: readonly string[], locale: Locale) => runCoord(cwd, [...args, '--locale', locale]);

/** The English words of these keys (runs of two words or more between punctuation and placeholders). */
function englishOf(pattern: RegExp): string[] {
    const runs = new Set<string>();
    for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
        if (!pattern.test(key)) continue;
        for (const part of CATALOGUE.en[key].split(/\{[^{}]*\}|''[^']*''|[;:,.()"?\n]/)) {
            // A word that is not plain English (a name with an apostrophe, code) ends a run.
            let words: string[] = [];
            for (const word of [...part.trim().split(/\s+/), '']) {
                if (/^[A-Za-z-]+$/.test(word) && !/^(Testland|Lumen|Sorgo|Coord|coord)$/.test(word)) words.push(word);
                else {
                    if (words.length >= 2) runs.add(words.join(' '));
                    words = [];
                }
            }
        }
    }
    return [...runs];
}

describe('coord init: the starter spec is commented in the locale', () => {
    const STARTER_RUNS = englishOf(/^starter\./);

    test('es and pt-BR comments hold no English of the catalogue; the declarations and findings are the same', async () => {
        expect(STARTER_RUNS.length).toBeGreaterThan(8);
        const specs: Partial<Record<Locale, string>> = {};
        const findings: Partial<Record<Locale, unknown>> = {};
        for (const locale of LOCALES) {
            const folder = path.join(dir, `init-${locale}`);
            const r = await run(dir, ['init', folder], locale);
            expect(r.code, r.stderr).toBe(0);
            const spec = fs.readFileSync(path.join(folder, 'starter.coord'), 'utf8');
            specs[locale] = spec;
            const comments = spec.split('\n').filter(line => line.startsWith('//')).join('\n');
            const english = STARTER_RUNS.filter(run => comments.includes(run));
            if (locale === 'en') expect(english).toEqual(STARTER_RUNS);
            else expect(english, locale).toEqual([]);
            const check = await run(folder, ['check', '--format', 'json'], locale);
            expect(check.code, check.stderr).toBe(0);
            const report = JSON.parse(check.stdout) as { diagnostics: Array<{ rule: string; line: number; column: number; severity: string }>; counts: unknown };
            findings[locale] = { counts: report.counts, at: report.diagnostics.map(d => [d.rule, d.line, d.column, d.severity]) };
        }
        // Same lines, same declarations: only the text after `//` differs.
        const code = (text: string) => text.split('\n').map(line => (line.startsWith('//') ? '//' : line));
        expect(code(specs.es!)).toEqual(code(specs.en!));
        expect(code(specs['pt-BR']!)).toEqual(code(specs.en!));
        expect(specs.es).not.toEqual(specs.en);
        expect(findings.es).toEqual(findings.en);
        expect(findings['pt-BR']).toEqual(findings.en);
    }, 120_000);
});

describe('github and junit reports: their human text follows the locale', () => {
    // (`1 error` is Spanish too.)
    const COUNT_WORDS = /\b\d+ (errors|warnings?|hints?|suppressed|files?)\b|error\(s\)|not checked/;

    test('the github summary line and the title of a path not checked', async () => {
        for (const locale of LOCALES) {
            const r = await run(dir, ['check', 'spec', 'missing', '--format', 'github'], locale);
            expect(r.code, locale).toBe(2);
            const last = r.stdout.trimEnd().split('\n').pop()!;
            expect(last.startsWith('coord: ')).toBe(true);
            // Rule ids and workflow-command fields stay as they are.
            expect(r.stdout).toMatch(/^::error file=spec\/a\.coord,line=8,col=3,.*title=coord conflicting-effects::/m);
            expect(r.stdout).toMatch(/^::error title=coord%3A [^:]+::/m);
            if (locale === 'en') {
                expect(last).toBe('coord: 1 error, 0 warnings, 0 info, 0 hints, 1 suppressed in 1 file');
                expect(r.stdout).toContain('title=coord%3A not checked::');
            } else {
                expect(r.stdout, locale).not.toMatch(COUNT_WORDS);
                expect(last).toMatch(locale === 'es' ? /^coord: 1 error, 0 advertencias, .* en 1 archivo$/ : /^coord: 1 erro, .* em 1 arquivo$/);
            }
        }
    }, 120_000);

    test('JUnit: the word for a suppressed finding; ids, paths and the XML the same in every locale', async () => {
        const structure: Partial<Record<Locale, string>> = {};
        for (const locale of LOCALES) {
            const r = await run(dir, ['check', 'spec', '--format', 'junit', '--fail-on', 'info'], locale);
            expect(r.code, locale).toBe(1);
            expect(r.stdout).toContain('<failure message="8:3 ');
            expect(r.stdout).toContain('type="conflicting-effects"');
            expect(r.stdout).toMatch(/<system-out>spec\/a\.coord:7:3 error, [^\n]* \[conflicting-effects\] /);
            if (locale === 'en') expect(r.stdout).toContain('error, suppressed: two survey rounds [conflicting-effects]');
            else expect(r.stdout, locale).not.toMatch(/suppressed/);
            // Element names, attribute names and the rule ids: the same bytes once texts are set aside.
            structure[locale] = r.stdout.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, '><');
        }
        expect(structure.es).toEqual(structure.en);
        expect(structure['pt-BR']).toEqual(structure.en);
    }, 120_000);
});

describe('coord.config.json that JSON.parse rejects', () => {
    /** The words V8 uses for these failures. */
    const PARSER_ENGLISH = /Unexpected|Expected|Unterminated|JSON input|JSON at|position|not valid JSON|string literal|escaped|minus sign|the JSON parser says/;

    for (const [name, text] of Object.entries(BAD_CONFIGS)) {
        test(`${name}: es and pt-BR say it in their words, at the same line and column as the parser`, async () => {
            const cwd = path.join(dir, 'config', name);
            let parserSaid = '';
            try {
                JSON.parse(text);
            } catch (e) {
                parserSaid = (e as Error).message;
            }
            expect(parserSaid).not.toBe('');
            const position = /position (\d+)/.exec(parserSaid);
            for (const locale of LOCALES) {
                const r = await run(cwd, ['check'], locale);
                expect(r.code, locale).toBe(2);
                const out = r.stdout + r.stderr;
                expect(out).toContain('coord.config.json');
                if (locale === 'en') {
                    expect(out).toContain(parserSaid);
                    continue;
                }
                expect(out, `${locale}: ${out}`).not.toMatch(PARSER_ENGLISH);
                if (position) {
                    const before = text.slice(0, Number(position[1])).split('\n');
                    const where = locale === 'es'
                        ? `en la línea ${before.length}, columna ${before[before.length - 1].length + 1}`
                        : `na linha ${before.length}, coluna ${before[before.length - 1].length + 1}`;
                    expect(out, out).toContain(where);
                }
            }
        }, 60_000);
    }
});
