/** Rule `unused-suppression` and suppression comments in the engine: what they silence, and what they do not. */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive ministry agriculture }
`;
const GOOD = 'local { role "r" } incentive budget';

describe('suppression comments', () => {
    test('next-line: silences the named rules on the next line only, keeping the finding with its reason', async () => {
        const text = `${PROGRAMMES}// coord-disable-next-line local-roles, budget-incentive -- pilot without local staff
coordination A { between SP, PR }
coordination B { between SP, PR }`;
        const findings = (await check(text)).filter(f => f.rule === 'local-roles' || f.rule === 'budget-incentive');
        expect(findings.map(f => [f.line, f.rule, f.suppressed])).toEqual([
            [4, 'budget-incentive', 'pilot without local staff'],
            [4, 'local-roles', 'pilot without local staff'],
            [5, 'budget-incentive', undefined],
            [5, 'local-roles', undefined],
        ]);
        expect(await linesOf('unused-suppression', text)).toEqual([]);
    });
    test('file-level: silences the rule anywhere in the file, and not in other files', async () => {
        const findings = await check({
            'a.coord': `${PROGRAMMES}coordination A { between SP, PR incentive budget }\n// coord-disable local-roles -- no local level in this country`,
            'b.coord': 'coordination B { between SP, PR incentive budget }',
        });
        expect(findings.filter(f => f.rule === 'local-roles').map(f => [f.file, f.suppressed])).toEqual([
            ['a.coord', 'no local level in this country'],
            ['b.coord', undefined],
        ]);
    });
    test('no rule list silences every rule; the reason is optional', async () => {
        const findings = await check(`${PROGRAMMES}// coord-disable-next-line\ncoordination A { between SP, PR }`);
        const onA = findings.filter(f => f.line === 4);
        expect(onA.length).toBeGreaterThan(1);
        expect(onA.every(f => f.suppressed === '')).toBe(true);
    });
    test('only `//` comments suppress', async () => {
        expect(await linesOf('local-roles', `${PROGRAMMES}/* coord-disable-next-line local-roles */\ncoordination A { between SP, PR incentive budget }`)).toEqual([4]);
    });
    test('text that looks like a directive inside a string does not suppress; a comment after it on the line does', async () => {
        const text = `${PROGRAMMES}coordination A { note "// coord-disable-next-line local-roles"
  between SP, PR incentive budget }
coordination B { note "see http://example.org" // coord-disable-next-line local-roles -- piloted
  between SP, PR incentive budget }`;
        const findings = (await check(text)).filter(f => f.rule === 'local-roles');
        expect(findings.map(f => [f.line, f.suppressed])).toEqual([[3, undefined], [5, undefined]]);
        expect(await linesOf('unused-suppression', text)).toEqual([5]);
    });
});

describe('unused-suppression', () => {
    test('fires (hint) on the comment line when the next line has no such finding', async () => {
        const text = `${PROGRAMMES}  // coord-disable-next-line local-roles -- stale
coordination A { between SP, PR ${GOOD} }`;
        const findings = (await check(text)).filter(f => f.rule === 'unused-suppression');
        expect(findings).toMatchObject([{ line: 3, severity: 'hint', message: "suppression of 'local-roles' silences nothing on the next line; remove it" }]);
    });
    test('names an unknown rule id', async () => {
        const findings = (await check(`${PROGRAMMES}// coord-disable-next-line local-role\ncoordination A { between SP, PR ${GOOD} }`)).filter(f => f.rule === 'unused-suppression');
        expect(findings.map(f => f.message)).toEqual(["suppression names an unknown rule 'local-role'; it silences nothing"]);
    });
    test('a reason after a colon (as the extension\'s page once showed) says where the reason goes', async () => {
        const findings = (await check(`${PROGRAMMES}// coord-disable-next-line local-roles: agreed locally\ncoordination A { between SP, PR incentive budget }`));
        expect(findings.filter(f => f.rule === 'unused-suppression').map(f => f.message)).toEqual([
            "write the reason after ' -- ', not after ':': `// coord-disable-next-line local-roles -- reason`; as written it names no rule and silences nothing",
        ]);
        expect(findings.filter(f => f.rule === 'local-roles')).toHaveLength(1);
    });
    test('a file-level suppression that silences nothing', async () => {
        expect(await linesOf('unused-suppression', `// coord-disable missing-source\n${PROGRAMMES}coordination A { between SP, PR ${GOOD} }`)).toEqual([1]);
    });
    test('near miss: a suppression that silences a finding is used', async () => {
        expect(await linesOf('unused-suppression', `${PROGRAMMES}// coord-disable-next-line local-roles\ncoordination A { between SP, PR incentive budget }`)).toEqual([]);
    });
});
