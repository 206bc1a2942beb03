/**
 * The npm package (issue 18): `npm pack` gives a tarball that installs with
 * `npm install -g ./coord-*.tgz` into a fresh prefix and runs with `npx`, with
 * no engine warning, and `coord` then works in an empty folder on every Node
 * this machine has (the system's Node 20 and the project's Node 22). The
 * tarball holds only the command and its bundles (`.npmignore`), and the
 * installed command makes its startup snapshot in its own folder and starts from it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, nodeBinaries, removeScratch, ROOT, scratch } from './process-run.js';

let work: string;
let tarball: string;
let packOutput: SpawnSyncReturns<string>;

/** Runs a command with an isolated npm cache and `node` of the given folder first on the PATH. */
function run(command: string, args: string[], cwd: string, nodeDir = path.dirname(process.execPath)) {
    return spawnSync(command, args, {
        cwd, encoding: 'utf8', timeout: 180_000,
        env: {
            ...process.env,
            PATH: `${path.join(work, 'prefix', 'bin')}${path.delimiter}${nodeDir}${path.delimiter}${process.env.PATH}`,
            npm_config_cache: path.join(work, 'npm-cache'),
            npm_config_update_notifier: 'false',
            npm_config_fund: 'false',
            npm_config_audit: 'false',
        },
    });
}

beforeAll(() => {
    ensureBuilt();
    work = scratch('coord-pack-');
    // The bundles are built already; --ignore-scripts keeps `prepare` from rebuilding dist/ under other tests.
    packOutput = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    tarball = path.join(work, JSON.parse(packOutput.stdout)[0].filename);
});
afterAll(() => removeScratch(work));

describe('npm pack', () => {
    test('the tarball holds the command, its bundles and the package files only', () => {
        expect(packOutput.status).toBe(0);
        const files = (JSON.parse(packOutput.stdout)[0].files as Array<{ path: string }>).map(f => f.path).sort();
        expect(files).toEqual([
            'LICENSE', 'README.es.md', 'README.md', 'README.pt-BR.md', 'bin/coord', 'bin/coord.js', 'bin/package.json',
            'dist/cli-commands.cjs', 'dist/cli-snapshot.cjs', 'dist/cli.cjs', 'dist/elk.cjs', 'dist/server.cjs', 'dist/snapshot-build.cjs', 'package.json',
        ]);
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        // Everything is bundled: an install fetches nothing.
        expect(manifest.dependencies ?? {}).toEqual({});
    });

    test('npm install -g ./coord-*.tgz into a fresh prefix: no engine warning, and coord works in an empty folder on every Node here', () => {
        const install = run('npm', ['install', '-g', '--prefix', path.join(work, 'prefix'), tarball], work, '/usr/bin');
        expect(install.status, install.stderr).toBe(0);
        expect(install.stderr).not.toMatch(/EBADENGINE|ERR!/);
        const coord = path.join(work, 'prefix', 'bin', 'coord');
        expect(fs.existsSync(coord)).toBe(true);
        for (const [label, node] of nodeBinaries()) {
            const empty = fs.mkdtempSync(path.join(work, 'empty-'));
            // `coord` from the PATH, started by the `node` first on the PATH (#!/usr/bin/env node).
            const version = run('coord', ['--version'], empty, path.dirname(node));
            expect(version.stdout, label).toBe(`${fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8').match(/"version": "([^"]+)"/)![1]}\n`);
            const none = run('coord', ['check'], empty, path.dirname(node));
            expect(none.status, label).toBe(2);
            expect(none.stderr, label).toBe('coord: .: no .coord file in this folder\n');
            expect(run('coord', ['init'], empty, path.dirname(node)).status, label).toBe(0);
            const check = run('coord', ['check', '--format', 'json'], empty, path.dirname(node));
            expect(check.stderr, label).toBe('');
            expect(check.status, label).toBe(0);
            expect(JSON.parse(check.stdout).files, label).toEqual(['starter.coord']);
            // The language server bundle is in the package too.
            expect(run('coord', ['lsp', '--help'], empty, path.dirname(node)).stdout, label).toMatch(/^Usage: coord lsp --stdio/);
            // Two commands have run without a startup snapshot, so the installed command makes one for this Node in the
            // background (src/cli/snapshot/), in the installed package; the next check starts from it, with the same report.
            const key = path.join(path.dirname(node), 'node').split('/').join('_');
            const snapshots = path.join(work, 'prefix', 'lib', 'node_modules', 'coord', 'dist', 'snapshot');
            const until = Date.now() + 120_000;
            while (!fs.existsSync(path.join(snapshots, `${key}.ok`)) && Date.now() < until) spawnSync('sleep', ['0.1']);
            expect(fs.readdirSync(snapshots).sort(), label).toEqual([`${key}.blob`, `${key}.ok`]);
            const traced = spawnSync('sh', ['-x', coord, 'check', '--format', 'json'], {
                cwd: empty, encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
            });
            expect(traced.stderr, label).toMatch(/\+ exec .+ --snapshot-blob .+\/lib\/node_modules\/coord\/bin\/\.\.\/dist\/snapshot\//);
            expect(traced.stdout, label).toBe(check.stdout);
            fs.rmSync(snapshots, { recursive: true });
        }
    });

    test('npx runs the tarball without installing it', () => {
        const empty = fs.mkdtempSync(path.join(work, 'npx-'));
        fs.writeFileSync(path.join(empty, 'a.coord'), 'programme P { country X }\n');
        const r = run('npx', ['--yes', '--package', tarball, '--', 'coord', 'check', '--format', 'json'], empty);
        expect(r.status, r.stderr).toBe(1);
        expect(JSON.parse(r.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toContain('required-property');
        expect(r.stderr).not.toMatch(/EBADENGINE/);
    });
});
