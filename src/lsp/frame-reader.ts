/**
 * The language server's reader of `Content-Length` frames over stdio (issue 21,
 * fault 7). vscode-jsonrpc's reader trusts the header: a length that lies
 * (too short, too long, zero, negative, not a number, huge) left it reading
 * the rest of one message as the header of the next, or waiting for bytes that
 * never come, and the stream stayed desynchronised for good — the client's
 * requests were never answered. This reader never trusts a length it can check:
 *
 * - A body that parses as JSON is a message.
 * - A body that does not parse, followed by nothing or by another header, is
 *   a body that is not JSON: -32700 (parse error), and reading goes on after
 *   it (the length was right).
 * - Otherwise the framing is lost: a header that is not one, a length that is
 *   not a whole number of at most {@link MAX_MESSAGE_BYTES}, a body that does
 *   not parse and runs into something that is not a header. The bytes from
 *   there up to the next `Content-Length:` header are read as one message if
 *   they parse as JSON (the length lied, the message did not: it is handled,
 *   and the client's log says what was wrong), else answered with -32700 — to
 *   the request's id when one can be read in them, so the client does not wait
 *   for ever. Reading resumes at that header.
 * - A body still incomplete, or lost bytes with no header after them, are
 *   looked at again after {@link SILENCE_MS} without input: a length that was
 *   too long on the last message sent is read from its JSON then.
 *
 * Bytes are kept as a list of chunks (a 20 MB message is copied once), and
 * each byte is searched for a header at most once while the framing is lost.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** The largest body the server reads: a 16 MB file written as JSON, escapes included, fits. */
export const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/** The longest header block (vscode-jsonrpc writes about 30 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/** How long input must pause before an incomplete frame is read from what arrived. */
export const SILENCE_MS = 400;

/** What the reader reports besides messages (the guard sends them to the client). */
export interface FrameProblems {
    /** A parse error (-32700) to answer, to `id` when the broken request's id could be read. */
    parseError(id: number | string | null, message: string): void;
    /** A message was read although its frame was wrong (for the client's log). */
    recovered(message: string): void;
}

const HEADER_START = /content-length[ \t]*:/i;

export class FrameReader extends AbstractMessageReader {
    private chunks: Buffer[] = [];
    private total = 0;
    /** `header`: a header is expected; `body`: `length` bytes are; `lost`: the framing is lost until the next header. */
    private mode: 'header' | 'body' | 'lost' = 'header';
    private length = 0;
    /** Why the framing was lost (said when the lost bytes are not a message). */
    private problem = '';
    /** How far the buffered bytes have been searched for a header (body and lost modes). */
    private scanned = 0;
    private timer: NodeJS.Timeout | undefined;
    private callback: DataCallback | undefined;

    constructor(private readonly input: NodeJS.ReadableStream, private readonly problems: FrameProblems) {
        super();
    }

    listen(callback: DataCallback): Disposable {
        this.callback = callback;
        const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        const onError = (error: unknown) => this.fireError(error);
        const onClose = () => this.fireClose();
        this.input.on('data', onData);
        this.input.on('error', onError);
        this.input.on('close', onClose);
        this.input.on('end', onClose);
        return {
            dispose: () => {
                this.input.off('data', onData);
                this.input.off('error', onError);
                this.input.off('close', onClose);
                this.input.off('end', onClose);
                this.clearTimer();
            },
        };
    }

    override dispose(): void {
        this.clearTimer();
        super.dispose();
    }

    /** Reads what can be read from a chunk of input (public for tests that feed bytes directly). */
    onData(data: Buffer): void {
        if (data.length > 0) {
            this.chunks.push(data);
            this.total += data.length;
        }
        this.clearTimer();
        try {
            while (this.step()) { /* one frame, or one lost stretch, per step */ }
        } catch (error) {
            this.fireError(error);
        }
        if (this.total > 0 || this.mode === 'lost') this.timer = setTimeout(() => this.onSilence(), SILENCE_MS);
    }

    /** Reads one frame or lost stretch; false when more input is needed. */
    private step(): boolean {
        if (this.total === 0) return false;
        if (this.mode === 'header') return this.readHeader();
        if (this.mode === 'body') return this.readBody();
        return this.readLost();
    }

    private readHeader(): boolean {
        // Blank lines between frames are skipped.
        const head = this.peek(Math.min(this.total, MAX_HEADER_BYTES + 4));
        let start = 0;
        while (start < head.length && (head[start] === 0x0d || head[start] === 0x0a || head[start] === 0x20 || head[start] === 0x09)) start++;
        if (start > 0) {
            this.consume(start);
            return true;
        }
        const text = head.toString('latin1');
        const name = /^[A-Za-z0-9-]*/.exec(text)![0];
        if (name.length === text.length && name.length < 64) return false; // a header name still arriving
        if (name.length === 0 || !/^[ \t]*:/.test(text.slice(name.length))) return this.lose('the input is not a Content-Length header');
        const end = /\r?\n\r?\n/.exec(text);
        if (!end) {
            if (head.length > MAX_HEADER_BYTES) return this.lose('a header longer than 8 KB');
            return false;
        }
        const lines = text.slice(0, end.index).split(/\r?\n/);
        this.consume(end.index + end[0].length);
        const lengths = new Set<string>();
        let charset: string | undefined;
        for (const line of lines) {
            const colon = line.indexOf(':');
            if (colon <= 0) return this.lose(`a header line without a name and a colon ('${clip(line)}')`);
            const key = line.slice(0, colon).trim().toLowerCase();
            const value = line.slice(colon + 1).trim();
            if (key === 'content-length') lengths.add(value);
            if (key === 'content-type') charset = /charset=([^;\s]+)/i.exec(value)?.[1]?.toLowerCase().replace(/^"(.*)"$/, '$1');
        }
        if (lengths.size === 0) return this.lose('a header without Content-Length');
        if (lengths.size > 1) return this.lose(`Content-Length given twice (${[...lengths].map(clip).join(', ')})`);
        const value = [...lengths][0];
        if (!/^\d+$/.test(value)) return this.lose(`Content-Length '${clip(value)}' is not a whole number of bytes`);
        const length = Number(value);
        if (length > MAX_MESSAGE_BYTES) return this.lose(`Content-Length ${clip(value)} is over the ${MAX_MESSAGE_BYTES / 1024 / 1024} MB the server reads`);
        if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
            return this.lose(`charset '${clip(charset)}' is not supported (only utf-8)`);
        }
        this.mode = 'body';
        this.length = length;
        this.scanned = 0;
        return true;
    }

    private readBody(): boolean {
        if (this.total < this.length) {
            // A length too long, with the next frame already after the body: read the body up to that header.
            const at = this.findHeader(this.total);
            if (at > 0 && this.tryMessage(this.peek(at), `Content-Length ${this.length} was longer than its body (${at} bytes)`)) {
                this.consume(at);
                this.mode = 'header';
                return true;
            }
            return false;
        }
        const body = this.peek(this.length);
        const message = parseJson(body);
        if (message !== undefined) {
            this.consume(this.length);
            this.mode = 'header';
            this.callback?.(message as Message);
            return true;
        }
        // Not JSON: a body that is not JSON if a header follows it, else a length that lied. Until what
        // follows shows which (or the input pauses), wait.
        const after = this.peek(Math.min(this.total, this.length + 64)).subarray(this.length).toString('latin1').trimStart();
        if (/^[A-Za-z][A-Za-z0-9-]*[ \t]*:/.test(after)) return this.notJson();
        if (after.length === 0 || (/^[A-Za-z][A-Za-z0-9-]*[ \t]*$/.test(after) && after.length < 64)) return false;
        return this.lose(`Content-Length ${this.length} does not match the body`, 0);
    }

    /** The body of the announced length is not JSON: a parse error, and reading goes on after it. */
    private notJson(): boolean {
        const body = this.peek(this.length);
        this.consume(this.length);
        this.mode = 'header';
        this.problems.parseError(idIn(body), `Parse error: the message body is not JSON (${jsonError(body)})`);
        return true;
    }

    /** The framing is lost: the bytes from here to the next header are read as one message if they parse. */
    private lose(problem: string, scanned = 0): boolean {
        this.mode = 'lost';
        this.problem = problem;
        this.scanned = scanned;
        return true;
    }

    private readLost(): boolean {
        const at = this.findHeader(this.total);
        if (at < 0) {
            // A flood without a header is not kept: past the largest message, it is answered and dropped.
            if (this.total <= MAX_MESSAGE_BYTES) return false;
            this.settleLost(this.total);
            return true;
        }
        this.settleLost(at);
        return true;
    }

    /** Ends a lost stretch of `size` bytes: a message if they parse, else a parse error. */
    private settleLost(size: number): void {
        const bytes = this.peek(size);
        this.consume(size);
        this.mode = 'header';
        const problem = this.problem;
        if (this.tryMessage(bytes, problem, true)) return;
        this.problems.parseError(idIn(bytes), `Parse error: ${problem}; ${bytes.length} bytes could not be read as a message`);
    }

    /** Delivers `bytes` as a message if they are one, telling the client's log what was wrong with its frame. */
    private tryMessage(bytes: Buffer, problem: string, skipHeader = false): boolean {
        let message = parseJson(bytes);
        if (message === undefined && skipHeader) {
            // A broken header before the JSON (a line without a colon): the message after its blank line.
            const text = bytes.toString('latin1');
            const blank = /\r?\n\r?\n/.exec(text);
            if (blank) message = parseJson(bytes.subarray(blank.index + blank[0].length));
        }
        if (message === undefined) return false;
        this.problems.recovered(`Coord language server: ${problem}; the message was read from its JSON (${bytes.length} bytes)`);
        this.callback?.(message as Message);
        return true;
    }

    /** Input paused: read an incomplete body or a lost stretch from what arrived. */
    private onSilence(): void {
        this.timer = undefined;
        if (this.total === 0 && this.mode !== 'lost') return;
        try {
            if (this.mode === 'body') {
                const bytes = this.peek(this.total);
                const problem = this.total < this.length
                    ? `Content-Length ${this.length} was longer than its body (${bytes.length} bytes)`
                    : `Content-Length ${this.length} was shorter than its body (${bytes.length} bytes)`;
                if (this.tryMessage(bytes, problem)) {
                    this.consume(this.total);
                    this.mode = 'header';
                } else if (this.total >= this.length) {
                    this.notJson();
                }
                // Else the body is still arriving (or never will be complete): wait on.
            } else if (this.mode === 'lost') {
                this.settleLost(this.total);
            } else {
                // A header that never ended (or a name that never got its colon).
                this.lose('an incomplete header');
                this.settleLost(this.total);
            }
            while (this.step()) { /* what followed */ }
        } catch (error) {
            this.fireError(error);
        }
        if (this.mode === 'lost') this.timer = setTimeout(() => this.onSilence(), SILENCE_MS);
    }

    /**
     * Where the next `Content-Length:` header starts in the first `limit`
     * buffered bytes, at `from` or later (-1 if none); each byte is searched once.
     */
    private findHeader(limit: number, from = 0): number {
        const start = Math.max(from, this.scanned - 20);
        this.scanned = limit;
        let offset = 0;
        let carry = '';
        for (const chunk of this.chunks) {
            const chunkEnd = offset + chunk.length;
            if (chunkEnd > start && offset < limit) {
                const s = Math.max(start, offset);
                const e = Math.min(limit, chunkEnd);
                // The end of the previous chunk's text is kept, for a header cut between chunks.
                const text = carry + chunk.subarray(s - offset, e - offset).toString('latin1');
                const textStart = s - carry.length;
                const match = HEADER_START.exec(text);
                if (match) return textStart + match.index;
                carry = text.slice(-20);
            }
            offset = chunkEnd;
            if (offset >= limit) break;
        }
        return -1;
    }

    private peek(n: number): Buffer {
        return this.peekRange(0, n);
    }

    private peekRange(from: number, to: number): Buffer {
        if (to <= from || this.chunks.length === 0) return Buffer.alloc(0);
        if (this.chunks.length > 1 && this.chunks[0].length < to) {
            // Join only as many chunks as needed; the joined one replaces them.
            let size = 0;
            let count = 0;
            while (count < this.chunks.length && size < to) size += this.chunks[count++].length;
            this.chunks.splice(0, count, Buffer.concat(this.chunks.slice(0, count), size));
        }
        return this.chunks[0].subarray(from, Math.min(to, this.chunks[0].length));
    }

    private consume(n: number): void {
        this.total -= n;
        this.scanned = Math.max(0, this.scanned - n);
        while (n > 0) {
            const first = this.chunks[0];
            if (first.length <= n) {
                this.chunks.shift();
                n -= first.length;
            } else {
                this.chunks[0] = first.subarray(n);
                n = 0;
            }
        }
    }

    private clearTimer(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
    }
}

function parseJson(bytes: Buffer): unknown {
    const text = bytes.toString('utf8').trim();
    if (text.length === 0) return undefined;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return undefined;
    }
}

function jsonError(bytes: Buffer): string {
    try {
        JSON.parse(bytes.toString('utf8'));
        return 'empty';
    } catch (e) {
        return (e as Error).message;
    }
}

/** The id of the request in bytes that are not JSON, when one can be read (so that its client stops waiting). */
function idIn(bytes: Buffer): number | string | null {
    const text = bytes.subarray(0, 4096).toString('utf8');
    const match = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/.exec(text);
    if (!match) return null;
    try {
        return JSON.parse(match[1]) as number | string;
    } catch {
        return null;
    }
}

function clip(text: string): string {
    const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
