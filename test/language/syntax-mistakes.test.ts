/**
 * The corpus of typical mistakes (syntax-mistakes.data.ts): for each, the first
 * finding is a `syntax` finding on the mistake's line that names its cause, and
 * the mistake causes no other finding (the spec it edits has none).
 */
import { describe, expect, test } from 'vitest';
import { check } from '../helpers.js';
import { BASE, MISTAKES, REVIEW_BASE, mistakeText } from './syntax-mistakes.data.js';

describe('typical mistakes', () => {
    test('the corpus is large enough and its bases have no findings', async () => {
        expect(MISTAKES.length).toBeGreaterThanOrEqual(40);
        expect(await check(BASE)).toEqual([]);
        expect(await check(REVIEW_BASE)).toEqual([]);
    });

    test.each(MISTAKES.map(m => [m.name, m] as const))('%s', async (_, m) => {
        const text = mistakeText(m);
        expect(text, 'the edit applies').not.toBe(m.base ?? BASE);
        const findings = (await check(text)).sort((a, b) => a.line - b.line);
        const shown = findings.map(f => `${f.line} ${f.rule}: ${f.message}`);
        expect(findings[0]?.rule, shown.join('\n')).toBe('syntax');
        expect(findings[0].line, shown.join('\n')).toBe(m.line);
        expect(findings[0].message).toMatch(m.message);
        expect(findings.length, shown.join('\n')).toBe(m.count);
    });
});
