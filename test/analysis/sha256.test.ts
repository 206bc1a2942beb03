/** The plain SHA-256 behind the report's CSP hash agrees with node:crypto (which the browser lacks). */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { sha256Base64 } from '../../src/analysis/summary-render/sha256.js';

describe('sha256Base64', () => {
    test('known vectors and every padding boundary', () => {
        expect(sha256Base64('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
        expect(sha256Base64('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
        for (let n = 50; n < 140; n++) {
            const text = 'x'.repeat(n);
            expect(sha256Base64(text), `length ${n}`).toBe(createHash('sha256').update(text, 'utf8').digest('base64'));
        }
    });

    test('agrees with node:crypto on any Unicode text', () => {
        fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), text => {
            expect(sha256Base64(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64'));
        }), { numRuns: 300 });
    });
});
