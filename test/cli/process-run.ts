/**
 * Test helper: runs the built `coord` command (`bin/coord.js` → `dist/cli.cjs`,
 * which loads `dist/cli-commands.cjs` when a command runs) as a separate
 * process, the way CI runs it, and copies fixture workspaces to scratch folders
 * that tests may change (odd file names, links, permissions).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/coord.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

export interface ProcessRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export interface ProcessOptions {
    node?: string;
    env?: NodeJS.ProcessEnv;
    uid?: number;
    gid?: number;
    /** Text for the command's standard input (closed after it); without it, no standard input. */
    input?: string | Buffer;
}

/** Runs `node bin/coord.js …args` in `cwd`; resolves when the process has exited. */
export async function runCoord(cwd: string, args: readonly string[], options: ProcessOptions = {}): Promise<ProcessRun> {
    // The messages must not depend on the test runner's locale (LANG=es_CO would make them Spanish).
    const inherited = { ...process.env };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete inherited[name];
    const env = { ...inherited, ...options.env };
    // The report must not depend on the test runner's colour settings.
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    delete env.COORD_DEBUG;
    const { code, stdout, stderr } = await runProcess(options.node ?? process.execPath, [BIN, ...args], { ...options, cwd, env });
    return { code, stdout, stderr };
}

/** A finished process: its status, the signal that ended it (if one did), and its output. */
export interface SignalledRun extends ProcessRun {
    signal: NodeJS.Signals | null;
}

/** Runs `command …args` as given (no environment of its own); resolves when the process has exited. */
export function runProcess(command: string, args: readonly string[], options: Omit<ProcessOptions, 'node'> & { cwd: string }): Promise<SignalledRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd, env: options.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], uid: options.uid, gid: options.gid,
        });
        if (options.input !== undefined) child.stdin!.end(options.input);
        let stdout = '';
        let stderr = '';
        child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
}

/** A spec with a finding the reports show and an effect, a coordination and a population the summary shows. */
export const SAMPLE_SPEC = `programme SP "Social" { country X sector social-protection }
programme PR "Productive" { country X sector productive ministry agriculture }
evaluation E { method rct risk-of-bias low }
coordination C { between SP, PR political-support strong incentive budget local { role "r" by SP capacity "c" } }
effects of SP + PR from E {
  + income
}
population p "P"
`;

/** Whether this Node can run `coord` as the given user (a checkout under /root is closed to `nobody`). */
export function canRunAs(user: { uid?: number; gid?: number }): boolean {
    const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(ROOT, 'dist/cli.cjs'))}, 4); require('fs').accessSync(${JSON.stringify(BIN)}, 4)`], { ...user, stdio: 'ignore' });
    return r.status === 0;
}

/** The version of a Node binary, or undefined when it cannot run. */
export function nodeVersion(node: string): string | undefined {
    if (!fs.existsSync(node)) return undefined;
    const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Each distinct Node that can run the CLI here, labelled: the test runner's, the project's Node 22 and the system's Node 20. */
export function nodeBinaries(): Array<[string, string]> {
    const nodes: Array<[string, string]> = [];
    for (const node of [process.execPath, path.join(ROOT, 'node_modules/node/bin/node'), '/usr/bin/node']) {
        const version = nodeVersion(node);
        if (version && !nodes.some(([, other]) => fs.realpathSync(other) === fs.realpathSync(node))) nodes.push([`Node ${version} (${node})`, node]);
    }
    return nodes;
}

/** Makes sure the CLI's bundles exist (CI builds before testing; a fresh checkout may not have). */
export function ensureBuilt(): void {
    if (['dist/cli.cjs', 'dist/cli-commands.cjs', 'dist/cli-snapshot.cjs', 'dist/snapshot-build.cjs'].every(file => fs.existsSync(path.join(ROOT, file)))) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

/** A fresh scratch folder (removed by the caller with {@link removeScratch}). */
export function scratch(prefix = 'coord-cli-'): string {
    return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** Copies a fixture workspace (a folder under test/fixtures/cli) into a scratch folder. */
export function copyFixture(name: string): string {
    const dir = scratch();
    fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
    return dir;
}

export function removeScratch(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}
