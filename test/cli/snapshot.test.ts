/**
 * The `coord` command's startup snapshot (issue 21's Node 22 cold start):
 * `bin/coord`, the package's `bin`, starts a command from a V8 snapshot of the
 * CLI once one is ready for the Node on the PATH, and `bin/coord.js` otherwise
 * (src/cli/snapshot/). Run against a copy of the package in a folder whose
 * name has a space, with each Node here put first on the PATH through a
 * folder of its own, as a user's PATH has it.
 *
 * What must hold: the second run without a snapshot makes one in the
 * background and the runs after it start from it; a run from a snapshot
 * answers every command exactly as bin/coord.js does, in other folders,
 * locales and colour settings; a snapshot that is not the current bundle's
 * or that Node's is never started, nor one under NODE_OPTIONS; a wrapper
 * script on the PATH gets none; runs at once make one; a snapshot that fails
 * its trial is not installed and not tried again until the bundle changes; a
 * damaged one stops loudly instead of passing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { restoreTunables } from '../../src/cli/snapshot/environment.js';
import { ensureBuilt, nodeBinaries, removeScratch, ROOT, runProcess, SAMPLE_SPEC, scratch, type SignalledRun } from './process-run.js';

/** The files of the package the command runs from (what `npm pack` ships of bin/ and dist/). */
const PACKAGE_FILES = [
    'package.json', 'bin/coord', 'bin/coord.js', 'bin/package.json',
    'dist/cli.cjs', 'dist/cli-commands.cjs', 'dist/cli-snapshot.cjs', 'dist/snapshot-build.cjs', 'dist/elk.cjs', 'dist/server.cjs',
];

/** Each Node here (the test runner's, the project's Node 22, the system's Node 20), as `[label, binary]`. */
const NODES = nodeBinaries();

let work: string;
/** Each Node here, as `[label, folder holding a link named node to it]`. */
let nodes: Array<[string, string]>;
/** The folder of each Node's link, by label. */
const nodeDirs = new Map<string, string>();

type Run = SignalledRun;

/** A fresh copy of the package, in a folder whose name has a space. */
function makePackage(name: string): string {
    const pkg = path.join(work, `${name} pkg`);
    for (const file of PACKAGE_FILES) {
        fs.mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(pkg, file));
    }
    fs.chmodSync(path.join(pkg, 'bin/coord'), 0o755);
    return pkg;
}

/** The environment of a run: this Node first on the PATH, no locale or colour of the test runner's. */
function environment(nodeDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${nodeDir}${path.delimiter}/usr/bin${path.delimiter}/bin` };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'FORCE_COLOR', 'NO_COLOR', 'COORD_DEBUG', 'NODE_OPTIONS', 'COORD_NO_SNAPSHOT', 'COORD_SNAPSHOT_KEY', 'COORD_SNAPSHOT_NODE', 'GLIBC_TUNABLES', 'COORD_GLIBC_TUNABLES']) delete env[name];
    return { ...env, ...extra };
}

function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<Run> {
    return runProcess(command, args, options);
}

/** `coord …` through the launcher. */
function coord(pkg: string, nodeDir: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
    return run(path.join(pkg, 'bin/coord'), args, { cwd: options.cwd ?? work, env: environment(nodeDir, options.env), input: options.input });
}

/** `node bin/coord.js …`, the same Node, the same environment: what every run must answer. */
function plain(pkg: string, nodeDir: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
    return run(path.join(nodeDir, 'node'), [path.join(pkg, 'bin/coord.js'), ...args], { cwd: options.cwd ?? work, env: environment(nodeDir, options.env), input: options.input });
}

/**
 * What the launcher starts for these arguments: `snapshot`, or `plain` (bin/coord.js), read from its `sh -x`
 * trace. The default command stops on a missing file (status 2), which does not count as a run towards a snapshot.
 */
function startsFrom(pkg: string, nodeDir: string, args: readonly string[] = ['check', 'no-such-file.coord'], env: NodeJS.ProcessEnv = {}): 'snapshot' | 'plain' {
    const r = spawnSync('sh', ['-x', path.join(pkg, 'bin/coord'), ...args], { cwd: work, env: environment(nodeDir, env), encoding: 'utf8' });
    const exec = r.stderr.split('\n').filter(line => line.startsWith('+ exec ')).pop() ?? '';
    if (/ --snapshot-blob /.test(exec)) return 'snapshot';
    if (/bin\/coord\.js/.test(exec)) return 'plain';
    throw new Error(`no exec in the launcher's trace:\n${r.stderr}`);
}

/** The snapshot's name for a Node folder, as bin/coord makes it: the path of its `node`, `/` as `_`. */
function keyOf(nodeDir: string): string {
    return path.join(nodeDir, 'node').split('/').join('_');
}

function snapshotFiles(pkg: string): string[] {
    const folder = path.join(pkg, 'dist/snapshot');
    return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

/** Waits until `file` exists (a background build), at most `ms`. */
async function waitFor(file: string, ms = 120_000): Promise<void> {
    const until = Date.now() + ms;
    while (!fs.existsSync(file)) {
        if (Date.now() > until) throw new Error(`${file} did not appear in ${ms} ms`);
        await new Promise(r => setTimeout(r, 100));
    }
}

/** Waits until no build holds a lock in the package (so that its folder may be changed or removed). */
async function settle(pkg: string, ms = 120_000): Promise<void> {
    const until = Date.now() + ms;
    while (snapshotFiles(pkg).some(f => f.endsWith('.lock') || f.endsWith('.partial'))) {
        if (Date.now() > until) throw new Error(`a snapshot build in ${pkg} did not end in ${ms} ms`);
        await new Promise(r => setTimeout(r, 100));
    }
}

/** Makes the snapshot of this Node now, as the background build does (synchronously). */
function buildNow(pkg: string, nodeDir: string): void {
    const r = spawnSync(path.join(nodeDir, 'node'), [path.join(pkg, 'dist/snapshot-build.cjs'), keyOf(nodeDir)], { encoding: 'utf8', env: environment(nodeDir) });
    expect(r.status, r.stderr).toBe(0);
    const failed = path.join(pkg, 'dist/snapshot', `${keyOf(nodeDir)}.failed`);
    expect(fs.existsSync(failed) ? fs.readFileSync(failed, 'utf8') : '').toBe('');
    expect(fs.existsSync(path.join(pkg, 'dist/snapshot', `${keyOf(nodeDir)}.ok`))).toBe(true);
}

const SPEC = SAMPLE_SPEC;

beforeAll(() => {
    ensureBuilt();
    work = scratch('coord-snapshot-');
    nodes = NODES.map(([label, node], i) => {
        const dir = path.join(work, `node ${i}`);
        fs.mkdirSync(dir);
        fs.symlinkSync(node, path.join(dir, 'node'));
        nodeDirs.set(label, dir);
        return [label, dir];
    });
    // A workspace of the examples and the fixtures, and one spec with a finding of each kind the summary shows.
    fs.cpSync(path.join(ROOT, 'examples'), path.join(work, 'ws/examples'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'test/fixtures/cli'), path.join(work, 'ws/fixtures'), { recursive: true });
    fs.writeFileSync(path.join(work, 'ws/spec.coord'), SPEC);
});

afterAll(() => removeScratch(work));

describe('bin/coord, the launcher', () => {
    // .ci/run installs shellcheck; on a developer's machine without it the test is skipped (in CI it fails).
    const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;
    test.skipIf(!shellcheck && !process.env.CI)('passes shellcheck as a POSIX sh script', () => {
        const r = spawnSync('shellcheck', ['-s', 'sh', path.join(ROOT, 'bin/coord')], { encoding: 'utf8' });
        expect(r.error).toBeUndefined();
        expect(r.stdout + r.stderr).toBe('');
        expect(r.status).toBe(0);
    });
});

describe.each(NODES.map(([label], i) => [label, i] as const))('startup snapshot, %s', (label, which) => {
    const pick = (): [string, string] => [label, nodeDirs.get(label)!];

    test('two runs without a snapshot make one in the background; the next run starts from it and answers as bin/coord.js', async () => {
        const [, nodeDir] = pick();
        const pkg = makePackage(`made-${which}`);
        const key = keyOf(nodeDir);
        const cwd = path.join(work, 'ws');
        const expected = await plain(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        expect(expected.code, label).toBe(0);

        expect(startsFrom(pkg, nodeDir), label).toBe('plain');
        expect(await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd }), label).toEqual(expected);
        // The first run only notes that it ran: a command run once (a CI job) makes nothing.
        expect(snapshotFiles(pkg), label).toEqual([`${key}.seen`]);
        expect(await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd }), label).toEqual(expected);
        await waitFor(path.join(pkg, 'dist/snapshot', `${key}.ok`));
        await settle(pkg);
        expect(snapshotFiles(pkg), label).toEqual([`${key}.blob`, `${key}.ok`]);
        // The blob carries the Node binary's own modification time, to the nanosecond.
        const blob = fs.statSync(path.join(pkg, 'dist/snapshot', `${key}.blob`), { bigint: true });
        expect(blob.mtimeNs, label).toBe(fs.statSync(path.join(nodeDir, 'node'), { bigint: true }).mtimeNs);

        expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');
        expect(await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd }), label).toEqual(expected);
        // `--version`, `--help` and the language server start without it.
        for (const args of [['--version'], ['-v'], ['--help'], [], ['lsp', '--help']]) expect(startsFrom(pkg, nodeDir, args), `${label} ${args.join(' ')}`).toBe('plain');
        // Reached through a chain of links, as npm installs it, with relative targets.
        const links = path.join(work, `links-${which}`);
        fs.mkdirSync(path.join(links, 'a'), { recursive: true });
        fs.symlinkSync(path.relative(path.join(links, 'a'), path.join(pkg, 'bin/coord')), path.join(links, 'a/coord'));
        fs.symlinkSync('a/coord', path.join(links, 'coord'));
        expect(await run(path.join(links, 'coord'), ['check', 'spec.coord'], { cwd, env: environment(nodeDir) }), label).toEqual(expected);
        const traced = spawnSync('sh', ['-x', path.join(links, 'coord'), 'check', 'spec.coord'], { cwd, env: environment(nodeDir), encoding: 'utf8' });
        expect(traced.stderr, label).toMatch(/\+ exec .+ --verify-snapshot-checksum --snapshot-blob /);
        // In bash and dash alike.
        for (const shell of ['bash', 'dash']) {
            if (spawnSync(shell, ['-c', 'exit 0']).status !== 0) continue;
            const r = spawnSync(shell, [path.join(pkg, 'bin/coord'), 'check', 'spec.coord'], { cwd, env: environment(nodeDir), encoding: 'utf8' });
            expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }, `${label} ${shell}`).toEqual({ code: expected.code, stdout: expected.stdout, stderr: expected.stderr });
        }
    }, 240_000);

    test('from the snapshot, every command answers as bin/coord.js does: reports, errors, locales, colours, standard input, the ELK diagram', async () => {
        const [, nodeDir] = pick();
        const pkg = makePackage(`answers-${which}`);
        buildNow(pkg, nodeDir);
        expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');
        const ws = path.join(work, 'ws');
        const cases: Array<{ args: string[]; cwd?: string; env?: NodeJS.ProcessEnv; input?: string }> = [
            { args: ['check', 'examples'] },
            ...['json', 'sarif', 'github', 'junit'].map(format => ({ args: ['check', 'examples', 'spec.coord', '--format', format] })),
            { args: ['check', 'fixtures'] },
            { args: ['check', 'fixtures/bad', 'spec.coord'], env: { LANG: 'es_ES.UTF-8' } },
            { args: ['check', 'examples', '--locale', 'pt-BR'] },
            { args: ['check', 'spec.coord'], env: { FORCE_COLOR: '1' } },
            { args: ['check', 'spec.coord'], env: { NO_COLOR: '1', LC_ALL: 'pt_BR.UTF-8' } },
            { args: ['check', 'no-such-file.coord'] },
            { args: ['check', '--no-such-option'] },
            { args: ['check', '--stdin', '--stdin-filename', 'typed.coord'], input: SPEC },
            { args: ['check', '.'], cwd: path.join(ws, 'examples') },
            ...['md', 'json', 'csv', 'html'].map(format => ({ args: ['summary', 'spec.coord', 'examples', '--format', format] })),
            { args: ['format', '--check', 'examples', 'spec.coord'] },
            { args: ['format', '--stdin'], input: 'population   p "P"\n' },
            { args: ['rules'] },
            { args: ['rules', '--locale', 'es'] },
            { args: ['completion', 'bash'] },
            { args: ['no-such-command'] },
        ];
        for (const c of cases) {
            const options = { cwd: c.cwd ?? ws, env: c.env, input: c.input };
            const [expected, actual] = [await plain(pkg, nodeDir, c.args, options), await coord(pkg, nodeDir, c.args, options)];
            expect(actual, `${label}: coord ${c.args.join(' ')} ${JSON.stringify(c.env ?? {})}`).toEqual(expected);
        }
        // Every command above really ran its code (not one usage error for all).
        const summary = await coord(pkg, nodeDir, ['summary', 'spec.coord', '--format', 'html'], { cwd: ws });
        expect(summary.stdout, label).toMatch(/^<!doctype html>[^]*<svg[^]*SP[^]*<\/html>\s*$/i);
    }, 240_000);

    test('a snapshot of another bundle or another Node, or under NODE_OPTIONS or COORD_NO_SNAPSHOT, is not started', async () => {
        const [, nodeDir] = pick();
        const pkg = makePackage(`stale-${which}`);
        buildNow(pkg, nodeDir);
        const folder = path.join(pkg, 'dist/snapshot');
        const key = keyOf(nodeDir);
        const bundle = path.join(pkg, 'dist/cli-snapshot.cjs');
        const cwd = path.join(work, 'ws');
        const expected = await plain(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');

        // The bundle rebuilt after the snapshot was made.
        const bundleTime = fs.statSync(bundle).mtime;
        fs.utimesSync(bundle, new Date(), new Date(Date.now() + 60_000));
        expect(startsFrom(pkg, nodeDir), label).toBe('plain');
        fs.utimesSync(bundle, bundleTime, bundleTime);
        expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');

        // Another Node at the same path (an upgrade in place): the blob's time is no longer the binary's.
        const blob = path.join(folder, `${key}.blob`);
        const blobTime = fs.statSync(blob).mtime;
        fs.utimesSync(blob, blobTime, new Date(blobTime.getTime() - 1000));
        expect(startsFrom(pkg, nodeDir), label).toBe('plain');
        expect(await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd }), label).toEqual(expected);
        spawnSync('touch', ['-r', path.join(nodeDir, 'node'), blob]);
        expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');

        // Without its stamp (a build cut short between the blob and the stamp).
        fs.renameSync(path.join(folder, `${key}.ok`), path.join(folder, 'stamp'));
        expect(startsFrom(pkg, nodeDir), label).toBe('plain');
        fs.renameSync(path.join(folder, 'stamp'), path.join(folder, `${key}.ok`));

        // V8 flags in NODE_OPTIONS (Node 20 refuses a snapshot made without them), and the way to turn it off.
        for (const env of [{ NODE_OPTIONS: '--max-old-space-size=4096' }, { NODE_OPTIONS: '--expose-gc' }, { COORD_NO_SNAPSHOT: '1' }, { COORD_NO_SNAPSHOT: '' }]) {
            expect(startsFrom(pkg, nodeDir, undefined, env), `${label} ${JSON.stringify(env)}`).toBe('plain');
            expect(await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd, env }), `${label} ${JSON.stringify(env)}`).toEqual(await plain(pkg, nodeDir, ['check', 'spec.coord'], { cwd, env }));
        }
        // Another Node on the PATH has a snapshot of its own, under its own name.
        const other = nodes.find(([, dir]) => dir !== nodeDir);
        if (other) expect(startsFrom(pkg, other[1]), label).toBe('plain');
    }, 240_000);
});

describe('bin/coord, glibc\'s malloc settings for a run from the snapshot', () => {
    const OURS = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432';

    /**
     * What a `node` started from a snapshot by the launcher is given: a stand-in `node` (a shell script) with a
     * blob and a stamp that the launcher takes as ready, which prints its GLIBC_TUNABLES, COORD_GLIBC_TUNABLES
     * and arguments.
     */
    function given(env: NodeJS.ProcessEnv, args: readonly string[] = ['check', 'spec.coord']): string[] {
        const pkg = path.join(work, 'tunables pkg');
        const fakeDir = path.join(work, 'tunables node');
        if (!fs.existsSync(fakeDir)) {
            makePackage('tunables');
            fs.mkdirSync(fakeDir);
            fs.writeFileSync(path.join(fakeDir, 'node'), '#!/bin/sh\nprintf \'%s\\n\' "${GLIBC_TUNABLES-(unset)}" "${COORD_GLIBC_TUNABLES-(unset)}" "$@"\n', { mode: 0o755 });
            const folder = path.join(pkg, 'dist/snapshot');
            fs.mkdirSync(folder, { recursive: true });
            const past = new Date(Date.now() - 60_000);
            fs.utimesSync(path.join(pkg, 'dist/cli-snapshot.cjs'), past, past);
            fs.writeFileSync(path.join(folder, `${keyOf(fakeDir)}.blob`), 'not a blob');
            expect(spawnSync('touch', ['-r', path.join(fakeDir, 'node'), path.join(folder, `${keyOf(fakeDir)}.blob`)]).status).toBe(0);
            fs.writeFileSync(path.join(folder, `${keyOf(fakeDir)}.ok`), '');
        }
        const r = spawnSync(path.join(pkg, 'bin/coord'), args, { cwd: work, env: environment(fakeDir, env), encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        return r.stdout.split('\n').slice(0, -1);
    }

    test('the launcher adds them after the user\'s own and keeps what GLIBC_TUNABLES was; a setting of the user\'s for either is left alone', () => {
        const blobArgs = (lines: string[]) => lines.slice(2);
        const none = given({});
        expect(none.slice(0, 2)).toEqual([OURS, '']);
        expect(blobArgs(none)).toEqual(['--verify-snapshot-checksum', '--snapshot-blob', expect.stringMatching(/\.blob$/), '--', 'check', 'spec.coord']);
        expect(given({ GLIBC_TUNABLES: '' }).slice(0, 2)).toEqual([OURS, '']);
        expect(given({ GLIBC_TUNABLES: 'glibc.rtld.nns=8' }).slice(0, 2)).toEqual([`glibc.rtld.nns=8:${OURS}`, 'glibc.rtld.nns=8']);
        // The user's own choice of either setting wins: nothing is added, nothing is to put back.
        for (const own of ['glibc.malloc.hugetlb=0', 'glibc.rtld.nns=8:glibc.malloc.mmap_threshold=131072']) {
            expect(given({ GLIBC_TUNABLES: own }).slice(0, 2), own).toEqual([own, '(unset)']);
        }
        // glibc's older name for the threshold is the user's setting too (GLIBC_TUNABLES would override it).
        expect(given({ MALLOC_MMAP_THRESHOLD_: '131072' }).slice(0, 2)).toEqual(['(unset)', '(unset)']);
        // A COORD_GLIBC_TUNABLES left in the environment by something else is not taken for the user's setting.
        expect(given({ COORD_GLIBC_TUNABLES: 'stale', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).slice(0, 2)).toEqual(['glibc.malloc.hugetlb=0', '(unset)']);
        expect(given({ COORD_GLIBC_TUNABLES: 'stale' }).slice(0, 2)).toEqual([OURS, '']);
        // Commands that never start from the snapshot get nothing, nor does a command when the snapshot is not ready.
        const plainNode = given({}, ['--version']);
        expect(plainNode.slice(0, 2)).toEqual(['(unset)', '(unset)']);
        expect(plainNode[2]).toMatch(/bin\/coord\.js$/);
        const stamp = path.join(work, 'tunables pkg', 'dist/snapshot', `${keyOf(path.join(work, 'tunables node'))}.ok`);
        const stampTime = fs.statSync(stamp).mtime;
        fs.utimesSync(stamp, stampTime, new Date(Date.now() - 120_000));
        try {
            const notReady = given({});
            expect(notReady.slice(0, 2)).toEqual(['(unset)', '(unset)']);
            expect(notReady[2]).toMatch(/bin\/coord\.js$/);
        } finally {
            fs.utimesSync(stamp, stampTime, stampTime);
        }
    });

    // What a run reads of its environment is not visible from outside (no run from the snapshot starts a
    // process), so the function is tested here, and entry.ts's main() calls it first.
    test('the run from the snapshot puts GLIBC_TUNABLES back as the user had it (restoreTunables)', () => {
        const cases: Array<[NodeJS.ProcessEnv, NodeJS.ProcessEnv]> = [
            [{ GLIBC_TUNABLES: OURS, COORD_GLIBC_TUNABLES: '' }, {}],
            [{ GLIBC_TUNABLES: `glibc.rtld.nns=8:${OURS}`, COORD_GLIBC_TUNABLES: 'glibc.rtld.nns=8', HOME: '/h' }, { GLIBC_TUNABLES: 'glibc.rtld.nns=8', HOME: '/h' }],
            // Not started by the launcher's change: nothing to do.
            [{ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }],
            [{}, {}],
        ];
        for (const [before, after] of cases) {
            const env = { ...before };
            restoreTunables(env);
            expect(env, JSON.stringify(before)).toEqual(after);
        }
    });
});

describe('startup snapshot, hostile conditions', () => {
    test('a wrapper script named node on the PATH (a version manager\'s shim) gets no snapshot, and the command still works', async () => {
        const [label, nodeDir] = nodes[0];
        const pkg = makePackage('shim');
        const shimDir = path.join(work, 'shim bin');
        fs.mkdirSync(shimDir);
        fs.writeFileSync(path.join(shimDir, 'node'), `#!/bin/sh\nexec "${fs.realpathSync(path.join(nodeDir, 'node'))}" "$@"\n`, { mode: 0o755 });
        const cwd = path.join(work, 'ws');
        const expected = await plain(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        for (let i = 0; i < 3; i++) expect(await coord(pkg, shimDir, ['check', 'spec.coord'], { cwd }), label).toEqual(expected);
        await new Promise(r => setTimeout(r, 500));
        expect(snapshotFiles(pkg)).toEqual([]);
    }, 60_000);

    test('twelve runs at once on a package without a snapshot: every output right, one build, nothing left behind', async () => {
        const [label, nodeDir] = nodes[0];
        const pkg = makePackage('crowd');
        const key = keyOf(nodeDir);
        const cwd = path.join(work, 'ws');
        const expected = await plain(pkg, nodeDir, ['check', 'examples', '--format', 'json'], { cwd });
        expect(await coord(pkg, nodeDir, ['check', 'examples', '--format', 'json'], { cwd }), label).toEqual(expected);
        const runs = await Promise.all(Array.from({ length: 12 }, () => coord(pkg, nodeDir, ['check', 'examples', '--format', 'json'], { cwd })));
        for (const r of runs) expect(r, label).toEqual(expected);
        await waitFor(path.join(pkg, 'dist/snapshot', `${key}.ok`));
        await settle(pkg);
        expect(snapshotFiles(pkg), label).toEqual([`${key}.blob`, `${key}.ok`]);
        const fromSnapshot = await Promise.all(Array.from({ length: 6 }, () => coord(pkg, nodeDir, ['check', 'examples', '--format', 'json'], { cwd })));
        for (const r of fromSnapshot) expect(r, label).toEqual(expected);
    }, 240_000);

    test('a snapshot that does not answer as bin/coord.js is not installed, and is not tried again until the bundle changes', async () => {
        const [label, nodeDir] = nodes[0];
        const pkg = makePackage('trial');
        const key = keyOf(nodeDir);
        const folder = path.join(pkg, 'dist/snapshot');
        // bin/coord.js and the snapshot's bundle disagree: the plain path prints one more line.
        const entry = path.join(pkg, 'bin/coord.js');
        fs.writeFileSync(entry, `${fs.readFileSync(entry, 'utf8')}\nprocess.on('exit', () => process.stdout.write('(changed)\\n'));\n`);
        const cwd = path.join(work, 'ws');
        await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        await waitFor(path.join(folder, `${key}.failed`));
        await settle(pkg);
        expect(fs.readFileSync(path.join(folder, `${key}.failed`), 'utf8'), label).toMatch(/does not answer `coord --version` as bin\/coord\.js does/);
        expect(snapshotFiles(pkg).filter(f => !f.endsWith('.seen')), label).toEqual([`${key}.failed`]);
        const failedAt = fs.statSync(path.join(folder, `${key}.failed`)).mtimeMs;
        for (let i = 0; i < 3; i++) await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        await new Promise(r => setTimeout(r, 1000));
        expect(fs.statSync(path.join(folder, `${key}.failed`)).mtimeMs, label).toBe(failedAt);
        expect(snapshotFiles(pkg).some(f => f.endsWith('.lock') || f.endsWith('.blob')), label).toBe(false);
        // A new bundle: tried again (after a run that notes it, as for a first run).
        const bundle = path.join(pkg, 'dist/cli-snapshot.cjs');
        fs.utimesSync(bundle, new Date(), new Date(Date.now() + 2000));
        await new Promise(r => setTimeout(r, 2100));
        await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd });
        const until = Date.now() + 120_000;
        while (fs.statSync(path.join(folder, `${key}.failed`)).mtimeMs === failedAt && Date.now() < until) await new Promise(r => setTimeout(r, 100));
        await settle(pkg);
        expect(fs.statSync(path.join(folder, `${key}.failed`)).mtimeMs, label).toBeGreaterThan(failedAt);
    }, 240_000);

    test('a build removes what earlier bundles left (other Nodes\' snapshots, notes, failures), not the current ones', () => {
        const [label, nodeDir] = nodes[0];
        const pkg = makePackage('tidy');
        const folder = path.join(pkg, 'dist/snapshot');
        fs.mkdirSync(folder, { recursive: true });
        const past = new Date(fs.statSync(path.join(pkg, 'dist/cli-snapshot.cjs')).mtimeMs - 60_000);
        for (const name of ['old.blob', 'old.ok', 'older.blob', 'gone.seen', 'gone.failed', 'current.blob', 'current.ok']) fs.writeFileSync(path.join(folder, name), '');
        for (const name of ['old.blob', 'old.ok', 'older.blob', 'gone.seen', 'gone.failed', 'current.blob']) fs.utimesSync(path.join(folder, name), past, past);
        fs.utimesSync(path.join(folder, 'current.ok'), new Date(), new Date(Date.now() + 5000));
        buildNow(pkg, nodeDir);
        const key = keyOf(nodeDir);
        expect(snapshotFiles(pkg), label).toEqual([`${key}.blob`, `${key}.ok`, 'current.blob', 'current.ok'].sort());
    }, 60_000);

    test('a damaged snapshot stops with a non-zero status and no report, never a pass', async () => {
        const [label, nodeDir] = nodes[0];
        const pkg = makePackage('damaged');
        buildNow(pkg, nodeDir);
        const blob = path.join(pkg, 'dist/snapshot', `${keyOf(nodeDir)}.blob`);
        const bytes = fs.readFileSync(blob);
        for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), 5000]) {
            const damaged = Buffer.from(bytes);
            damaged[at] ^= 0x01;
            fs.writeFileSync(blob, damaged);
            spawnSync('touch', ['-r', path.join(nodeDir, 'node'), blob]);
            expect(startsFrom(pkg, nodeDir), label).toBe('snapshot');
            const r = await coord(pkg, nodeDir, ['check', 'spec.coord'], { cwd: path.join(work, 'ws') });
            expect(r.code === 0 && r.signal === null, `${label}: a byte at ${at} changed, and the run passed`).toBe(false);
            expect(r.stdout, label).toBe('');
        }
    }, 120_000);
});
