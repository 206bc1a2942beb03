/** Rule `target-mismatch`: programmes with no common target population and nothing that aligns them. */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const POPULATIONS = `population a
population b
population c
`;

describe('target-mismatch', () => {
    test('fires on the coordination name when no population is shared by all programmes that declare targets', async () => {
        const text = `${POPULATIONS}programme P1 { country X sector social-protection targets a, b }
programme P2 { country X sector productive targets b, c }
programme P3 { country X sector productive targets c, a }
coordination C { between P1, P2, P3 }`;
        const findings = (await check(text)).filter(f => f.rule === 'target-mismatch');
        expect(findings).toMatchObject([{ line: 7, severity: 'warning' }]);
        expect(findings[0].message).toBe('the programmes of coordination C target no common population (P1: a, b; P2: b, c; P3: c, a) and it declares no shared targeting; in Mexico the brief found "differences in the target population and programme requirements"');
    });
    test('related information points to each programme\'s targets', async () => {
        const [finding] = await findingsOf('target-mismatch', `${POPULATIONS}programme P1 { country X sector social-protection\n targets a }\nprogramme P2 { country X sector productive\n targets b }\ncoordination C { between P1, P2 }`);
        expect(finding.related.map(r => [r.line, r.message])).toEqual([[5, 'P1 targets a'], [7, 'P2 targets b']]);
        expect(finding.data).toEqual({ coordination: 'C', programmes: ['P1', 'P2'] });
    });
    test('near miss: three programmes sharing one population', async () => {
        const text = `${POPULATIONS}programme P1 { country X sector social-protection targets a, b }
programme P2 { country X sector productive targets b, c }
programme P3 { country X sector productive targets c, b }
coordination C { between P1, P2, P3 }`;
        expect(await linesOf('target-mismatch', text)).toEqual([]);
    });
    test('near miss: a programme without targets is not compared; one declaring programme is not enough', async () => {
        const text = `${POPULATIONS}programme P1 { country X sector social-protection targets a }
programme P2 { country X sector productive }
programme P3 { country X sector productive targets a }
coordination C { between P1, P2, P3 }
coordination D { between P1, P2 }`;
        expect(await linesOf('target-mismatch', text)).toEqual([]);
    });
    test('near miss: a shared `targeting` rule or an `incentive targeting` clears it', async () => {
        const programmes = `${POPULATIONS}programme P1 { country X sector social-protection targets a }
programme P2 { country X sector productive targets b }
`;
        expect(await linesOf('target-mismatch', `${programmes}coordination C { between P1, P2 targeting "Registry of P1 is P2's list" }`)).toEqual([]);
        expect(await linesOf('target-mismatch', `${programmes}coordination C { between P1, P2 incentive targeting }`)).toEqual([]);
        expect(await linesOf('target-mismatch', `${programmes}coordination C { between P1, P2 incentive budget }`)).toEqual([6]);
    });
});
