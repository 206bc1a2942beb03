/**
 * The same mistake repeated down a file (issue 21, faults 0 and 2). Each
 * error-recovery re-sync of Chevrotain's list rules was four stack frames that
 * stayed until the list ended, so 1,335 lines of `domain d0 x` overflowed the
 * stack and no file got a report; each re-sync also scanned to the end of the
 * file (quadratic). A name declared thousands of times made each duplicate
 * list all the others (quadratic in time and memory), and every syntax error
 * was reported. Now: 100,000 repetitions parse with the errors of the
 * recursive parser, without overflow; a file's syntax findings stop after the
 * first hundred with one that counts the rest; related places are capped.
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { MAX_SYNTAX_FINDINGS } from '../../src/validation/rules/syntax.js';
import { MAX_RELATED } from '../../src/validation/rule.js';
import { session, uriOf } from './lsp-session.js';

const REPEATED: Record<string, (i: number) => string> = {
    'a title without quotes (`domain d0 x`)': i => `domain d${i} x\n`,
    'a population with two titles (`population p "A", "B"`)': () => 'population p "A", "B"\n',
    'a stray `,` after `}`': i => `population p${i} "P" {\n}\n,\n`,
};

function repeat(line: (i: number) => string, n: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(line(i));
    return parts.join('');
}

describe('the same mistake 100,000 times', () => {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    test.each(Object.entries(REPEATED))('%s parses without overflowing the stack', (_name, line) => {
        const text = repeat(line, 100_000);
        const result = Coord.parser.LangiumParser.parse(text);
        // One error (at least) per repetition: recovery went on to the end, it did not give up.
        expect(result.parserErrors.length).toBeGreaterThanOrEqual(100_000);
        expect((result.value as Model).declarations.length).toBeGreaterThan(0);
    }, 120_000);

    test('the errors are those of the recursive recovery (checked on a small file, which the recursion still handles)', () => {
        // Each line: a declaration, then a token no declaration starts with, skipped by a re-sync.
        const text = repeat(i => `domain d${i} x\n`, 200);
        const result = Coord.parser.LangiumParser.parse(text);
        expect((result.value as Model).declarations.map(d => (d as { name?: string }).name)).toEqual(Array.from({ length: 200 }, (_, i) => `d${i}`));
        expect(result.parserErrors.map(e => e.token.startLine)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    });
});

describe('a file of repeated mistakes and names, checked whole', () => {
    async function check(text: string) {
        const { Coord } = createCoordCoreServices(EmptyFileSystem, { referenceIndex: false, reuseFindings: false });
        const built = await buildWorkspace(Coord, [{ uri: URI.file('/ws/a.coord').toString(), text }]);
        return built.findings(built.documents[0]);
    }

    test.each(Object.entries(REPEATED))('%s ×20,000: no internal error; syntax findings capped with a count of the rest', async (_name, line) => {
        const findings = await check(repeat(line, 20_000));
        expect(findings.filter(f => f.rule === 'internal-error')).toEqual([]);
        const syntax = findings.filter(f => f.rule === 'syntax');
        expect(syntax).toHaveLength(MAX_SYNTAX_FINDINGS + 1);
        expect(syntax.at(-1)!.message).toMatch(/^[\d,]+ more syntax errors in this file, not listed \(Coord lists the first 100\)/);
        const more = Number(syntax.at(-1)!.message.match(/^([\d,]+)/)![1].replace(/,/g, ''));
        expect(more).toBeGreaterThanOrEqual(20_000 - MAX_SYNTAX_FINDINGS);
    }, 120_000);

    test('a name declared 3,000 times: each duplicate lists the first few others and counts the rest', async () => {
        const findings = await check(repeat(() => 'population p "People"\n', 3_000));
        const duplicates = findings.filter(f => f.rule === 'duplicate-name');
        expect(duplicates).toHaveLength(3_000);
        for (const f of [duplicates[0], duplicates[1500], duplicates[2999]]) {
            expect(f.related).toHaveLength(MAX_RELATED);
            expect(f.message).toContain(`and ${(2_999 - MAX_RELATED).toLocaleString('en-US')} more); names must be unique`);
        }
        // The others listed are never the declaration itself.
        expect(duplicates[0].related.every(r => r.range.start.line !== duplicates[0].range.start.line)).toBe(true);
    }, 120_000);

    test('a name declared twice still names the one other place, with no count', async () => {
        const findings = await check('population p "People"\npopulation p "People"\n');
        const duplicates = findings.filter(f => f.rule === 'duplicate-name');
        expect(duplicates.map(f => f.related.length)).toEqual([1, 1]);
        expect(duplicates[0].message).toBe("'p' is declared more than once in the workspace (population in this file); names must be unique");
    });

    test('one evaluation reporting an effect 2,000 times in both directions: each conflict lists a few others', async () => {
        const effects = repeat(i => `  ${i % 2 ? '-' : '+'} income\n`, 2_000);
        const text = `programme A "A" {\n}\nprogramme B "B" {\n}\nevaluation E "E" {\n}\neffects of A + B from E {\n${effects}}\n`;
        const findings = await check(text);
        const conflicts = findings.filter(f => f.rule === 'conflicting-effects');
        expect(conflicts).toHaveLength(2_000);
        expect(Math.max(...conflicts.map(f => f.related.length))).toBeLessThanOrEqual(MAX_RELATED);
        expect(conflicts[0].message).toContain('conflicts with `- income`');
        expect(conflicts[1].message).toContain('conflicts with `+ income`');
    }, 120_000);
});

describe('the language server with such a file open', () => {
    test('opens 20,000 lines of `domain d0 x` (the overflow began at 1,335), reports, and edits incrementally as a fresh build does', async () => {
        const s = session();
        const text = repeat(i => `domain d${i} x\n`, 20_000);
        await s.open({ 'a.coord': text, 'b.coord': 'population p "P"\n' });
        const findings = s.Coord.validation.DocumentValidator.getFindings(s.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('a.coord')))!) ?? [];
        expect(findings.filter(f => f.rule === 'syntax')).toHaveLength(MAX_SYNTAX_FINDINGS + 1);
        expect(findings.filter(f => f.rule === 'internal-error')).toEqual([]);
        await s.edit('a.coord', text.replace('domain d10000 x', 'domain d10000 "x"'));
        const { incremental, fresh } = await s.compare();
        expect(incremental).toEqual(fresh);
    }, 180_000);
});
