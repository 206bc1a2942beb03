/**
 * The language server's stdio transport, guarded against a misbehaving client
 * (`coord lsp --stdio` talks to any editor, and to anything that writes to its
 * standard input). vscode-jsonrpc alone drops a body that is not JSON without
 * a word, and parks a request sent before `initialize` until the workspace is
 * ready — forever, if `initialize` never comes. With the guard:
 * - a body that is not JSON, or a malformed header, is answered with a JSON-RPC
 *   parse error (-32700; id null unless the broken request's id can be read),
 *   and the server reads on; a `Content-Length` that lies is found out and the
 *   message read from its JSON when it can be (frame-reader.ts);
 * - a message that is neither a request, a response nor a notification is
 *   answered with an invalid-request error (-32600, id null);
 * - a `textDocument/…` request whose document, position or range is malformed
 *   is answered with an invalid-params error (-32602);
 * - before `initialize`, a request is answered with -32002 (server not
 *   initialized) and a notification other than `exit` is dropped (LSP 3.17,
 *   "initialize request");
 * - as vscode-languageserver does for `--stdio`, the process exits when its
 *   input closes (0 after `shutdown`, else 1), and `console` output goes to the
 *   client's log instead of corrupting the protocol stream on stdout.
 */
import { format } from 'node:util';
import { errorResultsAsErrors } from './error-results.js';
import { FrameReader } from './frame-reader.js';
import {
    StreamMessageWriter,
    type Connection, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const SERVER_NOT_INITIALIZED = -32002;
export const INVALID_PARAMS = -32602;

export interface GuardedTransport {
    reader: MessageReader;
    writer: MessageWriter;
    /** Whether a `shutdown` request has been received (the exit status when the input closes). */
    readonly shutdownReceived: boolean;
}

/** Creates a guarded reader and writer over the given streams (stdin and stdout for `--stdio`). */
export function guardedTransport(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): GuardedTransport {
    const writer = errorResultsAsErrors(new StreamMessageWriter(output));
    const reply = (id: number | string | null, code: number, message: string) => {
        void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
    };
    // Frames are read by FrameReader (frame-reader.ts): a Content-Length that lies never desynchronises the stream.
    const inner = new FrameReader(input, {
        parseError: (id, message) => reply(id, PARSE_ERROR, message),
        recovered: message => {
            void writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 2, message } } as Message).catch(() => undefined);
        },
    });
    let initialized = false;
    let shutdownReceived = false;
    const pass = (message: Message): boolean => {
        const m = message as unknown as Record<string, unknown>;
        if (typeof m !== 'object' || m === null || Array.isArray(m)) {
            reply(null, INVALID_REQUEST, 'Invalid request: a message must be a JSON object');
            return false;
        }
        const isRequest = typeof m.method === 'string' && (typeof m.id === 'number' || typeof m.id === 'string');
        const isNotification = typeof m.method === 'string' && m.id === undefined;
        const isResponse = m.method === undefined && m.id !== undefined && ('result' in m || 'error' in m);
        if (!isRequest && !isNotification && !isResponse) {
            const id = typeof m.id === 'number' || typeof m.id === 'string' ? m.id : null;
            reply(id, INVALID_REQUEST, 'Invalid request: neither a request, a response nor a notification');
            return false;
        }
        if (!initialized) {
            if (isRequest && m.method === 'initialize') {
                initialized = true;
                return true;
            }
            if (isRequest) {
                reply(m.id as number | string, SERVER_NOT_INITIALIZED, `Server not initialized: '${String(m.method)}' was sent before 'initialize'`);
                return false;
            }
            return isNotification && m.method === 'exit';
        }
        if (isRequest && m.method === 'shutdown') shutdownReceived = true;
        const invalid = isRequest ? invalidDocumentParams(String(m.method), m.params) : undefined;
        if (invalid) {
            reply(m.id as number | string, INVALID_PARAMS, `Invalid params: ${invalid}`);
            return false;
        }
        return true;
    };
    const reader: MessageReader = {
        onError: inner.onError,
        onClose: inner.onClose,
        onPartialMessage: inner.onPartialMessage,
        listen(callback: DataCallback): Disposable {
            return inner.listen(message => {
                if (pass(message)) callback(message);
            });
        },
        dispose() {
            inner.dispose();
        },
    };
    return {
        reader,
        writer,
        get shutdownReceived() {
            return shutdownReceived;
        },
    };
}

/**
 * What is wrong with the parameters of a `textDocument/…` request, if its
 * document, position or range is malformed (handlers would fail on them with
 * an internal error instead of the invalid-params error the client needs).
 */
export function invalidDocumentParams(method: string, params: unknown): string | undefined {
    if (!method.startsWith('textDocument/')) return undefined;
    const p = params as { textDocument?: { uri?: unknown }; position?: unknown; range?: unknown } | null | undefined;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'expected an object with a textDocument';
    if (typeof p.textDocument !== 'object' || p.textDocument === null || typeof p.textDocument.uri !== 'string') return 'textDocument.uri must be a string';
    if ('position' in p && !isPosition(p.position)) return 'position must be { line, character } with whole numbers ≥ 0';
    if ('range' in p && p.range !== undefined) {
        const r = p.range as { start?: unknown; end?: unknown } | null;
        if (typeof r !== 'object' || r === null || !isPosition(r.start) || !isPosition(r.end)) return 'range must be { start, end } positions';
    }
    return undefined;
}

function isPosition(value: unknown): boolean {
    const v = value as { line?: unknown; character?: unknown } | null;
    return typeof v === 'object' && v !== null
        && Number.isInteger(v.line) && (v.line as number) >= 0 && Number.isInteger(v.character) && (v.character as number) >= 0;
}

export { errorResultsAsErrors } from './error-results.js';

/** What vscode-languageserver does for `--stdio` and skips for a given reader: exit with the input, log to the client. */
export function stdioProcessHooks(connection: Connection, transport: GuardedTransport): void {
    const exit = () => process.exit(transport.shutdownReceived ? 0 : 1);
    process.stdin.on('end', exit);
    process.stdin.on('close', exit);
    console.log = (...args: unknown[]) => connection.console.log(format(...args));
    console.info = (...args: unknown[]) => connection.console.info(format(...args));
    console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
