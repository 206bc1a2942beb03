/** Rule `unused`: a programme, population, body or evaluation nothing references. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

describe('unused', () => {
    test('fires (hint) on the name line of each unreferenced programme, population, body and evaluation', async () => {
        const text = `population
  nobody
programme Lonely { country X sector productive }
body Idle
evaluation Shelved { method rct }`;
        const findings = await findingsOf('unused', text);
        expect(findings.map(f => [f.line, f.severity, f.data])).toEqual([
            [2, 'hint', { name: 'nobody', kind: 'population' }],
            [3, 'hint', { name: 'Lonely', kind: 'programme' }],
            [4, 'hint', { name: 'Idle', kind: 'body' }],
            [5, 'hint', { name: 'Shelved', kind: 'evaluation' }],
        ]);
        expect(findings[1].message).toBe("programme Lonely is never referenced; join it in a coordination's `between` or an `effects of`, or remove it");
    });
    test('coordinations and effects blocks are never reported; a reference that does not resolve uses nothing', async () => {
        const text = `programme A { country X sector productive }
programme Bee { country X sector productive }
coordination C { between A, Be }`;
        expect(await linesOf('unused', text)).toEqual([2]);
    });
    test('a role\'s `by` on a body, `targets`, `from` and `effects of` are uses; across files', async () => {
        expect(await linesOf('unused', {
            'a.coord': 'population p\nbody N\nevaluation E { method rct }\nprogramme A { country X sector productive targets p }',
            'b.coord': 'coordination C { between A, A local { role "r" by N } }\neffects of A from E { + income }',
        })).toEqual([]);
    });
    test('near miss: declarations used only by effects, and domains/outcomes that nobody uses are not reported', async () => {
        const text = `domain d\noutcome o in d\nprogramme A { country X sector productive }\neffects of A { + income }`;
        expect(await linesOf('unused', text)).toEqual([]);
    });
});
