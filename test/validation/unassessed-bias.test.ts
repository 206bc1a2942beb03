/** Rule `unassessed-bias`: a quantitative evaluation without `risk-of-bias` (§7.6). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

describe('unassessed-bias', () => {
    test('fires on the evaluation\'s name for rct, quasi-experimental, psm, did and rdd', async () => {
        for (const method of ['rct', 'quasi-experimental', 'psm', 'did', 'rdd']) {
            expect(await linesOf('unassessed-bias', `// x\nevaluation\n  E { method ${method} }`), method).toEqual([3]);
        }
        const [f] = await findingsOf('unassessed-bias', 'evaluation E { method rct }');
        expect(f).toMatchObject({ severity: 'hint', data: { name: 'E', method: 'rct' } });
    });
    test('near misses: assessed (any judgement), qualitative, mixed, no method', async () => {
        for (const body of ['method rct risk-of-bias low', 'method psm risk-of-bias some-concerns "x"', 'method did risk-of-bias high', 'method qualitative', 'method mixed', 'by "x"']) {
            expect(await linesOf('unassessed-bias', `evaluation E { ${body} }`), body).toEqual([]);
        }
    });
});
