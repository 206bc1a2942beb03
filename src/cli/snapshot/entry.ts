/**
 * The builder of the CLI's V8 startup snapshot (bundled as `dist/cli-snapshot.cjs`;
 * `node --snapshot-blob BLOB --build-snapshot dist/cli-snapshot.cjs`, run by
 * `build.ts`). It evaluates the CLI's front and commands in one bundle, checks
 * a small spec twice (so that the code of a check is compiled) and makes the
 * services of the first build with the standard library parsed (workspace.ts,
 * `prebuildServices`); V8 then saves the heap. A run started from the blob
 * (`bin/coord`) begins at {@link main}, with all of that already done. A
 * failure here fails the build, which `build.ts` writes down.
 *
 * What is saved must not depend on the machine, the user or the run: nothing
 * here reads the environment, the current folder, the terminal or the locale
 * (the CLI reads them when it runs, in `main.ts`), and the builder runs with an
 * empty environment. `test/cli/snapshot.test.ts` compares every command's
 * output from a snapshot with bin/coord.js's, in other environments.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { COMMAND_LOADERS } from '../commands/index.js';
import { starterSpec } from '../commands/init.js';
import { run } from '../main.js';
import { prebuildServices } from '../workspace.js';
import { setDistFolder, snapshotDistFolder } from './dist.js';
import { restoreTunables } from './environment.js';
import { DEFAULT_LOCALE, forgetFormatters, setLocale } from '../../i18n/index.js';

if (!v8.startupSnapshot?.isBuildingSnapshot()) {
    process.stderr.write('coord: dist/cli-snapshot.cjs makes a startup snapshot: node --snapshot-blob BLOB --build-snapshot dist/cli-snapshot.cjs\n');
    process.exit(2);
}

/**
 * What the builder checks before the heap is saved, from standard input and as a project folder, so that
 * the code a check runs (discovery, the parser's rules, comments, linking, the rules, the messages, the
 * stylish report) is compiled in the snapshot; without it a run compiles it again (measured,
 * docs/performance.md). It is `coord init`'s starter spec (fictional programmes, one of each declaration),
 * in English, and one programme that lacks a value, so that the syntax repair's grammar facts are worked
 * out too.
 */
const WARM_UP = `${starterSpec(DEFAULT_LOCALE)}programme Q { country }
`;

/** A second file of the warm-up project: a name to resolve across files. */
const WARM_UP_OTHER = 'population q "Q"\nprogramme Z "Z" { country X sector productive targets q }\n';

void (async () => {
    const check = await COMMAND_LOADERS.check();
    const sink = { write: () => true };
    const io = { stdout: sink, stderr: sink, stdoutIsTTY: false, stderrIsTTY: false, env: {} };
    // Standard input, the stylish report: a file that does not exist, in a folder that does not (no project, no
    // configuration but the root's).
    await check.run(['--stdin', '--stdin-filename', '/nonexistent-coord-snapshot/warm-up.coord', '--no-project'], {
        ...io, cwd: '/', readStdin: async () => Buffer.from(WARM_UP),
    });
    // A project folder of two files: the discovery, the project and many-file paths. With the stylish report
    // again, not JSON: the JSON report's fingerprints load node:crypto, whose modules in the heap cost every run
    // from the snapshot about 2.5 ms, more than a JSON run gains from them (docs/performance.md).
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-snapshot-warm-up-'));
    try {
        fs.writeFileSync(path.join(folder, 'a.coord'), WARM_UP);
        fs.writeFileSync(path.join(folder, 'b.coord'), WARM_UP_OTHER);
        await check.run(['.'], { ...io, cwd: folder });
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
    // A snapshot cannot hold Intl objects (ICU's, outside V8's heap): the messages are compiled again when a run needs them.
    forgetFormatters();
    setLocale(DEFAULT_LOCALE);
    prebuildServices();
})();

// Node 22 makes a snapshot without V8's newer built-ins (Object.groupBy, Map.groupBy), so the bundle's
// banner installs its polyfill here; left in the heap, V8 aborts when it installs its own on deserialising.
// The polyfill goes out of the heap, and back in after deserialising only where the Node lacks them.
type GroupBy = { groupBy?: unknown };
const [objectGroupBy, mapGroupBy] = [Object as GroupBy, Map as GroupBy];
const polyfill = { object: objectGroupBy.groupBy, map: mapGroupBy.groupBy };
const native = (f: unknown) => typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
v8.startupSnapshot.addSerializeCallback(() => {
    if (!native(objectGroupBy.groupBy)) delete objectGroupBy.groupBy;
    if (!native(mapGroupBy.groupBy)) delete mapGroupBy.groupBy;
});

v8.startupSnapshot.setDeserializeMainFunction(main);

function main(): void {
    restoreTunables(process.env);
    if (typeof objectGroupBy.groupBy !== 'function') objectGroupBy.groupBy = polyfill.object;
    if (typeof mapGroupBy.groupBy !== 'function') mapGroupBy.groupBy = polyfill.map;
    const dist = snapshotDistFolder();
    if (dist !== undefined) setDistFolder(dist);
    // `node --snapshot-blob BLOB -- ARGS`: process.argv is [node, ...ARGS], with no script; the CLI reads argv from 2.
    process.argv.splice(1, 0, 'coord');
    run();
}
