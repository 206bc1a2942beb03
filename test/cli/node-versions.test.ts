/**
 * Node versions, honestly (issue 18). Two needs, stated in package.json and
 * the README alike:
 * - running Coord (the `coord` command from the tarball, the language server,
 *   the VS Code extension's bundles): `engines.node`, Node 20.18+ — the bundles
 *   hold every dependency and are built for Node 20 (VS Code 1.100's extension
 *   host runs Node 20); test/cli/start.test.ts, stdio.test.ts and pack.test.ts
 *   run them on Node 20 and 22;
 * - developing it (`npm ci`, `npm test`): `devEngines.runtime`, Node 22.12+,
 *   because the dependencies installed for that (Chevrotain, commander, vite…)
 *   require it; no installed package may want more, so `npm ci` on the
 *   documented version prints no EBADENGINE warning.
 */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const semver = createRequire(import.meta.url)('semver') as {
    satisfies(version: string, range: string): boolean;
    minVersion(range: string): { version: string } | null;
};
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };
const runtime: string = manifest.engines.node;
const development: string = manifest.devEngines.runtime.version;

describe('Node versions', () => {
    test('every package npm ci installs accepts the oldest documented development Node, and the Node 22 the scripts use', () => {
        const oldest = semver.minVersion(development)!.version;
        const scriptsNode = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/node/package.json'), 'utf8')).version as string;
        const refused: string[] = [];
        for (const [where, entry] of Object.entries(lock.packages)) {
            const engines = entry.engines;
            if (!where || !engines || Array.isArray(engines) || !engines.node) continue;
            // Optional packages for other platforms are not installed, so npm does not check them.
            if (!fs.existsSync(path.join(ROOT, where))) continue;
            for (const version of [oldest, scriptsNode]) {
                if (!semver.satisfies(version, engines.node)) refused.push(`${where} wants node ${engines.node}, not ${version}`);
            }
        }
        expect(refused).toEqual([]);
    });

    test('the package itself installs no dependency, so running it needs only engines.node', () => {
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(semver.minVersion(runtime)!.version).toBe('20.18.0');
        const build = fs.readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8');
        expect(build).toContain("target: 'node20'");
    });

    test('the README states both versions as package.json does', () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const dev = semver.minVersion(development)!.version.replace(/\.0$/, '');
        const run = semver.minVersion(runtime)!.version.replace(/\.0$/, '');
        expect(readme).toContain(`Node.js ${dev}+`);
        expect(readme).toContain(`Node.js ${run}+`);
    });
});
