/**
 * V8's top optimising tier (TurboFan) for the parse, not for what follows it,
 * in a one-shot run of the CLI (`coord check`, `coord summary`).
 *
 * V8 optimises a function with TurboFan once it has run often enough, on
 * background threads whose CPU time is the process's. The parser's loops run
 * for the whole parse and repay that many times over; the work after the parse
 * (indexing, linking, the workspace facts and 28 rules over every declaration)
 * is a few thousand calls of many small functions, each run about once per
 * declaration: their TurboFan code arrives when most of the work is done.
 * Measured on `coord check` (docs/performance.md, "Validation and linking,
 * 7 December 2026 (fourth round)"): with TurboFan kept for the parse and V8's
 * tiers capped at Maglev after it, the facts and the rules take a sixth to a
 * third less CPU on Node 22 (and on Node 20, whose V8 leaves Maglev off: its
 * baseline compiler then), and the whole check 7–10 % less at 1,000 files and
 * at 100,000 lines, in wall time as well. A small workspace is left alone.
 *
 * V8 reads `--max-opt` whenever it decides to optimise a function, so setting
 * it during the run takes effect from there on, and functions already optimised
 * (the parser's) keep their code. The language server, which runs for hours, is
 * never limited. A user's own choice of tiers (`node --max-opt=… bin/coord.js`,
 * `--no-turbofan`, `--jitless`…; Node refuses them in `NODE_OPTIONS`) is left as it is.
 */
/**
 * The highest tier after the parse: Maglev where V8 has it on; the V8s of Node 20 and of Node 22.23
 * (12.4.254.21-node.57) leave it off (`--no-maglev`), and setting `--maglev` during the run does not
 * start it (measured, docs/performance.md, sixth round): there, the baseline compiler (Sparkplug).
 */
export const AFTER_PARSE = '--max-opt=2';
/**
 * V8's default: every tier. V8 derives `--no-turbofan` from a `--max-opt` below 3
 * when the flag is set, and does not derive it back: the restore says
 * `--turbofan` too (without it TurboFan stayed off for the rest of the process,
 * and `coord summary`'s network layout after the build took half again as long).
 */
export const EVERY_TIER = '--max-opt=999 --turbofan';

/**
 * The size of a workspace (characters of all its files) from which the cap is
 * used. Below it TurboFan hardly starts after the parse, and loading `node:v8`
 * costs about 2 ms of a cold start (a check of one small file).
 */
export const CAP_FROM_CHARACTERS = 256 * 1024;

/** Caps V8's tiers (once the parse is over) and restores them (once the build is over, whether it completed or not). */
export interface TierCap {
    cap(): void;
    restore(): void;
}

/** A command-line flag that chooses V8's tiers (the cap and its restore would override it). */
const TIER_FLAG = /^--(no[-_])?(max[-_]opt|opt|turbofan|maglev|sparkplug|jitless)\b/;

/** Whether the user chose V8's tiers themselves. */
function userChoseTiers(): boolean {
    return process.execArgv.some(a => TIER_FLAG.test(a));
}

/** The cap for a workspace of `characters` characters in all; undefined when it would not pay, or the user chose the tiers. */
export async function tierCapFor(characters: number): Promise<TierCap | undefined> {
    if (characters < CAP_FROM_CHARACTERS || userChoseTiers()) return undefined;
    const { setFlagsFromString } = await import('node:v8');
    let state: 'open' | 'capped' | 'restored' = 'open';
    return {
        cap() {
            if (state !== 'open') return;
            state = 'capped';
            setFlagsFromString(AFTER_PARSE);
        },
        restore() {
            if (state !== 'capped') return;
            state = 'restored';
            setFlagsFromString(EVERY_TIER);
        },
    };
}
