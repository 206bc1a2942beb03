/**
 * Answers `coord/stdlib`: the text of the standard library for the VS Code
 * extension's read-only `coord-stdlib:` documents, so that go to definition on
 * `savings` opens the declaration of `savings`.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import { STDLIB_TEXT, STDLIB_URI } from '../language/stdlib.js';
import { StdlibRequest, type StdlibParams, type StdlibResult } from '../shared/custom-messages.js';

export function registerStdlibHandler(shared: LangiumSharedServices): void {
    shared.lsp.Connection?.onRequest(StdlibRequest.method, (params: StdlibParams): StdlibResult =>
        params.uri === STDLIB_URI || params.uri.replace(/^coord-stdlib:\/*/, '') === 'stdlib.coord' ? STDLIB_TEXT : null);
}
