#!/usr/bin/env node
// The `coord` command. `coord lsp` runs the language server bundle; every other
// command runs the CLI bundle, which holds no editor code and so starts faster.
// This file is CommonJS (bin/package.json), so that starting it needs no ES module loader.
'use strict';

// Node 22.1+ keeps the compiled bundles in a cache (in the temporary folder), so
// later starts skip compiling them; older Node versions have no such cache.
require('node:module').enableCompileCache?.();
if (process.argv[2] === 'lsp') {
    const rest = process.argv.slice(3);
    if (rest.includes('-h') || rest.includes('--help')) {
        process.stdout.write('Usage: coord lsp --stdio\n\nRuns the Coord language server over stdio for any LSP client (VS Code, Neovim, Emacs, Helix…).\n');
        process.exit(0);
    }
    // The transport options the server library reads: a bad value would fail deep inside it with a stack trace.
    for (const arg of rest) {
        const socket = /^--socket=(.*)$/s.exec(arg);
        if (socket && !(/^\d{1,5}$/.test(socket[1]) && Number(socket[1]) >= 1 && Number(socket[1]) <= 65535)) {
            process.stderr.write(`coord lsp: --socket expects a port number from 1 to 65535, got ${JSON.stringify(socket[1])}\n`);
            process.exit(2);
        }
        if (arg === '--socket' || arg === '--pipe' || arg === '--pipe=') {
            process.stderr.write(`coord lsp: ${arg.replace(/=$/, '')} expects a value: ${arg.startsWith('--socket') ? '--socket=PORT' : '--pipe=NAME'}\n`);
            process.exit(2);
        }
    }
    if (!rest.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
        process.argv.push('--stdio');
    }
    require('../dist/server.cjs');
} else {
    require('../dist/cli.cjs');
}
