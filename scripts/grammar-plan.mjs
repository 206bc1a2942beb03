// Writes src/language/grammar-plan.generated.ts: the lexer's keywords and terminals as Langium's token builder
// computes them from the grammar, and the parser rules' facts (src/language/grammar-plan.ts says why). Run after the grammar changes;
// `npm run langium:generate` runs it, and test/language/grammar-plan.test.ts fails while the file is stale.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
const dir = mkdtempSync(join(tmpdir(), 'coord-grammar-plan-'));
try {
    const out = join(dir, 'plan.cjs');
    await esbuild.build({
        stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
        // The plan being written may be missing or stale; computing it needs none.
        plugins: [{
            name: 'no-plan',
            setup(b) {
                b.onResolve({ filter: /grammar-plan\.generated\.js$/ }, () => ({ path: 'plan', namespace: 'no-plan' }));
                b.onLoad({ filter: /.*/, namespace: 'no-plan' }, () => ({ contents: 'export const GRAMMAR_PLAN = { keywords: [], terminals: [], plain: false, parserRules: [] };', loader: 'js' }));
            },
        }],
    });
    const { source } = createRequire(import.meta.url)(out);
    writeFileSync(join(root, 'src/language/grammar-plan.generated.ts'), source);
    console.log('wrote src/language/grammar-plan.generated.ts');
} finally {
    rmSync(dir, { recursive: true, force: true });
}
