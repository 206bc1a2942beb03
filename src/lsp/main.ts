/**
 * The Coord language server over stdio (or IPC when VS Code starts it):
 * `coord lsp --stdio`, and the bundle the VS Code extension runs.
 */
import { startLanguageServer } from 'langium/lsp';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { CoordNodeContext } from '../validation/config-node.js';
import { createCoordLspServices } from './coord-lsp-module.js';
import { errorResultsAsErrors, guardedTransport, stdioProcessHooks } from './protocol-guard.js';
import { registerSummaryHandlers } from './summary-handler.js';
import { localizedRuleDocumentation } from './rule-documentation.js';
import { chooseLocale, setLocale } from '../i18n/index.js';
import { answerUnknownDocuments } from './unknown-documents.js';

export function startServer(): void {
    // Over stdio the transport is guarded against malformed input and early requests (protocol-guard.ts).
    const transport = process.argv.includes('--stdio') ? guardedTransport(process.stdin, process.stdout) : undefined;
    // Under VS Code (IPC) only the writer is wrapped, so that errors Langium returns are sent as errors.
    const ipc = !transport && process.argv.includes('--node-ipc');
    const raw = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer)
        : ipc ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), errorResultsAsErrors(new IPCMessageWriter(process)))
            : createConnection(ProposedFeatures.all);
    if (transport) stdioProcessHooks(raw, transport);
    // A request on a document the server neither has nor can read gets an empty document's answer.
    const unknown = answerUnknownDocuments(raw);
    const connection = unknown.connection;
    const { shared, Coord } = createCoordLspServices({ connection, ...CoordNodeContext });
    unknown.bind(shared);
    registerSummaryHandlers(shared, Coord, connection);
    // Rule ids in the Problems panel link to their section of the bundled docs/rules.md (docs/es/, docs/pt-BR/ in those locales).
    Coord.validation.DocumentValidator.ruleDocumentation = localizedRuleDocumentation();
    // The editor's display language (VS Code sends `vscode.env.language`), else the environment's, else English.
    shared.lsp.LanguageServer.onInitialize(params => setLocale(chooseLocale(params.locale, process.env)));
    startLanguageServer(shared);
}
