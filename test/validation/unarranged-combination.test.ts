/** Rule `unarranged-combination`: effects of a combination that no coordination joins. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme FEST { country Colombia sector productive }
programme UNIDOS { country Colombia sector social-protection }
programme PPP { country Colombia sector productive }
evaluation E { method did }
`;

describe('unarranged-combination', () => {
    test('fires on the `effects` keyword when no coordination joins all the programmes', async () => {
        const text = `${PROGRAMMES}coordination C { between FEST, UNIDOS }
// a comment
  effects of FEST + PPP from E { + income }`;
        const findings = await findingsOf('unarranged-combination', text);
        expect(findings).toMatchObject([{ line: 7, severity: 'warning', data: { programmes: ['FEST', 'PPP'] } }]);
        expect(findings[0].message).toBe('effects of FEST + PPP: no coordination is between FEST and PPP; effects of a combination should trace back to the arrangement that joined the programmes');
    });
    test('a coordination that joins only some of the programmes is not enough', async () => {
        const text = `${PROGRAMMES}coordination C1 { between FEST, UNIDOS }
coordination C2 { between UNIDOS, PPP }
effects of FEST + UNIDOS + PPP from E { + income }`;
        expect(await linesOf('unarranged-combination', text)).toEqual([7]);
    });
    test('near miss: `UNIDOS + FEST` matches `between FEST, UNIDOS` (order-insensitive, across files)', async () => {
        expect(await linesOf('unarranged-combination', {
            'a.coord': `${PROGRAMMES}coordination C { between FEST, UNIDOS, PPP }`,
            'b.coord': 'effects of UNIDOS + FEST from E { + income }',
        })).toEqual([]);
    });
    test('near miss: effects of one programme need no arrangement', async () => {
        expect(await linesOf('unarranged-combination', `${PROGRAMMES}effects of FEST from E { + income }\neffects of FEST + FEST from E { + savings }`)).toEqual([]);
    });
    test('an unresolved programme is left to unresolved-reference', async () => {
        expect(await linesOf('unarranged-combination', `${PROGRAMMES}effects of FEST + NOPE from E { + income }`)).toEqual([]);
    });
});
