/**
 * Lone CR line endings (issue 21, fault 6): LSP counts `\r`, `\n` and `\r\n`
 * as line ends, and so must every position Coord computes, so that the editor
 * and `coord check` put a finding on the same line — after a full build and
 * after incremental edits.
 */
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { session, uriOf } from './lsp-session.js';

const LINES = ['population p "P"', 'programme X "x" {', '  country Peru', '}', 'domain d x', '// coord-disable-next-line unused -- kept', 'population q "Q"'];

describe.each([['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n'], ['mixed', null]])('%s line endings', (_name, eol) => {
    const text = eol === null ? LINES.map((l, i) => l + ['\r', '\n', '\r\n'][i % 3]).join('') : LINES.join(eol) + eol;

    test('every finding sits on the line of its text, in a build and after an edit', async () => {
        const s = session();
        await s.open({ 'a.coord': text });
        const lineOf = () => {
            const doc = s.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('a.coord')))!;
            return (s.Coord.validation.DocumentValidator.getFindings(doc) ?? []).map(f => [f.rule, f.range.start.line, f.suppressed ? 'suppressed' : '']);
        };
        const expected = [
            ['unused', 0, ''], ['required-property', 1, ''], ['unused', 1, ''], ['syntax', 4, ''], ['unused', 6, 'suppressed'],
        ];
        expect(lineOf().sort()).toEqual(expected.sort());
        await s.edit('a.coord', text.replace('programme X "x"', 'programme Xy "x"'));
        expect(lineOf().sort()).toEqual(expected.sort());
        const { incremental, fresh } = await s.compare();
        expect(incremental).toEqual(fresh);
    });
});
