/** Rule `estimate-mismatch`: an effect's sign that its own figures contradict (§7.6). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const at = (effect: string) => `effects of A {\n  ${effect} cite "T"\n}`;

describe('estimate-mismatch', () => {
    test('fires on each case of the contract, on the effect\'s line', async () => {
        const cases = [
            '+ income size -0.1', '- income size 0.1', '~ income p 0.01', '~ income ci 0.1..0.3', '~ income ci -0.3..-0.1',
            '+ income ci -0.1..0.3', '- income ci -0.3..0.1', '+ income size 0.5 ci 0.1..0.3',
        ];
        for (const c of cases) expect(await linesOf('estimate-mismatch', at(c)), c).toEqual([2]);
    });
    test('names every reason and offers the sign only when it alone is wrong', async () => {
        const [only] = await findingsOf('estimate-mismatch', at('+ income size -0.2 ci -0.3..-0.1'));
        expect(only).toMatchObject({ severity: 'warning', data: { fix: '-' } });
        expect(only.message).toBe('`+ income`: its figures contradict its sign — `+` with a negative size -0.2; did you mean `-`?');
        const [two] = await findingsOf('estimate-mismatch', at('+ income size -0.2 ci -0.3..0.1'));
        expect(two.data).toEqual({ reasons: ['`+` with a negative size -0.2', '`+` with a ci -0.3..0.1 that includes 0'] });
    });
    test('near misses: consistent figures', async () => {
        const ok = [
            '+ income size 0.1 ci 0.05..0.15', '- income size -0.12 sd ci -0.2..-0.04', '~ income p 0.2 ci -0.1..0.1',
            '~ income p 0.05', '+ income p 0.001', '+ income size 0', '- income size 0', '+ income ci 0.3..0.1',
        ];
        for (const c of ok) expect(await linesOf('estimate-mismatch', at(c)), c).toEqual([]);
    });
});
