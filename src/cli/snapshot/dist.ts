/**
 * The package's `dist/` folder as a run started from a startup snapshot finds
 * it. The bundle inside a snapshot was evaluated while the snapshot was made,
 * and Node then allowed it to require built-in modules only; so the few files
 * it loads from `dist/` at run time (ELK, for the summary's network diagram)
 * are required through this module, from the folder of the snapshot in use
 * (`dist/snapshot/*.blob`), which is where the package is now.
 */
import * as path from 'node:path';

let distFolder: string | undefined;
let requireInDist: NodeJS.Require | undefined;

/** The `dist/` folder of the snapshot this process started from (`--snapshot-blob dist/snapshot/KEY.blob`), if any. */
export function snapshotDistFolder(execArgv: readonly string[] = process.execArgv): string | undefined {
    for (let i = 0; i < execArgv.length; i++) {
        const arg = execArgv[i];
        const blob = arg === '--snapshot-blob' ? execArgv[i + 1] : arg.startsWith('--snapshot-blob=') ? arg.slice('--snapshot-blob='.length) : undefined;
        if (blob !== undefined) return path.dirname(path.dirname(path.resolve(blob)));
    }
    return undefined;
}

/**
 * Says where `dist/` is; called once, when a run starts from the snapshot. It only notes the folder: the
 * require function is made when a file is first required, so that a run that needs none (a check) does not
 * load node:module, which brings Node's ES module loader and source-map support with it (about 2 ms).
 */
export function setDistFolder(folder: string): void {
    distFolder = folder;
}

/** Requires a file of `dist/` (`./elk.cjs`). */
export function requireFromDist(id: string): unknown {
    if (requireInDist === undefined) {
        if (distFolder === undefined) throw new Error(`${id} cannot be loaded: the snapshot's dist folder is unknown`);
        // node:module when it is needed, not while the snapshot is made (Node warns about it there).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { createRequire } = require('node:module') as typeof import('node:module');
        requireInDist = createRequire(path.join(distFolder, 'cli-snapshot.cjs'));
    }
    return requireInDist(id);
}
