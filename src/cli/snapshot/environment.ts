/**
 * The environment of a run started from the startup snapshot, as bin/coord
 * changed it. To start from the blob sooner, the launcher adds glibc's malloc
 * settings to GLIBC_TUNABLES (huge pages for large blocks, a higher mmap
 * threshold: docs/performance.md, "The startup snapshot") and keeps what the
 * variable was in COORD_GLIBC_TUNABLES. glibc read them when the process
 * started, and they hold for the whole run (the large checks were measured
 * with them); putting the variable back changes only what the run reads of
 * its environment (`CommandIO.env`) and what it would start. No run from the
 * snapshot starts a process today, so nothing outside shows the difference.
 */

/** The variable in which bin/coord keeps the user's GLIBC_TUNABLES (empty when it was not set or empty). */
const SAVED_TUNABLES = 'COORD_GLIBC_TUNABLES';

/** Puts GLIBC_TUNABLES back as the user had it (unset when it was empty), when bin/coord changed it (it says so in {@link SAVED_TUNABLES}). */
export function restoreTunables(env: NodeJS.ProcessEnv): void {
    const before = env[SAVED_TUNABLES];
    if (before === undefined) return;
    if (before === '') delete env.GLIBC_TUNABLES;
    else env.GLIBC_TUNABLES = before;
    delete env[SAVED_TUNABLES];
}
