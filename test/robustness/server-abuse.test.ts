/**
 * The language server under abuse, as a child process over stdio with raw
 * byte writes (`node bin/coord.js lsp --stdio`): requests before `initialize`
 * (-32002), a body that is not JSON and a malformed header (-32700), a message
 * that is not a JSON-RPC message (-32600), unknown methods (-32601), a storm of
 * cancellations, and 50 edits a second for 10 seconds with hovers and
 * completions in between. It stays up, answers every request exactly once,
 * its last diagnostics are those of the last version of the document, and it
 * exits cleanly on `shutdown` and `exit`. Bounded: about 15 seconds.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyMutation, mutationArb } from './arbitraries.js';
import { exampleTexts, ROOT, seedFor, Workbench } from './harness.js';
import { tokenize } from './tokenize.js';
import { toDiagnostic } from '../../src/validation/coord-document-validator.js';
import { ensureBuilt } from '../cli/process-run.js';

type Json = Record<string, unknown> & { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

/** A raw client: writes bytes, parses the server's frames, and waits on messages (never on time). */
class RawClient {
    readonly messages: Json[] = [];
    private buffer = Buffer.alloc(0);
    private waiters: Array<() => void> = [];
    stderr = '';
    exited: number | null | undefined = undefined;

    constructor(readonly child: ChildProcessWithoutNullStreams) {
        child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
        child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
        child.on('exit', code => {
            this.exited = code;
            this.wake();
        });
    }

    private onData(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
            if (!Number.isFinite(length)) throw new Error(`the server wrote a frame without Content-Length: ${header}`);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.messages.push(JSON.parse(body) as Json);
            this.wake();
        }
    }

    private wake(): void {
        this.waiters.splice(0).forEach(w => w());
    }

    raw(bytes: string | Buffer): void {
        this.child.stdin.write(bytes);
    }

    send(message: object): void {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
        this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    /** Resolves with the first message (from `from` on) that satisfies `match`; rejects if the server exits first. */
    waitFor(match: (m: Json) => boolean, from = 0): Promise<Json> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const found = this.messages.slice(from).find(match);
                if (found) return resolve(found);
                if (this.exited !== undefined) return reject(new Error(`the server exited (${this.exited}) first; stderr: ${this.stderr}`));
                this.waiters.push(check);
            };
            check();
        });
    }

    response(id: number | string | null, from = 0): Promise<Json> {
        return this.waitFor(m => m.id === id && m.method === undefined, from);
    }
}

const URI = 'file:///nowhere/abuse.coord';
let client: RawClient;

beforeAll(() => {
    ensureBuilt();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/coord.js'), 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    client = new RawClient(child);
});

afterAll(() => {
    if (client.exited === undefined) client.child.kill();
});

describe('coord lsp --stdio under abuse', () => {
    test('before initialize: a request gets -32002, a notification is dropped', async () => {
        client.send({ id: 1, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: { line: 0, character: 0 } } });
        client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'coord', version: 1, text: 'programme' } } });
        const early = await client.response(1);
        expect(early.error?.code).toBe(-32002);
    });

    test('a body that is not JSON, and a malformed header: -32700; a JSON value that is not a message: -32600', async () => {
        let from = client.messages.length;
        client.raw('Content-Length: 9\r\n\r\n{not json');
        expect((await client.waitFor(m => m.error?.code === -32700, from)).id).toBeNull();
        from = client.messages.length;
        client.raw('Content-Length: 5\r\n\r\n[1,2]');
        expect((await client.waitFor(m => m.error?.code === -32600, from)).id).toBeNull();
        from = client.messages.length;
        client.raw('Content-Length: lots\r\n\r\n');
        expect((await client.waitFor(m => m.error?.code === -32700, from)).error?.message).toMatch(/Content-Length/);
        from = client.messages.length;
        client.raw('No colon in this header\r\n\r\n');
        expect((await client.waitFor(m => m.error?.code === -32700, from)).id).toBeNull();
        // A bad header and a valid frame in one write: the valid one is still read and answered.
        from = client.messages.length;
        const body = JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: { line: 0, character: 0 } } });
        client.raw(`Bad header\r\n\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        expect((await client.waitFor(m => m.error?.code === -32700, from)).id).toBeNull();
        expect((await client.response(4, from)).error?.code).toBe(-32002);
    });

    test('initialize, then an unknown request gets -32601 and an unknown notification is ignored', async () => {
        client.send({ id: 2, method: 'initialize', params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} } });
        const init = await client.response(2);
        expect(init.result).toHaveProperty('capabilities');
        client.send({ method: 'initialized', params: {} });
        client.send({ method: 'coord/noSuchNotification', params: { x: 1 } });
        client.send({ id: 3, method: 'coord/noSuchRequest', params: {} });
        expect((await client.response(3)).error?.code).toBe(-32601);
    });

    test('malformed parameters and positions out of range: one response each (a result or an error), and the server stays up', async () => {
        const uri = 'file:///nowhere/malformed.coord';
        client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'coord', version: 1, text: 'programme P { country Peru sector other }\n' } } });
        const requests: Array<[string, unknown]> = [
            ['textDocument/hover', null],
            ['textDocument/hover', {}],
            ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
            ['textDocument/hover', { textDocument: { uri }, position: { line: 1e9, character: -5 } }],
            ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 1e9 } }],
            ['textDocument/completion', { textDocument: { uri: 'file:///not/open.coord' }, position: { line: 0, character: 0 } }],
            ['textDocument/definition', { textDocument: { uri }, position: 'here' }],
            ['textDocument/formatting', { textDocument: { uri } }],
            ['textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 11 }, newName: '<script>' }],
            ['textDocument/codeAction', { textDocument: { uri }, range: null, context: {} }],
            ['textDocument/semanticTokens/full', { textDocument: { uri: 'not a uri at all' } }],
            ['coord/summary', null],
            ['coord/summary', { uri: { evil: true } }],
            ['coord/summaryExport', { format: '../../etc/passwd' }],
            ['coord/stdlib', [1, 2, 3]],
        ];
        const ids = requests.map((_, i) => 500 + i);
        requests.forEach(([method, params], i) => client.send({ id: ids[i], method, params }));
        for (const id of ids) {
            const r = await client.response(id);
            expect(r.result !== undefined || r.error !== undefined, `request ${id}`).toBe(true);
            // An error is sent as an error, never as a result that looks like one ({"code":-32802}).
            expect(errorAsResult(r), `request ${id}: ${JSON.stringify(r).slice(0, 200)}`).toBe(false);
        }
        for (const id of ids) expect(client.messages.filter(m => m.id === id && m.method === undefined)).toHaveLength(1);
        // Malformed documents, positions and ranges are invalid params (-32602), not internal errors.
        const codeOf = (i: number) => client.messages.find(m => m.id === ids[i] && m.method === undefined)?.error?.code;
        expect([0, 1, 2, 4, 6, 9].map(codeOf)).toEqual([-32602, -32602, -32602, -32602, -32602, -32602]);
        expect(client.exited).toBeUndefined();
    });

    test('50 edits a second for 10 seconds with requests and a cancellation storm: every request answered once, the last diagnostics match the last text', async () => {
        const examples = exampleTexts();
        let text = examples['colombia.coord'] ?? Object.values(examples)[0];
        client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'coord', version: 1, text } } });
        const mutations = fc.sample(mutationArb, { numRuns: 500, seed: seedFor('server abuse') });
        const requestIds: number[] = [];
        let nextId = 100;
        let version = 1;
        for (let i = 0; i < mutations.length; i++) {
            text = applyMutation(text, mutations[i], tokenize);
            version++;
            client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version }, contentChanges: [{ text }] } });
            if (i % 5 === 0) {
                const id = nextId++;
                requestIds.push(id);
                const position = { line: i % 40, character: i % 13 };
                client.send({ id, method: i % 10 === 0 ? 'textDocument/hover' : 'textDocument/completion', params: { textDocument: { uri: URI }, position } });
                // Cancel every other request at once, and ids that were never sent.
                if (i % 10 === 5) client.send({ method: '$/cancelRequest', params: { id } });
                client.send({ method: '$/cancelRequest', params: { id: 100_000 + i } });
            }
            // Pace the edits at 50 a second (load shaping, not synchronisation: nothing waits on time).
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        // Every request gets exactly one response: a result, or an error such as RequestCancelled (-32800).
        await Promise.all(requestIds.map(id => client.response(id)));
        for (const id of requestIds) {
            const responses = client.messages.filter(m => m.id === id && m.method === undefined);
            expect(responses, `responses to request ${id}`).toHaveLength(1);
            const error = responses[0].error;
            if (error) expect([-32800, -32802], `request ${id}: ${error.message}`).toContain(error.code);
            expect(errorAsResult(responses[0]), `request ${id}: ${JSON.stringify(responses[0]).slice(0, 200)}`).toBe(false);
        }
        // The last diagnostics published for the document are those of a fresh build of the last text.
        const [built] = await new Workbench().build({ 'abuse.coord': text });
        const expected = key(built.findings.filter(f => !f.suppressed).map(f => toDiagnostic(f)));
        const matches = (m: Json) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === URI;
        const last = () => [...client.messages].reverse().find(matches);
        const settled = await client.waitFor(m => matches(m) && key((m.params as { diagnostics: object[] }).diagnostics) === expected);
        expect(settled).toBeDefined();
        // Nothing published after the matching set contradicts it.
        expect(key((last()!.params as { diagnostics: object[] }).diagnostics)).toBe(expected);
        expect(client.exited).toBeUndefined();
    }, 40_000);

    test('shutdown and exit: a clean exit with status 0', async () => {
        client.send({ id: 9, method: 'shutdown' });
        expect((await client.response(9)).error).toBeUndefined();
        client.send({ method: 'exit' });
        await client.waitFor(() => false).catch(() => undefined);
        expect(client.exited).toBe(0);
    });
});

/** A response whose result is an error object (what Langium's returned ResponseErrors became without the fix). */
function errorAsResult(r: Json): boolean {
    const result = r.result as { code?: unknown; items?: unknown } | null | undefined;
    return typeof result === 'object' && result !== null && typeof result.code === 'number' && !('items' in result);
}

/** Diagnostics as a comparable string: code, range and message, sorted. */
function key(diagnostics: object[]): string {
    return JSON.stringify(diagnostics.map(d => {
        const { code, range, message, severity } = d as { code: unknown; range: unknown; message: string; severity: number };
        return JSON.stringify([code, range, message, severity]);
    }).sort());
}
