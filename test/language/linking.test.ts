/**
 * Workspace semantics (§2): every file links with every other and with the
 * standard library, with no import statement.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../helpers.js';

describe('linking across files', () => {
    test('references resolve into other files and the standard library', async () => {
        const findings = await check({
            'programmes.coord': `programme FEST { country Colombia sector productive targets displaced }
programme UNIDOS { country Colombia sector social-protection targets displaced }`,
            'people.coord': 'population displaced "Displaced households"',
            'evidence.coord': `evaluation EvalFEST { method did }
effects of FEST + UNIDOS from EvalFEST { + savings - informal_loans }`,
            'arrangements.coord': 'body SNARIV\ncoordination C { between FEST, UNIDOS node SNARIV local { role "x" by SNARIV } }',
        });
        expect(findings.filter(f => f.rule === 'unresolved-reference' || f.severity === 'error')).toEqual([]);
    });

    test('a reference of the wrong kind does not resolve and says what it is', async () => {
        const findings = await check({
            'a.coord': 'population FEST\nprogramme P { country X sector other }\ncoordination C { between P, FEST }',
        });
        const f = findings.find(x => x.rule === 'unresolved-reference');
        expect(f?.message).toMatch(/'FEST' is a population, not a programme/);
        expect(f?.line).toBe(3);
    });

    test('role `by` takes a programme or a body', async () => {
        const findings = await check(`programme A { country X sector productive }
programme B { country X sector social-protection }
body N
coordination C { between A, B local { role "r1" by A role "r2" by N role "r3" by Nope } }`);
        const unresolved = findings.filter(f => f.rule === 'unresolved-reference');
        expect(unresolved.map(f => f.message)).toEqual(["unknown programme or body 'Nope'"]);
    });
});

describe('files that are not text', () => {
    test('a document with NUL bytes gets one finding, not one per stray byte', async () => {
        const findings = await check({ 'b.coord': 'programme\u0000\u0001 P { \u0000 }\u0000' });
        expect(findings.map(f => [f.rule, f.message])).toEqual([['syntax', 'binary file (contains NUL bytes), not a .coord text file']]);
    });
});
