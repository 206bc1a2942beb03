/** Entry of the CLI's front bundle (`dist/cli.cjs`). */
import { fileURLToPath } from 'node:url';
import { cacheCompiledCode } from './code-cache.js';
import { run } from './main.js';
import { afterRunWithoutSnapshot } from './snapshot/trigger.js';

// The commands' bundle is compiled through a code cache (see code-cache.ts).
cacheCompiledCode(fileURLToPath(new URL('./cli-commands.cjs', import.meta.url)));
// Started by bin/coord without a startup snapshot ready for this Node: once a command has run to its verdict
// (status 0 or 1; not a usage or file error), note it, or make the snapshot (snapshot/trigger.ts).
const snapshotKey = process.env.COORD_SNAPSHOT_KEY;
if (snapshotKey !== undefined) {
    const node = process.env.COORD_SNAPSHOT_NODE;
    delete process.env.COORD_SNAPSHOT_KEY;
    delete process.env.COORD_SNAPSHOT_NODE;
    process.once('exit', code => {
        if (code === 0 || code === 1) afterRunWithoutSnapshot(fileURLToPath(new URL('.', import.meta.url)), snapshotKey, node);
    });
}
run();
