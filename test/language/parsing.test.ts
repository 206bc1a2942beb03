/**
 * Parsing of every construct of the language reference §1–§2: each example of
 * the contract parses as written, keywords work as names, strings take escapes
 * and any Unicode, both comment forms are hidden, CRLF and a BOM are fine.
 */
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { stripBom } from '../../src/language/coord-workspace.js';
import type {
    BudgetProperty, Coordination, Effects, Evaluation, Model, Outcome, Programme, SampleProperty, Body, Domain,
} from '../../src/language/generated/ast.js';
import { propertyOf, propertiesOf } from '../../src/analysis/queries.js';
import { effectFigures } from '../../src/analysis/evidence.js';
import { check } from '../helpers.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const parse = parseHelper<Model>(Coord);

async function parseOk(text: string): Promise<Model> {
    const doc: LangiumDocument<Model> = await parse(text);
    const errors = [...doc.parseResult.lexerErrors.map(e => e.message), ...doc.parseResult.parserErrors.map(e => e.message)];
    expect(errors, text).toEqual([]);
    return doc.parseResult.value;
}

/** The examples of §2 of the contract, verbatim. */
const CONTRACT_PROGRAMME = `programme FEST "Familias en su Tierra" {
  country Colombia
  sector productive
  agency "Prosperidad Social"
  ministry social_inclusion
  targets displaced_returnees, extreme_poor
  instruments transfers, technical_assistance, productive_assets
  budget 12.5 million_USD per year
  period 2011..2018
  redesigned 2016 "Shorter cycle, fewer visits"
  note "Aimed at households returning to their land"
}`;

const CONTRACT_COORDINATION = `coordination FEST_UNIDOS "FEST + UNIDOS" {
  between FEST, UNIDOS
  node SNARIV
  political-support strong
  national {
    agreement formal "Prioritise UNIDOS households in FEST targeting"
  }
  local {
    agreement informal "Activities planned together by local managers"
    role "Family co-manager refers households" by UNIDOS
  }
  incentive targeting "Shared eligibility list"
  incentive budget "Earmarked co-financing line"
  targeting "UNIDOS registry used as FEST eligibility list"
  achieved low
  since 2012
  reviewed 2015
  barrier budget-priorities "Different priorities and budgets between sectors"
}`;

const CONTRACT_EVALUATION = `evaluation EvalHW "Haku Wiñay impact evaluation" {
  method quasi-experimental
  period 2014..2016
  sample 1800 households
  by "GRADE"
}`;

const CONTRACT_EFFECTS = `effects of FEST + UNIDOS from EvalFEST {
  - severe_food_insecurity
  + mild_food_insecurity
  + savings size 0.12 sd p 0.03
  ~ secondary_activities note "No significant change"
}`;

describe('the contract examples (§2) parse as written', () => {
    test('domain, outcome, population', async () => {
        const model = await parseOk(`domain psychosocial_x "Psychological and social"
outcome powerful_others_index_x "Powerful others index" in psychosocial desirable decrease
population extreme_poor "Households in extreme poverty"`);
        expect(model.declarations.map(d => d.$type)).toEqual(['Domain', 'Outcome', 'Population']);
        const outcome = model.declarations[1] as Outcome;
        expect(outcome.desirable).toBe('decrease');
        expect(outcome.domain.$refText).toBe('psychosocial');
    });

    test('programme with every property', async () => {
        const model = await parseOk(CONTRACT_PROGRAMME);
        const p = model.declarations[0] as Programme;
        expect(p.name).toBe('FEST');
        expect(p.title).toBe('Familias en su Tierra');
        expect(p.properties.map(x => x.kind)).toEqual([
            'country', 'sector', 'agency', 'ministry', 'targets', 'instruments', 'budget', 'period', 'redesigned', 'note',
        ]);
        const budget = propertyOf(p, 'budget') as BudgetProperty;
        expect([budget.amount, budget.unit, budget.per]).toEqual([12.5, 'million_USD', 'year']);
        const period = propertyOf(p, 'period')!;
        expect([period.start, period.end]).toEqual([2011, 2018]);
        expect(propertyOf(p, 'targets')!.populations.map(r => r.$refText)).toEqual(['displaced_returnees', 'extreme_poor']);
    });

    test('body with and without a block', async () => {
        const model = await parseOk(`body STEIA "Coordinating node for productive inclusion" { level national  ministry agriculture }
body SNARIV`);
        const steia = model.declarations[0] as Body;
        expect(steia.properties.map(p => p.kind)).toEqual(['level', 'ministry']);
        expect((model.declarations[1] as Body).properties).toEqual([]);
    });

    test('coordination with every property', async () => {
        const model = await parseOk(CONTRACT_COORDINATION);
        const c = model.declarations[0] as Coordination;
        expect(c.properties.map(p => p.kind)).toEqual([
            'between', 'node', 'political-support', 'national', 'local', 'incentive', 'incentive', 'targeting', 'achieved', 'since', 'reviewed', 'barrier',
        ]);
        const local = propertiesOf(c, 'local')[0];
        expect(local.items.map(i => i.kind)).toEqual(['agreement', 'role']);
    });

    test('evaluation: `sample 1800 households` then `by` (a unit never swallows the next keyword)', async () => {
        const model = await parseOk(CONTRACT_EVALUATION);
        const e = model.declarations[0] as Evaluation;
        const sample = propertyOf(e, 'sample') as SampleProperty;
        expect([sample.size, sample.unit]).toEqual([1800, 'households']);
        expect(e.properties.map(p => p.kind)).toEqual(['method', 'period', 'sample', 'by']);
    });

    test('`sample 10 by "GRADE"` has no unit', async () => {
        const model = await parseOk('evaluation E { method rct sample 10 by "GRADE" }');
        const sample = propertyOf(model.declarations[0] as Evaluation, 'sample') as SampleProperty;
        expect(sample.unit).toBeUndefined();
        expect(propertyOf(model.declarations[0] as Evaluation, 'by')?.value).toBe('GRADE');
    });

    test('effects with size, p and note', async () => {
        const model = await parseOk(CONTRACT_EFFECTS);
        const e = model.declarations[0] as Effects;
        expect(e.programmes.map(r => r.$refText)).toEqual(['FEST', 'UNIDOS']);
        expect(e.source?.$refText).toBe('EvalFEST');
        expect(e.effects.map(x => [x.direction, x.outcome.$refText])).toEqual([
            ['-', 'severe_food_insecurity'], ['+', 'mild_food_insecurity'], ['+', 'savings'], ['~', 'secondary_activities'],
        ]);
        const savings = effectFigures(e.effects[2]);
        expect([savings.size, savings.unit, savings.p]).toEqual([0.12, 'sd', 0.03]);
        expect(effectFigures(e.effects[3]).note).toBe('No significant change');
    });

    test('`size 0.5 p 0.01` and `size -0.2 note "x"` have no unit', async () => {
        const model = await parseOk('effects of A { + x size 0.5 p 0.01  - y size -0.2 note "x" }');
        const [a, b] = (model.declarations[0] as Effects).effects.map(effectFigures);
        expect([a.size, a.unit, a.p]).toEqual([0.5, undefined, 0.01]);
        expect([b.size, b.unit, b.note]).toEqual([-0.2, undefined, 'x']);
    });

    test('effects without `from`, and of one programme', async () => {
        const model = await parseOk('effects of PPP { + productive_assets }');
        expect((model.declarations[0] as Effects).source).toBeUndefined();
    });

    test('the whole contract example workspace links with no errors', async () => {
        const findings = await check({
            'a.coord': `${CONTRACT_PROGRAMME}\n${CONTRACT_COORDINATION}\n${CONTRACT_EVALUATION}\n${CONTRACT_EFFECTS}`,
            'b.coord': `programme UNIDOS { country Colombia sector social-protection }
body SNARIV
population displaced_returnees
population extreme_poor
evaluation EvalFEST { method did }`,
        });
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    });
});

describe('lexical structure (§1)', () => {
    test('every keyword that is a word may be a name', async () => {
        const words = ['domain', 'outcome', 'in', 'desirable', 'programme', 'local', 'national', 'between', 'effects', 'of', 'from', 'p', 'size', 'by', 'note', 'per', 'targets', 'sample'];
        for (const w of words) {
            await parseOk(`domain ${w} "A domain called ${w}"`);
            await parseOk(`programme ${w} { country ${w} sector other ministry ${w} }`);
        }
    });

    test('a domain called productive and a programme called local', async () => {
        const model = await parseOk(`domain productive_2 "x"
outcome local_outcome in productive desirable increase
programme local { country Peru sector productive }
effects of local { + local_outcome }`);
        expect((model.declarations[2] as Programme).name).toBe('local');
    });

    test('strings take escapes and any Unicode', async () => {
        const model = await parseOk(String.raw`programme HW "Haku Wiñay — \"Noa Jayatai\" \\ 🌱 中文 ﷺ" { country Peru sector productive }`);
        expect((model.declarations[0] as Programme).title).toBe('Haku Wiñay — "Noa Jayatai" \\ 🌱 中文 ﷺ');
    });

    test('numbers need a digit after the dot: 2011..2018 is two numbers', async () => {
        const model = await parseOk('evaluation E { method rct period 2011..2018 }');
        const period = propertyOf(model.declarations[0] as Evaluation, 'period')!;
        expect([period.start, period.end]).toEqual([2011, 2018]);
    });

    test('both comment forms are hidden, anywhere', async () => {
        const model = await parseOk(`// a line comment
/* a block
   comment */ domain /* inside */ d1 // trailing
"title" /* between */
programme P { /* c */ country X // c
  sector /* c */ productive }`);
        expect(model.declarations.map(d => d.$type)).toEqual(['Domain', 'Programme']);
        expect((model.declarations[0] as Domain).title).toBe('title');
    });

    test('CRLF line endings and a BOM: positions stay right', async () => {
        const text = '\uFEFFdomain d1 "x"\r\ndomain d2 "y"\r\noutcome o1 in nowhere\r\n';
        const findings = await check({ 'crlf.coord': text });
        expect(findings).toEqual([expect.objectContaining({ rule: 'unresolved-reference', line: 3 })]);
        const { Coord: C } = createCoordCoreServices(EmptyFileSystem);
        const doc = await parseHelper<Model>(C)(stripBom(text));
        const ref = (doc.parseResult.value.declarations[2] as Outcome).domain.$refNode!;
        expect(ref.range.start).toEqual({ line: 2, character: 14 });
    });

    test('a year is a Number: 2016.5 is an invalid-value, not a syntax error', async () => {
        const findings = await check('programme P { country X sector other redesigned 2016.5 }');
        expect(findings.filter(f => f.severity === 'error').map(f => f.rule)).toEqual(['invalid-value']);
    });

    test('a syntax error is reported with the syntax rule and a readable message', async () => {
        const findings = await check('programme P { country X sector agriculture }');
        const syntax = findings.filter(f => f.rule === 'syntax');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax[0].message).toMatch(/agriculture/);
        expect(syntax[0].message).not.toMatch(/Expecting: one of these possible Token sequences/);
    });
});
