/**
 * The CLI's own words in Spanish and Portuguese: `coord --help` and every
 * command's help, usage errors (Node's parseArgs's too), file read errors,
 * coord.config.json problems and syntax errors (the parser's, the lexer's and
 * the mistakes Coord repairs). Each case runs the real `coord` in en, es and
 * pt-BR: es and pt-BR hold no English sentence of the catalogue, English
 * does (so the check can fail), and the exit status is the same.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, runCoord } from './process-run.js';
import { CATALOGUE, t, type Locale, type MessageKey } from '../../src/i18n/index.js';
import { FRONT_MESSAGES, formatFront, type FrontKey } from '../../src/i18n/messages/front.js';

let dir: string;

beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-locale-'));
    const write = (name: string, text: string | Buffer) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    };
    write('ok/a.coord', 'programme A "A" { country Peru sector productive }\n');
    write('syntax/a.coord', 'programme A "A" { country Peru sector productive\n');
    write('lexer/a.coord', 'programme A "A" { country Peru sector productive }\n@\n');
    write('repaired/a.coord', 'programme A "A" { country Peru; sector productive }\n# a comment\n');
    write('binary/a.coord', Buffer.from([0x70, 0, 0x72]));
    write('latin1/a.coord', Buffer.from('programme A "Haku Wi\xf1ay" { }\n', 'latin1'));
    write('json/coord.config.json', '{ "rules": { "local-roles": "error" }, }');
    write('json/a.coord', 'programme A "A" { country Peru sector productive }\n');
    write('key/coord.config.json', '{ "rulez": {} }');
    write('key/a.coord', 'programme A "A" { country Peru sector productive }\n');
    write('severity/coord.config.json', '{ "rules": { "local-roles": "loud" } }');
    write('severity/a.coord', 'programme A "A" { country Peru sector productive }\n');
    write('empty/readme.txt', 'no spec here\n');
}, 180_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs coord in `dir` with `--locale` (or, with `env`, the environment alone). */
async function run(args: readonly string[], locale: Locale, how: 'option' | 'env' = 'option') {
    const r = how === 'option'
        ? await runCoord(dir, [...args, '--locale', locale])
        : await runCoord(dir, args, { env: { LANG: `${locale.replace('-', '_')}.UTF-8` } });
    return { code: r.code, out: r.stdout + r.stderr };
}

/**
 * The English runs of the CLI's messages (`cli.*`, `config.*`, `syntax.*`, `repair.*`):
 * each cut at placeholders, code and punctuation into runs of at least three words.
 */
function englishRuns(): string[] {
    const runs = new Set<string>();
    for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
        if (!/^(cli|config|syntax|repair|kind)\./.test(key) || CATALOGUE.es[key] === CATALOGUE.en[key]) continue;
        for (const part of CATALOGUE.en[key].split(/\{[^{}]*\}|`[^`]*`|[;:,.()"“”«»—?!\n]|''|'[^' ]*'|\s-\S+|\s{2,}/)) {
            const words = part.trim().split(/\s+/).filter(Boolean);
            // Runs of prose: not a command line of an example (`coord check evidence.coord`).
            if (words.length >= 3 && words[0] !== 'coord' && words.every(w => /^[A-Za-z-]+$/.test(w) && !w.startsWith('-'))) runs.add(words.join(' '));
        }
    }
    return [...runs];
}
const RUNS = englishRuns();
const englishIn = (text: string) => RUNS.filter(r => text.includes(r));

/** Every case: its arguments; the exit status every locale gives. */
const CASES: Array<[string, string[], number]> = [
    ['coord --help', ['--help'], 0],
    ['coord (no command)', [], 2],
    ['an unknown command', ['chek'], 2],
    ['coord check --help', ['check', '--help'], 0],
    ['coord summary --help', ['summary', '--help'], 0],
    ['coord format --help', ['format', '--help'], 0],
    ['coord init --help', ['init', '--help'], 0],
    ['coord completion --help', ['completion', '--help'], 0],
    ['coord rules --help', ['rules', '--help'], 0],
    ['coord lsp --help', ['lsp', '--help'], 0],
    ['a bad --socket', ['lsp', '--socket=99999'], 2],
    ['an unknown option', ['check', '--colour'], 2],
    ['an option without its value', ['check', 'ok', '--format'], 2],
    ['a missing path', ['check', 'nowhere'], 2],
    ['a folder without specs', ['check', 'empty'], 2],
    ['a binary file', ['check', 'binary'], 2],
    ['a file that is not UTF-8', ['check', 'latin1'], 2],
    ['invalid JSON in coord.config.json', ['check', 'json'], 2],
    ['an unknown key in coord.config.json', ['check', 'key'], 2],
    ['an unknown severity in coord.config.json', ['check', 'severity'], 2],
    ['a bad --fail-on', ['check', 'ok', '--fail-on', 'never'], 2],
    ['an unknown rule', ['rules', 'local-role'], 2],
    ['a shell that is not one', ['completion', 'tcsh'], 2],
    ['a syntax error (the parser)', ['check', 'syntax'], 1],
    ['a syntax error (the lexer)', ['check', 'lexer'], 1],
    ['repaired mistakes (`;`, `#`)', ['check', 'repaired'], 1],
    ['format of a file that does not parse', ['format', '--check', 'syntax'], 2],
];

describe('the CLI speaks the locale', () => {
    test('the catalogue gives the check enough English to find', () => {
        expect(RUNS.length).toBeGreaterThan(150);
        expect(RUNS).toEqual(expect.arrayContaining(['show this help', 'no such file or folder', 'cannot be part of a name']));
    });

    test.each(CASES)('%s: es and pt-BR hold no English of the catalogue; en does', async (_, args, code) => {
        const en = await run(args, 'en');
        const es = await run(args, 'es');
        const pt = await run(args, 'pt-BR');
        expect([en.code, es.code, pt.code]).toEqual([code, code, code]);
        expect(en.out.length).toBeGreaterThan(10);
        expect(englishIn(es.out), es.out).toEqual([]);
        expect(englishIn(pt.out), pt.out).toEqual([]);
        expect(es.out).not.toBe(en.out);
        expect(pt.out).not.toBe(en.out);
    }, 60_000);

    test('English output holds the runs (the check can fail)', async () => {
        const outputs = await Promise.all(CASES.map(([, args]) => run(args, 'en')));
        const found = new Set(outputs.flatMap(o => englishIn(o.out)));
        expect(found.size).toBeGreaterThan(40);
    }, 120_000);

    test('the environment chooses the front\'s language too; --locale before the command goes to the command', async () => {
        expect((await run(['--help'], 'es', 'env')).out).toContain('Uso: coord <comando> [opciones]');
        expect((await run(['chek'], 'pt-BR', 'env')).out).toBe("coord: comando desconhecido: \"chek\"; execute 'coord --help' para ver a lista\n");
        const before = await runCoord(dir, ['--locale', 'es', 'check', 'syntax']);
        expect(before.code).toBe(1);
        expect(before.stdout).toContain("falta '}'");
        const alone = await runCoord(dir, ['--locale=pt-BR']);
        expect(alone.code).toBe(2);
        expect(alone.stdout).toContain('Uso: coord <comando> [opções]');
    }, 60_000);

    test('a bad --locale is reported in the environment\'s language', async () => {
        const r = await runCoord(dir, ['check', 'ok', '--locale', 'fr'], { env: { LANG: 'es_CO.UTF-8' } });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('coord check: idioma desconocido: «fr» (Coord habla en, es, pt-BR)\n');
    });

    test('syntax errors keep tokens and keywords as written, in the locale\'s frame', async () => {
        const es = await run(['check', 'syntax', '--format', 'json'], 'es');
        const pt = await run(['check', 'syntax', '--format', 'json'], 'pt-BR');
        const en = await run(['check', 'syntax', '--format', 'json'], 'en');
        const message = (out: string) => (JSON.parse(out) as { diagnostics: Array<{ rule: string; message: string }> }).diagnostics.find(d => d.rule === 'syntax')!.message;
        expect(message(en.out)).toMatch(/^missing '\}': the '\{' on line 1 is not closed$/);
        expect(message(es.out)).toBe("falta '}': la '{' de la línea 1 no está cerrada");
        expect(message(pt.out)).toBe("falta '}': a '{' da linha 1 não está fechada");
    });
});

describe('the front\'s messages', () => {
    test('formatFront prints what the catalogue\'s formatter prints, in every locale', () => {
        const values = { command: "it's {x}", message: 'm', how: 'h', code: 3, value: '"1"', option: '--pipe', example: '--pipe=NAME' };
        for (const locale of Object.keys(FRONT_MESSAGES) as Locale[]) {
            for (const key of Object.keys(FRONT_MESSAGES.en) as FrontKey[]) {
                expect(formatFront(locale, key, values), `${locale} ${key}`).toBe(t(key, values, locale));
            }
        }
    });
});
