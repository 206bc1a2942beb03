/** Rule `complexity`: more than one node, or agreements at all three levels. */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
body N1
body N2
`;

describe('complexity', () => {
    test('fires (info) on the name line with two nodes, pointing to them', async () => {
        const findings = await findingsOf('complexity', `${PROGRAMMES}coordination C {\n  between SP, PR\n  node N1\n  node N2\n}`);
        expect(findings).toMatchObject([{
            line: 5, severity: 'info', data: { coordination: 'C', nodes: ['N1', 'N2'], allLevels: false },
            related: [{ line: 7, message: 'node N1' }, { line: 8, message: 'node N2' }],
        }]);
        expect(findings[0].message).toBe('coordination C has 2 coordinating nodes (N1, N2); greater complexity of design did not guarantee coordination in Colombia and Mexico');
    });
    test('fires with agreements at national, regional and local level', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  national { agreement formal "a" }
  regional { agreement informal "b" }
  local { agreement informal "c" }
}`;
        const findings = await findingsOf('complexity', text);
        expect(findings.map(f => [f.line, f.message])).toEqual([[5, 'coordination C has agreements at national, regional and local level; greater complexity of design did not guarantee coordination in Colombia and Mexico']]);
    });
    test('near miss: one node, and a level block with only roles does not count as agreements', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  node N1
  national { agreement formal "a" }
  regional { role "r" }
  local { agreement informal "c" }
}`;
        expect(await linesOf('complexity', text)).toEqual([]);
    });
});
