/**
 * LSP formatting runs the core formatter: whole-document formatting with one
 * minimal edit, range formatting of the declarations the range touches, and
 * no edits for a document that does not parse.
 */
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectFormatting } from 'langium/test';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { applyEdits, lspWorkspace } from './lsp-helpers.js';

const UGLY = 'domain   d "D"\nprogramme P { country A , B sector other }\n\n\n\nprogramme Q {country C\nsector productive}\n';
const PRETTY = 'domain d "D"\n\nprogramme P {\n  country A, B\n  sector other\n}\n\nprogramme Q {\n  country C\n  sector productive\n}\n';
const OPTIONS = { tabSize: 4, insertSpaces: true };

async function format(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) {
    const ws = await lspWorkspace({ 'main.coord': text });
    const document = ws.documents['main.coord'];
    const formatter = ws.services.lsp.Formatter!;
    const textDocument = { uri: document.uri.toString() };
    return range
        ? formatter.formatDocumentRange(document, { textDocument, options: OPTIONS, range })
        : formatter.formatDocument(document, { textDocument, options: OPTIONS });
}

describe('LSP formatting', () => {
    test('with langium/test expectFormatting', async () => {
        await expectFormatting(createCoordLspServices(EmptyFileSystem).Coord)({ before: UGLY, after: PRETTY });
    });

    test('one minimal edit for the whole document; none when already formatted', async () => {
        const edits = await format(UGLY);
        expect(edits).toHaveLength(1);
        expect(applyEdits(UGLY, edits)).toBe(PRETTY);
        expect(edits[0].range.start).toEqual({ line: 0, character: 7 });
        expect(await format(PRETTY)).toEqual([]);
    });

    test('range formatting formats only the declarations the range touches', async () => {
        const edits = await format(UGLY, { start: { line: 1, character: 3 }, end: { line: 1, character: 5 } });
        expect(applyEdits(UGLY, edits)).toBe('domain   d "D"\nprogramme P {\n  country A, B\n  sector other\n}\n\n\n\nprogramme Q {country C\nsector productive}\n');
    });

    test('no edits for a document with a syntax error', async () => {
        expect(await format('programme P { country\n}\ndomain   d\n')).toEqual([]);
    });

    test('keeps CRLF line endings', async () => {
        const edits = await format('domain d\r\nprogramme P { country A sector other }\r\n');
        expect(applyEdits('domain d\r\nprogramme P { country A sector other }\r\n', edits)).toBe('domain d\r\n\r\nprogramme P {\r\n  country A\r\n  sector other\r\n}\r\n');
    });
});
