// Browser bundles of Coord (esbuild, platform 'browser'):
// - the web extension for VS Code for the Web: `dist/web/extension.js` (the `browser` entry of
//   package.json) and its language server `dist/web/server.js`, run in a web worker;
// - the playground, a static site in `dist/playground/` (index.html, playground.js, playground.css):
//   CodeMirror 6 speaking LSP to the same server, whose code is inlined in playground.js and started
//   from a Blob URL, so that the page works from any static host and from file:// (Chromium refuses a
//   worker script loaded from a file: URL).
// Nothing on these paths may import a `node:` module: esbuild fails the build if one does.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageStyles, previewCss } from './preview-css.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * elkjs's bundle, evaluated inside a web worker, takes the worker over as an ELK worker
 * (`self.onmessage = …`) and answers every message the worker receives — the LSP requests
 * too, with errors under their ids. The language server runs ELK in its own thread, so that
 * branch is cut out of the browser bundles; the build fails if elkjs changes and it is not found.
 */
const elkStaysALibrary = {
    name: 'elk-stays-a-library',
    setup(build) {
        build.onLoad({ filter: /elkjs[\\/]lib[\\/]elk\.bundled\.js$/ }, async args => {
            const text = readFileSync(args.path, 'utf8');
            const takeover = /if\(typeof document===(\w+)&&typeof self!==\1\)\{var (\w+)=new (\w+)\(self\);self\.onmessage=\2\.saveDispatch\}/;
            if (!takeover.test(text)) throw new Error('elkjs: the worker takeover to remove was not found; check scripts/build-web.mjs');
            return { contents: text.replace(takeover, ''), loader: 'js' };
        });
    },
};

const browser = {
    plugins: [elkStaysALibrary],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    keepNames: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    define: { __COORD_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
};

/** The language server for a web worker; `write: false` returns the code (the playground inlines it). */
export async function buildWorkerServer(outfile) {
    const result = await esbuild.build({ ...browser, entryPoints: ['src/lsp/browser-entry.ts'], outfile, write: outfile !== undefined });
    return outfile ? undefined : result.outputFiles[0].text;
}

/** The web extension and its server, in `outdir` (default dist/web). */
export async function buildWebExtension(outdir = join(root, 'dist/web')) {
    await Promise.all([
        buildWorkerServer(join(outdir, 'server.js')),
        esbuild.build({
            ...browser, entryPoints: ['src/extension/browser-extension.ts'], outfile: join(outdir, 'extension.js'),
            format: 'cjs', external: ['vscode'],
        }),
    ]);
}

/** The playground's examples: the committed examples/*.coord, in name order. */
function examples() {
    return readdirSync(join(root, 'examples')).filter(f => f.endsWith('.coord')).sort()
        .map(name => ({ name, text: readFileSync(join(root, 'examples', name), 'utf8') }));
}

/** The static playground site in `outdir` (default dist/playground). */
export async function buildPlayground(outdir = join(root, 'dist/playground')) {
    const workerSource = await buildWorkerServer(undefined);
    mkdirSync(outdir, { recursive: true });
    await esbuild.build({
        ...browser,
        entryPoints: ['src/playground/main.ts'],
        outfile: join(outdir, 'playground.js'),
        define: {
            ...browser.define,
            __COORD_EXAMPLES__: JSON.stringify(examples()),
            __COORD_WORKER_SOURCE__: JSON.stringify(workerSource),
        },
    });
    // The effect summary as in the VS Code preview: the shell's buttons (not its page rule: the playground has its
    // own), the summary page's rules and the webview's face (scripts/preview-css.mjs).
    const { shell } = await pageStyles(root);
    writeFileSync(join(outdir, 'playground.css'), readFileSync(join(root, 'src/playground/playground.css'), 'utf8')
        + '\n/* The effect summary, as in the VS Code preview. */\n' + shell.replace(/^body\s*\{[^}]*\}/m, '') + await previewCss(root));
    writeFileSync(join(outdir, 'index.html'), readFileSync(join(root, 'src/playground/index.html'), 'utf8').replaceAll('__COORD_VERSION__', pkg.version));
    copyFileSync(join(root, 'media/coord-icon.svg'), join(outdir, 'coord-icon.svg'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
    // --out DIR: write DIR/playground and DIR/web instead of dist/ (the tests build their own copies,
    // so that another test rebuilding dist/ cannot change the files under a browser).
    const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
    const started = Date.now();
    const playground = () => buildPlayground(out ? join(out, 'playground') : undefined);
    if (process.argv.includes('--playground')) await playground();
    else await Promise.all([buildWebExtension(out ? join(out, 'web') : undefined), playground()]);
    console.log(`built the browser bundles in ${Date.now() - started} ms`);
}
