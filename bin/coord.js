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
    if (!rest.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
        process.argv.push('--stdio');
    }
    require('../dist/server.cjs');
} else {
    require('../dist/cli.cjs');
}
