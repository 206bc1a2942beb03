/**
 * Makes a startup snapshot of the CLI for the Node that runs it (bundled as
 * `dist/snapshot-build.cjs`; started in the background by trigger.ts, with
 * the snapshot's name as its argument). The blob is written under a
 * temporary name and tried (`--version` and the check of a small spec must
 * give bin/coord.js's output and status); it gets the Node binary's
 * modification time (which `bin/coord` compares) and is renamed into place;
 * then its `.ok` stamp is written, newer than the bundle, and what earlier
 * bundles left is removed. One build at a time per snapshot (`KEY.lock`); a
 * failure is written to `KEY.failed`, so that it is not tried again until
 * the bundle or the Node changes. The snapshot's builder runs with an empty
 * environment, so that nothing of this user's or this run's is frozen into it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSnapshotKey, lockHeld, mtimeOf } from './trigger.js';

/** A small spec the new snapshot must check exactly as bin/coord.js does, and how. */
const TRIAL = 'population smallholders "Smallholder households"\n';
const CHECK = ['check', '--stdin', '--stdin-filename', 'trial.coord', '--no-project', '--format', 'json'];

export function buildSnapshot(dist: string, key: string): void {
    if (!isSnapshotKey(key)) throw new Error(`not a snapshot name: ${JSON.stringify(key)}`);
    const folder = path.join(dist, 'snapshot');
    const base = path.join(folder, key);
    fs.mkdirSync(folder, { recursive: true });
    if (!lock(base + '.lock')) return;
    const partial = `${base}.${process.pid}.partial`;
    try {
        const bundle = path.join(dist, 'cli-snapshot.cjs');
        const bundleTime = fs.statSync(bundle).mtimeMs;
        // With the flag bin/coord runs it with: Node 20 counts V8's flags in the snapshot's own check.
        const made = spawnSync(process.execPath, ['--verify-snapshot-checksum', '--snapshot-blob', partial, '--build-snapshot', bundle], {
            cwd: os.tmpdir(), env: {}, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000,
        });
        if (made.status !== 0) throw new Error(`making the snapshot failed (${made.status ?? made.signal}): ${made.stderr.slice(0, 2000)}`);
        // Tried against bin/coord.js itself, in the same folder with the same input: the same output, the same status.
        const run = (first: string[], args: string[], input?: string) => spawnSync(process.execPath, [...first, ...args], {
            cwd: os.tmpdir(), input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '', COORD_NO_SNAPSHOT: '1' },
        });
        const fromBlob = ['--verify-snapshot-checksum', '--snapshot-blob', partial, '--'];
        const plain = [path.join(dist, '..', 'bin', 'coord.js')];
        for (const [args, input] of [[['--version']], [CHECK, TRIAL]] as Array<[string[], string?]>) {
            const [tried, expected] = [run(fromBlob, args, input), run(plain, args, input)];
            if (tried.status !== expected.status || tried.stdout !== expected.stdout || expected.status === null || expected.status > 1) {
                throw new Error(`the snapshot does not answer \`coord ${args.join(' ')}\` as bin/coord.js does: status ${tried.status ?? tried.signal} against ${expected.status ?? expected.signal}\n${tried.stdout}${tried.stderr}`);
            }
        }
        // bin/coord uses a blob only while its modification time is the Node binary's (copied to the nanosecond).
        const touched = spawnSync('touch', ['-r', process.execPath, partial], { encoding: 'utf8' });
        if (touched.status !== 0) throw new Error(`touch -r failed: ${touched.stderr ?? touched.error}`);
        const [blobTime, nodeTime] = [partial, process.execPath].map(file => fs.statSync(file, { bigint: true }).mtimeNs);
        if (blobTime !== nodeTime) throw new Error(`touch -r did not copy the Node binary's modification time exactly (${blobTime} against ${nodeTime}); bin/coord would never use the snapshot`);
        if (fs.statSync(bundle).mtimeMs !== bundleTime) throw new Error('the bundle changed while the snapshot was made');
        fs.rmSync(base + '.ok', { force: true });
        fs.renameSync(partial, base + '.blob');
        fs.writeFileSync(base + '.ok', `${process.version}\n`);
        fs.rmSync(base + '.seen', { force: true });
        fs.rmSync(base + '.failed', { force: true });
        removeStale(folder, bundleTime);
    } catch (e) {
        try {
            fs.writeFileSync(base + '.failed', `${e instanceof Error ? e.message : String(e)}\n`);
        } catch {
            // Nothing more to do.
        }
    } finally {
        fs.rmSync(partial, { force: true });
        fs.rmSync(base + '.lock', { force: true });
    }
}

/**
 * Removes what earlier bundles left in the folder: a blob whose stamp is missing or older than the
 * bundle (another Node's, made before the last build; about 10 MB each), and older notes and failures.
 * Builds under way (their lock and partial file) are left alone.
 */
function removeStale(folder: string, bundleTime: number): void {
    const older = (file: string) => mtimeOf(file) <= bundleTime;
    for (const name of fs.readdirSync(folder)) {
        const file = path.join(folder, name);
        if (name.endsWith('.blob')) {
            const stamp = file.slice(0, -'.blob'.length) + '.ok';
            if (older(stamp)) {
                fs.rmSync(file, { force: true });
                fs.rmSync(stamp, { force: true });
            }
        } else if ((name.endsWith('.seen') || name.endsWith('.failed') || name.endsWith('.ok')) && older(file)) {
            fs.rmSync(file, { force: true });
        }
    }
}

/** Takes the build's lock (a file made only if absent); a dead build's ({@link lockHeld}) is taken over. */
function lock(file: string): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            fs.closeSync(fs.openSync(file, 'wx'));
            return true;
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || lockHeld(file)) return false;
            fs.rmSync(file, { force: true });
        }
    }
    return false;
}

if (require.main === module) {
    buildSnapshot(__dirname, process.argv[2] ?? '');
}
