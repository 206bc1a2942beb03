// esbuild plugins of the CLI bundle (scripts/build.mjs), shared with the benchmark,
// which bundles its parse-only probe the same way (bench/run.mjs).

// The CLI loads ELK (1.5 MB, for the summary's network diagram) from its own file, on
// first use only, so that every other command starts without compiling it.
export const elkApart = {
    name: 'elk-apart',
    setup(build) {
        build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }));
    },
};

// Langium's core takes only cancellation, events, response errors and error codes from
// vscode-languageserver-protocol; the CLI, which has no language server, gets them from a
// small shim instead of evaluating the whole protocol at every start.
export const protocolCore = {
    name: 'protocol-core',
    setup(build) {
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, () => ({ path: new URL('./protocol-core-shim.cjs', import.meta.url).pathname }));
    },
};

// node:crypto is loaded on first use (scripts/lazy-crypto-shim.cjs), not at every start.
export const lazyCrypto = {
    name: 'lazy-crypto',
    setup(build) {
        const shim = new URL('./lazy-crypto-shim.cjs', import.meta.url).pathname;
        build.onResolve({ filter: /^(node:)?crypto$/ }, args => (args.importer === shim ? undefined : { path: shim }));
    },
};

// The front of the CLI (src/cli/main.ts, dist/cli.cjs) requires the commands, with Langium,
// from their own bundle (src/cli/commands/index.ts, dist/cli-commands.cjs) when one runs,
// so that `coord --version` and `coord --help` read and compile only the small front.
export const commandsApart = {
    name: 'commands-apart',
    setup(build) {
        build.onResolve({ filter: /^\.\/commands\/index\.js$/ }, args =>
            (args.importer.endsWith('/src/cli/main.ts') ? { path: './cli-commands.cjs', external: true } : undefined));
    },
};

// The desktop extension's entry (src/extension/extension.ts, dist/extension.cjs) requires the language client,
// vscode-languageclient and all, from its own bundle (src/extension/language-client.ts, dist/language-client.cjs)
// after activate has returned, so that VS Code can hand a restored preview to the extension first.
export const clientApart = {
    name: 'client-apart',
    setup(build) {
        build.onResolve({ filter: /^\.\/language-client\.js$/ }, args =>
            (args.importer.endsWith('/src/extension/extension.ts') ? { path: './language-client.cjs', external: true } : undefined));
    },
};

/** The plugins of the CLI bundles (the front adds commandsApart). */
export const cliPlugins = [elkApart, protocolCore, lazyCrypto];
