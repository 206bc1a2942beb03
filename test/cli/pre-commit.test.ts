/**
 * The pre-commit hooks (`.pre-commit-hooks.yaml`, issue 18), verified with the
 * real `pre-commit` tool in a throwaway git repository: `coord-check` fails a
 * commit whose staged spec has an error and passes once it is fixed — while the
 * spec's names resolve against a file that is not staged (project-aware
 * paths) — and `coord-format` rewrites an unformatted spec and fails until it
 * is staged again.
 *
 * The hooks run the `coord` on the PATH (`language: system`); here that is the
 * built `bin/coord.js`. The hook repository pre-commit clones is a git
 * repository holding this repository's `.pre-commit-hooks.yaml`. Where
 * pre-commit is not installed (`pip install pre-commit`), the test says so and
 * runs each hook's `entry` on the staged files its `files` pattern selects, as
 * pre-commit would.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, removeScratch, ROOT, scratch } from './process-run.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files: string;
    require_serial?: boolean;
}
const HOOKS = yaml.load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

// COORD_TEST_WITHOUT_PRE_COMMIT=1 runs the fallback even where pre-commit is installed.
const PRE_COMMIT = !process.env.COORD_TEST_WITHOUT_PRE_COMMIT && spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

let work: string;
let hookRepo: string;
let repo: string;
let rev: string;

/** Runs a command; the environment is the test's, with git's identity and a private pre-commit cache. */
function sh(command: string, args: string[], cwd: string) {
    return spawnSync(command, args, {
        cwd, encoding: 'utf8', timeout: 300_000,
        env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'Coord test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
            GIT_COMMITTER_NAME: 'Coord test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
            PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'),
            PATH: `${path.join(work, 'entries')}${path.delimiter}${process.env.PATH}`,
        },
    });
}

function git(cwd: string, ...args: string[]) {
    const r = sh('git', args, cwd);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
}

// Fictional programmes.
const PROGRAMMES = 'programme Lumen "Lumen (fictional)" {\n  country Testland\n  sector social-protection\n}\n';
const BROKEN = 'effects of Lumenn {\n  + savings\n}\n';
const FIXED = 'effects of Lumen {\n  + savings\n}\n';

beforeAll(() => {
    ensureBuilt();
    work = scratch('coord-pre-commit-');
    // The hook repository: the hooks file as this repository has it now.
    hookRepo = path.join(work, 'hook-repo');
    fs.mkdirSync(hookRepo);
    fs.copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'coord hooks');
    rev = git(hookRepo, 'rev-parse', 'HEAD');

    // The hooks' `coord` (with or without pre-commit): the built command, first on the PATH.
    fs.mkdirSync(path.join(work, 'entries'));
    fs.writeFileSync(path.join(work, 'entries', 'coord'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin/coord.js')}" "$@"\n`, { mode: 0o755 });

    repo = path.join(work, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: coord-check\n      - id: coord-format\n`);
    fs.mkdirSync(path.join(repo, 'specs'));
    fs.writeFileSync(path.join(repo, 'specs', 'programmes.coord'), PROGRAMMES);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'programmes', '--no-verify');
}, 600_000);
afterAll(() => removeScratch(work));

/** Runs the hooks on the staged files: with pre-commit when installed, else each entry as pre-commit would. */
function runHooks(): { code: number | null; output: string } {
    if (PRE_COMMIT) {
        const r = sh('pre-commit', ['run'], repo);
        return { code: r.status, output: r.stdout + r.stderr };
    }
    const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
    let code = 0;
    let output = '';
    for (const hook of HOOKS) {
        const files = staged.filter(f => new RegExp(hook.files).test(f));
        if (files.length === 0) continue;
        const before = files.map(f => fs.readFileSync(path.join(repo, f), 'utf8'));
        const [command, ...args] = hook.entry.split(' ');
        const r = sh(command, [...args, ...files], repo);
        output += `${hook.id}\n${r.stdout}${r.stderr}`;
        // pre-commit fails a hook that exits non-zero or changes a file.
        const changed = files.some((f, i) => fs.readFileSync(path.join(repo, f), 'utf8') !== before[i]);
        if (r.status !== 0 || changed) code = 1;
    }
    return { code, output };
}

describe('pre-commit hooks', () => {
    test('the hooks file declares coord-check and coord-format on .coord files', () => {
        expect(HOOKS.map(h => h.id)).toEqual(['coord-check', 'coord-format']);
        for (const hook of HOOKS) {
            expect(hook.language).toBe('system');
            expect(hook.entry).toMatch(/^coord (check|format)$/);
            expect(new RegExp(hook.files).test('specs/a.coord')).toBe(true);
            expect(new RegExp(hook.files).test('specs/a.coord.txt')).toBe(false);
        }
    });

    test('a staged spec with an error fails the commit; once fixed it passes, its names resolved against files not staged', () => {
        if (!PRE_COMMIT) console.log('pre-commit is not installed here (pip install pre-commit): running the hooks\' entries as pre-commit would');
        fs.writeFileSync(path.join(repo, 'specs', 'evidence.coord'), BROKEN);
        git(repo, 'add', 'specs/evidence.coord');
        const failing = runHooks();
        expect(failing.code, failing.output).toBe(1);
        expect(failing.output).toContain("unknown programme 'Lumenn'; did you mean 'Lumen'?");
        if (PRE_COMMIT) expect(failing.output).toMatch(/coord check\.+Failed/);
        // git commit runs the same hooks once installed, and refuses.
        if (PRE_COMMIT) {
            expect(sh('pre-commit', ['install'], repo).status).toBe(0);
            expect(sh('git', ['commit', '-qm', 'broken'], repo).status).toBe(1);
        }

        fs.writeFileSync(path.join(repo, 'specs', 'evidence.coord'), FIXED);
        git(repo, 'add', 'specs/evidence.coord');
        const passing = runHooks();
        expect(passing.code, passing.output).toBe(0);
        // Lumen is declared in programmes.coord, which is not staged: project-aware paths resolved it.
        expect(passing.output).not.toContain('unknown programme');
        if (PRE_COMMIT) {
            expect(passing.output).toMatch(/coord check\.+Passed/);
            const commit = sh('git', ['commit', '-qm', 'evidence'], repo);
            expect(commit.status, commit.stdout + commit.stderr).toBe(0);
        }
    }, 600_000);

    test('coord-format rewrites an unformatted staged spec and fails until it is staged again', () => {
        fs.writeFileSync(path.join(repo, 'specs', 'messy.coord'), 'effects   of Lumen {+ income}\n');
        git(repo, 'add', 'specs/messy.coord');
        const first = runHooks();
        expect(first.code, first.output).toBe(1);
        expect(fs.readFileSync(path.join(repo, 'specs', 'messy.coord'), 'utf8')).toBe('effects of Lumen {\n  + income\n}\n');
        if (PRE_COMMIT) expect(first.output).toMatch(/coord format\.+Failed[\s\S]*files were modified by this hook/);
        git(repo, 'add', 'specs/messy.coord');
        const second = runHooks();
        expect(second.code, second.output).toBe(0);
    }, 600_000);
});
