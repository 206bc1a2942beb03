/**
 * The structural rules of §3 — each fires where it should, is placed where §3
 * says, and stays quiet on a near miss.
 */
import { describe, expect, test } from 'vitest';
import { check, linesOf } from '../helpers.js';

const P = (name: string, sector = 'productive') => `programme ${name} { country X sector ${sector} }`;

describe('syntax', () => {
    test('fires on text that does not parse, with the position of the bad token', async () => {
        const findings = await check('programme P {\n  country X\n  sector productive\n  budgett 3 USD\n}');
        expect(findings.filter(f => f.rule === 'syntax').map(f => f.line)).toContain(4);
    });
    test('an unterminated block at the end of the file is reported, not thrown', async () => {
        expect((await check('programme P { country X')).some(f => f.rule === 'syntax')).toBe(true);
    });
    test('does not fire on valid text', async () => {
        expect(await linesOf('syntax', P('A'))).toEqual([]);
    });
});

describe('unresolved-reference', () => {
    test('suggests the closest name of the right kind', async () => {
        const findings = await check(`${P('UNIDOS', 'social-protection')}\n${P('FEST')}\npopulation UNIDAS\ncoordination C { between FEST, UNIDS }`);
        const f = findings.find(x => x.rule === 'unresolved-reference');
        expect(f).toMatchObject({ line: 4, message: "unknown programme 'UNIDS'; did you mean 'UNIDOS'?" });
    });
    test('suggests standard-library outcomes', async () => {
        const findings = await check(`${P('A')}\neffects of A { + incme }`);
        expect(findings.find(x => x.rule === 'unresolved-reference')?.message).toMatch(/did you mean 'income'/);
    });
    test('no suggestion when nothing is close', async () => {
        const findings = await check(`${P('A')}\neffects of A { + zzzzzzzz }`);
        expect(findings.find(x => x.rule === 'unresolved-reference')?.message).toBe("unknown outcome 'zzzzzzzz'");
    });
});

describe('duplicate-name', () => {
    test('across files: on every user declaration that shares the name', async () => {
        const findings = await check({ 'a.coord': `\n${P('FEST')}`, 'b.coord': 'population FEST' });
        expect(findings.filter(f => f.rule === 'duplicate-name').map(f => `${f.file}:${f.line}`).sort()).toEqual(['a.coord:2', 'b.coord:1']);
    });
    test('against the standard library: on the user declaration only', async () => {
        const findings = await check('domain productive "Mine"\noutcome income in productive');
        const dup = findings.filter(f => f.rule === 'duplicate-name');
        expect(dup.map(f => f.line)).toEqual([1, 2]);
        expect(dup[0].message).toMatch(/standard-library domain 'productive'/);
    });
    test('distinct names do not fire', async () => {
        expect(await linesOf('duplicate-name', `${P('A')}\n${P('B')}`)).toEqual([]);
    });
});

describe('required-property', () => {
    test('programme without sector, coordination without between, evaluation without method', async () => {
        const findings = await check('programme A { country X }\n\ncoordination C { achieved low }\nevaluation E { by "x" }');
        expect(findings.filter(f => f.rule === 'required-property').map(f => [f.line, f.message])).toEqual([
            [1, "programme A has no 'sector' (social-protection, productive or other)"],
            [3, "coordination C has no 'between' (the programmes it coordinates)"],
            [4, "evaluation E has no 'method' (rct, quasi-experimental, psm, did, rdd, qualitative or mixed)"],
        ]);
    });
    test('sits on the line of the name', async () => {
        expect(await linesOf('required-property', 'programme\n  A\n  { country X }')).toEqual([2]);
    });
    test('complete declarations do not fire', async () => {
        expect(await linesOf('required-property', `${P('A')}\nevaluation E { method rct }`)).toEqual([]);
    });
});

describe('repeated-property', () => {
    test('a once property twice: on the repeat', async () => {
        expect(await linesOf('repeated-property', 'programme A {\n  country X\n  sector other\n  sector productive\n}')).toEqual([4]);
    });
    test('each level block once', async () => {
        expect(await linesOf('repeated-property', `${P('A')}\n${P('B', 'social-protection')}\ncoordination C {\n between A, B\n local { }\n local { }\n}`)).toEqual([6]);
    });
    test('repeatable properties do not fire', async () => {
        expect(await linesOf('repeated-property', 'programme A { country X sector other note "a" note "b" redesigned 2012 redesigned 2014 }')).toEqual([]);
    });
});

describe('between-arity', () => {
    test('one programme', async () => {
        expect(await linesOf('between-arity', `${P('A')}\ncoordination C { between A }`)).toEqual([2]);
    });
    test('one programme twice: on the repeat', async () => {
        const findings = await check(`${P('A')}\n${P('B')}\ncoordination C {\n  between A,\n    A, B\n}`);
        expect(findings.filter(f => f.rule === 'between-arity').map(f => f.line)).toEqual([5]);
    });
    test('two distinct programmes do not fire', async () => {
        expect(await linesOf('between-arity', `${P('A')}\n${P('B')}\ncoordination C { between A, B }`)).toEqual([]);
    });
});

describe('invalid-value', () => {
    test('years, periods, p, budget and sample', async () => {
        const findings = await check(`programme A {
  country X
  sector other
  period 2018..2011
  budget -3 USD
  redesigned 1850
}
evaluation E {
  method rct
  sample -10 households
  period 2012.5..2014
}
effects of A from E {
  + income p 1.5
}`);
        expect(findings.filter(f => f.rule === 'invalid-value').map(f => [f.line, f.message])).toEqual([
            [4, 'period 2018..2011 ends before it starts'],
            [5, 'budget -3 is negative'],
            [6, '1850 is not a year between 1900 and 2100'],
            [10, 'sample -10 is negative'],
            [11, '2012.5 is not a year between 1900 and 2100'],
            [14, 'p 1.5 lies outside 0–1'],
        ]);
    });
    test('boundary values are valid', async () => {
        expect(await linesOf('invalid-value', `programme A { country X sector other period 1900..2100 budget 0 USD }
evaluation E { method rct sample 0 }
effects of A from E { + income p 0 - poverty p 1 }`)).toEqual([]);
    });
});

describe('syntax messages an analyst can act on', () => {
    const messages = async (text: string) => (await check(text)).filter(f => f.rule === 'syntax').map(f => `${f.line}: ${f.message}`);

    test('an unterminated string is one finding, not a cascade, on the line it opens', async () => {
        expect(await messages('domain d "unterminated\n\ndomain e\n')).toEqual(['1: this string does not close on its line: add the closing \'"\'']);
    });
    test('an unterminated block comment', async () => {
        expect(await messages('population a /* x\n')).toEqual(['1: unterminated comment: this `/*` has no closing `*/`']);
    });
    test('an accented letter in a name says where accents go', async () => {
        const [first, ...rest] = await messages('programme HakuWiñay { country Peru sector productive }');
        expect(first).toMatch(/^1: 'ñ' cannot be part of a name: .* title string/);
        expect(rest).toEqual([]);
    });
    test('a missing unit names the construct and says "a name" once, on the line it is missing from', async () => {
        expect(await messages('programme P {\n  country X sector other\n  budget 5\n}')).toEqual(["3: missing a name after '5' in `budget`"]);
    });
    test('the end of the file is placed at the end, not at 1:1', async () => {
        const findings = (await check('\n\noutcome o in')).filter(f => f.rule === 'syntax');
        expect(findings.map(f => `${f.line}: ${f.message}`)).toEqual(["3: missing a name after 'in' in an outcome"]);
    });
    test('a wrong enumerated value lists the allowed ones', async () => {
        expect(await messages('programme P { country X sector agriculture }')).toEqual([
            "1: unexpected 'agriculture' in `sector`; expected one of 'social-protection', 'productive', 'other'",
        ]);
    });
});

test('a huge year is printed as written, not in exponent form', async () => {
    const findings = await check('programme P { country X sector other redesigned 100000000000000000000000 }');
    expect(findings.find(f => f.rule === 'invalid-value')?.message).toBe('100000000000000000000000 is not a year between 1900 and 2100');
});
