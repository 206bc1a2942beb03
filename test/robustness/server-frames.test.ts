/**
 * `coord lsp --stdio` reading frames whose Content-Length lies (issue 21,
 * fault 7), as a process: for each case, a broken request and then a valid
 * one are written; the server answers both (the broken one from its JSON, or
 * with a parse error to its id) and stays up. Before FrameReader, 7 of these
 * left the stream desynchronised: the valid request after the broken one was
 * never answered. The test waits on the server's messages, never on time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt } from '../cli/process-run.js';
import { ROOT } from './harness.js';

type Json = { id?: number | string | null; method?: string; result?: unknown; error?: { code: number; message: string } };

let child: ChildProcessWithoutNullStreams;
const messages: Json[] = [];
let waiters: Array<() => void> = [];

beforeAll(async () => {
    ensureBuilt();
    child = spawn(process.execPath, [path.join(ROOT, 'bin/coord.js'), 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) break;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
            if (buffer.length < end + 4 + length) break;
            messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Json);
            buffer = buffer.subarray(end + 4 + length);
        }
        waiters.splice(0).forEach(w => w());
    });
    child.on('exit', () => waiters.splice(0).forEach(w => w()));
    write(frame(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} } })));
    await response(0);
    write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })));
});

afterAll(() => {
    if (child.exitCode === null) child.kill();
});

function write(bytes: string): void {
    child.stdin.write(bytes);
}

function frame(body: string, length: number | string = Buffer.byteLength(body)): string {
    return `Content-Length: ${length}\r\n\r\n${body}`;
}

function response(id: number): Promise<Json> {
    return new Promise((resolve, reject) => {
        const check = () => {
            const found = messages.find(m => m.id === id && m.method === undefined);
            if (found) return resolve(found);
            if (child.exitCode !== null) return reject(new Error(`the server exited (${child.exitCode})`));
            waiters.push(check);
        };
        check();
    });
}

const request = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'coord/noSuchRequest', params: {} });

/** Each case: how the broken request (its id) is framed; both it and the next valid request are answered. */
const CASES: Array<[string, (body: string) => string]> = [
    ['too short', b => frame(b, Buffer.byteLength(b) - 9)],
    ['too long', b => frame(b, Buffer.byteLength(b) + 30)],
    ['zero', b => frame(b, 0)],
    ['negative', b => frame(b, -12)],
    ['not a number', b => frame(b, 'twelve')],
    ['a fraction', b => frame(b, '12.5')],
    ['huge', b => frame(b, '123456789012345678901234567890')],
    ['missing', b => `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${b}`],
    ['given twice', b => `Content-Length: 3\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
    ['no header at all', b => b],
    ['a header without a colon', b => `Content-Length ${Buffer.byteLength(b)}\r\n\r\n${b}`],
];

describe('coord lsp --stdio: a Content-Length that lies never desynchronises the stream', () => {
    test.each(CASES.map(([name, make], i) => [name, make, 100 + 2 * i] as const))('%s: the broken request and the next one are both answered', async (_, make, id) => {
        write(make(request(id)) + frame(request(id + 1)));
        const [broken, next] = await Promise.all([response(id), response(id + 1)]);
        // The broken request was read from its JSON: the unknown method is reported as such.
        expect(broken.error?.code).toBe(-32601);
        expect(next.error?.code).toBe(-32601);
    });

    test('too long on the last message written: answered once the input pauses, and the next one too', async () => {
        write(frame(request(300), Buffer.byteLength(request(300)) + 50));
        expect((await response(300)).error?.code).toBe(-32601);
        write(frame(request(301)));
        expect((await response(301)).error?.code).toBe(-32601);
    });

    test('a body that is not JSON is answered with -32700 to its id, and the next request is answered', async () => {
        write(frame('{"jsonrpc":"2.0","id":400,"method":"x",}') + frame(request(401)));
        expect((await response(400)).error?.code).toBe(-32700);
        expect((await response(401)).error?.code).toBe(-32601);
        expect(child.exitCode).toBeNull();
    });
});
