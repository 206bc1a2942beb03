// Writes src/language/grammar-plan.generated.ts: the lexer's keywords and terminals as Langium's token builder
// computes them from the grammar, and the parser rules' facts (src/language/grammar-plan.ts says why); and
// src/language/parser-gast.generated.ts: the GAST Chevrotain records from Coord's parser (src/language/prebuilt-gast.ts).
// Run after the grammar changes; `npm run langium:generate` runs it, and test/language/grammar-plan.test.ts and
// test/performance/prebuilt-gast.test.ts fail while a file is stale. With `--check` it writes nothing and fails
// (exit 1) when a file is not what it would write: `npm run build` runs that, so that no bundle ships a stale plan.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `
import { DefaultTokenBuilder, LangiumParser } from 'langium';
import { CoordGrammar } from './src/language/generated/grammar.js';
import { grammarPlanSource, parserRulesOf, tokenPlanOf } from './src/language/grammar-plan.js';
import { isPlainGrammar } from './src/language/parser-builder.js';
const grammar = CoordGrammar();
export const source = grammarPlanSource({
    ...tokenPlanOf(new DefaultTokenBuilder().buildTokens(grammar)),
    plain: isPlainGrammar(grammar),
    parserRules: parserRulesOf(grammar, rule => LangiumParser.prototype.computeRuleType(rule)),
});
`;
// The GAST Chevrotain records from the parser of Coord's services (which read the plan just computed).
// Its one-token decisions: what the strategy's own function of each answers for every token type.
const gastEntry = `
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices, createCoordParser } from './src/language/coord-module.js';
import { gastPlanSource, writeGast } from './src/language/prebuilt-gast.js';
import { lookaheadPlanOf } from './src/language/prebuilt-lookahead.js';
import { deferredDecisions } from './src/language/lazy-lookahead.js';
const parser = createCoordParser(createCoordCoreServices(EmptyFileSystem).Coord, { prebuilt: false });
const { wrapper } = parser;
const strategy = wrapper.lookaheadStrategy;
const lookahead = lookaheadPlanOf(deferredDecisions(parser),
    options => options.prodType === undefined ? strategy.buildLookaheadForAlternation(options) : strategy.buildLookaheadForOptional(options),
    wrapper.tokensMap);
export const gastSource = gastPlanSource(writeGast(Object.values(wrapper.getGAstProductions())), lookahead);
`;
/** Bundles `contents` with the generated plan files replaced: the grammar plan by `plan` (none: an empty plan), the GAST by none. */
async function bundle(contents, out, plan) {
    await esbuild.build({
        stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
        // The plan being written may be missing or stale; computing it needs none.
        plugins: [{
            name: 'no-plan',
            setup(b) {
                b.onResolve({ filter: /grammar-plan\.generated\.js$/ }, () => ({ path: 'plan', namespace: 'no-plan' }));
                b.onResolve({ filter: /parser-gast\.generated\.js$/ }, () => ({ path: 'gast', namespace: 'no-plan' }));
                b.onLoad({ filter: /^plan$/, namespace: 'no-plan' }, () => plan !== undefined
                    ? { contents: plan, loader: 'ts', resolveDir: join(root, 'src/language') }
                    : { contents: 'export const GRAMMAR_PLAN = { keywords: [], terminals: [], plain: false, parserRules: [] };', loader: 'js' });
                b.onLoad({ filter: /^gast$/, namespace: 'no-plan' }, () => ({ contents: 'export const PARSER_GAST = []; export const PARSER_LOOKAHEAD = [];', loader: 'js' }));
            },
        }],
    });
    return createRequire(import.meta.url)(out);
}
const dir = mkdtempSync(join(tmpdir(), 'coord-grammar-plan-'));
try {
    const { source } = await bundle(entry, join(dir, 'plan.cjs'));
    const { gastSource } = await bundle(gastEntry, join(dir, 'gast.cjs'), source);
    const files = [['src/language/grammar-plan.generated.ts', source], ['src/language/parser-gast.generated.ts', gastSource]];
    if (process.argv.includes('--check')) {
        const stale = files.filter(([file, text]) => { try { return readFileSync(join(root, file), 'utf8') !== text; } catch { return true; } });
        if (stale.length > 0) {
            console.error(`${stale.map(([file]) => file).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} stale: run npm run langium:generate`);
            process.exitCode = 1;
        }
    } else {
        for (const [file, text] of files) {
            writeFileSync(join(root, file), text);
            console.log(`wrote ${file}`);
        }
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}
