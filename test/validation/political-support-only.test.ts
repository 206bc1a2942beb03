/** Rule `political-support-only`: strong political support with no incentive and no local role. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
`;

describe('political-support-only', () => {
    test('fires on the name line, pointing to the political support', async () => {
        const text = `${PROGRAMMES}coordination Mexico_case {
  between SP, PR
  political-support strong
  national { agreement formal "Agreement between ministries" role "Ministry leads" by SP }
}`;
        const findings = await findingsOf('political-support-only', text);
        expect(findings).toMatchObject([{ line: 3, severity: 'warning', related: [{ line: 5, message: 'strong political support is declared here' }] }]);
        expect(findings[0].message).toBe('coordination Mexico_case rests on strong political support alone (no incentive, no local role); political support is key but not enough');
    });
    test('near miss: an incentive of any kind clears it', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support strong incentive other "Shared goals" }`)).toEqual([]);
    });
    test('near miss: a local role clears it', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support strong local { role "r" } }`)).toEqual([]);
    });
    test('near miss: moderate support is not "strong"', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support moderate }`)).toEqual([]);
    });
});
