/** Rule `invalid-comparator`: `versus` lists the same programmes as `of` (§7.2). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const BASE = 'programme A { country X sector productive }\nprogramme B { country X sector social-protection }\nprogramme C { country X sector other }\n';

describe('invalid-comparator', () => {
    test('fires on the comparator after `versus`, in any order of names', async () => {
        const findings = await findingsOf('invalid-comparator', `${BASE}effects of A + B\n  versus B + A { + income }`);
        expect(findings).toMatchObject([{ line: 5, severity: 'error', data: { programmes: ['A', 'B'] } }]);
        expect(findings[0].message).toContain('the comparator is what the comparison group received');
        expect(await linesOf('invalid-comparator', `${BASE}effects of A versus A { + income }`)).toEqual([4]);
    });
    test('near misses: part of the combination, a head-to-head comparison, none, no versus', async () => {
        for (const versus of ['versus A', 'versus C', 'versus A + C', 'versus A + B + C', 'versus none', '']) {
            expect(await linesOf('invalid-comparator', `${BASE}effects of A + B ${versus} { + income }`), versus).toEqual([]);
        }
    });
});
