// `npm run bench`: Coord's performance benchmark. Generates valid workspaces
// (one file of 1k, 10k and 100k lines; 100 and 1,000 files of 100 lines with
// cross-file references) in a temporary folder and measures, in one run:
//   - cold start: `node bin/coord.js --version` and `coord check` of a one-declaration
//     file (the first real result, with Langium) next to `node -e 0`, wall and CPU; and
//     the same through `coord` as installed (bin/coord), from its startup snapshot and without;
//   - `coord check`: wall and CPU time, lines per second and peak memory, next
//     to a parse-only run of the same input with the same parser and bundle
//     settings (bench/probe.ts) and to the perf anchor's parse-only run of its
//     own workspace of the same shape (issue 21), interleaved, plus the time of
//     each build phase;
//   - 8,000 declarations on one line against the same on 8,000 lines;
//   - the 100k/10k scaling ratio;
//   - `coord summary` (JSON and HTML) on the one-file workspaces;
//   - through a real LSP client over stdio: edit → diagnostics and completion
//     latency at 1k, 10k and 100k lines, and edit → diagnostics in the
//     1,000-file workspace; the server's memory with 100k lines after 60 edits.
// Medians of several runs. Writes bench/results/latest.json and prints a
// Markdown summary (the tables of docs/performance.md).
// Options: --runs N (default 5; the 100k-line cases use max(2, N - 2)),
// --only check|summary|lsp|start, --cases 1k,10k,… (a subset), --keep (keep the generated workspaces),
// --coord DIR (measure the built checkout in DIR instead of this one, e.g. main for a "before" run),
// --no-anchor (leave out the perf anchor of ../shared/reference/perf-anchor, or $COORD_PERF_ANCHOR),
// --out FILE (write the results there instead of bench/results/latest.json), --report FILE (print the tables of an earlier run's JSON and exit).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { UNIT_LINES, writeWorkspace } from './generate.mjs';
import { LspSession } from './lsp.mjs';
import { cliPlugins } from '../scripts/build-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args0 = process.argv.slice(2);
// `--coord DIR`: measure another checkout of Coord (built, e.g. main for a "before" run) with this benchmark.
const coordRoot = args0.includes('--coord') ? args0[args0.indexOf('--coord') + 1] : root;
const coordBin = join(coordRoot, 'bin', 'coord.js');
/** The `coord` command as npm installs it (the package's `bin`): a shell script that may start from a startup snapshot. */
const launcher = join(coordRoot, 'bin', 'coord');
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
function measure(argv, { preload = true, cwd, bin = node, env = process.env } = {}) {
    const usageFile = join(work, `usage-${process.pid}.json`);
    rmSync(usageFile, { force: true });
    const full = preload ? ['-r', usagePreload, ...argv] : argv;
    const t0 = performance.now();
    const r = spawnSync(bin, full, { encoding: 'utf8', cwd, env: { ...env, COORD_BENCH_USAGE_FILE: usageFile }, maxBuffer: 1 << 28 });
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
    const buildScript = readFileSync(join(coordRoot, 'scripts', 'build.mjs'), 'utf8');
    const keepNames = /keepNames:\s*true/.test(buildScript);
    const mangle = /\bminify:\s*!watch/.test(buildScript) && !/minifyIdentifiers:\s*false/.test(buildScript);
    await esbuild.build({
        entryPoints: [join(coordRoot, 'bench', 'probe.ts')],
        outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
        minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: mangle, keepNames,
        mainFields: ['module', 'main'],
        plugins: cliPlugins,
        supported: { 'dynamic-import': false },
        define: { 'import.meta.url': '__import_meta_url' },
        inject: [join(coordRoot, 'scripts', 'import-meta-url.js')],
        logLevel: 'warning',
    });
    await esbuild.build({
        entryPoints: [join(coordRoot, 'bench', 'probe-start.ts')], outfile: start, external: ['./probe.cjs'],
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


/**
 * The perf anchor (issue 21): a Langium 4.4 prototype of the v1 grammar kept in
 * `../shared/reference/perf-anchor` (or `$COORD_PERF_ANCHOR`), whose parse-only
 * time is the baseline `coord check` is held to. It is copied into a cache
 * folder of its own (keyed by its files), installed with `npm ci` and built
 * once; its own generator writes its workspaces (same shapes, its grammar).
 * Returns undefined, with a note, when the anchor is not there or does not build.
 */
function prepareAnchor() {
    const source = process.env.COORD_PERF_ANCHOR ?? join(root, '..', 'shared', 'reference', 'perf-anchor');
    if (!existsSync(join(source, 'package.json'))) {
        log(`no perf anchor at ${source}: the anchor columns are left out`);
        return undefined;
    }
    const hash = createHash('sha256');
    for (const f of ['package.json', 'package-lock.json', 'esbuild.mjs', 'scripts/gen.mjs', 'src/cli/main.ts', 'src/language/coord.langium']) {
        try { hash.update(f).update(readFileSync(join(source, f))); } catch { /* a file the anchor does not have */ }
    }
    const dir = join(tmpdir(), `coord-perf-anchor-${hash.digest('hex').slice(0, 12)}`);
    const cli = join(dir, 'dist', 'cli.cjs');
    if (!existsSync(cli)) {
        log(`building the perf anchor in ${dir} (npm ci, npm run build; once)…`);
        rmSync(dir, { recursive: true, force: true });
        cpSync(source, dir, { recursive: true, filter: src => !/[\\/](node_modules|ws|dist|results)$/.test(src) });
        spawnSync('chmod', ['-R', 'u+w', dir]);
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        for (const step of [['ci', '--no-audit', '--no-fund'], ['run', 'build']]) {
            const r = spawnSync(npm, step, { cwd: dir, encoding: 'utf8' });
            if (r.status !== 0) {
                log(`the perf anchor did not build (npm ${step.join(' ')}): ${(r.stderr || r.stdout).slice(-2000)}`);
                rmSync(dir, { recursive: true, force: true });
                return undefined;
            }
        }
    }
    return { dir, cli, gen: join(dir, 'scripts', 'gen.mjs') };
}

/** Writes the anchor's own workspace of the shape of case `c` (its generator, its grammar). */
function anchorWorkspace(anchor, c) {
    const out = join(work, `anchor-${c.id}`);
    const r = spawnSync(node, [anchor.gen, out, String(c.files), String(c.linesPerFile)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the anchor's generator failed: ${r.stderr}`);
    return out;
}

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

/**
 * Runs a command once with the PATH given and returns its wall and CPU time (user + system of the
 * whole process tree, from wait4 through Python; wall only without python3). For the `coord` command
 * as installed (bin/coord, a shell script), which no preload can follow into the Node it starts.
 */
function measureCommand(bin, argv, { cwd, env }) {
    const runner = 'import os, sys, time\n' +
        't = time.perf_counter(); pid = os.fork()\n' +
        'if pid == 0:\n    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.execvp(sys.argv[1], sys.argv[1:])\n' +
        '_, status, ru = os.wait4(pid, 0); wall = time.perf_counter() - t\n' +
        'print(wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000, os.waitstatus_to_exitcode(status))';
    const py = spawnSync('python3', ['-c', runner, bin, ...argv], { encoding: 'utf8', cwd, env });
    if (py.status === 0) {
        const [wallMs, cpuMs, status] = py.stdout.trim().split(' ').map(Number);
        if (status !== 0 && status !== 1) throw new Error(`${bin} ${argv.join(' ')} exited with ${status}: ${py.stderr}`);
        return { wallMs, cpuMs, status };
    }
    const t0 = performance.now();
    const r = spawnSync(bin, argv, { encoding: 'utf8', cwd, env });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} ${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
    return { wallMs: performance.now() - t0, status: r.status };
}

/** Makes bin/coord's startup snapshot for this Node (on the PATH through its own folder) now, as its second run would in the background. */
const snapshotsMade = new Set();
function makeSnapshot(bin) {
    if (snapshotsMade.has(bin)) return;
    const pathDir = dirname(bin);
    const key = join(pathDir, 'node').split('/').join('_');
    const made = spawnSync(join(pathDir, 'node'), [join(coordRoot, 'dist', 'snapshot-build.cjs'), key], { encoding: 'utf8' });
    const failed = join(coordRoot, 'dist', 'snapshot', `${key}.failed`);
    if (made.status !== 0 || existsSync(failed)) throw new Error(`the startup snapshot for ${bin} could not be made: ${made.stderr}${existsSync(failed) ? readFileSync(failed, 'utf8') : ''}`);
    snapshotsMade.add(bin);
}

/**
 * The environment of the cold-start runs: the benchmark's, without NODE_EXTRA_CA_CERTS. Where it is set (this
 * machine sets it for its proxy), Node 20 reads the certificates it names at every start, about 40 ms, in
 * `node -e 0` and in `coord` alike, which would flatter every ratio to it; a user's terminal rarely has it.
 */
function coldEnvironment() {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    return env;
}

function coldStart() {
    const runs = Math.max(10, RUNS * 2);
    const coldEnv = coldEnvironment();
    const out = {};
    const nodes = [[process.version, node]];
    const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    if (system.status === 0 && system.stdout.trim() !== process.version) nodes.push([system.stdout.trim(), '/usr/bin/node']);
    // The first real result: `coord check` of one declaration (it loads the commands' bundle with Langium),
    // run in the folder of that file, so that the project is that one file.
    const folder = join(work, 'start');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'one.coord'), 'population smallholders "Smallholder households"\n');
    for (const [version, bin] of nodes) {
        const base = [], coord = [], check = [];
        for (let i = 0; i < runs; i++) {
            // Interleaved; CPU time through the same preload in all three.
            base.push(measure(['-e', '0'], { bin, env: coldEnv }));
            const r = measure([coordBin, '--version'], { bin, env: coldEnv });
            if (r.status !== 0) throw new Error(`coord --version failed`);
            coord.push(r);
            const k = measure([coordBin, 'check', 'one.coord'], { bin, cwd: folder, env: coldEnv });
            if (k.status !== 0) throw new Error(`coord check of one declaration failed: ${k.stdout}`);
            check.push(k);
        }
        const m = (list, key) => median(list.map(x => x[key]));
        out[version] = {
            runs, nodeMs: round(m(base, 'wallMs'), 1), coordMs: round(m(coord, 'wallMs'), 1), ratio: round(m(coord, 'wallMs') / m(base, 'wallMs'), 2),
            checkMs: round(m(check, 'wallMs'), 1), checkRatio: round(m(check, 'wallMs') / m(base, 'wallMs'), 2),
            nodeCpuMs: round(m(base, 'cpuMs'), 1), coordCpuMs: round(m(coord, 'cpuMs'), 1), checkCpuMs: round(m(check, 'cpuMs'), 1),
            checkRatioCpu: round(m(check, 'cpuMs') / m(base, 'cpuMs'), 2),
        };
        // The `coord` command as npm installs it (bin/coord, the package's `bin`), with this Node first on the PATH:
        // its startup snapshot made first (src/cli/snapshot/), as the second run without one would make it.
        if (!existsSync(launcher)) continue;
        const pathDir = dirname(bin);
        const env = { ...coldEnv, PATH: `${pathDir}:${process.env.PATH}` };
        for (const name of ['NODE_OPTIONS', 'COORD_NO_SNAPSHOT']) delete env[name];
        makeSnapshot(bin);
        const node0 = [], versions = [], fromSnapshot = [], plain = [];
        for (let i = 0; i < runs; i++) {
            node0.push(measureCommand(join(pathDir, 'node'), ['-e', '0'], { env }));
            versions.push(measureCommand(launcher, ['--version'], { env }));
            fromSnapshot.push(measureCommand(launcher, ['check', 'one.coord'], { cwd: folder, env }));
            plain.push(measureCommand(launcher, ['check', 'one.coord'], { cwd: folder, env: { ...env, COORD_NO_SNAPSHOT: '1' } }));
        }
        const n0 = m(node0, 'wallMs'), n0Cpu = m(node0, 'cpuMs');
        const entry = list => ({
            ms: round(m(list, 'wallMs'), 1), cpuMs: round(m(list, 'cpuMs'), 1),
            ratio: round(m(list, 'wallMs') / n0, 2), ratioCpu: round(m(list, 'cpuMs') / n0Cpu, 2),
        });
        out[version].installed = {
            nodeMs: round(n0, 1), nodeCpuMs: round(n0Cpu, 1), version: entry(versions), check: entry(fromSnapshot), checkWithoutSnapshot: entry(plain),
        };
    }
    return out;
}

function checkCase(c, probe, anchor) {
    const dir = join(work, c.id);
    const { lines } = writeWorkspace(dir, c);
    const report = join(work, `${c.id}.json`);
    const anchorDir = anchor ? anchorWorkspace(anchor, c) : undefined;
    const check = [], parse = [], anchorParse = [], installed = [];
    // bin/coord with this benchmark's Node first on the PATH, when coldStart made its snapshot.
    const installedRuns = existsSync(launcher) && ['100k', '1000x100'].includes(c.id);
    if (installedRuns) makeSnapshot(node);
    const installedEnv = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
    delete installedEnv.NODE_OPTIONS;
    let findings;
    for (let i = 0; i < c.runs; i++) {
        // Interleaved (A/B/C, round after round), so that a burst of load on the machine hits all alike.
        if (anchorDir) {
            const a = measure([anchor.cli, anchorDir, '--mode', 'parse']);
            const out = JSON.parse(a.stdout.trim().split('\n').pop());
            if (out.syntax_errors) throw new Error(`the anchor's workspace ${c.id} has syntax errors`);
            anchorParse.push({ ...a, inProcessParseMs: out.parse_ms, lines: out.lines });
        }
        const p = measure([probe, 'parse', dir]);
        const probeOut = JSON.parse(p.stdout);
        if (probeOut.syntaxErrors) throw new Error(`generated workspace ${c.id} has syntax errors`);
        parse.push({ ...p, inProcessParseMs: probeOut.parseMs });
        // Run where the workspace is, as an analyst runs it in a project: the project is that folder.
        const k = measure([coordBin, 'check', '.', '--format', 'json', '-o', report], { cwd: dir });
        check.push(k);
        findings = JSON.parse(readFileSync(report, 'utf8')).diagnostics.length;
        // The large workspaces through `coord` as installed, from its startup snapshot (made by coldStart).
        if (installedRuns) {
            installed.push(measureCommand(launcher, ['check', '.', '--format', 'json', '-o', report], { cwd: dir, env: installedEnv }));
            if (readFileSync(report, 'utf8').length === 0) throw new Error('bin/coord wrote no report');
        }
    }
    const phases = JSON.parse(measure([probe, 'phases', dir]).stdout);
    const installedCheck = installed.length > 0 ? { wallMs: round(median(installed.map(x => x.wallMs))), cpuMs: round(median(installed.map(x => x.cpuMs))) } : undefined;
    const m = (list, key) => median(list.map(x => x[key]));
    const checkWall = m(check, 'wallMs'), parseWall = m(parse, 'wallMs');
    const checkCpu = m(check, 'cpuMs'), parseCpu = m(parse, 'cpuMs');
    const result = {
        id: c.id, label: c.label, files: c.files, lines, runs: c.runs, findings,
        check: { wallMs: round(checkWall), cpuMs: round(checkCpu), peakRssMB: round(m(check, 'maxRssBytes') / 2 ** 20), linesPerSecond: round(lines / (checkWall / 1000)) },
        parseOnly: { wallMs: round(parseWall), cpuMs: round(parseCpu), inProcessParseMs: round(m(parse, 'inProcessParseMs')), peakRssMB: round(m(parse, 'maxRssBytes') / 2 ** 20) },
        ratioWall: round(checkWall / parseWall, 2),
        ratioCpu: round(checkCpu / parseCpu, 2),
        phasesMs: Object.fromEntries(Object.entries(phases.phases).map(([k, v]) => [k, round(v)])),
        ...(installedCheck ? { installedCheck } : {}),
    };
    if (anchorParse.length > 0) {
        const aWall = m(anchorParse, 'wallMs'), aCpu = m(anchorParse, 'cpuMs');
        result.anchor = {
            lines: anchorParse[0].lines, wallMs: round(aWall), cpuMs: round(aCpu),
            inProcessParseMs: round(m(anchorParse, 'inProcessParseMs')), peakRssMB: round(m(anchorParse, 'maxRssBytes') / 2 ** 20),
        };
        // `coord check` ÷ the anchor's parse-only (the target), and our parser alone ÷ the anchor's.
        result.checkVsAnchor = { wall: round(checkWall / aWall, 2), cpu: round(checkCpu / aCpu, 2) };
        result.parseVsAnchor = { wall: round(parseWall / aWall, 2), cpu: round(parseCpu / aCpu, 2), inProcess: round(result.parseOnly.inProcessParseMs / result.anchor.inProcessParseMs, 2) };
    }
    return result;
}

/**
 * Fault 3 of issue 21: time linear in line length. 8,000 declarations on one
 * line against the same 8,000 declarations on 8,000 lines, interleaved.
 */
function longLineCase(runs) {
    const count = 8_000;
    const decls = Array.from({ length: count }, (_, i) => `population p${i} "Households ${i}"`);
    const oneLine = join(work, 'long-line'), manyLines = join(work, 'long-lines');
    mkdirSync(oneLine, { recursive: true });
    mkdirSync(manyLines, { recursive: true });
    writeFileSync(join(oneLine, 'a.coord'), decls.join(' ') + '\n');
    writeFileSync(join(manyLines, 'a.coord'), decls.join('\n') + '\n');
    const one = [], many = [];
    let findings;
    for (let i = 0; i < runs; i++) {
        const report = join(work, 'long-line.json');
        many.push(measure([coordBin, 'check', '.', '--format', 'json', '-o', report], { cwd: manyLines }));
        one.push(measure([coordBin, 'check', '.', '--format', 'json', '-o', report], { cwd: oneLine }));
        findings = JSON.parse(readFileSync(report, 'utf8')).diagnostics.length;
    }
    const m = (list, key) => median(list.map(x => x[key]));
    return {
        declarations: count, runs, findings,
        oneLine: { wallMs: round(m(one, 'wallMs')), cpuMs: round(m(one, 'cpuMs')) },
        manyLines: { wallMs: round(m(many, 'wallMs')), cpuMs: round(m(many, 'cpuMs')) },
        ratioWall: round(m(one, 'wallMs') / m(many, 'wallMs'), 2),
        ratioCpu: round(m(one, 'cpuMs') / m(many, 'cpuMs'), 2),
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

/** Resident and peak memory (MB) of a process, from /proc (Linux); undefined elsewhere. */
function processMemoryMB(pid) {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = key => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
        return { rssMB: round(kb('VmRSS') / 1024), peakMB: round(kb('VmHWM') / 1024) };
    } catch {
        return undefined;
    }
}

/**
 * Issue 21: the language server's memory with a 100k-line file open, after 60
 * edits (30 times: type a character into a reference, then delete it, waiting
 * for each edit's diagnostics).
 */
async function lspMemory(c, edits = 60) {
    const dir = join(work, `lsp-memory-${c.id}`);
    const { paths, lines } = writeWorkspace(dir, c);
    const uri = pathToFileURL(paths[0]).toString();
    const text = readFileSync(paths[0], 'utf8');
    const session = await LspSession.start({ node, coordBin, rootDir: dir });
    try {
        const first = session.waitForDiagnostics(uri);
        await session.open(uri, text);
        await first;
        await session.settle();
        const afterOpen = processMemoryMB(session.proc.pid);
        const targetsLine = unitLine(Math.floor(lines / UNIT_LINES / 2), 7);
        const col = text.split('\n')[targetsLine].length;
        const times = [];
        for (let i = 0; i < edits; i++) {
            const typing = i % 2 === 0;
            const done = session.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === typing);
            const range = { start: { line: targetsLine, character: col }, end: { line: targetsLine, character: typing ? col : col + 1 } };
            const sent = await session.change(uri, range, typing ? 'x' : '');
            times.push((await done).at - sent);
        }
        await session.settle(1000);
        const afterEdits = processMemoryMB(session.proc.pid);
        return { id: c.id, label: c.label, lines, edits, afterOpen, afterEdits, editToDiagnosticsMs: round(median(times), 1) };
    } finally {
        await session.stop();
    }
}

function targets(r) {
    const t = [];
    const add = (name, target, value, met, note) => t.push({ name, target, value, met, ...(note ? { note } : {}) });
    if (r.coldStart) {
        for (const [v, c] of Object.entries(r.coldStart)) add(`cold start, \`coord --version\` (${v})`, '≤ 2× node -e 0', `${c.ratio}×`, c.ratio <= 2);
        for (const [v, c] of Object.entries(r.coldStart)) {
            // The command as installed (bin/coord, from its startup snapshot) when it was measured; else node bin/coord.js.
            const installed = c.installed?.check;
            if (installed) {
                add(`cold start, \`coord check\` of one declaration (${v})`, '≤ 2.5× node -e 0', `${installed.ratio}× wall${installed.ratioCpu !== undefined ? `, ${installed.ratioCpu}× CPU` : ''}`, installed.ratio <= 2.5,
                    `bin/coord from its startup snapshot; node bin/coord.js ${c.checkRatio}×`);
            } else if (c.checkRatio !== undefined) {
                add(`cold start, \`coord check\` of one declaration (${v})`, '≤ 2.5× node -e 0', `${c.checkRatio}× wall${c.checkRatioCpu !== undefined ? `, ${c.checkRatioCpu}× CPU` : ''}`, c.checkRatio <= 2.5);
            }
        }
    }
    for (const c of r.check ?? []) {
        if (c.checkVsAnchor && ['10k', '100k', '1000x100'].includes(c.id)) {
            add(`check ÷ anchor's parse-only, ${c.label}`, '≤ 2×', `${c.checkVsAnchor.wall}× wall, ${c.checkVsAnchor.cpu}× CPU`, c.checkVsAnchor.wall <= 2);
        }
    }
    for (const c of r.check ?? []) add(`check ÷ parse-only, ${c.label}`, '≤ 2×', `${c.ratioWall}× wall, ${c.ratioCpu}× CPU`, c.ratioWall <= 2);
    if (r.scaling) add('check 100k ÷ 10k lines', '≤ 12', `${r.scaling.wall}× wall, ${r.scaling.cpu}× CPU`, r.scaling.wall <= 12);
    if (r.longLine) add('8,000 declarations on one line ÷ on 8,000 lines', '≤ 2×', `${r.longLine.ratioWall}× wall, ${r.longLine.ratioCpu}× CPU`, r.longLine.ratioWall <= 2);
    const big = (r.check ?? []).find(c => c.id === '100k');
    if (big) add('peak memory, check of 100k lines', '≤ 350 MB', `${big.check.peakRssMB} MB`, big.check.peakRssMB <= 350);
    for (const l of r.lsp ?? []) {
        if (l.id === '10k') add('edit → diagnostics, 10k lines', '≤ 100 ms', `${l.editToDiagnosticsMs} ms`, l.editToDiagnosticsMs <= 100);
        if (l.id === '100k') add('edit → diagnostics, 100k lines', '≤ 1,000 ms', `${l.editToDiagnosticsMs} ms`, l.editToDiagnosticsMs <= 1000);
        if (l.id === '1000x100') add('edit → diagnostics, 1,000 files', '≤ 50 ms', `${l.editToDiagnosticsMs} ms`, l.editToDiagnosticsMs <= 50);
        if (l.id === '10k') {
            const worst = Math.max(l.completionEnd.ms, l.completionMiddle.ms, l.completionMiddleReference.ms);
            add('completion, 10k lines', '≤ 50 ms', `${worst} ms`, worst <= 50);
        }
        if (l.id === '100k') {
            const worst = Math.max(l.completionEnd.ms, l.completionMiddle.ms, l.completionMiddleReference.ms);
            add('completion, 100k lines (end and middle)', '≤ 300 ms', `${worst} ms`, worst <= 300);
        }
    }
    if (r.lspMemory?.afterEdits) {
        add(`language server RSS, 100k lines after ${r.lspMemory.edits} edits`, '≤ 500 MB', `${r.lspMemory.afterEdits.rssMB} MB (peak ${r.lspMemory.afterEdits.peakMB} MB)`, r.lspMemory.afterEdits.rssMB <= 500);
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
        out.push('| cold start | `node -e 0` wall / CPU | `coord --version` wall / CPU | ratio (wall) | `coord check` of one declaration wall / CPU | ratio (wall / CPU) |', '|---|---:|---:|---:|---:|---:|');
        const ms = (x, y) => (x === undefined ? '–' : `${x}${y === undefined ? '' : ` / ${y}`} ms`), times = (x, y) => (x === undefined ? '–' : `${x}×${y === undefined ? '' : ` / ${y}×`}`);
        for (const [v, c] of Object.entries(r.coldStart)) out.push(`| Node ${v} (${c.runs} runs) | ${ms(c.nodeMs, c.nodeCpuMs)} | ${ms(c.coordMs, c.coordCpuMs)} | ${c.ratio}× | ${ms(c.checkMs, c.checkCpuMs)} | ${times(c.checkRatio, c.checkRatioCpu)} |`);
        out.push('');
        const installed = Object.entries(r.coldStart).filter(([, c]) => c.installed);
        if (installed.length > 0) {
            // bin/coord (the npm package's `bin`) with the Node first on the PATH; CPU of the process tree (wait4), no preload.
            out.push('| `coord` as installed (bin/coord) | `node -e 0` wall / CPU | `coord --version` wall / CPU (ratio) | `coord check` of one declaration, from the startup snapshot (ratio wall / CPU) | the same with COORD_NO_SNAPSHOT=1 (ratio wall / CPU) |', '|---|---:|---:|---:|---:|');
            const cell = e => `${ms(e.ms, e.cpuMs)} (${times(e.ratio, e.ratioCpu)})`;
            for (const [v, c] of installed) out.push(`| Node ${v} (${c.runs} runs) | ${ms(c.installed.nodeMs, c.installed.nodeCpuMs)} | ${cell(c.installed.version)} | ${cell(c.installed.check)} | ${cell(c.installed.checkWithoutSnapshot)} |`);
            out.push('');
        }
    }
    if (r.check) {
        out.push('| workspace | lines | `coord check` wall | CPU | lines/s | peak RSS | parse-only wall | CPU | check ÷ parse (wall / CPU) | findings |',
            '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
        for (const c of r.check) {
            out.push(`| ${c.label} | ${c.lines} | ${c.check.wallMs} ms | ${c.check.cpuMs} ms | ${c.check.linesPerSecond} | ${c.check.peakRssMB} MB | ${c.parseOnly.wallMs} ms | ${c.parseOnly.cpuMs} ms | ${c.ratioWall}× / ${c.ratioCpu}× | ${c.findings} |`);
        }
        out.push('');
        if (r.check.some(c => c.anchor)) {
            out.push('| workspace | anchor\'s parse-only wall | CPU | anchor lines | check ÷ anchor (wall / CPU) | our parse-only ÷ anchor (wall / CPU / in-process parse) |', '|---|---:|---:|---:|---:|---:|');
            for (const c of r.check.filter(x => x.anchor)) {
                out.push(`| ${c.label} | ${c.anchor.wallMs} ms | ${c.anchor.cpuMs} ms | ${c.anchor.lines} | ${c.checkVsAnchor.wall}× / ${c.checkVsAnchor.cpu}× | ${c.parseVsAnchor.wall}× / ${c.parseVsAnchor.cpu}× / ${c.parseVsAnchor.inProcess}× |`);
            }
            out.push('');
        }
        const installedChecks = r.check.filter(c => c.installedCheck);
        if (installedChecks.length > 0) {
            // The same workspaces through bin/coord from its startup snapshot (CPU of the process tree, from wait4).
            out.push('| workspace | `node bin/coord.js check` wall / CPU | `coord check` (bin/coord, from the startup snapshot) wall / CPU | ÷ anchor (wall / CPU) |', '|---|---:|---:|---:|');
            for (const c of installedChecks) {
                const vs = c.anchor ? `${round(c.installedCheck.wallMs / c.anchor.wallMs, 2)}× / ${round(c.installedCheck.cpuMs / c.anchor.cpuMs, 2)}×` : '–';
                out.push(`| ${c.label} | ${c.check.wallMs} / ${c.check.cpuMs} ms | ${c.installedCheck.wallMs} / ${c.installedCheck.cpuMs} ms | ${vs} |`);
            }
            out.push('');
        }
        if (r.scaling) out.push(`Scaling, one file of 100k lines ÷ 10k lines: ${r.scaling.wall}× wall, ${r.scaling.cpu}× CPU (in-process parse ${r.scaling.parse}×).`, '');
        out.push('| workspace | parse | index | scopes | link | index refs | validate |', '|---|---:|---:|---:|---:|---:|---:|');
        for (const c of r.check) {
            const p = c.phasesMs;
            out.push(`| ${c.label} | ${p.Parsed} | ${p.IndexedContent} | ${p.ComputedScopes} | ${p.Linked} | ${p.IndexedReferences} | ${p.Validated} |`);
        }
        out.push('');
    }
    if (r.longLine) {
        const l = r.longLine;
        out.push(`Long lines (${l.runs} runs): ${l.declarations} declarations on one line ${l.oneLine.wallMs} ms wall, ${l.oneLine.cpuMs} ms CPU; on ${l.declarations} lines ${l.manyLines.wallMs} ms, ${l.manyLines.cpuMs} ms CPU (${l.ratioWall}× wall, ${l.ratioCpu}× CPU; ${l.findings} findings).`, '');
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
    if (r.lspMemory) {
        const x = r.lspMemory, mb = m => (m ? `${m.rssMB} MB (peak ${m.peakMB} MB)` : '–');
        out.push(`Language server memory, ${x.label}: after opening ${mb(x.afterOpen)}; after ${x.edits} edits ${mb(x.afterEdits)} (edit → diagnostics ${x.editToDiagnosticsMs} ms, median).`, '');
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
    const results = { date: new Date().toISOString(), machine: machine(), runs: { default: RUNS, slow: SLOW_RUNS }, coord: coordRoot };
    log(`coord bench: working in ${work}`);
    if (!ONLY || ONLY === 'start') {
        log('cold start…');
        results.coldStart = coldStart();
    }
    if (!ONLY || ONLY === 'check') {
        const probe = await buildProbe();
        const anchor = args.includes('--no-anchor') ? undefined : prepareAnchor();
        results.check = [];
        for (const c of CASES) {
            log(`check ${c.label}…`);
            results.check.push(checkCase(c, probe, anchor));
        }
        log('long lines…');
        results.longLine = longLineCase(RUNS);
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
        const big = CASES.find(x => x.id === '100k');
        if (big && process.platform === 'linux') {
            log(`lsp memory, ${big.label}, 60 edits…`);
            results.lspMemory = await lspMemory(big);
        }
    }
    results.loadAverageAtEnd = loadavg().map(x => round(x, 2));
    results.targets = targets(results);
    const outDir = join(root, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = option('--out') ?? (ONLY ? join(outDir, `latest-${ONLY}.json`) : join(outDir, 'latest.json'));
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
