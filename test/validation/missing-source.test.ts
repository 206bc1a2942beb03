/** Rule `missing-source`: an effects block without `from`. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme FEST { country Colombia sector productive }
programme UNIDOS { country Colombia sector social-protection }
coordination C { between FEST, UNIDOS }
`;

describe('missing-source', () => {
    test('fires on the `effects` keyword, not on the block\'s first comment', async () => {
        const text = `${PROGRAMMES}/* before */ effects
  of UNIDOS + FEST { + income }`;
        const findings = await findingsOf('missing-source', text);
        expect(findings).toMatchObject([{ line: 4, severity: 'warning', data: { programmes: ['FEST', 'UNIDOS'] } }]);
        expect(findings[0].message).toBe('effects of UNIDOS + FEST name no source (`from` an evaluation); effects without a source cannot be weighed or checked');
    });
    test('near miss: a `from` clears it, even when the evaluation does not resolve', async () => {
        expect(await linesOf('missing-source', `${PROGRAMMES}evaluation E { method rct }\neffects of FEST from E { + income }`)).toEqual([]);
        expect(await linesOf('missing-source', `${PROGRAMMES}effects of FEST from Nowhere { + income }`)).toEqual([]);
    });
});
