/**
 * Rule configuration end to end: the nearest coord.config.json per file
 * (nested folders), `--config FILE` over it, `--rule ID=SEVERITY` over both,
 * and invalid configurations as clear errors (exit 2 in the CLI, an
 * `invalid-config` diagnostic in the editor), never silently ignored.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { runCli } from './cli-run.js';

/** A coordination whose only finding is `local-roles` (warning by default). */
const NO_LOCAL_ROLE = (suffix: string) => `programme SP_${suffix} { country X sector social-protection }
programme PR_${suffix} { country X sector productive ministry agriculture }
coordination C_${suffix} { between SP_${suffix}, PR_${suffix} incentive budget }
`;

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-config-'));
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'top.coord'), NO_LOCAL_ROLE('top'));
    fs.writeFileSync(path.join(dir, 'sub', 'mid.coord'), NO_LOCAL_ROLE('mid'));
    fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'low.coord'), NO_LOCAL_ROLE('low'));
});
afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

const write = (file: string, rules: Record<string, string>) => fs.writeFileSync(path.join(dir, file), JSON.stringify({ rules }));

/** `file → severity of local-roles` from a JSON report ('-' when the rule did not report). */
async function localRoles(...args: string[]): Promise<{ code: number; bySeverity: Record<string, string>; stderr: string }> {
    const r = await runCli(dir, 'check', '--format', 'json', ...args);
    const bySeverity: Record<string, string> = { 'top.coord': '-', 'sub/mid.coord': '-', 'sub/deeper/low.coord': '-' };
    if (r.stdout) {
        for (const d of JSON.parse(r.stdout).diagnostics) {
            if (d.rule === 'local-roles') bySeverity[d.file] = d.severity;
        }
    }
    return { code: r.code, bySeverity, stderr: r.stderr };
}

describe('configuration precedence', () => {
    test('default severities without any config file', async () => {
        expect(await localRoles()).toMatchObject({ code: 0, bySeverity: { 'top.coord': 'warning', 'sub/mid.coord': 'warning', 'sub/deeper/low.coord': 'warning' } });
    });
    test('each file takes the nearest coord.config.json walking up (nested folders)', async () => {
        write('coord.config.json', { 'local-roles': 'error' });
        write('sub/coord.config.json', { 'local-roles': 'off' });
        const r = await localRoles();
        expect(r.bySeverity).toEqual({ 'top.coord': 'error', 'sub/mid.coord': '-', 'sub/deeper/low.coord': '-' });
        expect(r.code).toBe(1);
    });
    test('the nearest file replaces the ones above it (no merging up the tree)', async () => {
        write('coord.config.json', { 'local-roles': 'error' });
        write('sub/deeper/coord.config.json', { 'budget-incentive': 'error' });
        expect((await localRoles()).bySeverity).toEqual({ 'top.coord': 'error', 'sub/mid.coord': 'error', 'sub/deeper/low.coord': 'warning' });
    });
    test('--config FILE wins over the nearest file, for every file', async () => {
        write('coord.config.json', { 'local-roles': 'error' });
        write('sub/coord.config.json', { 'local-roles': 'off' });
        write('other.json', { 'local-roles': 'info' });
        expect((await localRoles('--config', 'other.json')).bySeverity).toEqual({ 'top.coord': 'info', 'sub/mid.coord': 'info', 'sub/deeper/low.coord': 'info' });
    });
    test('--rule ID=SEVERITY wins over --config and over the nearest file', async () => {
        write('sub/coord.config.json', { 'local-roles': 'off' });
        write('other.json', { 'local-roles': 'info' });
        expect((await localRoles('--rule', 'local-roles=hint')).bySeverity).toEqual({ 'top.coord': 'hint', 'sub/mid.coord': 'hint', 'sub/deeper/low.coord': 'hint' });
        const r = await localRoles('--config', 'other.json', '--rule', 'local-roles=error', '--rule', 'budget-incentive=off');
        expect(r).toMatchObject({ code: 1, bySeverity: { 'top.coord': 'error', 'sub/mid.coord': 'error', 'sub/deeper/low.coord': 'error' } });
    });
});

describe('invalid configuration is an error naming the file and the key (exit 2)', () => {
    test('bad JSON, with its line', async () => {
        fs.writeFileSync(path.join(dir, 'sub', 'coord.config.json'), '{\n  "rules": { "local-roles": "error", }\n}');
        const r = await runCli(dir, 'check');
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`^coord: ${escape(path.join(dir, 'sub', 'coord.config.json'))}:2: invalid JSON`));
    });
    test('unknown rule id, with a suggestion', async () => {
        write('coord.config.json', { 'local-role': 'error' });
        const r = await runCli(dir, 'check');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${path.join(dir, 'coord.config.json')}: rules.local-role: unknown rule id 'local-role'; did you mean 'local-roles'?`);
    });
    test('unknown severity', async () => {
        write('coord.config.json', { 'local-roles': 'warn' });
        const r = await runCli(dir, 'check');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('coord.config.json: rules.local-roles: unknown severity "warn" for \'local-roles\' (expected one of error, warning, info, hint, off)');
    });
    test('--config names the file as given; a missing file is an error too', async () => {
        write('bad.json', { 'local-roles': 'loud' });
        expect((await runCli(dir, 'check', '--config', 'bad.json')).stderr).toMatch(/^coord: bad\.json: rules\.local-roles: unknown severity "loud"/);
        expect(await runCli(dir, 'check', '--config', 'missing.json')).toMatchObject({ code: 2, stderr: 'coord: missing.json: cannot read: no such file\n' });
    });
    test('--rule with an unknown id or severity, or without `=`', async () => {
        expect((await runCli(dir, 'check', '--rule', 'no-such-rule=off')).stderr).toContain("unknown rule id 'no-such-rule'");
        expect((await runCli(dir, 'check', '--rule', 'local-roles=loud'))).toMatchObject({ code: 2 });
        expect((await runCli(dir, 'check', '--rule', 'local-roles'))).toMatchObject({ code: 2, stderr: "coord: --rule expects ID=SEVERITY, got 'local-roles'\n" });
    });
});

describe('the editor reads the same configuration', () => {
    async function editorFindings() {
        const { Coord } = createCoordCoreServices(NodeFileSystem);
        const files = ['top.coord', 'sub/mid.coord'].map(f => path.join(dir, f));
        const ws = await buildWorkspace(Coord, files.map(f => ({ uri: pathToFileURL(f).toString(), text: fs.readFileSync(f, 'utf8') })));
        return ws.documents.map(d => ws.findings(d).map(f => ({ line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message })));
    }
    test('nearest config per file', async () => {
        write('sub/coord.config.json', { 'local-roles': 'error' });
        const [top, mid] = await editorFindings();
        expect(top.filter(f => f.rule === 'local-roles').map(f => f.severity)).toEqual(['warning']);
        expect(mid.filter(f => f.rule === 'local-roles').map(f => f.severity)).toEqual(['error']);
    });
    test('an invalid config becomes an `invalid-config` error on line 1 naming the file and the key; defaults apply meanwhile', async () => {
        write('sub/coord.config.json', { 'local-roles': 'loud' });
        const [top, mid] = await editorFindings();
        expect(top.some(f => f.rule === 'invalid-config')).toBe(false);
        const invalid = mid.find(f => f.rule === 'invalid-config');
        expect(invalid).toMatchObject({ line: 1, severity: 'error' });
        expect(invalid!.message).toContain(`${path.join(dir, 'sub', 'coord.config.json')}: rules.local-roles: unknown severity "loud"`);
        expect(mid.filter(f => f.rule === 'local-roles').map(f => f.severity)).toEqual(['warning']);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
