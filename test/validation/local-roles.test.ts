/** Rule `local-roles`: fires on a coordination without a local `role`, on the line of its name. */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';

const PROGRAMMES = `population poor
programme SP { country X sector social-protection targets poor }
programme PR { country X sector productive ministry agriculture targets poor }
`;

describe('local-roles', () => {
    test('fires on the name line when no local block gives anyone a role', async () => {
        const text = `${PROGRAMMES}coordination
  C_SP_PR {
  between SP, PR
  incentive budget "b"
  local { agreement informal "Local managers talk" }
  national { role "Ministry sets targets" by SP }
}`;
        const findings = (await check(text)).filter(f => f.rule === 'local-roles');
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ line: 5, severity: 'warning' });
        expect(findings[0].message).toBe('coordination C_SP_PR gives no local actor a role (no `role` in its `local` block); the brief found the key role played by local-level actors "in all of the experiences analysed"');
    });
    test('fires without any local block', async () => {
        expect(await linesOf('local-roles', `${PROGRAMMES}coordination C { between SP, PR incentive budget "b" }`)).toEqual([4]);
    });
    test('near miss: one role in a local block, with or without `by`, clears it', async () => {
        expect(await linesOf('local-roles', `${PROGRAMMES}coordination C { between SP, PR local { role "Co-manager refers households" } }`)).toEqual([]);
        expect(await linesOf('local-roles', `${PROGRAMMES}coordination C { between SP, PR local { agreement informal "x" role "y" by PR } }`)).toEqual([]);
    });
});
