/** Rule `agriculture-anchor`: no productive programme of a coordination sits in the ministry of agriculture. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

describe('agriculture-anchor', () => {
    test('fires (hint) on the name line, pointing to each productive programme\'s ministry', async () => {
        const text = `programme SP { country X sector social-protection ministry agriculture }
programme PR1 { country X sector productive
  ministry social_development }
programme PR2 { country X sector productive }
coordination C { between SP, PR1, PR2 }`;
        const findings = await findingsOf('agriculture-anchor', text);
        expect(findings).toMatchObject([{
            line: 5, severity: 'hint', data: { coordination: 'C', programmes: ['PR1', 'PR2'] },
            related: [{ line: 3, message: 'PR1 is anchored in ministry social_development' }, { line: 4, message: 'PR2 declares no ministry' }],
        }]);
        expect(findings[0].message).toBe('no productive programme of coordination C (PR1, PR2) is anchored in the ministry of agriculture; the brief recommends "single programmes institutionally anchored to the ministries of agriculture"');
    });
    test('near miss: one productive programme with `ministry agriculture` is enough', async () => {
        const text = `programme PR1 { country X sector productive ministry agriculture }
programme PR2 { country X sector productive }
coordination C { between PR1, PR2 }`;
        expect(await linesOf('agriculture-anchor', text)).toEqual([]);
    });
    test('(v2, §8) an integrated programme counts as productive: it needs the anchor, and its anchor counts', async () => {
        const unanchored = `programme I { country X sector social-protection, productive }
programme O { country X sector other }
coordination C { between I, O }`;
        expect(await findingsOf('agriculture-anchor', unanchored)).toMatchObject([{ line: 3, data: { programmes: ['I'] } }]);
        const anchored = `programme I { country X sector social-protection, productive ministry agriculture }
programme PR { country X sector productive }
coordination C { between I, PR }`;
        expect(await linesOf('agriculture-anchor', anchored)).toEqual([]);
    });
    test('near miss: no productive programme at all', async () => {
        const text = `programme A { country X sector social-protection }
programme B { country X sector other }
coordination C { between A, B }`;
        expect(await linesOf('agriculture-anchor', text)).toEqual([]);
    });
});
