/**
 * The server's frame reader (issue 21, fault 7): a `Content-Length` that lies
 * never leaves the stream desynchronised. Each case sends a broken frame and
 * then a valid request; the valid request is always read, and the broken one
 * is either read from its JSON (the length lied, the message did not) or
 * answered with a parse error — to its id when its id can be read, so the
 * client stops waiting. Bytes are fed straight to the reader, in one write and
 * byte by byte; the silence after input is simulated with fake timers.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FrameReader, SILENCE_MS } from '../../src/lsp/frame-reader.js';

interface Outcome {
    messages: unknown[];
    errors: Array<{ id: number | string | null; message: string }>;
    logs: string[];
}

function reader() {
    const outcome: Outcome = { messages: [], errors: [], logs: [] };
    const input = new PassThrough();
    const r = new FrameReader(input, {
        parseError: (id, message) => outcome.errors.push({ id, message }),
        recovered: message => outcome.logs.push(message),
    });
    r.listen(message => outcome.messages.push(message));
    return { r, outcome };
}

const request = (id: number, method = 'textDocument/hover') => JSON.stringify({ jsonrpc: '2.0', id, method, params: { textDocument: { uri: 'file:///a.coord' }, position: { line: 0, character: 0 } } });
const frame = (body: string, length: number | string = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const ids = (o: Outcome) => o.messages.map(m => (m as { id: unknown }).id);

beforeEach(() => {
    vi.useFakeTimers();
});
afterEach(() => {
    vi.useRealTimers();
});

/** Feeds the bytes in one write or byte by byte, then lets the input fall silent. */
function feed(bytes: string, byteByByte: boolean) {
    const { r, outcome } = reader();
    const data = Buffer.from(bytes, 'utf8');
    if (byteByByte) for (const b of data) r.onData(Buffer.from([b]));
    else r.onData(data);
    vi.advanceTimersByTime(SILENCE_MS * 3);
    return outcome;
}

const good = request(2);
const bad = request(1);
const n = Buffer.byteLength(bad);

/**
 * The eleven (and more) ways a Content-Length lies, each followed by a valid
 * request (id 2). `read`: the broken request (id 1) is read from its JSON;
 * `error`: it is answered with a parse error (id 1 when readable, else null).
 */
const CASES: Array<[string, string, 'read' | 'error']> = [
    ['too short, another message after it', frame(bad, n - 10) + frame(good), 'read'],
    ['too long, another message after it', frame(bad, n + 25) + frame(good), 'read'],
    ['zero', frame(bad, 0) + frame(good), 'read'],
    ['negative', frame(bad, -n) + frame(good), 'read'],
    ['not a number', frame(bad, 'lots') + frame(good), 'read'],
    ['a number with a fraction, an exponent or hex digits', frame(bad, `${n}.5`) + frame(bad.replace('"id":1', '"id":3'), '1e3') + frame(bad.replace('"id":1', '"id":4'), '0x20') + frame(good), 'read'],
    ['huge (beyond 2^53)', frame(bad, '99999999999999999999999') + frame(good), 'read'],
    ['over the largest message the server reads', frame(bad, 1024 ** 3) + frame(good), 'read'],
    ['missing (another header only)', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${bad}${frame(good)}`, 'read'],
    ['given twice, differently', `Content-Length: ${n}\r\nContent-Length: ${n + 1}\r\n\r\n${bad}${frame(good)}`, 'read'],
    ['no header at all (a bare JSON message)', bad + frame(good), 'read'],
    ['a header line without a colon', `Content-Length ${n}\r\n\r\n${bad}${frame(good)}`, 'read'],
    ['too short, cutting the message where the rest is not JSON', frame(bad, 20) + frame(good), 'read'],
    ['an unsupported charset', `Content-Length: ${n}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n${bad}${frame(good)}`, 'read'],
    ['right, but the body is not JSON', frame('{"jsonrpc":"2.0","id":1,"method":"x", oops}') + frame(good), 'error'],
    ['too long, and the body truncated as well', frame(bad.slice(0, -5), n + 40) + frame(good), 'error'],
];

describe('a Content-Length that lies', () => {
    test.each(CASES.flatMap(([name, bytes, expected]) => [[name, bytes, expected, false], [`${name} (byte by byte)`, bytes, expected, true]] as const))(
        '%s', (_, bytes, expected, byteByByte) => {
            const outcome = feed(bytes, byteByByte);
            // The valid request after the broken one is always read, once.
            expect(ids(outcome).filter(id => id === 2)).toEqual([2]);
            if (expected === 'read') {
                expect(ids(outcome)[0]).toBe(1);
                expect(outcome.errors).toEqual([]);
                expect(outcome.logs.length).toBeGreaterThan(0);
            } else {
                expect(ids(outcome)).toEqual([2]);
                expect(outcome.errors).toHaveLength(1);
                expect(outcome.errors[0].id).toBe(1);
                expect(outcome.errors[0].message).toMatch(/^Parse error: /);
                expect(outcome.errors[0].message).not.toContain('\n');
            }
        });

    test('a length too long on the last message sent: read from its JSON once the input pauses', () => {
        const { r, outcome } = reader();
        r.onData(Buffer.from(frame(bad, n + 100)));
        expect(outcome.messages).toEqual([]);
        vi.advanceTimersByTime(SILENCE_MS + 1);
        expect(ids(outcome)).toEqual([1]);
        r.onData(Buffer.from(frame(good)));
        expect(ids(outcome)).toEqual([1, 2]);
    });

    test('a length too short on the last message sent: read once the input pauses', () => {
        const { r, outcome } = reader();
        r.onData(Buffer.from(frame(bad, n - 7)));
        vi.advanceTimersByTime(SILENCE_MS + 1);
        expect(ids(outcome)).toEqual([1]);
        r.onData(Buffer.from(frame(good)));
        expect(ids(outcome)).toEqual([1, 2]);
    });

    test('a header whose length is not a number, alone: a parse error naming Content-Length', () => {
        const { r, outcome } = reader();
        r.onData(Buffer.from('Content-Length: lots\r\n\r\n'));
        vi.advanceTimersByTime(SILENCE_MS + 1);
        expect(outcome.errors).toMatchObject([{ id: null, message: expect.stringMatching(/Content-Length 'lots'/) }]);
        r.onData(Buffer.from(frame(good)));
        expect(ids(outcome)).toEqual([2]);
    });

    test('a body still arriving is not cut by a pause (it is not yet JSON)', () => {
        const { r, outcome } = reader();
        const big = request(7).replace('"method"', `"pad":"${'x'.repeat(100_000)}","method"`);
        const bytes = Buffer.from(frame(big));
        r.onData(bytes.subarray(0, 50_000));
        vi.advanceTimersByTime(SILENCE_MS * 10);
        r.onData(bytes.subarray(50_000));
        expect(ids(outcome)).toEqual([7]);
        expect(outcome.errors).toEqual([]);
        expect(outcome.logs).toEqual([]);
    });

    test('valid frames in any chunking are read exactly, with nothing logged', () => {
        const { r, outcome } = reader();
        const text = `line "Content-Length: 5"\r\n\r\n{ ü 中 }`;
        const bodies = [request(1), JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { text } }), request(2)];
        const bytes = Buffer.from(bodies.map(b => frame(b)).join('\r\n'));
        for (let i = 0; i < bytes.length; i += 7) r.onData(bytes.subarray(i, i + 7));
        expect(outcome.messages).toEqual(bodies.map(b => JSON.parse(b)));
        expect(outcome.errors).toEqual([]);
        expect(outcome.logs).toEqual([]);
    });

    test('a 20 MB message in 64 KB chunks is joined once, not once per chunk', () => {
        const { r, outcome } = reader();
        const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { text: 'population p "P"\n'.repeat(1_250_000) } });
        const bytes = Buffer.from(frame(body));
        const concat = vi.spyOn(Buffer, 'concat');
        for (let i = 0; i < bytes.length; i += 65_536) r.onData(bytes.subarray(i, i + 65_536));
        expect(outcome.messages).toHaveLength(1);
        const copied = concat.mock.calls.reduce((sum, [list]) => sum + (list as Buffer[]).reduce((s, b) => s + b.length, 0), 0);
        concat.mockRestore();
        expect(copied).toBeLessThan(3 * bytes.length);
    });
});
