/** Rule `unsourced-figure`: a figure that no source traces (§7.3). */
import { describe, expect, test } from 'vitest';
import { linesOf } from '../helpers.js';
import { findingsOf } from './findings.js';

describe('unsourced-figure', () => {
    test('fires on each figure of an effect with no cite whose evaluation is not traceable', async () => {
        const text = 'evaluation E { method rct }\neffects of A from E {\n  + income size 0.1 sd\n    ci 0.05..0.15 se 0.02 n 40 p 0.01 estimand itt\n}';
        const findings = await findingsOf('unsourced-figure', text);
        expect(findings.map(f => [f.line, f.data?.figure])).toEqual([[3, 'size'], [4, 'ci'], [4, 'se'], [4, 'n']]);
        expect(findings[0].message).toBe('the size of `+ income` is not sourced: the effect has no `cite` and its evaluation E has no `cite`, `doi` or `url`');
        expect(await linesOf('unsourced-figure', 'effects of A { + income size 1 }')).toEqual([1]);
    });
    test('fires on a budget without cite and a sample without cite, doi or url', async () => {
        expect(await linesOf('unsourced-figure', 'programme P {\n country X\n sector other\n budget 1 USD\n}')).toEqual([4]);
        expect(await linesOf('unsourced-figure', 'evaluation E {\n method rct\n sample 10\n}')).toEqual([3]);
    });
    test('near misses: sourced figures, and effects without figures', async () => {
        const sourced = [
            'effects of A { + income size 1 cite "Table 2" }',
            'evaluation E { method rct cite "Report, 2019" }\neffects of A from E { + income size 1 ci 0..2 }',
            'evaluation E { method rct doi "10.1/x" }\neffects of A from E { + income n 10 }',
            'evaluation E { method rct url "https://example.org" sample 10 }',
            'programme P { country X sector other budget 1 USD cite "Law 1" }',
            'effects of A { + income p 0.01 estimand itt followup 1 years }',
        ];
        for (const text of sourced) expect(await linesOf('unsourced-figure', text), text).toEqual([]);
    });
});
