/**
 * Rule `local-assessment` (v2, §8): a `local` block that records nothing of the
 * local capacities, stakeholders or sources of resistance.
 */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
`;

describe('local-assessment', () => {
    test('fires (hint) on the name line, pointing to the local block', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  local {
    agreement informal "Managers meet"
    role "Managers coordinate" by SP
  }
}`;
        const findings = await findingsOf('local-assessment', text);
        expect(findings).toMatchObject([{ line: 3, severity: 'hint', data: { coordination: 'C' }, related: [{ line: 5, message: 'the local block is here' }] }]);
        expect(findings[0].message).toBe('the `local` block of coordination C records no capacity, stakeholder or resistance; the brief: "an adequate and exhaustive knowledge of the capacities, stakeholders and sources of resistance that can operate at the local level is necessary"');
    });
    test('fires on an empty local block', async () => {
        expect(await linesOf('local-assessment', `${PROGRAMMES}coordination C { between SP, PR local { } }`)).toEqual([3]);
    });
    test.each(['capacity "Municipal extension staff"', 'stakeholder "Producer associations"', 'resistance "Local teams measured on their own targets"'])(
        'near miss: one %s is enough', async item => {
            expect(await linesOf('local-assessment', `${PROGRAMMES}coordination C { between SP, PR local { ${item} } }`)).toEqual([]);
        });
    test('near miss: no local block at all (local-roles speaks there)', async () => {
        const findings = await check(`${PROGRAMMES}coordination C { between SP, PR national { agreement formal "a" } }`);
        expect(findings.filter(f => f.rule === 'local-assessment')).toEqual([]);
        expect(findings.filter(f => f.rule === 'local-roles').map(f => f.line)).toEqual([3]);
    });
    test('capacity, stakeholder and resistance belong to a local block: elsewhere they are a syntax error, and the text is kept', async () => {
        for (const level of ['national', 'regional']) {
            const findings = await check(`${PROGRAMMES}coordination C { between SP, PR ${level} { capacity "x" } }`);
            expect(findings.filter(f => f.rule === 'syntax').map(f => f.message), level)
                .toContain("`capacity` belongs in a `local` block, not in a national or regional one; expected `agreement`, `role` or '}' but found 'capacity'");
        }
        // In a local block, a misplaced word after `agreement` is the usual message, not this one.
        const inLocal = await check(`${PROGRAMMES}coordination C { between SP, PR local { agreement resistance "x" } }`);
        expect(inLocal.filter(f => f.rule === 'syntax').map(f => f.message).join('\n')).not.toMatch(/belongs in a `local` block/);
    });
    test('each item is repeatable, and counts as written', async () => {
        const text = `${PROGRAMMES}coordination C { between SP, PR local { capacity "a" capacity "b" stakeholder "c" stakeholder "d" resistance "e" resistance "f" role "r" } }`;
        const findings = await check(text);
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
        expect(findings.filter(f => f.rule === 'local-assessment')).toEqual([]);
    });
});
