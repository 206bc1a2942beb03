#!/usr/bin/env node
// The `coord` command. `coord lsp` runs the language server bundle; every other
// command runs the CLI bundle, which holds no editor code and so starts faster.
// This file is CommonJS (bin/package.json), so that starting it needs no ES module loader.
'use strict';

// Node 22.1+ keeps the compiled bundles in a cache (in the temporary folder), so
// later starts skip compiling them; older Node versions have no such cache.
require('node:module').enableCompileCache?.();
const lspRest = process.argv[2] === 'lsp' ? process.argv.slice(3) : undefined;
// `coord lsp --help` and a transport option the server library would fail on deep inside
// (a bad --socket port, --socket or --pipe without a value) are answered by the CLI's front,
// in the user's language (src/cli/main.ts, lspArgumentProblem); the server bundle is not loaded.
const lspToFront = lspRest !== undefined && lspRest.some(arg => arg === '-h' || arg === '--help' || arg === '--socket' || arg === '--pipe' || arg === '--pipe='
    || (/^--socket=/s.test(arg) && !(/^--socket=\d{1,5}$/.test(arg) && Number(arg.slice(9)) >= 1 && Number(arg.slice(9)) <= 65535)));
if (lspRest !== undefined && !lspToFront) {
    const rest = lspRest;
    if (!rest.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
        process.argv.push('--stdio');
    }
    require('../dist/server.cjs');
} else {
    require('../dist/cli.cjs');
}
