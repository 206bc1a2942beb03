// `npm run bench`: Coord's performance benchmark. Generates valid workspaces
// (one file of 1k, 10k and 100k lines; 100 and 1,000 files of 100 lines with
// cross-file references) in a temporary folder and measures, in one run:
//   - cold start: `node bin/coord.js --version` next to `node -e 0` (the target),
//     and `coord check` of a one-declaration file (the first real result, with Langium);
//   - `coord check`: wall and CPU time, lines per second and peak memory, next
//     to a parse-only run of the same input with the same parser and bundle
//     settings (bench/probe.ts), plus the time of each build phase;
//   - the 100k/10k scaling ratio;
//   - `coord summary` (JSON and HTML) on the one-file workspaces;
//   - through a real LSP client over stdio: edit → diagnostics and completion
//     latency at 1k, 10k and 100k lines, and edit → diagnostics in the
//     1,000-file workspace.
// Medians of several runs. Writes bench/results/latest.json and prints a
// Markdown summary (the tables of docs/performance.md).
// Options: --runs N (default 5; the 100k-line cases use max(2, N - 2)),
// --only check|summary|lsp|start, --cases 1k,10k,… (a subset), --keep (keep the generated workspaces),
// --report FILE (print the tables of an earlier run's JSON and exit).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { UNIT_LINES, writeWorkspace } from './generate.mjs';
import { LspSession } from './lsp.mjs';
import { cliPlugins } from '../scripts/build-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const coordBin = join(root, 'bin', 'coord.js');
const usagePreload = join(root, 'bench', 'usage.cjs');
const args = process.argv.slice(2);
const option = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const RUNS = Number(option('--runs') ?? 5);
const SLOW_RUNS = Math.max(2, RUNS - 2);
const ONLY = option('--only');
const KEEP = args.includes('--keep');
const ONLY_CASES = option('--cases')?.split(',');
const node = process.execPath;

const work = mkdtempSync(join(tmpdir(), 'coord-bench-'));
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

function median(values) {
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x, d = 0) => (x === undefined || Number.isNaN(x) ? undefined : Math.round(x * 10 ** d) / 10 ** d);

/** Runs a command once; returns its wall time and, through the preload, its CPU time and peak memory. */
function measure(argv, { preload = true } = {}) {
    const usageFile = join(work, `usage-${process.pid}.json`);
    rmSync(usageFile, { force: true });
    const full = preload ? ['-r', usagePreload, ...argv] : argv;
    const t0 = performance.now();
    const r = spawnSync(node, full, { encoding: 'utf8', env: { ...process.env, COORD_BENCH_USAGE_FILE: usageFile }, maxBuffer: 1 << 28 });
    const wallMs = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
    let usage = {};
    try { usage = JSON.parse(readFileSync(usageFile, 'utf8')); } catch { /* no preload */ }
    return { wallMs, stdout: r.stdout, status: r.status, ...usage };
}

/**
 * Bundles the parse-only probe with the CLI's esbuild settings and plugins (see scripts/build.mjs),
 * and its starter, which compiles it through the CLI's code cache (bench/probe-start.ts); returns the starter.
 */
async function buildProbe() {
    const outfile = join(work, 'probe.cjs');
    const start = join(work, 'probe-start.cjs');
    const buildScript = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const keepNames = /keepNames:\s*true/.test(buildScript);
    const mangle = /\bminify:\s*!watch/.test(buildScript) && !/minifyIdentifiers:\s*false/.test(buildScript);
    await esbuild.build({
        entryPoints: [join(root, 'bench', 'probe.ts')],
        outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
        minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: mangle, keepNames,
        mainFields: ['module', 'main'],
        plugins: cliPlugins,
        supported: { 'dynamic-import': false },
        define: { 'import.meta.url': '__import_meta_url' },
        inject: [join(root, 'scripts', 'import-meta-url.js')],
        logLevel: 'warning',
    });
    await esbuild.build({
        entryPoints: [join(root, 'bench', 'probe-start.ts')], outfile: start, external: ['./probe.cjs'],
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    });
    return start;
}

const CASES = [
    { id: '1k', label: '1 file × 1,000 lines', files: 1, linesPerFile: 1_000, runs: RUNS },
    { id: '10k', label: '1 file × 10,000 lines', files: 1, linesPerFile: 10_000, runs: RUNS },
    { id: '100k', label: '1 file × 100,000 lines', files: 1, linesPerFile: 100_000, runs: SLOW_RUNS },
    { id: '100x100', label: '100 files × 100 lines', files: 100, linesPerFile: 100, runs: RUNS },
    { id: '1000x100', label: '1,000 files × 100 lines', files: 1_000, linesPerFile: 100, runs: SLOW_RUNS },
].filter(c => !ONLY_CASES || ONLY_CASES.includes(c.id));

function machine() {
    const other = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    return {
        nproc: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        systemNode: other.status === 0 ? other.stdout.trim() : undefined,
        platform: `${process.platform} ${process.arch}`,
        loadAverageAtStart: loadavg().map(x => round(x, 2)),
    };
}

function coldStart() {
    const runs = Math.max(10, RUNS * 2);
    const out = {};
    const nodes = [[process.version, node]];
    const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    if (system.status === 0 && system.stdout.trim() !== process.version) nodes.push([system.stdout.trim(), '/usr/bin/node']);
    // The first real result: `coord check` of one declaration (it loads the commands' bundle with Langium).
    const one = join(work, 'start-one.coord');
    writeFileSync(one, 'population smallholders "Smallholder households"\n');
    for (const [version, bin] of nodes) {
        const base = [], coord = [], check = [];
        for (let i = 0; i < runs; i++) {
            let t0 = performance.now();
            spawnSync(bin, ['-e', '0']);
            base.push(performance.now() - t0);
            t0 = performance.now();
            const r = spawnSync(bin, [coordBin, '--version'], { encoding: 'utf8' });
            coord.push(performance.now() - t0);
            if (r.status !== 0) throw new Error(`coord --version failed: ${r.stderr}`);
            t0 = performance.now();
            const k = spawnSync(bin, [coordBin, 'check', one], { encoding: 'utf8' });
            check.push(performance.now() - t0);
            if (k.status !== 0) throw new Error(`coord check of one declaration failed: ${k.stderr}`);
        }
        out[version] = {
            runs, nodeMs: round(median(base), 1), coordMs: round(median(coord), 1), ratio: round(median(coord) / median(base), 2),
            checkMs: round(median(check), 1), checkRatio: round(median(check) / median(base), 2),
        };
    }
    return out;
}

function checkCase(c, probe) {
    const dir = join(work, c.id);
    const { lines } = writeWorkspace(dir, c);
    const report = join(work, `${c.id}.json`);
    const check = [], parse = [];
    let findings;
    for (let i = 0; i < c.runs; i++) {
        // Interleaved, so that a burst of load on the machine hits both alike.
        const p = measure([probe, 'parse', dir]);
        const probeOut = JSON.parse(p.stdout);
        if (probeOut.syntaxErrors) throw new Error(`generated workspace ${c.id} has syntax errors`);
        parse.push({ ...p, inProcessParseMs: probeOut.parseMs });
        const k = measure([coordBin, 'check', dir, '--format', 'json', '-o', report]);
        check.push(k);
        findings = JSON.parse(readFileSync(report, 'utf8')).diagnostics.length;
    }
    const phases = JSON.parse(measure([probe, 'phases', dir]).stdout);
    const m = (list, key) => median(list.map(x => x[key]));
    const checkWall = m(check, 'wallMs'), parseWall = m(parse, 'wallMs');
    const checkCpu = m(check, 'cpuMs'), parseCpu = m(parse, 'cpuMs');
    return {
        id: c.id, label: c.label, files: c.files, lines, runs: c.runs, findings,
        check: { wallMs: round(checkWall), cpuMs: round(checkCpu), peakRssMB: round(m(check, 'maxRssBytes') / 2 ** 20), linesPerSecond: round(lines / (checkWall / 1000)) },
        parseOnly: { wallMs: round(parseWall), cpuMs: round(parseCpu), inProcessParseMs: round(m(parse, 'inProcessParseMs')), peakRssMB: round(m(parse, 'maxRssBytes') / 2 ** 20) },
        ratioWall: round(checkWall / parseWall, 2),
        ratioCpu: round(checkCpu / parseCpu, 2),
        phasesMs: Object.fromEntries(Object.entries(phases.phases).map(([k, v]) => [k, round(v)])),
    };
}

/** Line (0-based) of line `offset` of cohort `unit` in a single-file workspace. */
const unitLine = (unit, offset) => unit * UNIT_LINES + offset;

/**
 * `coord summary` (JSON, and HTML with the ELK network diagram) on the one-file
 * workspaces, once each: the summary must scale too, and the preview in the
 * editor lays out the same network on the server. HTML stops at 10k lines
 * (it takes minutes at 100k; see docs/performance.md).
 */
function summaryCases() {
    const out = [];
    for (const c of CASES.filter(x => x.files === 1)) {
        const dir = join(work, `summary-${c.id}`);
        const { lines } = writeWorkspace(dir, c);
        for (const format of c.linesPerFile <= 10_000 ? ['json', 'html'] : ['json']) {
            const r = measure([coordBin, 'summary', dir, '--format', format, '-o', join(work, `summary.${format}`)]);
            out.push({ id: c.id, label: c.label, lines, format, wallMs: round(r.wallMs), cpuMs: round(r.cpuMs), peakRssMB: round(r.maxRssBytes / 2 ** 20) });
        }
    }
    return out;
}

async function lspSingle(c, runs) {
    const dir = join(work, `lsp-${c.id}`);
    const { paths, lines } = writeWorkspace(dir, c);
    const uri = pathToFileURL(paths[0]).toString();
    const text = readFileSync(paths[0], 'utf8');
    const session = await LspSession.start({ node, coordBin, rootDir: dir });
    try {
        const t0 = performance.now();
        const first = session.waitForDiagnostics(uri);
        await session.open(uri, text);
        const initial = (await first).at - t0;
        await session.settle();
        const units = lines / UNIT_LINES;
        const mid = Math.floor(units / 2);
        // The edit: one character typed at the end of a `targets` reference in the middle
        // of the file (it becomes unresolved), then removed again (resolved again).
        const targetsLine = unitLine(mid, 7);
        const lineText = text.split('\n')[targetsLine];
        const col = lineText.length;
        const edits = [];
        for (let i = 0; i < runs; i++) {
            const broken = session.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference'));
            let sent = await session.change(uri, { start: { line: targetsLine, character: col }, end: { line: targetsLine, character: col } }, 'x');
            edits.push((await broken).at - sent);
            await session.settle();
            const fixed = session.waitForDiagnostics(uri, d => !d.some(x => x.code === 'unresolved-reference'));
            sent = await session.change(uri, { start: { line: targetsLine, character: col }, end: { line: targetsLine, character: col + 1 } }, '');
            edits.push((await fixed).at - sent);
            await session.settle();
        }
        const completionAt = async (position) => {
            const list = [];
            let last;
            for (let i = 0; i < runs; i++) { last = await session.completion(uri, position); list.push(last.ms); }
            return { ms: round(median(list), 1), items: last.items, sample: last.labels };
        };
        // End of file: a new top-level declaration. Middle: a property keyword at the start of
        // a line inside a coordination; and a programme name after `between`.
        const end = await completionAt({ line: lines, character: 0 });
        const middle = await completionAt({ line: unitLine(mid, 22), character: 2 });
        const middleReference = await completionAt({ line: unitLine(mid, 21), character: '  between '.length });
        return {
            id: c.id, label: c.label, lines, runs,
            initialDiagnosticsMs: round(initial),
            editToDiagnosticsMs: round(median(edits), 1), editSamplesMs: edits.map(x => round(x, 1)),
            completionEnd: end, completionMiddle: middle, completionMiddleReference: middleReference,
        };
    } finally {
        await session.stop();
    }
}

async function lspManyFiles(c, runs) {
    const dir = join(work, `lsp-${c.id}`);
    const { paths } = writeWorkspace(dir, c);
    const target = paths[Math.floor(paths.length / 2)];
    const uri = pathToFileURL(target).toString();
    const text = readFileSync(target, 'utf8');
    const session = await LspSession.start({ node, coordBin, rootDir: dir });
    try {
        const t0 = performance.now();
        const first = session.waitForDiagnostics(uri);
        await session.open(uri, text);
        const initialOpen = (await first).at - t0;
        await session.settle(1000);
        const initialAll = session.lastDiagnosticsAt - t0;
        const targetsLine = 7;
        const col = text.split('\n')[targetsLine].length;
        const edits = [], republished = [];
        for (let i = 0; i < runs; i++) {
            for (const [range, insert, broken] of [
                [{ start: { line: targetsLine, character: col }, end: { line: targetsLine, character: col } }, 'x', true],
                [{ start: { line: targetsLine, character: col }, end: { line: targetsLine, character: col + 1 } }, '', false],
            ]) {
                const done = session.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === broken);
                const before = session.diagnosticsCount;
                const sent = await session.change(uri, range, insert);
                edits.push((await done).at - sent);
                await session.settle(500);
                republished.push(session.diagnosticsCount - before);
            }
        }
        return {
            id: c.id, label: c.label, files: c.files, runs,
            openFileFirstDiagnosticsMs: round(initialOpen), allFilesDiagnosticsMs: round(initialAll),
            editToDiagnosticsMs: round(median(edits), 1), editSamplesMs: edits.map(x => round(x, 1)),
            documentsRevalidatedPerEdit: median(republished),
        };
    } finally {
        await session.stop();
    }
}

function targets(r) {
    const t = [];
    const add = (name, target, value, met, note) => t.push({ name, target, value, met, ...(note ? { note } : {}) });
    if (r.coldStart) {
        for (const [v, c] of Object.entries(r.coldStart)) add(`cold start (${v})`, '≤ 2× node -e 0', `${c.ratio}×`, c.ratio <= 2);
    }
    for (const c of r.check ?? []) add(`check ÷ parse-only, ${c.label}`, '≤ 2×', `${c.ratioWall}× wall, ${c.ratioCpu}× CPU`, c.ratioWall <= 2);
    if (r.scaling) add('check 100k ÷ 10k lines', '≤ 12', `${r.scaling.wall}× wall, ${r.scaling.cpu}× CPU`, r.scaling.wall <= 12);
    const big = (r.check ?? []).find(c => c.id === '100k');
    if (big) add('peak memory, check of 100k lines', '≤ 350 MB', `${big.check.peakRssMB} MB`, big.check.peakRssMB <= 350);
    for (const l of r.lsp ?? []) {
        if (l.id === '10k') add('edit → diagnostics, 10k lines', '≤ 100 ms', `${l.editToDiagnosticsMs} ms`, l.editToDiagnosticsMs <= 100);
        if (l.id === '100k') add('edit → diagnostics, 100k lines', '≤ 1,000 ms', `${l.editToDiagnosticsMs} ms`, l.editToDiagnosticsMs <= 1000);
        if (l.id === '10k') {
            const worst = Math.max(l.completionEnd.ms, l.completionMiddle.ms, l.completionMiddleReference.ms);
            add('completion, 10k lines', '≤ 50 ms', `${worst} ms`, worst <= 50);
        }
        if (l.id === '100k') {
            const worst = Math.max(l.completionEnd.ms, l.completionMiddle.ms, l.completionMiddleReference.ms);
            add('completion, 100k lines (end and middle)', '≤ 300 ms', `${worst} ms`, worst <= 300);
        }
    }
    return t;
}

function markdown(r) {
    const out = [];
    out.push(`Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, ${r.machine.platform}; Node ${r.machine.node}` +
        `${r.machine.systemNode ? ` (system Node ${r.machine.systemNode})` : ''}; load average at start ${r.machine.loadAverageAtStart.join(', ')}, at end ${r.loadAverageAtEnd?.join(', ')}.`);
    out.push(`Date: ${r.date}. Runs: ${r.runs.default} (${r.runs.slow} for the 100k-line and 1,000-file cases); medians.`, '');
    if (r.coldStart) {
        // The target is `--version`'s ratio; `coord check` of one declaration is reported next to it.
        out.push('| cold start | `node -e 0` | `coord --version` | ratio | `coord check` of one declaration | ratio |', '|---|---:|---:|---:|---:|---:|');
        const ms = x => (x === undefined ? '–' : `${x} ms`), times = x => (x === undefined ? '–' : `${x}×`);
        for (const [v, c] of Object.entries(r.coldStart)) out.push(`| Node ${v} (${c.runs} runs) | ${c.nodeMs} ms | ${c.coordMs} ms | ${c.ratio}× | ${ms(c.checkMs)} | ${times(c.checkRatio)} |`);
        out.push('');
    }
    if (r.check) {
        out.push('| workspace | lines | `coord check` wall | CPU | lines/s | peak RSS | parse-only wall | CPU | check ÷ parse (wall / CPU) | findings |',
            '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
        for (const c of r.check) {
            out.push(`| ${c.label} | ${c.lines} | ${c.check.wallMs} ms | ${c.check.cpuMs} ms | ${c.check.linesPerSecond} | ${c.check.peakRssMB} MB | ${c.parseOnly.wallMs} ms | ${c.parseOnly.cpuMs} ms | ${c.ratioWall}× / ${c.ratioCpu}× | ${c.findings} |`);
        }
        out.push('');
        if (r.scaling) out.push(`Scaling, one file of 100k lines ÷ 10k lines: ${r.scaling.wall}× wall, ${r.scaling.cpu}× CPU (in-process parse ${r.scaling.parse}×).`, '');
        out.push('| workspace | parse | index | scopes | link | index refs | validate |', '|---|---:|---:|---:|---:|---:|---:|');
        for (const c of r.check) {
            const p = c.phasesMs;
            out.push(`| ${c.label} | ${p.Parsed} | ${p.IndexedContent} | ${p.ComputedScopes} | ${p.Linked} | ${p.IndexedReferences} | ${p.Validated} |`);
        }
        out.push('');
    }
    if (r.summary) {
        out.push('| `coord summary` (1 run) | format | wall | CPU | peak RSS |', '|---|---|---:|---:|---:|');
        for (const x of r.summary) out.push(`| ${x.label} | ${x.format} | ${x.wallMs} ms | ${x.cpuMs} ms | ${x.peakRssMB} MB |`);
        out.push('');
    }
    if (r.lsp) {
        out.push('| LSP | first diagnostics | edit → diagnostics | completion, end | completion, middle (keyword) | completion, middle (reference) |', '|---|---:|---:|---:|---:|---:|');
        for (const l of r.lsp) {
            if (l.files) {
                out.push(`| ${l.label} (${l.runs * 2} edits) | open file ${l.openFileFirstDiagnosticsMs} ms, all ${l.allFilesDiagnosticsMs} ms | ${l.editToDiagnosticsMs} ms (${l.documentsRevalidatedPerEdit} documents re-published per edit) | | | |`);
            } else {
                out.push(`| ${l.label} (${l.runs * 2} edits, ${l.runs} requests) | ${l.initialDiagnosticsMs} ms | ${l.editToDiagnosticsMs} ms | ${l.completionEnd.ms} ms (${l.completionEnd.items} items) | ${l.completionMiddle.ms} ms (${l.completionMiddle.items}) | ${l.completionMiddleReference.ms} ms (${l.completionMiddleReference.items}) |`);
            }
        }
        out.push('');
    }
    out.push('| target | wanted | measured | met |', '|---|---|---|---|');
    for (const t of r.targets) out.push(`| ${t.name} | ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
    return out.join('\n');
}

async function main() {
    const report = option('--report');
    if (report) {
        // Print the tables of an earlier run's JSON, e.g. for docs/performance.md.
        process.stdout.write(markdown(JSON.parse(readFileSync(report, 'utf8'))) + '\n');
        rmSync(work, { recursive: true, force: true });
        return;
    }
    const results = { date: new Date().toISOString(), machine: machine(), runs: { default: RUNS, slow: SLOW_RUNS } };
    log(`coord bench: working in ${work}`);
    if (!ONLY || ONLY === 'start') {
        log('cold start…');
        results.coldStart = coldStart();
    }
    if (!ONLY || ONLY === 'check') {
        const probe = await buildProbe();
        results.check = [];
        for (const c of CASES) {
            log(`check ${c.label}…`);
            results.check.push(checkCase(c, probe));
        }
        const by = id => results.check.find(c => c.id === id);
        if (by('100k') && by('10k')) results.scaling = {
            wall: round(by('100k').check.wallMs / by('10k').check.wallMs, 2),
            cpu: round(by('100k').check.cpuMs / by('10k').check.cpuMs, 2),
            parse: round(by('100k').parseOnly.inProcessParseMs / by('10k').parseOnly.inProcessParseMs, 2),
        };
    }
    if (!ONLY || ONLY === 'summary') {
        log('summary…');
        results.summary = summaryCases();
    }
    if (!ONLY || ONLY === 'lsp') {
        results.lsp = [];
        for (const c of CASES.filter(x => x.files === 1)) {
            log(`lsp ${c.label}…`);
            results.lsp.push(await lspSingle(c, c.runs));
        }
        const many = CASES.find(x => x.id === '1000x100');
        if (many) {
            log(`lsp ${many.label}…`);
            results.lsp.push(await lspManyFiles(many, many.runs));
        }
    }
    results.loadAverageAtEnd = loadavg().map(x => round(x, 2));
    results.targets = targets(results);
    const outDir = join(root, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = ONLY ? join(outDir, `latest-${ONLY}.json`) : join(outDir, 'latest.json');
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(markdown(results) + '\n');
    log(`wrote ${file}`);
    if (!KEEP) rmSync(work, { recursive: true, force: true });
}

main().catch(e => {
    console.error(e);
    if (!KEEP) rmSync(work, { recursive: true, force: true });
    process.exit(1);
});
