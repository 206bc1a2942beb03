/**
 * The benchmark's in-process probe, bundled by bench/run.mjs with the same
 * esbuild settings as the CLI. `parse <dir>` only reads and parses every
 * `.coord` file under a folder and keeps the results (the baseline `coord check`
 * is compared with; `parse-discard` drops each result at once);
 * `phases <dir>` builds the workspace like `coord check` (same build options) and reports the time
 * of each build phase (parse, index, scopes, link, index references, validate).
 * Prints one JSON object.
 */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { readFileSync } from 'node:fs';
import { createCoordCoreServices } from '../src/language/coord-module.js';
import { buildWorkspace } from '../src/language/coord-workspace-loader.js';
import { coordFiles } from './coord-files.js';


async function main(): Promise<void> {
    const [mode, dir] = process.argv.slice(2);
    const started = performance.now();
    // `phases` builds as `coord check` does (src/cli/workspace.ts): one build, no reference index, no
    // reuse of findings; until 7 December 2026 it built with the language server's options, so its
    // "index references" phase (about 60 ms for 1,000 files) was work a check does not do.
    const { Coord } = createCoordCoreServices(EmptyFileSystem, mode === 'phases' ? { referenceIndex: false, reuseFindings: false } : {});
    const files = coordFiles(dir).map(path => ({ uri: URI.file(path).toString(), text: readFileSync(path, 'utf8') }));
    const lines = files.reduce((n, f) => n + f.text.split('\n').length - 1, 0);
    const result: Record<string, unknown> = { mode, files: files.length, lines };
    if (mode === 'parse' || mode === 'parse-discard') {
        const t0 = performance.now();
        let errors = 0;
        // The parse results are kept until the end, as any tool that checks a workspace keeps
        // them: dropping each one at once would hide the garbage collector's cost of a large
        // live heap, which is a cost of parsing 100,000 lines, not of checking them.
        const kept: unknown[] = [];
        for (const f of files) {
            const r = Coord.parser.LangiumParser.parse(f.text);
            errors += r.lexerErrors.length + r.parserErrors.length;
            if (mode === 'parse') kept.push(r);
        }
        result.kept = kept.length;
        result.parseMs = performance.now() - t0;
        result.syntaxErrors = errors;
    } else if (mode === 'phases') {
        const builder = Coord.shared.workspace.DocumentBuilder;
        const phases: Record<string, number> = {};
        let last = performance.now();
        for (const state of [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes,
            DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
            builder.onBuildPhase(state, () => {
                const now = performance.now();
                phases[DocumentState[state]] = now - last;
                last = now;
            });
        }
        const t0 = performance.now();
        last = t0;
        const ws = await buildWorkspace(Coord, files);
        result.buildMs = performance.now() - t0;
        result.phases = phases;
        result.findings = ws.documents.reduce((n, d) => n + ws.findings(d).length, 0);
    } else {
        throw new Error(`unknown mode '${mode}' (expected parse, parse-discard or phases)`);
    }
    result.totalMs = performance.now() - started;
    const usage = process.resourceUsage();
    result.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    result.maxRssBytes = usage.maxRSS * 1024;
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
