/**
 * Rule `political-support-only`: strong political support with no incentive and
 * no local role; or (v2) with institutional inertia and no incentive.
 */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
`;
const LESSON = '; the brief: political support is key but "it is not enough, particularly if the institutional resistance and inertia to coordination between social protection and agricultural sectors are not taken into account"';

describe('political-support-only', () => {
    test('fires on the name line, pointing to the political support', async () => {
        const text = `${PROGRAMMES}coordination Mexico_case {
  between SP, PR
  political-support strong
  national { agreement formal "Agreement between ministries" role "Ministry leads" by SP }
}`;
        const findings = await findingsOf('political-support-only', text);
        expect(findings).toMatchObject([{ line: 3, severity: 'warning', related: [{ line: 5, message: 'strong political support is declared here' }] }]);
        expect(findings[0].message).toBe(`coordination Mexico_case rests on strong political support alone (no incentive, no local role)${LESSON}`);
    });
    test('(v2) fires when institutional inertia meets strong support with no incentive, even with a local role', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  political-support strong
  local { role "r" by SP }
  barrier institutional-inertia "Each sector keeps its own procedures"
}`;
        const findings = await findingsOf('political-support-only', text);
        expect(findings).toMatchObject([{
            line: 3, data: { inertia: true, localRole: true },
            related: [{ line: 5, message: 'strong political support is declared here' }, { line: 7, message: 'institutional inertia is recorded here' }],
        }]);
        expect(findings[0].message).toBe(`coordination C rests on strong political support against institutional inertia with no incentive${LESSON}`);
    });
    test('(v2) inertia without a local role says both, once', async () => {
        const text = `${PROGRAMMES}coordination C { between SP, PR political-support strong barrier institutional-inertia }`;
        const findings = await findingsOf('political-support-only', text);
        expect(findings.map(f => f.message)).toEqual([`coordination C rests on strong political support against institutional inertia with no incentive and no local role${LESSON}`]);
    });
    test('near miss: an incentive of any kind clears it, inertia or not', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support strong incentive other "Shared goals" }`)).toEqual([]);
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support strong incentive budget barrier institutional-inertia }`)).toEqual([]);
    });
    test('near miss: a local role clears it when no inertia is recorded', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support strong local { role "r" } barrier budget-priorities }`)).toEqual([]);
    });
    test('near miss: moderate support is not "strong", inertia or not', async () => {
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support moderate }`)).toEqual([]);
        expect(await linesOf('political-support-only', `${PROGRAMMES}coordination C { between SP, PR political-support moderate barrier institutional-inertia }`)).toEqual([]);
    });
});
