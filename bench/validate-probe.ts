/**
 * Times the validate phase of a one-shot build (`coord check`) on its own, for
 * tuning the rules and the workspace facts (not part of `npm run bench`):
 * builds a folder's `.coord` files as the CLI does up to validation, then, `rounds` times,
 * computes the workspace facts from scratch and runs every rule on every
 * document, and prints the median CPU times (ms, user + system) and a hash of every finding, so
 * that a change that alters a finding shows. Bundle and run:
 *
 *   npx esbuild bench/validate-probe.ts --bundle --platform=node --format=cjs --outfile=/tmp/vp.cjs --main-fields=module,main
 *   node /tmp/vp.cjs DIR [rounds] [compute|incremental]   # the facts as `coord check` makes them (one pass), or as the language server does; or with --cpu-prof
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { URI, type LangiumDocument } from 'langium';
import { CoordNodeContext } from '../src/validation/config-node.js';
import { createCoordCoreServices } from '../src/language/coord-module.js';
import { createStdlibDocument } from '../src/language/coord-workspace.js';
import { STDLIB_URI } from '../src/language/stdlib.js';
import { computeWorkspaceFacts, IncrementalWorkspaceFacts } from '../src/analysis/workspace-facts.js';
import { runRules } from '../src/validation/engine.js';
import { RULES } from '../src/validation/registry.js';
import type { Model } from '../src/language/generated/ast.js';
import { coordFiles } from './coord-files.js';


/** CPU time of the process (user + system, ms): on a shared machine, wall time is mostly other processes' turn. */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
    const [dir, roundsText, factsMode = 'compute'] = process.argv.slice(2);
    const rounds = Number(roundsText ?? 5);
    const { Coord } = createCoordCoreServices(CoordNodeContext, { referenceIndex: false, reuseFindings: false });
    const files = coordFiles(dir).map(path => ({ uri: URI.file(path).toString(), text: readFileSync(path, 'utf8') }));
    // Built up to validation, which the rounds below do: the first round is the one `coord check` does
    // (the contributions of the declarations made for the first time, the rules not yet optimised by V8).
    const langiumDocuments = Coord.shared.workspace.LangiumDocuments;
    if (!langiumDocuments.hasDocument(URI.parse(STDLIB_URI))) langiumDocuments.addDocument(createStdlibDocument(Coord.shared.workspace.LangiumDocumentFactory));
    const documents = files.map(f => {
        const document = Coord.shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.parse(f.uri)) as LangiumDocument<Model>;
        langiumDocuments.addDocument(document);
        return document;
    });
    await Coord.shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: false });
    const all = [...Coord.shared.workspace.LangiumDocuments.all];
    const factsMs: number[] = [];
    const rulesMs: number[] = [];
    let hash = '';
    let count = 0;
    for (let r = 0; r < rounds; r++) {
        const t0 = cpu();
        const facts = factsMode === 'compute' ? computeWorkspaceFacts(all) : new IncrementalWorkspaceFacts().update(all);
        const t1 = cpu();
        const results = documents.map(document => runRules({ document, facts, comments: [] }));
        const t2 = cpu();
        const h = createHash('sha256');
        count = 0;
        for (const findings of results) {
            count += findings.length;
            h.update(JSON.stringify(findings));
        }
        factsMs.push(t1 - t0);
        rulesMs.push(t2 - t1);
        hash = h.digest('hex').slice(0, 16);
    }
    // Each rule alone on every document (the median of the rounds), when asked: where the rules' time goes.
    const perRule: Record<string, number> = {};
    if (process.env.PER_RULE) {
        const facts = computeWorkspaceFacts(all);
        for (const rule of RULES) {
            const times: number[] = [];
            for (let r = 0; r < rounds; r++) {
                const t0 = cpu();
                for (const document of documents) runRules({ document, facts, comments: [], rules: [rule] });
                times.push(cpu() - t0);
            }
            perRule[rule.id] = Math.round(median(times) * 10) / 10;
        }
    }
    process.stdout.write(JSON.stringify({ perRule, files: documents.length, findings: count, hash, factsMs: median(factsMs), rulesMs: median(rulesMs), all: { factsMs, rulesMs } }) + '\n');
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
