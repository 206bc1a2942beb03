/**
 * Requests on a document the server does not have (issue 21, fault 7): a URI
 * that is not open and does not exist, a path too long for the system, a
 * scheme other than `file:`, a FIFO behind a `.coord` name. Each request gets
 * the answer an empty document gets, never -32603 with a raw ENOENT /
 * ENAMETOOLONG message, never -32802, never silence. Before the fix,
 * references, rename, prepareRename, documentHighlight, implementation and
 * the call hierarchy answered -32603 (ENOENT, ENAMETOOLONG, "not a regular
 * file"), and the other requests -32802 ("No document found").
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSession, type StdioSession } from './stdio-session.js';

const position = { line: 0, character: 2 };
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
const options = { tabSize: 2, insertSpaces: true };

/** Each request taking a document, its other parameters, and what an empty document answers. */
const REQUESTS: Array<[string, object, unknown]> = [
    ['textDocument/references', { position, context: { includeDeclaration: true } }, []],
    ['textDocument/rename', { position, newName: 'x' }, null],
    ['textDocument/prepareRename', { position }, null],
    ['textDocument/documentHighlight', { position }, []],
    ['textDocument/hover', { position }, null],
    ['textDocument/definition', { position }, []],
    ['textDocument/declaration', { position }, []],
    ['textDocument/typeDefinition', { position }, []],
    ['textDocument/implementation', { position }, []],
    ['textDocument/completion', { position }, { isIncomplete: false, items: [] }],
    ['textDocument/signatureHelp', { position }, null],
    ['textDocument/formatting', { options }, []],
    ['textDocument/rangeFormatting', { range, options }, []],
    ['textDocument/onTypeFormatting', { position, ch: '}', options }, []],
    ['textDocument/codeAction', { range, context: { diagnostics: [] } }, []],
    ['textDocument/codeLens', {}, []],
    ['textDocument/semanticTokens/full', {}, { data: [] }],
    ['textDocument/semanticTokens/range', { range }, { data: [] }],
    ['textDocument/documentSymbol', {}, []],
    ['textDocument/foldingRange', {}, []],
    ['textDocument/documentLink', {}, []],
    ['textDocument/inlayHint', { range }, []],
    ['textDocument/prepareCallHierarchy', { position }, null],
];

let session: StdioSession;
let dir: string;

beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'coord-unknown-docs-')));
    fs.writeFileSync(path.join(dir, 'lib.coord'), 'population poor "Poor households"\n');
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(dir, 'pipe.coord')]);
    session = await startSession(pathToFileURL(dir).href);
});

afterAll(() => {
    session?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
});

const UNKNOWN: Array<[string, () => string]> = [
    ['a file that does not exist', () => pathToFileURL(path.join(dir, 'gone', 'missing.coord')).href],
    ['a path too long for the system', () => pathToFileURL(path.join(dir, `${'a'.repeat(300)}/`.repeat(20) + 'x.coord')).href],
    ['a name too long for the system', () => pathToFileURL(path.join(dir, `${'b'.repeat(5000)}.coord`)).href],
    ['an https: URI', () => 'https://example.com/spec.coord'],
    ['a git: URI', () => 'git:/repo/spec.coord?%7B%22ref%22%3A%22HEAD%22%7D'],
    ['an untitled document never opened', () => 'untitled:Untitled-42'],
    ...(process.platform === 'win32' ? [] : [['a FIFO named .coord', () => pathToFileURL(path.join(dir, 'pipe.coord')).href] as [string, () => string]]),
];

describe('requests on a document the server does not have', () => {
    test.each(UNKNOWN)('%s: every request gets an empty document\'s answer', async (_, uri) => {
        for (const [method, params, empty] of REQUESTS) {
            const answer = await session.connection.sendRequest(method, { textDocument: { uri: uri() }, ...params })
                .then(result => ({ result }), (error: { code: number; message: string }) => ({ error: `${error.code} ${error.message}` }));
            expect({ method, ...answer }).toEqual({ method, result: empty });
        }
    });

    test('an open document and a file on disk are still answered from their text', async () => {
        const libUri = pathToFileURL(path.join(dir, 'lib.coord')).href;
        const hover = await session.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: libUri }, position: { line: 0, character: 12 } });
        expect(JSON.stringify(hover?.contents)).toContain('Poor households');
        const untitled = 'untitled:Untitled-7';
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: untitled, languageId: 'coord', version: 1, text: 'population rich "Rich households"\n' },
        });
        const symbols = await session.connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: untitled } });
        expect(symbols.map(s => s.name)).toEqual(['rich']);
        const references = await session.connection.sendRequest<unknown[]>('textDocument/references', {
            textDocument: { uri: libUri }, position: { line: 0, character: 12 }, context: { includeDeclaration: true },
        });
        expect(references).toHaveLength(1);
    });
});
