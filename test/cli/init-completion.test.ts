/**
 * `coord init` (a project configuration with every rule at its default and a
 * commented starter spec with fictional programmes; never overwrites) and
 * `coord completion bash|zsh|fish` (the bash script is loaded in a real bash
 * and asked for completions).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli-run.js';
import { BIN, ensureBuilt, removeScratch, scratch } from './process-run.js';
import { RULES } from '../../src/validation/registry.js';
import { completionModel } from '../../src/cli/commands/completion.js';
import { COMMANDS } from '../../src/cli/main.js';

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => (dir = scratch('coord-init-')));
afterEach(() => removeScratch(dir));

describe('coord init', () => {
    test('writes a root configuration with every rule at its default, and a starter spec that checks clean', async () => {
        const r = await runCli(dir, 'init');
        expect(r).toEqual({ code: 0, stdout: 'wrote coord.config.json and starter.coord; next: coord check\n', stderr: '' });
        const config = JSON.parse(fs.readFileSync(path.join(dir, 'coord.config.json'), 'utf8'));
        expect(config.root).toBe(true);
        expect(config.rules).toEqual(Object.fromEntries(RULES.map(rule => [rule.id, rule.defaultSeverity])));
        const starter = fs.readFileSync(path.join(dir, 'starter.coord'), 'utf8');
        expect(starter).toMatch(/FICTIONAL/);
        expect(starter.split('\n').filter(l => l.startsWith('//')).length).toBeGreaterThan(5);
        const check = await runCli(dir, 'check', '--format', 'json');
        expect(check.code).toBe(0);
        expect(JSON.parse(check.stdout).counts).toEqual({ error: 0, warning: 0, info: 0, hint: 0, suppressed: 0 });
        // The starter is in canonical layout.
        expect((await runCli(dir, 'format', '--check')).code).toBe(0);
    });

    test('refuses to overwrite: if either file exists, nothing is written', async () => {
        fs.writeFileSync(path.join(dir, 'coord.config.json'), '{ "rules": { "unused": "off" } }');
        const r = await runCli(dir, 'init');
        expect(r).toEqual({ code: 2, stdout: '', stderr: 'coord init: coord.config.json already exists; nothing was written (coord init never overwrites)\n' });
        expect(fs.readFileSync(path.join(dir, 'coord.config.json'), 'utf8')).toBe('{ "rules": { "unused": "off" } }');
        expect(fs.existsSync(path.join(dir, 'starter.coord'))).toBe(false);
        fs.rmSync(path.join(dir, 'coord.config.json'));
        fs.writeFileSync(path.join(dir, 'starter.coord'), 'mine');
        expect((await runCli(dir, 'init')).code).toBe(2);
        expect(fs.readFileSync(path.join(dir, 'starter.coord'), 'utf8')).toBe('mine');
        expect(fs.existsSync(path.join(dir, 'coord.config.json'))).toBe(false);
    });

    test('init DIR creates the folder', async () => {
        expect((await runCli(dir, 'init', 'specs/new')).code).toBe(0);
        expect(fs.readdirSync(path.join(dir, 'specs/new')).sort()).toEqual(['coord.config.json', 'starter.coord']);
    });
});

describe('coord completion', () => {
    const bash = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, COORD: `${process.execPath} ${BIN}` } });
    /** The completions bash offers for a command line (words; the last is the one being completed). */
    const complete = (...words: string[]) => {
        const r = bash(`source <($COORD completion bash) || exit 3
COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _coord; printf '%s\\n' "\${COMPREPLY[@]}"`);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        return r.stdout.split('\n').filter(Boolean);
    };

    test('the bash script loads in bash and registers a completion for coord', () => {
        const r = bash('source <($COORD completion bash) && complete -p coord');
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('complete -o default -F _coord coord\n');
    });

    test('bash completes commands, options, rule ids and shells', () => {
        expect(complete('coord', '')).toEqual([...COMMANDS.map(c => c.name), 'lsp', '--help', '--version'].sort((a, b) => (a.startsWith('-') ? 1 : b.startsWith('-') ? -1 : a < b ? -1 : 1)));
        expect(complete('coord', 'ch')).toEqual(['check']);
        expect(complete('coord', 'check', '--max')).toEqual(['--max-warnings']);
        expect(complete('coord', 'check', '--std')).toEqual(['--stdin', '--stdin-filename']);
        expect(complete('coord', 'summary', '--w')).toEqual(['--watch']);
        expect(complete('coord', 'rules', 'design')).toEqual(['design-change']);
        expect(complete('coord', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
        // Paths are left to bash's file-name completion (-o default).
        expect(complete('coord', 'check', 'spe')).toEqual([]);
    });

    test('every option offered is one the command accepts', async () => {
        const model = await completionModel();
        expect(model.commands.map(c => c.name).sort()).toEqual([...COMMANDS.map(c => c.name), 'lsp'].sort());
        for (const c of model.commands.filter(x => x.name !== 'lsp')) {
            for (const option of c.options) {
                // An option the command does not know is a usage error naming it; a known one is not.
                const r = await runCli(dir, c.name, option, '--help');
                expect(r.stderr, `${c.name} ${option}`).not.toMatch(/Unknown option/);
            }
        }
    });

    test('zsh and fish scripts name every command; where the shell is installed they load, and fish completes', async () => {
        const model = await completionModel();
        for (const shell of ['zsh', 'fish']) {
            const r = await runCli(dir, 'completion', shell);
            expect(r.code).toBe(0);
            for (const c of model.commands) expect(r.stdout).toContain(c.name);
            const installed = spawnSync(shell, ['--version']).status === 0;
            if (!installed) {
                console.log(`${shell} is not installed here: its completion script was not run`);
                continue;
            }
            const file = path.join(dir, `coord.${shell}`);
            fs.writeFileSync(file, r.stdout);
            expect(spawnSync(shell, ['-n', file], { encoding: 'utf8' }).status, `${shell} -n`).toBe(0);
            if (shell === 'zsh') {
                // Loaded after compinit, the script registers _coord for coord.
                const z = spawnSync('zsh', ['-fc', `autoload -Uz compinit && compinit -u -d ${path.join(dir, 'zcompdump')} && source ${file} && print -r -- \${_comps[coord]}`], { encoding: 'utf8' });
                expect(z.stdout).toBe('_coord\n');
            } else {
                // fish answers `complete -C` with what it would offer.
                const ask = (line: string) => spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' })
                    .stdout.split('\n').filter(Boolean).map(l => l.split('\t')[0]);
                expect(ask('coord ch')).toEqual(['check']);
                expect(ask('coord check --max')).toEqual(['--max-warnings']);
                expect(ask('coord rules design')).toEqual(['design-change']);
                expect(ask('coord completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
            }
        }
        expect(await runCli(dir, 'completion', 'tcsh')).toMatchObject({ code: 2, stderr: "coord completion: give one shell: bash, zsh, fish (not 'tcsh')\n" });
    });
});
