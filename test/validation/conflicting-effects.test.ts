/** Rule `conflicting-effects`: one source, one combination, one outcome, different directions. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const HEAD = `programme FEST { country Colombia sector productive }
programme UNIDOS { country Colombia sector social-protection }
coordination C { between FEST, UNIDOS }
evaluation E1 { method did }
evaluation E2 { method rct }
`;

describe('conflicting-effects', () => {
    test('fires (error) on every effect involved, across blocks and files, order-insensitive', async () => {
        const findings = await findingsOf('conflicting-effects', {
            'a.coord': `${HEAD}effects of FEST + UNIDOS from E1 {\n  + savings\n  - informal_loans\n}`,
            'b.coord': 'effects of UNIDOS + FEST from E1 {\n  - savings\n}',
        });
        expect(findings.map(f => [f.file, f.line, f.severity])).toEqual([['a.coord', 7, 'error'], ['b.coord', 2, 'error']]);
        expect(findings[0].message).toBe('`+ savings` for FEST + UNIDOS from E1 conflicts with `- savings` for the same combination and source; one evaluation cannot report both');
        expect(findings[0].related).toEqual([{ file: 'b.coord', line: 2, message: '`- savings` for UNIDOS + FEST from E1' }]);
        expect(findings[1].related).toEqual([{ file: 'a.coord', line: 7, message: '`+ savings` for FEST + UNIDOS from E1' }]);
        expect(findings[0].data).toEqual({ outcome: 'savings', programmes: ['FEST', 'UNIDOS'], source: 'E1', directions: ['+', '-'] });
    });
    test('`~` against `+` conflicts; blocks without `from` count as one source; within one block too', async () => {
        const text = `${HEAD}effects of FEST {\n  + income\n  ~ income\n}\neffects of FEST { + income }`;
        expect(await linesOf('conflicting-effects', text)).toEqual([7, 8, 10]);
        const [first] = await findingsOf('conflicting-effects', text);
        expect(first.message).toBe('`+ income` for FEST without a source conflicts with `~ income` for the same combination and source; effects without `from` count as one source, which cannot report both');
        expect(first.related.map(r => r.line)).toEqual([8]);
    });
    test('near miss: different sources, different combinations, or the same direction twice', async () => {
        const text = `${HEAD}effects of FEST + UNIDOS from E1 { + savings }
effects of FEST + UNIDOS from E2 { - savings }
effects of FEST from E1 { - savings }
effects of FEST + UNIDOS { - savings }
effects of UNIDOS + FEST from E1 { + savings }`;
        expect(await linesOf('conflicting-effects', text)).toEqual([]);
    });
    test('(v2) per cell: another comparator or another subgroup is never a conflict; the same cell is', async () => {
        const pop = 'population women\n';
        expect(await linesOf('conflicting-effects', `${HEAD}${pop}effects of FEST + UNIDOS from E1 { + savings }\neffects of FEST + UNIDOS versus FEST from E1 { ~ savings }`)).toEqual([]);
        expect(await linesOf('conflicting-effects', `${HEAD}${pop}effects of FEST from E1 { + savings  - savings subgroup women }`)).toEqual([]);
        expect(await linesOf('conflicting-effects', `${HEAD}${pop}effects of FEST from E1 { + savings subgroup women }\neffects of FEST from E1 { - savings subgroup women }`)).toEqual([7, 8]);
        expect(await linesOf('conflicting-effects', `${HEAD}effects of FEST + UNIDOS versus FEST from E1 { + savings }\neffects of UNIDOS + FEST versus FEST from E1 { ~ savings }`)).toEqual([6, 7]);
        const [f] = await findingsOf('conflicting-effects', `${HEAD}${pop}effects of FEST versus none from E1 { + savings subgroup women ~ savings subgroup women }`);
        expect(f.message).toContain('for FEST (subgroup women) from E1 conflicts with `~ savings`');
    });
});
