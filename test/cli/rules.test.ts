/** `coord rules`: the catalogue in Markdown (default, the text of docs/rules.md) or JSON. */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli-run.js';
import { RULES } from '../../src/validation/registry.js';

const ROOT = path.resolve(__dirname, '../..');

describe('coord rules', () => {
    test('prints docs/rules.md by default and with --format md', async () => {
        const docs = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
        expect(await runCli(ROOT, 'rules')).toEqual({ code: 0, stdout: docs, stderr: '' });
        expect((await runCli(ROOT, 'rules', '--format', 'md')).stdout).toBe(docs);
    });
    test.each([['es', 'docs/es/rules.md'], ['pt-BR', 'docs/pt-BR/rules.md']])('--locale %s prints %s (regenerate it with that command)', async (locale, file) => {
        const docs = fs.readFileSync(path.join(ROOT, file), 'utf8');
        expect(await runCli(ROOT, 'rules', '--locale', locale)).toEqual({ code: 0, stdout: docs, stderr: '' });
        expect(docs).not.toContain('Default severity');
    });
    test('--format json lists every rule with id, default severity, category, summary and doc', async () => {
        const r = await runCli(ROOT, 'rules', '--format', 'json');
        expect(r.code).toBe(0);
        const rules = JSON.parse(r.stdout).rules;
        expect(rules).toHaveLength(RULES.length);
        expect(rules.find((x: { id: string }) => x.id === 'design-change')).toEqual({
            id: 'design-change', defaultSeverity: 'warning', category: 'coordination',
            summary: expect.stringContaining('redesigned'), doc: expect.stringContaining('Peru'),
        });
    });
    test('an unknown format or an argument is a usage error (exit 2)', async () => {
        expect(await runCli(ROOT, 'rules', '--format', 'html')).toMatchObject({ code: 2, stderr: "coord rules: unknown format 'html' (expected md, json)\n" });
        expect((await runCli(ROOT, 'rules', 'extra')).code).toBe(2);
    });
    test('is listed in coord --help', async () => {
        expect((await runCli(ROOT, '--help')).stdout).toMatch(/^ {2}rules +list every rule/m);
    });
});
