/**
 * Parsing of §7 (evidence, v2): effect details in any order, negative numbers
 * after detail keywords, `versus` comparators, provenance on every declaration
 * and the evaluation's `doi`, `url`, `published` and `risk-of-bias`.
 */
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import type { Body, Coordination, Effects, Evaluation, Model, Programme } from '../../src/language/generated/ast.js';
import { propertiesOf, propertyOf } from '../../src/analysis/queries.js';
import { cellKey, comparatorKey, effectFigures, standardErrorOf } from '../../src/analysis/evidence.js';
import { formatText } from '../../src/analysis/format.js';
import { linesOf } from '../helpers.js';

const services = createCoordCoreServices(EmptyFileSystem);
const parse = parseHelper<Model>(services.Coord);

async function parseOk(text: string): Promise<Model> {
    const doc: LangiumDocument<Model> = await parse(text);
    const errors = [...doc.parseResult.lexerErrors.map(e => e.message), ...doc.parseResult.parserErrors.map(e => e.message)];
    expect(errors, text).toEqual([]);
    return doc.parseResult.value;
}

describe('effect details (§7.1)', () => {
    test('every detail, in any order, with negative numbers after the detail keywords', async () => {
        const model = await parseOk(`effects of A from E {
  - savings size -0.12 sd ci -0.2..-0.04
  + income cite "Table 3, p. 21" n 1200 estimand itt se 0.05 p 0.01 size 0.3 sd followup 18 months subgroup women certainty moderate "Few clusters" note "n"
  ~ expectations followup 2 years ci -0.1..0.1
}`);
        const [a, b, c] = (model.declarations[0] as Effects).effects.map(effectFigures);
        expect(a).toEqual({ size: -0.12, unit: 'sd', ciLow: -0.2, ciHigh: -0.04 });
        expect(b).toEqual({
            cite: 'Table 3, p. 21', n: 1200, estimand: 'itt', se: 0.05, p: 0.01, size: 0.3, unit: 'sd',
            followup: 18, subgroup: 'women', certainty: { level: 'moderate', reason: 'Few clusters' }, note: 'n',
        });
        // The follow-up in months, as the summary writes it.
        expect(c.followup).toBe(24);
        expect(standardErrorOf(a)).toBeCloseTo(0.16 / 3.919928, 9);
        expect(standardErrorOf(b)).toBe(0.05);
    });

    test('a unit never swallows the keyword of the next detail', async () => {
        for (const next of ['ci 0..1', 'se 1', 'p 0.1', 'n 3', 'estimand tot', 'followup 1 years', 'subgroup w', 'certainty low "x"', 'cite "x"', 'note "x"']) {
            const model = await parseOk(`effects of A { + x size 0.5 ${next} }`);
            const effect = (model.declarations[0] as Effects).effects[0];
            expect(effectFigures(effect).unit, next).toBeUndefined();
            expect(effect.details).toHaveLength(2);
        }
    });

    test('detail keywords remain usable as names', async () => {
        const model = await parseOk('population n\npopulation ci\neffects of se versus n + ci from p { + size subgroup n size 1 months }');
        const block = model.declarations[2] as Effects;
        expect(block.programmes[0].$refText).toBe('se');
        expect(effectFigures(block.effects[0])).toEqual({ subgroup: 'n', size: 1, unit: 'months' });
    });

    test('a repeated detail parses and is a repeated-property error on the repeat', async () => {
        await parseOk('effects of A { + x size 1 size 2 }');
        const text = 'population w\nevaluation E { method rct cite "x" }\nprogramme A { country X sector other }\neffects of A from E {\n  + income size 1 p 0.01\n    size 2 p 0.02 ci 0..3 ci 0..4\n}';
        expect(await linesOf('repeated-property', text)).toEqual([6, 6, 6]);
    });
});

describe('comparators (§7.2)', () => {
    test('versus a combination, versus none, and no versus', async () => {
        const model = await parseOk(`effects of HakuWinay + SoftSkills versus HakuWinay from EvalSoftSkills { + savings }
effects of A versus none { + savings }
effects of A { + savings }
effects of A + B versus C + D from E { + savings }`);
        const blocks = model.declarations as Effects[];
        expect(blocks.map(comparatorKey)).toEqual(['HakuWinay', '', '', 'C+D']);
        expect(blocks[1].comparator?.none).toBe(true);
        expect(blocks[0].source?.$refText).toBe('EvalSoftSkills');
        expect(cellKey(blocks[0], blocks[0].effects[0])).toBe('HakuWinay+SoftSkills|HakuWinay|savings|');
        expect(cellKey(blocks[1], blocks[1].effects[0])).toBe(cellKey(blocks[2], blocks[2].effects[0]));
    });

    test('`none` after versus is never a programme; keywords are comparators', async () => {
        const model = await parseOk('effects of A versus from from from { }');
        const block = model.declarations[0] as Effects;
        expect(block.comparator?.programmes.map(r => r.$refText)).toEqual(['from']);
        expect(block.source?.$refText).toBe('from');
        const bad = await parse('effects of A versus none + B { }');
        expect(bad.parseResult.parserErrors.length).toBeGreaterThan(0);
    });
});

describe('provenance (§7.3)', () => {
    test('cite on every declaration; doi, url, published and risk-of-bias on evaluations', async () => {
        const model = await parseOk(`programme P { country X sector other cite "A" cite "B" }
body N { level national cite "C" }
coordination C { between P, Q cite "D" }
evaluation E {
  method rct
  cite "Author (2019), p. 4"
  doi "10.1000/xyz"
  url "https://example.org/e"
  published 2019
  risk-of-bias some-concerns "Attrition differs between arms"
}
evaluation F { method psm risk-of-bias high sample 10 cite "x" }`);
        const [p, n, c, e, f] = model.declarations as [Programme, Body, Coordination, Evaluation, Evaluation];
        expect(propertiesOf(p, 'cite').map(x => x.value)).toEqual(['A', 'B']);
        expect(propertyOf(n, 'cite')?.value).toBe('C');
        expect(propertyOf(c, 'cite')?.value).toBe('D');
        expect(propertyOf(e, 'doi')?.value).toBe('10.1000/xyz');
        expect(propertyOf(e, 'url')?.value).toBe('https://example.org/e');
        expect(propertyOf(e, 'published')?.year).toBe(2019);
        expect(propertyOf(e, 'risk-of-bias')).toMatchObject({ value: 'some-concerns', text: 'Attrition differs between arms' });
        expect(propertyOf(f, 'risk-of-bias')?.value).toBe('high');
        expect(propertyOf(f, 'sample')?.unit).toBeUndefined();
    });

    test('doi, url, published and risk-of-bias may appear once', async () => {
        const text = 'evaluation E {\n method rct\n doi "a" doi "b"\n url "a"\n url "b"\n published 2001 published 2002\n risk-of-bias low risk-of-bias high\n cite "a" cite "b"\n}';
        expect(await linesOf('repeated-property', text)).toEqual([3, 5, 6, 7]);
    });

    test('published outside 1900–2100 is invalid', async () => {
        expect(await linesOf('invalid-value', 'evaluation E { method rct\n published 1850 }')).toEqual([2]);
    });
});

describe('formatting v2 constructs', () => {
    test('details stay on the effect line, signs and intervals stay tight', () => {
        const text = 'effects of A+B versus  A from E{\n+ savings size  -0.12 sd ci - 0.2 .. -0.04  n 12\n}\nevaluation E { method rct risk-of-bias low "ok" doi "d" }';
        const out = formatText(text, services.Coord);
        expect(out.ok && out.text).toBe('effects of A + B versus A from E {\n  + savings size -0.12 sd ci -0.2..-0.04 n 12\n}\n\nevaluation E {\n  method rct\n  risk-of-bias low "ok"\n  doi "d"\n}\n');
    });
});
