// Bundles Coord with esbuild: the CLI, the language server and the VS Code
// extension, each one self-contained CommonJS file that runs on Node 20.18+.
// Types are checked separately (`npm run typecheck`); esbuild only strips them.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientApart, cliPlugins, cliPluginsWithoutElk, commandsApart, elkApartInSnapshot } from './build-plugins.mjs';
import { buildPlayground, buildWebExtension } from './build-web.mjs';
import { previewCss } from './preview-css.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

// The grammar plan and the parser's GAST written from the grammar (src/language/grammar-plan.ts,
// prebuilt-gast.ts) must be what the grammar gives today: a stale one would ship a parser that does
// not match its grammar (the tests say so too, but a bundle can be built without them).
if (!watch) {
    const { status } = spawnSync(process.execPath, [fileURLToPath(new URL('grammar-plan.mjs', import.meta.url)), '--check'], { stdio: 'inherit' });
    if (status !== 0) process.exit(1);
}

// Langium 4.4 and Chevrotain call Object.groupBy / Map.groupBy, which Node 20 lacks.
const polyfill = `
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function (items, key) {
    const out = Object.create(null); let i = 0;
    for (const item of items) { const k = key(item, i++); (out[k] ||= []).push(item); }
    return out;
  };
}
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function (items, key) {
    const out = new Map(); let i = 0;
    for (const item of items) { const k = key(item, i++); const list = out.get(k); if (list) list.push(item); else out.set(k, [item]); }
    return out;
  };
}`;

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    // Whitespace and syntax only: identifiers keep their names, so stack traces stay
    // readable without esbuild's keepNames, whose __name() calls in Langium's hot
    // parser paths cost a quarter of the parse time.
    minifyWhitespace: !watch,
    minifySyntax: !watch,
    mainFields: ['module', 'main'],
    banner: { js: polyfill },
    define: { __COORD_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__import_meta_url' },
    inject: ['scripts/import-meta-url.js'],
    logLevel: 'warning',
};

const builds = [
    // The CLI in two bundles: the front (arguments, help, version; no Langium, so no polyfill) and
    // the commands, which the front requires when one runs. In both, `import()` is compiled to
    // `require`: a real import() would start Node's ES module loader, and the commands' bundle may
    // be compiled by src/cli/code-cache.ts, whose vm.Script has no loader for import().
    {
        entryPoints: ['src/cli/cli-entry.ts'], outfile: 'dist/cli.cjs', plugins: [commandsApart, ...cliPlugins],
        banner: {}, supported: { 'dynamic-import': false }, metafile: true,
    },
    {
        entryPoints: ['src/cli/commands/index.ts'], outfile: 'dist/cli-commands.cjs', plugins: cliPlugins,
        supported: { 'dynamic-import': false }, metafile: true,
    },
    // The builder of the CLI's startup snapshot (front and commands in one bundle; src/cli/snapshot/), and the script
    // that runs it in the background and puts the snapshot in place (bin/coord uses it).
    {
        entryPoints: ['src/cli/snapshot/entry.ts'], outfile: 'dist/cli-snapshot.cjs', plugins: [elkApartInSnapshot, ...cliPluginsWithoutElk],
        supported: { 'dynamic-import': false },
    },
    { entryPoints: ['src/cli/snapshot/build.ts'], outfile: 'dist/snapshot-build.cjs', banner: {}, sourcemap: false },
    { entryPoints: ['node_modules/elkjs/lib/elk.bundled.js'], outfile: 'dist/elk.cjs', banner: {}, define: {}, inject: [], sourcemap: false },
    { entryPoints: ['src/lsp/server-entry.ts'], outfile: 'dist/server.cjs' },
    // The desktop extension in two bundles: the entry (activate, the preview; a few kilobytes) and the language
    // client, which the entry requires after activate has returned (src/extension/extension.ts).
    {
        entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'], plugins: [clientApart],
        supported: { 'dynamic-import': false }, metafile: true,
    },
    { entryPoints: ['src/extension/language-client.ts'], outfile: 'dist/language-client.cjs', external: ['vscode'], metafile: true },
    // The effect summary webview's script: a browser IIFE, loaded by the preview's nonce script tag.
    {
        entryPoints: ['media/preview.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022',
        banner: {}, define: {}, inject: [], mainFields: ['browser', 'module', 'main'],
    },
];

/**
 * Fails the build when a module is in both CLI bundles: each bundle would have its own
 * copy, and a class in both (CliError) would be two classes that `instanceof` tells apart.
 * Only the version constant and the import.meta.url shim, which hold no state, may be in both.
 */
function checkCliBoundary(front, commands) {
    const stateless = new Set(['src/cli/version.ts', 'scripts/import-meta-url.js', 'src/i18n/locale.ts', 'src/i18n/messages/front.ts']);
    const shared = Object.keys(front.inputs).filter(input => input in commands.inputs && !stateless.has(input));
    if (shared.length > 0) {
        console.error(`dist/cli.cjs and dist/cli-commands.cjs both hold ${shared.join(', ')}; the front of the CLI (src/cli/cli-entry.ts, main.ts, code-cache.ts) may import only types, the version, the locale choice and the front's messages (src/i18n/locale.ts, messages/front.ts) and, lazily, commands/index.ts`);
        process.exit(1);
    }
}

/**
 * Fails the build when the extension's entry bundle holds the language client's code or shares a module with
 * its bundle: the entry must stay small (VS Code hands a restored preview over only once activate has returned).
 */
function checkExtensionBoundary(entry, client) {
    const heavy = Object.keys(entry.inputs).filter(input => /node_modules\/vscode-(languageclient|jsonrpc|languageserver)/.test(input));
    const stateless = new Set(['scripts/import-meta-url.js', 'src/shared/message-names.ts']);
    const shared = Object.keys(entry.inputs).filter(input => input in client.inputs && !stateless.has(input));
    if (heavy.length > 0 || shared.length > 0) {
        console.error(`dist/extension.cjs holds ${[...heavy, ...shared].join(', ')}; src/extension/extension.ts and the preview may import only types from the language client, and require src/extension/language-client.ts lazily`);
        process.exit(1);
    }
}

const started = Date.now();
if (watch) {
    for (const b of builds) {
        const ctx = await esbuild.context({ ...common, ...b });
        await ctx.watch();
    }
    console.log('watching for changes…');
} else {
    const results = await Promise.all(builds.map(b => esbuild.build({ ...common, ...b })));
    checkCliBoundary(results[0].metafile, results[1].metafile);
    const extensionAt = builds.findIndex(b => b.outfile === 'dist/extension.cjs');
    checkExtensionBoundary(results[extensionAt].metafile, results[extensionAt + 1].metafile);
    // The webview's stylesheet: the summary page's rules (shared with the HTML report) and the webview's face.
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/preview.css', await previewCss());
    // The browser bundles (scripts/build-web.mjs): the web extension and the playground.
    await Promise.all([buildWebExtension(), buildPlayground()]);
    console.log(`built ${builds.map(b => b.outfile).join(', ')}, dist/preview.css, dist/web/ and dist/playground/ in ${Date.now() - started} ms`);
}
