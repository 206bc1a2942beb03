/** Share links: what is encoded comes back whole; damaged or hostile fragments give undefined, never a throw. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeState, encodeState, isValidFileName, MAX_SHARED_FILES } from '../../src/playground/share.js';
import { compressToEncodedURIComponent } from 'lz-string';

const fileName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}\.coord$/);

describe('share links', () => {
    test('any files and text round-trip, with # or without', () => {
        fc.assert(fc.property(
            fc.uniqueArray(fc.record({ name: fileName, text: fc.string({ unit: 'grapheme', maxLength: 400 }) }), { minLength: 1, maxLength: 6, selector: f => f.name }),
            fc.nat(),
            (files, n) => {
                const state = { files, active: n % files.length };
                const fragment = encodeState(state);
                expect(fragment).toMatch(/^files=[A-Za-z0-9+\-$]*$/); // URL-safe, no plain text
                expect(decodeState(fragment)).toEqual(state);
                expect(decodeState(`#${fragment}`)).toEqual(state);
            },
        ), { numRuns: 200 });
    });

    test('damaged, foreign or hostile fragments are refused', () => {
        const pack = (value: unknown) => `files=${compressToEncodedURIComponent(JSON.stringify(value))}`;
        for (const fragment of [
            '', '#', '#other=1', 'files=', 'files=%%%', 'files=not-lz-at-all',
            pack(null), pack([]), pack({ v: 2, files: [['a.coord', 'x']] }), pack({ v: 1, files: [] }),
            pack({ v: 1, files: [['../etc/passwd', 'x']] }), pack({ v: 1, files: [['a.coord', 7]] }),
            pack({ v: 1, files: [['a.coord', 'x'], ['a.coord', 'y']] }),
            pack({ v: 1, files: Array.from({ length: MAX_SHARED_FILES + 1 }, (_, i) => [`f${i}.coord`, '']) }),
            pack({ v: 1, files: [['<img src=x onerror=alert(1)>.coord', '']] }),
        ]) {
            expect(decodeState(fragment), fragment.slice(0, 60)).toBeUndefined();
        }
        // An out-of-range active index falls back to the first file.
        expect(decodeState(pack({ v: 1, active: 9, files: [['a.coord', 'x']] }))).toEqual({ files: [{ name: 'a.coord', text: 'x' }], active: 0 });
    });

    test('random fragments never throw', () => {
        fc.assert(fc.property(fc.string({ maxLength: 300 }), text => {
            expect(() => decodeState(`files=${text}`)).not.toThrow();
        }), { numRuns: 300 });
    });

    test('file names: plain .coord names only', () => {
        expect(isValidFileName('peru.coord')).toBe(true);
        expect(isValidFileName('Perú 2024.coord')).toBe(true);
        for (const bad of ['peru.txt', '.coord', 'a/b.coord', '../a.coord', 'a\\b.coord', `${'x'.repeat(90)}.coord`]) expect(isValidFileName(bad), bad).toBe(false);
    });
});
