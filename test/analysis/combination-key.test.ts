/**
 * `combinationKey` answers lists of up to two names without a set, a copy and a
 * sort (most combinations are of two programmes, most comparators of none); it
 * must give exactly the key of the general path for every list.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combinationKey, plainCombinationKey } from '../../src/analysis/queries.js';

// Names that sort differently by code unit than by locale, repeats, the empty name, astral characters,
// and what a broken reference may leave (`undefined`).
const NAME = fc.constantFrom('A', 'B', 'a', 'b', 'Z_1', 'Ä', 'é', '', '\u{1F600}', '\uFFFF', 'P0_0', 'P0_0b', undefined as unknown as string);

describe('combinationKey', () => {
    it('gives the general path’s key for every list of names', () => {
        fc.assert(fc.property(fc.array(NAME, { maxLength: 5 }), names => {
            expect(combinationKey(names)).toBe(plainCombinationKey(names));
            expect(combinationKey(names)).toBe(plainCombinationKey(new Set(names)));
        }), { numRuns: 2000 });
    });

    it('sorts two names by code unit and drops a repeat', () => {
        expect(combinationKey(['b', 'a'])).toBe('a+b');
        expect(combinationKey(['a', 'B'])).toBe('B+a');
        expect(combinationKey(['x', 'x'])).toBe('x');
        expect(combinationKey(['x'])).toBe('x');
        expect(combinationKey([])).toBe('');
        expect(combinationKey(['é', 'f'])).toBe('f+é');
    });
});
