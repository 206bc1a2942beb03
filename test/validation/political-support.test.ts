/** Rule `political-support` (v2, §8): a coordination with no political support declared, or weak support. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
`;
const LESSON = '; the brief: "political support is key to promoting this type of coordination"';

describe('political-support', () => {
    test('fires (hint) on the name line when no political support is declared', async () => {
        const findings = await findingsOf('political-support', `${PROGRAMMES}coordination\n  C { between SP, PR }`);
        expect(findings).toMatchObject([{ line: 4, severity: 'hint', data: { coordination: 'C', support: null }, related: [] }]);
        expect(findings[0].message).toBe(`coordination C declares no political support${LESSON}`);
    });
    test('fires on weak support, pointing to it', async () => {
        const findings = await findingsOf('political-support', `${PROGRAMMES}coordination C {\n  between SP, PR\n  political-support weak\n}`);
        expect(findings).toMatchObject([{ line: 3, data: { support: 'weak' }, related: [{ line: 5, message: 'weak political support is declared here' }] }]);
        expect(findings[0].message).toBe(`coordination C declares weak political support${LESSON}`);
    });
    test.each(['strong', 'moderate'])('near miss: %s support clears it', async level => {
        expect(await linesOf('political-support', `${PROGRAMMES}coordination C { between SP, PR political-support ${level} }`)).toEqual([]);
    });
});
