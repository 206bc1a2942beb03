// What Langium's core (parser, linker, document builder; no language server)
// takes from vscode-languageserver-protocol: cancellation, events and response
// errors, which come from vscode-jsonrpc, and the LSP error codes. The CLI
// bundle uses this instead of the whole protocol package, whose hundreds of
// request types cost a fifth of the CLI's start-up (see docs/performance.md).
'use strict';
const jsonrpc = require('vscode-jsonrpc');

module.exports = {
    ...jsonrpc,
    LSPErrorCodes: {
        lspReservedErrorRangeStart: -32899,
        RequestFailed: -32803,
        ServerCancelled: -32802,
        ContentModified: -32801,
        RequestCancelled: -32800,
        lspReservedErrorRangeEnd: -32800,
    },
};
