/** Rule `adverse-effect`: an effect against the outcome's desirable direction. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const HEAD = `programme PPP { country Colombia sector productive }
evaluation E { method did }
`;

describe('adverse-effect', () => {
    test('fires (info) on the effect\'s line for `-` on a desirable increase and `+` on a desirable decrease', async () => {
        const text = `${HEAD}effects of PPP from E {
  + productive_assets
  - food_crop_products note "Households moved to livestock"
  + informal_loans
}`;
        const findings = await findingsOf('adverse-effect', text);
        expect(findings.map(f => [f.line, f.severity, f.message])).toEqual([
            [5, 'info', "`- food_crop_products` for PPP goes against the outcome's desirable increase; an adverse effect worth explaining"],
            [6, 'info', "`+ informal_loans` for PPP goes against the outcome's desirable decrease; an adverse effect worth explaining"],
        ]);
        expect(findings[0].data).toEqual({ outcome: 'food_crop_products', direction: '-', desirable: 'increase' });
        expect(findings[0].related).toMatchObject([{ message: 'food_crop_products is desirable increase' }]);
    });
    test('a user-declared outcome counts', async () => {
        const text = `${HEAD}outcome stress in psychosocial desirable decrease\neffects of PPP from E { + stress }`;
        expect(await linesOf('adverse-effect', text)).toEqual([4]);
    });
    test('near miss: `~`, neutral outcomes and the desirable direction are never adverse', async () => {
        const text = `${HEAD}outcome mood in psychosocial
effects of PPP from E {
  ~ food_crop_products
  ~ informal_loans
  + mild_food_insecurity
  - mild_food_insecurity
  + mood
  - poverty
  + income
}`;
        expect(await linesOf('adverse-effect', text)).toEqual([]);
    });
});
