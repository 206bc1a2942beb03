/** Rule `budget-incentive`: fires on a coordination without `incentive budget`, on the line of its name. */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';

const PROGRAMMES = `population poor
programme SP { country X sector social-protection targets poor }
programme PR { country X sector productive ministry agriculture targets poor }
`;

describe('budget-incentive', () => {
    test('fires when the coordination has only other incentives', async () => {
        const text = `${PROGRAMMES}coordination PROINPRO_PDPs {
  between SP, PR
  incentive targeting "shared list"
  incentive performance
  local { role "r" }
}`;
        const findings = (await check(text)).filter(f => f.rule === 'budget-incentive');
        expect(findings).toMatchObject([{ line: 4, severity: 'warning' }]);
        expect(findings[0].message).toBe('coordination PROINPRO_PDPs declares no budget incentive; in Mexico the brief found "failure of STEIA as coordinating node. Lack of relevant incentives and budgetary provisions"');
    });
    test('near miss: an `incentive budget` without text clears it', async () => {
        expect(await linesOf('budget-incentive', `${PROGRAMMES}coordination C { between SP, PR incentive budget }`)).toEqual([]);
    });
    test('a barrier named budget-priorities is not an incentive', async () => {
        expect(await linesOf('budget-incentive', `${PROGRAMMES}coordination C { between SP, PR barrier budget-priorities }`)).toEqual([4]);
    });
});
