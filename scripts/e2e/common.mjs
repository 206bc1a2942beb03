// Shared steps of the end-to-end runners (code-server, @vscode/test-electron, Neovim): paths, the system
// Node, Debian prerequisites, packaging the .vsix, bundling the extension-host suite and preparing a
// throwaway copy of the workspace the suite opens.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Caches and run folders; gitignored. */
export const E2E_DIR = process.env.COORD_E2E_CACHE ? resolve(process.env.COORD_E2E_CACHE) : join(REPO, '.e2e');
/** Screenshots and logs a person may want to look at; gitignored. */
// A run in another display language (COORD_E2E_LOCALE=es) keeps its screenshots apart: test-results/e2e-es/.
export const RESULTS_DIR = join(REPO, 'test-results', process.env.COORD_E2E_LOCALE ? `e2e-${process.env.COORD_E2E_LOCALE}` : 'e2e');
/** The extension that only hosts the suite (see test/e2e/runner/package.json). */
export const RUNNER_EXTENSION = join(REPO, 'test', 'e2e', 'runner');
/** The example files the suite opens, and the fixtures it adds to them. */
export const EXAMPLES = ['colombia.coord', 'mexico.coord', 'peru.coord', 'model.coord'];
export const FIXTURES_DIR = join(REPO, 'test', 'e2e', 'fixtures');

const started = Date.now();
/** Prints a step with the seconds since the runner started. */
export function step(message) {
    console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

/**
 * The environment with `node_modules/.bin` folders removed from PATH, so that `node` is the system Node
 * (20 here) rather than the Node 22 that `npm run` puts first: code-server 4.100.3 and its native modules
 * are built for the system Node.
 */
export function systemNodeEnv(extra = {}) {
    const path = (process.env.PATH ?? '').split(':').filter(p => !/[\\/]node_modules[\\/]\.bin$/.test(p)).join(':');
    return { ...process.env, PATH: path, ...extra };
}

/** Runs a command, streaming its output, and throws when it fails. */
export function run(command, args, options = {}) {
    const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, ...options });
    if (result.error) throw result.error;
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    }
    return result;
}

/** Whether a program is on PATH. */
export function hasProgram(name, env = process.env) {
    return spawnSync('sh', ['-c', `command -v ${name}`], { env, stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure Debian packages are installed: installs the missing ones when running as root (CI, these
 * machines), otherwise stops with the apt-get command to run.
 */
export function ensureDebianPackages(packages) {
    const missing = packages.filter(p => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
    if (missing.length === 0) return;
    if (process.getuid?.() !== 0) {
        throw new Error(`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install ${missing.join(' ')})`);
    }
    step(`installing Debian packages: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/**
 * The packaged extension: `$COORD_E2E_VSIX` when set (to test a given build), otherwise a fresh
 * `npm run package`, whose newest coord*.vsix in the repository root is returned.
 */
export function packageVsix() {
    if (process.env.COORD_E2E_VSIX) {
        const vsix = resolve(process.env.COORD_E2E_VSIX);
        if (!existsSync(vsix)) throw new Error(`COORD_E2E_VSIX names a missing file: ${vsix}`);
        step(`using the given package ${vsix}`);
        return vsix;
    }
    step('packaging the extension (npm run package)');
    const since = Date.now() - 1000;
    run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'inherit', 'inherit'] });
    const candidates = readdirSync(REPO)
        .filter(f => /^coord([-.].*)?\.vsix$/.test(f))
        .map(f => ({ file: join(REPO, f), mtime: statSync(join(REPO, f)).mtimeMs }))
        .filter(c => c.mtime >= since)
        .sort((a, b) => b.mtime - a.mtime);
    if (candidates.length === 0) throw new Error('npm run package wrote no new coord*.vsix in the repository root');
    return candidates[0].file;
}

/** Bundles test/e2e/suite/index.ts into one CommonJS file that any extension host can load. */
export async function buildSuite() {
    const esbuild = await import('esbuild');
    const outfile = join(E2E_DIR, 'build', 'suite.cjs');
    await esbuild.build({
        entryPoints: [join(REPO, 'test', 'e2e', 'suite', 'index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'inline',
        external: ['vscode'],
        logLevel: 'warning',
    });
    return outfile;
}

/**
 * A fresh copy of the examples plus the e2e fixtures in `<dir>/workspace`: the suite edits documents, so
 * it never works on the tracked files.
 */
export function prepareWorkspace(dir) {
    const workspace = join(dir, 'workspace');
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    for (const name of EXAMPLES) {
        const from = join(REPO, 'examples', name);
        if (!existsSync(from)) throw new Error(`missing example ${from}`);
        cpSync(from, join(workspace, name));
    }
    // The fixtures' coord.config.json only keeps them a project of their own in this repository.
    for (const name of readdirSync(FIXTURES_DIR)) {
        if (name !== 'README.md' && name !== 'coord.config.json') cpSync(join(FIXTURES_DIR, name), join(workspace, name));
    }
    return workspace;
}

/** User settings that keep the workbench quiet and deterministic under test. */
export function writeUserSettings(userDataDir) {
    const dir = join(userDataDir, 'User');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'files.autoSave': 'off',
        'editor.formatOnSave': false,
        'git.enabled': false,
        'chat.commandCenter.enabled': false,
    }, null, 2));
}
