/**
 * Rule `complexity`: more than one node; agreements at all three levels; or
 * (v2) a node together with agreements at two or more levels or with more
 * than two programmes — the architectures of Colombia and Mexico.
 */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const PROGRAMMES = `programme SP { country X sector social-protection }
programme PR { country X sector productive }
body N1
body N2
`;
const LESSON = '; the brief: "greater complexity in the design of the articulation does not guarantee successful coordination processes, as revealed in the cases of Colombia and Mexico"';

describe('complexity', () => {
    test('fires (info) on the name line with two nodes, pointing to them', async () => {
        const findings = await findingsOf('complexity', `${PROGRAMMES}coordination C {\n  between SP, PR\n  node N1\n  node N2\n}`);
        expect(findings).toMatchObject([{
            line: 5, severity: 'info', data: { coordination: 'C', nodes: ['N1', 'N2'], allLevels: false },
            related: [{ line: 7, message: 'node N1' }, { line: 8, message: 'node N2' }],
        }]);
        expect(findings[0].message).toBe(`coordination C has 2 coordinating nodes (N1, N2)${LESSON}`);
    });
    test('fires with agreements at national, regional and local level, without a node', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  national { agreement formal "a" }
  regional { agreement informal "b" }
  local { agreement informal "c" }
}`;
        const findings = await findingsOf('complexity', text);
        expect(findings.map(f => [f.line, f.message])).toEqual([[5, `coordination C has agreements at national, regional and local level${LESSON}`]]);
    });
    test('(v2) a node with agreements at two levels: the architecture of Colombia\'s PPP within SNARIV', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  node N1
  national { agreement formal "a" }
  local { agreement informal "c" }
}`;
        const findings = await findingsOf('complexity', text);
        expect(findings).toMatchObject([{ line: 5, data: { nodes: ['N1'], levels: ['national', 'local'], programmes: 2 }, related: [{ line: 7, message: 'node N1' }] }]);
        expect(findings[0].message).toBe(`coordination C has a coordinating node (N1) and agreements at national and local level${LESSON}`);
    });
    test('(v2) a node with more than two programmes: the architecture of Mexico\'s STEIA', async () => {
        const text = `${PROGRAMMES}programme PR2 { country X sector productive }
coordination C {
  between SP, PR, PR2
  node N1
}`;
        const findings = await findingsOf('complexity', text);
        expect(findings.map(f => [f.line, f.message])).toEqual([[6, `coordination C has a coordinating node (N1) and 3 programmes${LESSON}`]]);
    });
    test('near miss: a node with agreements at one level and two programmes', async () => {
        const text = `${PROGRAMMES}coordination C {
  between SP, PR
  node N1
  national { agreement formal "a" }
  regional { role "r" }
  local { role "c" }
}`;
        expect(await linesOf('complexity', text)).toEqual([]);
    });
    test('near miss: three programmes and two levels of agreement, but no node', async () => {
        const text = `${PROGRAMMES}programme PR2 { country X sector productive }
coordination C {
  between SP, PR, PR2
  national { agreement formal "a" }
  local { agreement informal "c" }
}`;
        expect(await linesOf('complexity', text)).toEqual([]);
    });
    test('a programme listed twice counts once (the between-arity error says the rest)', async () => {
        const text = `${PROGRAMMES}coordination C { between SP, PR, PR node N1 }`;
        expect(await linesOf('complexity', text)).toEqual([]);
    });
});
