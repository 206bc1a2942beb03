/** Rule `cross-sector`: a coordination that does not join both sectors. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

describe('cross-sector', () => {
    test('fires on the name line when every programme is productive', async () => {
        const text = `programme A { country X sector productive }
programme B { country X sector productive }
programme O { country X sector other }
coordination
  AB { between A, B, O }`;
        const findings = await findingsOf('cross-sector', text);
        expect(findings).toMatchObject([{ line: 5, severity: 'warning', data: { coordination: 'AB', missing: ['social-protection'] } }]);
        expect(findings[0].message).toBe('coordination AB joins no social-protection programme (productive: A, B; other: O); the synergy the brief studies is between social protection and rural productive development programmes');
    });
    test('fires when neither sector is joined', async () => {
        const text = `programme A { country X sector other }
programme B { country X sector other }
coordination AB { between A, B }`;
        expect((await findingsOf('cross-sector', text))[0].message).toMatch(/^coordination AB joins no social-protection and no productive programme \(other: A, B\)/);
    });
    test('only resolved programmes with a declared sector count', async () => {
        const text = `programme A { country X sector productive }
programme B { country X }
coordination AB { between A, B }`;
        expect(await linesOf('cross-sector', text)).toEqual([3]);
    });
    test('(v2, §8) a single integrated programme listing both sectors counts as both', async () => {
        const text = `programme I { country X sector productive, social-protection }
programme O { country X sector other }
coordination IO { between I, O }
coordination OO { between O, I }`;
        expect(await linesOf('cross-sector', text)).toEqual([]);
        // One sector listed twice is still one sector.
        const twice = `programme A { country X sector productive, productive }
programme B { country X sector other }
coordination AB { between A, B }`;
        expect((await findingsOf('cross-sector', twice)).map(f => f.data?.missing)).toEqual([['social-protection']]);
    });
    test('near miss: one of each sector (and others besides) clears it', async () => {
        const text = `programme A { country X sector productive }
programme B { country X sector social-protection }
programme C { country X sector other }
coordination ABC { between C, B, A }`;
        expect(await linesOf('cross-sector', text)).toEqual([]);
    });
});
