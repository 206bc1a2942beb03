/**
 * The rule catalogue comes from the rules' metadata: docs/rules.md is exactly
 * its Markdown (the test fails when the committed file is stale), every rule
 * has a test file beside it, and the ids and default severities match the
 * table of §3 of the language reference.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/validation/registry.js';
import { renderRulesJson, renderRulesMarkdown } from '../../src/validation/catalogue.js';

const ROOT = path.resolve(__dirname, '../..');
const CONTRACT = path.resolve(ROOT, '../shared/coord-language.md');

describe('rule catalogue', () => {
    test('docs/rules.md is up to date (regenerate: node bin/coord.js rules --format md > docs/rules.md)', () => {
        expect(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesMarkdown(RULES));
    });
    test('every rule has an id, a summary, a doc paragraph and a test file test/validation/<id>.test.ts', () => {
        const ids = RULES.map(r => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const rule of RULES) {
            expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
            expect(rule.summary.length).toBeGreaterThan(10);
            expect(rule.doc.length).toBeGreaterThan(80);
        }
        // The structural rules share one test file.
        const structural = new Set(['syntax', 'unresolved-reference', 'duplicate-name', 'required-property', 'repeated-property', 'between-arity', 'invalid-value']);
        const missing = ids.filter(id => !structural.has(id) && !fs.existsSync(path.join(ROOT, 'test/validation', `${id}.test.ts`)));
        expect(missing).toEqual([]);
    });
    test('JSON lists every rule with its metadata', () => {
        const json = JSON.parse(renderRulesJson(RULES));
        expect(json.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map(r => r.id));
        expect(json.rules.find((r: { id: string }) => r.id === 'budget-incentive')).toMatchObject({ defaultSeverity: 'warning', category: 'coordination' });
    });
    test.runIf(fs.existsSync(CONTRACT))('ids, order and default severities match the table of §3', () => {
        const text = fs.readFileSync(CONTRACT, 'utf8');
        const rows = [...text.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)].map(m => [m[1], m[2]]);
        expect(rows.length).toBeGreaterThan(15);
        expect(RULES.map(r => [r.id, r.defaultSeverity])).toEqual(rows);
    });
});
