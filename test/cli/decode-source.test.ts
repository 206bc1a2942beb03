/**
 * `decodeSource` (src/cli/files.ts) validates and decodes with Node's UTF-8
 * code (`buffer.isUtf8`, `Buffer#toString`) instead of a fatal `TextDecoder`,
 * which was five times slower in a process started from the startup snapshot.
 * It must accept and refuse exactly what the WHATWG decoder in fatal mode does,
 * keep a byte-order mark as the decoder with `ignoreBOM` does, and give the
 * same text.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CliError, decodeSource } from '../../src/cli/files.js';

/** What a fatal WHATWG decoder that keeps the BOM gives, or `undefined` where it refuses the bytes. */
function whatwg(bytes: Uint8Array): string | undefined {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
        return undefined;
    }
}

function ours(bytes: Uint8Array): string | undefined {
    try {
        return decodeSource(bytes, 'x.coord');
    } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        return undefined;
    }
}

/** Bytes that a UTF-8 validator must get right: boundaries, overlong forms, surrogates, truncations. */
const EDGES = [
    [0xef, 0xbb, 0xbf, 0x61], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xc2, 0x80], [0xc1, 0xbf], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80],
    [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xee, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80],
    [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xff], [0xfe], [0x80], [0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98],
    [0x61, 0xe2, 0x82, 0xac, 0x62], [0xf0, 0x9f, 0x98, 0x80], [0xce, 0xbb, 0x0a, 0xc3],
];

describe('decodeSource accepts and refuses what a fatal TextDecoder does', () => {
    test.each(EDGES.map(bytes => [bytes.map(b => b.toString(16).padStart(2, '0')).join(' '), bytes] as const))('%s', (_, bytes) => {
        const input = Uint8Array.from(bytes);
        expect(ours(input)).toBe(whatwg(input));
    });

    test('random bytes (no NUL: a NUL is "binary" before any decoding) and random text', () => {
        fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }).map(a => a.map(b => b || 1)), bytes => {
            expect(ours(bytes)).toBe(whatwg(bytes));
        }), { numRuns: 3000 });
        fc.assert(fc.property(fc.string({ unit: 'binary' }), text => {
            const bytes = new TextEncoder().encode(text.replace(/\0/g, ' '));
            expect(ours(bytes)).toBe(whatwg(bytes));
        }), { numRuns: 1000 });
    });

    test('a view into a larger buffer decodes only its own bytes', () => {
        const whole = new TextEncoder().encode('xx programme P "é" yy');
        const view = whole.subarray(3, whole.length - 3);
        expect(decodeSource(view, 'x.coord')).toBe('programme P "é"');
    });
});
