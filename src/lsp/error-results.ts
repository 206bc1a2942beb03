/**
 * A message writer that sends as errors the `ResponseError`s Langium returns as
 * results. Apart from `protocol-guard.ts` (which needs Node) so that the
 * browser's server (`browser-main.ts`) uses it too.
 */
import type { Message, MessageWriter } from 'vscode-languageserver';

/**
 * Sends an error that a handler returned as its result as a JSON-RPC error.
 * Langium returns (rather than throws) a `ResponseError` for a cancelled
 * request (-32800) or a document it cannot find (-32802); the bundle holds two
 * copies of vscode-jsonrpc (Langium's and vscode-languageserver's), so the
 * connection does not recognise that object as an error and would send it as
 * a result such as `{"code":-32800}`, which a client reads as a hover or a
 * completion list.
 */
export function errorResultsAsErrors(writer: MessageWriter): MessageWriter {
    return {
        onError: writer.onError,
        onClose: writer.onClose,
        end: () => writer.end(),
        dispose: () => writer.dispose(),
        write(message: Message): Promise<void> {
            const m = message as Message & { id?: number | string | null; result?: unknown };
            const result = m.result instanceof Error ? m.result as Error & { code?: unknown; data?: unknown } : undefined;
            if (m.id !== undefined && result && typeof result.code === 'number') {
                const error = { code: result.code, message: String(result.message), ...(result.data !== undefined ? { data: result.data } : {}) };
                return writer.write({ jsonrpc: m.jsonrpc, id: m.id, error } as Message);
            }
            return writer.write(message);
        },
    };
}
