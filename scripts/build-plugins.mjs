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

// The startup snapshot's bundle (src/cli/snapshot/entry.ts, dist/cli-snapshot.cjs) loads ELK the same way, but
// through a shim: code evaluated while a snapshot is made can require only Node's built-in modules, so the shim
// requires dist/elk.cjs from where the snapshot in use is (src/cli/snapshot/dist.ts).
export const elkApartInSnapshot = {
    name: 'elk-apart-in-snapshot',
    setup(build) {
        build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: new URL('./snapshot-elk-shim.cjs', import.meta.url).pathname }));
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

// fdir (under tinyglobby) looks for picomatch with a run-time `require` when it is first
// evaluated, for a glob API of its own that tinyglobby never calls (it passes its own
// matchers). That lookup searched node_modules and compiled a second copy of picomatch (six
// files) at every `coord check`; a V8 startup snapshot, were one built of the bundle, could not
// be taken at all after it. The build fails if fdir's code changes, so that the rewrite is looked at again.
export const fdirWithoutPicomatchLookup = {
    name: 'fdir-without-picomatch-lookup',
    setup(build) {
        build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async args => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            const lookup = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
            if (!lookup.test(source)) return { errors: [{ text: `fdir's picomatch lookup changed in ${args.path}; update fdirWithoutPicomatchLookup in scripts/build-plugins.mjs` }] };
            return { contents: source.replace(lookup, '/* no run-time picomatch lookup (scripts/build-plugins.mjs) */'), loader: 'js' };
        });
    },
};

// Chevrotain's lexer maps a character code to a slot of its first-character table through an
// array of 65,536 entries that the first lexer of a process fills, in the interpreter: 2-6 ms of
// every cold `coord check` (measured alone), which Chevrotain's own comment calls "a compromise
// between cold start / hot running performance". Each entry is `code < 256 ? code : 255 +
// ~~(code / 255)`: the bundle computes that for codes from 256 on (the slots are the same; ASCII
// and Latin-1 text never reaches it) and fills no array. The build fails if the code changes.
export const CHEVROTAIN_CHAR_CODE_FILL = `        charCodeToOptimizedIdxMap = new Array(65536);
        for (let i = 0; i < 65536; i++) {
            charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;
        }`;
export const CHEVROTAIN_CHAR_CODE_LOOKUP = `        : charCodeToOptimizedIdxMap[charCode];`;
export const CHEVROTAIN_CHAR_CODE_FORMULA = `        : 255 + ~~(charCode / 255);`;
export const chevrotainCharCodeFormula = {
    name: 'chevrotain-char-code-formula',
    setup(build) {
        build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async args => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            if (source.split(CHEVROTAIN_CHAR_CODE_FILL).length !== 2 || source.split(CHEVROTAIN_CHAR_CODE_LOOKUP).length !== 2) {
                return { errors: [{ text: `Chevrotain's character code table changed in ${args.path}; update chevrotainCharCodeFormula in scripts/build-plugins.mjs` }] };
            }
            return {
                contents: source.replace(CHEVROTAIN_CHAR_CODE_FILL, '        /* no table: computed in charCodeToOptimizedIndex (scripts/build-plugins.mjs) */')
                    .replace(CHEVROTAIN_CHAR_CODE_LOOKUP, CHEVROTAIN_CHAR_CODE_FORMULA),
                loader: 'js',
            };
        });
    },
};

// When a Chevrotain parser is built it computes, for every rule call of the grammar, the tokens
// that may follow it (its "resync follows"), which only error recovery reads: 3-5 ms of every cold
// `coord check`, of a file with no error as of any other. The bundle computes them from the same
// productions on the first recovery instead (a property with a getter; setting it still works).
// The build fails if the code changes.
export const CHEVROTAIN_FOLLOWS_EAGER = `                    this.TRACE_INIT("computeAllProdsFollows", () => {
                        const allFollows = computeAllProdsFollows(Object.values(this.gastProductionsCache));
                        this.resyncFollows = allFollows;
                    });`;
const CHEVROTAIN_FOLLOWS_LAZY = `                    /* computed on first use (scripts/build-plugins.mjs) */
                    const productions = Object.values(this.gastProductionsCache);
                    let allFollows;
                    Object.defineProperty(this, "resyncFollows", {
                        configurable: true, enumerable: true,
                        get: () => (allFollows ??= computeAllProdsFollows(productions)),
                        set: (value) => { allFollows = value; },
                    });`;
export const chevrotainLazyFollows = {
    name: 'chevrotain-lazy-follows',
    setup(build) {
        build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]parser\.js$/ }, async args => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            if (source.split(CHEVROTAIN_FOLLOWS_EAGER).length !== 2) {
                return { errors: [{ text: `Chevrotain's computing of the resync follows changed in ${args.path}; update chevrotainLazyFollows in scripts/build-plugins.mjs` }] };
            }
            return { contents: source.replace(CHEVROTAIN_FOLLOWS_EAGER, CHEVROTAIN_FOLLOWS_LAZY), loader: 'js' };
        });
    },
};

// The generated grammar module loads Coord's grammar with Langium's loadGrammarFromJson, whose general
// deserializer is 4-5 ms of every cold `coord check`; the CLI bundle gives it Coord's loader
// (src/language/grammar-loader.ts: the same graph, compared by test/language/grammar-loader.test.ts).
// The build fails if the generated import changes.
export const GENERATED_GRAMMAR_IMPORT = "import { loadGrammarFromJson } from 'langium';";
export const grammarLoaderInBundle = {
    name: 'grammar-loader-in-bundle',
    setup(build) {
        build.onLoad({ filter: /[\\/]src[\\/]language[\\/]generated[\\/]grammar\.ts$/ }, async args => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            if (source.split(GENERATED_GRAMMAR_IMPORT).length !== 2) {
                return { errors: [{ text: `the import of loadGrammarFromJson changed in ${args.path}; update grammarLoaderInBundle in scripts/build-plugins.mjs` }] };
            }
            return { contents: source.replace(GENERATED_GRAMMAR_IMPORT, "import { loadGrammarFast as loadGrammarFromJson } from '../grammar-loader.js';"), loader: 'ts' };
        });
    },
};

// The message catalogues (src/i18n/messages/en.ts, es.ts, pt-BR.ts) are data, but written as code: the English one
// quotes the brief through a helper (q(), two regular expressions per text) and every catalogue is an object literal
// of some 800 keys, which V8 keeps in the code cache as a boilerplate of 800 strings and builds at start. In the CLI
// bundle each is evaluated at build time and becomes one JSON text given to JSON.parse (one string in the cached code;
// JSON.parse is V8's fastest way to build such an object): 3 ms of every cold `coord check` on Node 22 (profile),
// the same objects (test/performance/bundle-patches.test.ts compares them key by key). The build fails if a catalogue
// exports anything but objects of strings.
export const CATALOGUE_FILE = /[\\/]src[\\/]i18n[\\/]messages[\\/](en|es|pt-BR)\.ts$/;
export const cataloguesAsData = {
    name: 'catalogues-as-data',
    setup(build) {
        build.onLoad({ filter: CATALOGUE_FILE }, async args => {
            const esbuild = await import('esbuild');
            const { createRequire } = await import('node:module');
            const { resolve } = await import('node:path');
            const built = await esbuild.build({
                entryPoints: [args.path], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent', metafile: true,
            });
            const module = { exports: {} };
            new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(args.path));
            const lines = [];
            for (const [name, value] of Object.entries(module.exports)) {
                const plain = value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
                    && Object.values(value).every(text => typeof text === 'string');
                if (!plain) return { errors: [{ text: `${args.path} exports ${name}, which is not an object of strings; update cataloguesAsData in scripts/build-plugins.mjs` }] };
                lines.push(`export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});`);
            }
            if (lines.length === 0) return { errors: [{ text: `${args.path} exports no catalogue; update cataloguesAsData in scripts/build-plugins.mjs` }] };
            return { contents: lines.join('\n') + '\n', loader: 'js', watchFiles: Object.keys(built.metafile.inputs).map(input => resolve(input)) };
        });
    },
};

/** The CLI bundles' plugins but the way ELK is loaded (the startup snapshot's bundle adds elkApartInSnapshot). */
export const cliPluginsWithoutElk = [protocolCore, lazyCrypto, fdirWithoutPicomatchLookup, chevrotainCharCodeFormula, chevrotainLazyFollows, grammarLoaderInBundle, cataloguesAsData];
/** The plugins of the CLI bundles (the front adds commandsApart). */
export const cliPlugins = [elkApart, ...cliPluginsWithoutElk];
