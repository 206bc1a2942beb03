/** Rule `design-change`: a programme redesigned after the coordination was reviewed (or started). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const programmes = (redesigns: string) => `programme Juntos { country Peru sector social-protection }
programme HakuWinay {
  country Peru
  sector productive
  ${redesigns}
}
`;

describe('design-change', () => {
    test('fires on the name line when a redesign comes after `since` and there is no `reviewed`', async () => {
        const text = `${programmes('redesigned 2016 "New design"')}coordination HW_Juntos {
  between HakuWinay, Juntos
  since 2012
}`;
        const findings = await findingsOf('design-change', text);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({
            line: 7, severity: 'warning',
            related: [{ line: 5, message: 'HakuWinay was redesigned in 2016: New design' }, { line: 9, message: 'started in 2012' }],
            data: { coordination: 'HW_Juntos', programmes: ['HakuWinay'], latestRedesign: 2016, anchor: 'since', anchorYear: 2012 },
        });
        expect(findings[0].message).toBe("programme HakuWinay of coordination HW_Juntos was redesigned in 2016, after the arrangement started (2012), and it has not been reviewed since; in Peru the brief found \"changes in the design of Haku Wiñay have altered coordination\"");
    });
    test('`reviewed` wins over `since`', async () => {
        const text = `${programmes('redesigned 2016')}coordination C { between HakuWinay, Juntos since 2012 reviewed 2015 }`;
        const [f] = await findingsOf('design-change', text);
        expect(f.message).toMatch(/redesigned in 2016, after the arrangement was last reviewed \(2015\);/);
    });
    test('near miss: `reviewed` in or after the redesign year clears it (strictly after)', async () => {
        expect(await linesOf('design-change', `${programmes('redesigned 2016')}coordination C { between HakuWinay, Juntos since 2012 reviewed 2016 }`)).toEqual([]);
        expect(await linesOf('design-change', `${programmes('redesigned 2016')}coordination C { between HakuWinay, Juntos since 2017 }`)).toEqual([]);
    });
    test('near miss: no `since` and no `reviewed` gives nothing to compare with', async () => {
        expect(await linesOf('design-change', `${programmes('redesigned 2016')}coordination C { between HakuWinay, Juntos }`)).toEqual([]);
    });
    test('one finding per coordination, naming every redesigned programme', async () => {
        const text = `programme A { country X sector social-protection redesigned 2014 redesigned 2010 }
programme B { country X sector productive redesigned 2015 }
coordination C { between A, B since 2012 }`;
        const findings = await findingsOf('design-change', text);
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toMatch(/^programmes of coordination C were redesigned \(A in 2014, B in 2015\), after the arrangement started \(2012\)/);
        expect(findings[0].data).toMatchObject({ programmes: ['A', 'B'], latestRedesign: 2015 });
    });
    test('a programme in another file counts', async () => {
        const findings = await findingsOf('design-change', {
            'a.coord': 'programme A { country X sector social-protection\n  redesigned 2020 }',
            'b.coord': 'programme B { country X sector productive }\ncoordination C { between A, B reviewed 2019 }',
        });
        expect(findings).toMatchObject([{ file: 'b.coord', line: 2, related: [{ file: 'a.coord', line: 2 }, { file: 'b.coord', line: 2 }] }]);
    });
});
