/**
 * The CLI bundle's catalogues are evaluated when Coord is built
 * (scripts/build-plugins.mjs, `cataloguesAsData`): each of
 * src/i18n/messages/{en,es,pt-BR}.ts becomes one JSON text given to
 * JSON.parse. The messages must be the same, key for key and in the same
 * order, as the catalogues give when their code runs; a catalogue that exports
 * anything but objects of strings must fail the build instead of losing it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cataloguesAsData } from '../../scripts/build-plugins.mjs';
import { CATALOGUE } from '../../src/i18n/index.js';

const ROOT = resolve(__dirname, '../..');
const ENTRY = `export { CATALOGUE, t, setLocale } from './src/i18n/index.js';`;

interface I18n {
    CATALOGUE: Record<string, Record<string, string>>;
    t(key: string, values?: Record<string, unknown>): string;
    setLocale(locale: string): void;
}

let dir: string;
let patched: { module: I18n; source: string };
let plain: { module: I18n; source: string };

async function bundle(name: string, plugins: esbuild.Plugin[]): Promise<{ module: I18n; source: string }> {
    const outfile = join(dir, `${name}.cjs`);
    await esbuild.build({
        stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile,
        mainFields: ['module', 'main'], plugins, logLevel: 'error',
    });
    return { module: createRequire(outfile)(outfile) as I18n, source: readFileSync(outfile, 'utf8') };
}

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coord-catalogues-'));
    patched = await bundle('patched', [cataloguesAsData]);
    plain = await bundle('plain', []);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the bundled catalogues are JSON texts, not the catalogues\' code', () => {
    // The English catalogue quotes the brief through q(); its code is not in the bundle, its result is.
    expect(plain.source).toContain('.replace(/[{}]/g');
    expect(patched.source).not.toContain('.replace(/[{}]/g');
    expect(patched.source.match(/JSON\.parse\('\{"cli\.front\.tagline"/g)).toHaveLength(3);
});

test('every locale has the same messages, in the same order, as the catalogues\' code gives', () => {
    const locales = Object.keys(CATALOGUE);
    expect(locales).toEqual(['en', 'es', 'pt-BR']);
    for (const locale of locales) {
        const expected = (CATALOGUE as Record<string, Record<string, string>>)[locale];
        for (const bundled of [patched.module.CATALOGUE[locale], plain.module.CATALOGUE[locale]]) {
            expect(Object.keys(bundled)).toEqual(Object.keys(expected));
            expect(bundled).toEqual(expected);
        }
        expect(Object.keys(expected).length).toBeGreaterThan(500);
    }
});

test('messages format the same from the bundled catalogues', () => {
    for (const locale of ['en', 'es', 'pt-BR']) {
        for (const { module } of [patched, plain]) module.setLocale(locale);
        for (const [key, values] of [['cli.count.summary', { counts: '2 errors', files: 3 }], ['cli.count.summary', { counts: '1 hint', files: 1 }], ['list.more', { list: 'a, b', count: 1234 }]] as const) {
            expect(patched.module.t(key, values)).toBe(plain.module.t(key, values));
        }
        const quoted = Object.keys(CATALOGUE.en).find(key => key.startsWith('lesson.') && key.endsWith('.quote'))!;
        expect(patched.module.t(quoted)).toBe(plain.module.t(quoted));
    }
});

test('a catalogue that exports code fails the build, naming the file', async () => {
    const fake = join(dir, 'fake');
    mkdirSync(join(fake, 'src', 'i18n', 'messages'), { recursive: true });
    writeFileSync(join(fake, 'src', 'i18n', 'messages', 'es.ts'), 'export const es = { a: "b" };\nexport function pick(k: string) { return k; }\n');
    await expect(esbuild.build({
        entryPoints: [join(fake, 'src', 'i18n', 'messages', 'es.ts')], bundle: true, write: false, format: 'cjs', platform: 'node',
        plugins: [cataloguesAsData], logLevel: 'silent',
    })).rejects.toThrow(/es\.ts exports pick, which is not an object of strings/);
    writeFileSync(join(fake, 'src', 'i18n', 'messages', 'es.ts'), 'export const es = { a: "b", n: 1 };\n');
    await expect(esbuild.build({
        entryPoints: [join(fake, 'src', 'i18n', 'messages', 'es.ts')], bundle: true, write: false, format: 'cjs', platform: 'node',
        plugins: [cataloguesAsData], logLevel: 'silent',
    })).rejects.toThrow(/es\.ts exports es, which is not an object of strings/);
});
