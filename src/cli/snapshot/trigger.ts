/**
 * The CLI's side of making a startup snapshot (see bin/coord and build.ts). When
 * `bin/coord` finds no snapshot ready for its Node, it runs bin/coord.js with
 * COORD_SNAPSHOT_KEY (the snapshot's file name) and COORD_SNAPSHOT_NODE (the
 * Node it found on the PATH). Such a run, once its command has reached its
 * verdict (status 0 or 1, not a usage or file error), notes that it ran
 * (`KEY.seen`); the next one starts `dist/snapshot-build.cjs` in the
 * background, detached, which makes the snapshot for the runs after it. So a
 * command run once (a CI job on a fresh clone) makes nothing, and nothing is
 * made twice at once, nor again after it failed until the bundle or the Node
 * changes (`KEY.failed` says why it failed). Any problem here means no snapshot,
 * silently: the command's output and exit status are never affected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A snapshot's name as bin/coord makes it (the Node's path, `/` as `_`): one file name, nothing that leaves the folder. */
export function isSnapshotKey(key: string): boolean {
    return key.length > 0 && key.length <= 200 && !/[/\\\0]/.test(key) && key !== '.' && key !== '..';
}

/** How long a build may hold its lock before another takes it over (a build takes about half a second). */
export const LOCK_STALE_MS = 5 * 60_000;

/** A file's modification time in milliseconds, or -Infinity when it cannot be read. */
export function mtimeOf(file: string): number {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return -Infinity;
    }
}

/** Whether a build holds this lock file (one older than {@link LOCK_STALE_MS} is a dead build's). */
export function lockHeld(file: string): boolean {
    return Date.now() - mtimeOf(file) < LOCK_STALE_MS;
}

/** Notes a run without a ready snapshot, or starts making one (see the module's comment). Never throws. */
export function afterRunWithoutSnapshot(dist: string, key: string, node: string | undefined): void {
    try {
        if (!isSnapshotKey(key) || node === undefined) return;
        // Only for the Node binary itself: a wrapper script on the PATH (a version manager's shim) may start
        // another Node tomorrow, and its own modification time would not say so.
        if (fs.realpathSync(node) !== process.execPath) return;
        const folder = path.join(dist, 'snapshot');
        const base = path.join(folder, key);
        const bundleTime = fs.statSync(path.join(dist, 'cli-snapshot.cjs')).mtimeMs;
        // A failure of this bundle with this Node is not tried again.
        if (mtimeOf(base + '.failed') > Math.max(bundleTime, mtimeOf(process.execPath))) return;
        if (!(mtimeOf(base + '.seen') > bundleTime)) {
            fs.mkdirSync(folder, { recursive: true });
            fs.writeFileSync(base + '.seen', '');
            return;
        }
        if (lockHeld(base + '.lock')) return;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { spawn } = require('node:child_process') as typeof import('node:child_process');
        spawn(process.execPath, [path.join(dist, 'snapshot-build.cjs'), key], {
            detached: true, stdio: 'ignore', cwd: folder, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        }).unref();
    } catch {
        // No snapshot this time.
    }
}
