/** Rule `mixed-evidence`: a cell's effects come from two or more sources and have different directions (§7.6). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

const EVALS = 'evaluation E1 { method rct }\nevaluation E2 { method psm }\npopulation women\n';

describe('mixed-evidence', () => {
    test('fires on every effect involved, across blocks and files', async () => {
        const files = {
            'a.coord': `${EVALS}effects of A + B from E1 {\n  + income\n}`,
            'b.coord': 'effects of B + A from E2 {\n  ~ income\n  + savings\n}',
        };
        const findings = await findingsOf('mixed-evidence', files);
        expect(findings.map(f => [f.file, f.line])).toEqual([['a.coord', 5], ['b.coord', 2]]);
        expect(findings[0]).toMatchObject({ severity: 'info', data: { outcome: 'income', sources: ['E1', 'E2'], directions: ['+', '~'] } });
        expect(findings[0].related).toMatchObject([{ file: 'b.coord', line: 2 }]);
        expect(findings[0].message).toBe('`+ income` for A + B from E1 differs from `~ income` from E2; mixed evidence across 2 sources — show it, do not average it away');
    });
    test('near misses: one source, the same direction, another comparator or subgroup', async () => {
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income - income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A from E2 { + income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A + B from E1 { + income }\neffects of A + B versus A from E2 { - income }`)).toEqual([]);
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A from E2 { - income subgroup women }`)).toEqual([]);
    });
    test('effects without `from` count as one more source', async () => {
        expect(await linesOf('mixed-evidence', `${EVALS}effects of A from E1 { + income }\neffects of A { - income }`)).toEqual([4, 5]);
    });
});
