/**
 * Custom LSP messages between the Coord language server and the VS Code
 * extension, typed once here so that both sides agree. Each message has a doc
 * comment saying who sends it and what it carries. Only `vscode-jsonrpc` is
 * imported, so that the extension and the server can both use this file.
 */
import { RequestType } from 'vscode-jsonrpc';
import { OPEN_SUMMARY_TO_SIDE_COMMAND, STDLIB_METHOD } from './message-names.js';

/** The scheme of the standard library's URI (`coord-stdlib:///stdlib.coord`). */
export const STDLIB_SCHEME = 'coord-stdlib';

/**
 * `coord/stdlib` (client → server): the text of a read-only built-in document,
 * for the extension's `coord-stdlib:` content provider, so that go to
 * definition can open the standard library. Resolves to `null` for an unknown
 * URI. Register and send it by its `method` with these parameter and result
 * types: the server and the client bundle their own copy of `vscode-jsonrpc`,
 * whose `RequestType` classes TypeScript does not treat as the same type.
 */
export const StdlibRequest = new RequestType<StdlibParams, StdlibResult, void>(STDLIB_METHOD);
export interface StdlibParams { uri: string }
export type StdlibResult = string | null;

/** The command the "Open effect summary" code lens runs (implemented by the extension's preview). */
export { OPEN_SUMMARY_TO_SIDE_COMMAND };

/**
 * What the client announces in `initializationOptions`. `commands` lists the
 * client-side commands the server may put in code lenses; a client that does
 * not list `coord.openSummaryToSide` gets no "Open effect summary" lens.
 */
export interface CoordInitializationOptions {
    commands?: string[];
}
