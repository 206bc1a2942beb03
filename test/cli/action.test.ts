/**
 * The GitHub Action (`action.yml`, issue 18): its structure is checked (a
 * composite action whose expressions name only declared inputs and steps, and
 * whose scripts take inputs through the environment, never pasted in), and its
 * shell steps run here as GitHub runs them (`bash --noprofile --norc -eo
 * pipefail`, with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) on a workspace
 * with findings and on the examples. Not run here: `actions/setup-node` and
 * `upload-sarif` (GitHub's own actions) and the build step's `npm ci` (the
 * bundles are built already).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, ensureBuilt, removeScratch, ROOT } from './process-run.js';
import { validateSarifFile } from './sarif-schema.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
    name?: string;
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    shell?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'working-directory'?: string;
}
interface Action {
    name: string;
    description: string;
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
}

const ACTION = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;

/** Every `${{ … }}` in a value, recursively. */
function expressions(value: unknown): string[] {
    if (typeof value === 'string') return [...value.matchAll(EXPRESSION)].map(m => m[1]);
    if (value && typeof value === 'object') return Object.values(value).flatMap(expressions);
    return [];
}

describe('action.yml: structure', () => {
    test('a composite action with a name, a description and documented inputs', () => {
        expect(ACTION.runs.using).toBe('composite');
        expect(ACTION.name).toBeTruthy();
        expect(ACTION.description.length).toBeLessThanOrEqual(125);
        for (const [name, input] of Object.entries(ACTION.inputs)) expect(input.description, name).toBeTruthy();
        expect(Object.keys(ACTION.inputs)).toEqual(expect.arrayContaining(['paths', 'upload-sarif', 'summary', 'sarif-file']));
    });

    test('every step is named; run steps say their shell; uses steps pin a major version', () => {
        for (const step of ACTION.runs.steps) {
            expect(step.name).toBeTruthy();
            expect(Boolean(step.run) !== Boolean(step.uses), step.name).toBe(true);
            if (step.run) expect(step.shell, step.name).toBe('bash');
            if (step.uses) expect(step.uses, step.name).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
        }
        const uses = ACTION.runs.steps.map(s => s.uses).filter(Boolean);
        expect(uses).toEqual(['actions/setup-node@v5', 'github/codeql-action/upload-sarif@v4']);
    });

    test('expressions name only declared inputs and step ids, and never stand inside a script', () => {
        const ids = new Set(ACTION.runs.steps.map(s => s.id).filter(Boolean));
        const all = [...expressions(ACTION.runs), ...expressions(ACTION.outputs), ...ACTION.runs.steps.map(s => s.if ?? '')];
        for (const expr of all) {
            for (const m of expr.matchAll(/inputs\.([\w-]+)/g)) expect(ACTION.inputs, expr).toHaveProperty([m[1]]);
            for (const m of expr.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
                expect(ids.has(m[1]), expr).toBe(true);
                expect(m[2]).toBe('exit-code');
            }
            expect(expr, 'only inputs, steps, github.action_path and always()').toMatch(/^(?:[\s()!=&|']|inputs\.[\w-]+|steps\.[\w-]+\.outputs\.[\w-]+|github\.action_path|always\(\)|true|false|[\w-]+)*$/);
        }
        // Inputs reach the scripts through env: an input pasted into a script could inject shell code.
        for (const step of ACTION.runs.steps) if (step.run) expect(expressions(step.run), step.name).toEqual([]);
    });

    test('the SARIF upload sends the file the check writes', () => {
        const check = ACTION.runs.steps.find(s => s.id === 'check')!;
        const upload = ACTION.runs.steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
        expect(check.env!.COORD_SARIF).toBe('${{ inputs.sarif-file }}');
        expect(upload.with!.sarif_file).toBe('${{ inputs.sarif-file }}');
        expect(upload.if).toMatch(/always\(\)/);
    });
});

/** Evaluates the few expression forms action.yml uses (GitHub's semantics for them). */
function evaluate(expr: string, context: { inputs: Record<string, string>; outputs: Record<string, string> }): string {
    const js = expr
        .replace(/inputs\.([\w-]+)/g, (_, name: string) => JSON.stringify(context.inputs[name] ?? ''))
        .replace(/steps\.[\w-]+\.outputs\.([\w-]+)/g, (_, name: string) => JSON.stringify(context.outputs[name] ?? ''))
        .replace(/github\.action_path/g, JSON.stringify(ROOT))
        .replace(/always\(\)/g, 'true')
        .replace(/==/g, '===').replace(/!===/g, '!==');
    return String(new Function(`return (${js});`)());
}

interface ActionRun {
    stdout: string;
    summary: string;
    outputs: Record<string, string>;
    /** The exit status of the last step run (the Result step). */
    code: number | null;
    ran: string[];
}

/** Runs the action's shell steps in `workspace` with the given inputs (defaults for the rest). */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
    const inputs = { ...Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
    const outputFile = path.join(workspace, '.github-output');
    const summaryFile = path.join(workspace, '.github-step-summary');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    let stdout = '';
    let code: number | null = 0;
    const ran: string[] = [];
    const outputs: Record<string, string> = {};
    for (const step of ACTION.runs.steps) {
        if (!step.run || step.id === 'build') continue;
        const context = { inputs, outputs };
        if (step.if && evaluate(step.if, context) !== 'true') continue;
        const env: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(EXPRESSION, (_, e: string) => evaluate(e, context));
        const script = path.join(workspace, '.step.sh');
        fs.writeFileSync(script, step.run);
        const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
            cwd: workspace, encoding: 'utf8',
            env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTION_PATH: ROOT },
        });
        ran.push(step.name!);
        stdout += r.stdout;
        code = r.status;
        for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
            const eq = line.indexOf('=');
            if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
        }
        if (code !== 0) break;
    }
    return { stdout, summary: fs.readFileSync(summaryFile, 'utf8'), outputs, code, ran };
}

describe('action.yml: its shell steps, run here', () => {
    let ws: string;
    beforeAll(() => ensureBuilt());
    beforeEach(() => (ws = copyFixture('mixed')));
    afterEach(() => removeScratch(ws));

    test('a workspace with errors: annotations, a valid SARIF log, the effect summary, and the job fails with exit 1', () => {
        const r = runAction(ws, {});
        expect(r.ran).toEqual(['coord check', 'Effect summary', 'Result']);
        expect(r.outputs['exit-code']).toBe('1');
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/^::error file=specs\/programmes\.coord,line=9,/m);
        expect(validateSarifFile(path.join(ws, 'coord.sarif'))).toBe(true);
        expect(r.summary).toMatch(/^# Coord effect summary/m);
    });

    test('the examples pass; inputs with several paths, options and another SARIF file are passed as words', () => {
        const examples = path.join(ws, 'examples');
        fs.cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
        fs.writeFileSync(path.join(examples, 'coord.config.json'), '{ "root": true }');
        const r = runAction(ws, { paths: 'examples/peru.coord examples/mexico.coord', args: '--fail-on error --quiet', 'sarif-file': 'out/coord results.sarif', summary: 'false' });
        expect(r.ran).toEqual(['coord check', 'Result']);
        expect(r.outputs['exit-code']).toBe('0');
        expect(r.code).toBe(0);
        expect(validateSarifFile(path.join(ws, 'out/coord results.sarif'))).toBe(true);
        expect(r.summary).toBe('');
    });

    test('a check that cannot run (exit 2) says so and skips the summary and upload', () => {
        const r = runAction(ws, { paths: 'nowhere' });
        expect(r.outputs['exit-code']).toBe('2');
        expect(r.stdout).toMatch(/^::error title=coord::coord check could not run/m);
        expect(r.ran).toEqual(['coord check', 'Result']);
        expect(r.code).toBe(2);
    });

    test('a hostile input is a word, not shell code', () => {
        const marker = path.join(ws, 'pwned');
        const r = runAction(ws, { paths: `specs $(touch ${marker})`, args: `; touch ${marker}` });
        expect(fs.existsSync(marker)).toBe(false);
        expect(r.outputs['exit-code']).toBe('2');
    });
});
