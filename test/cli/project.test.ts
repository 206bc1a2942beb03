/**
 * Project-aware paths (§3 v2, issue 18): `coord check FILE` and `coord summary
 * FILE` resolve names against every .coord file of the project — `--project
 * DIR`, else the nearest folder upward whose coord.config.json says `"root":
 * true`, else the current folder — and report only the files named;
 * `--no-project` restores "only these files". The language server loads the
 * same project for a workspace folder.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { runCli } from './cli-run.js';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { parseConfig } from '../../src/validation/config.js';
import { RULE_IDS } from '../../src/validation/registry.js';

// Fictional programmes: they show the mechanics, and say nothing about any real programme.
const PROGRAMMES = `programme Lumen { country Testland sector social-protection }
programme Sorgo { country Testland sector productive ministry agriculture }
evaluation EvalLumen { method rct by "A fictional institute" }
`;
const EVIDENCE = `effects of Lumen from EvalLumen {
  + savings
}
`;

let dir: string;
beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'coord-project-')));
    fs.mkdirSync(path.join(dir, 'specs', 'evidence'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'coord.config.json'), '{ "root": true }');
    fs.writeFileSync(path.join(dir, 'specs', 'programmes.coord'), PROGRAMMES);
    fs.writeFileSync(path.join(dir, 'specs', 'evidence', 'evidence.coord'), EVIDENCE);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout) as { files: string[]; diagnostics: Array<{ file: string; rule: string; message: string }> };

describe('coord check FILE in a project', () => {
    test('a file named alone resolves its names against the project found upward, and only it is reported', async () => {
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--format', 'json');
        expect(r.stderr).toBe('');
        const report = json(r.stdout);
        expect(report.files).toEqual(['evidence.coord']);
        expect(report.diagnostics.filter(d => d.rule === 'unresolved-reference')).toEqual([]);
        // programmes.coord has its own findings (unused Sorgo…): none of them is reported.
        expect(report.diagnostics.every(d => d.file === 'evidence.coord')).toBe(true);
        expect(r.code).toBe(0);
    });

    test('--no-project makes the files named the whole workspace again', async () => {
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--no-project', '--format', 'json');
        expect(r.code).toBe(1);
        expect(json(r.stdout).diagnostics.filter(d => d.rule === 'unresolved-reference').map(d => d.message))
            .toEqual(["unknown programme 'Lumen'", "unknown evaluation 'EvalLumen'"]);
    });

    test('without a root configuration the current folder is the project', async () => {
        fs.rmSync(path.join(dir, 'coord.config.json'));
        const inSpecs = await runCli(path.join(dir, 'specs'), 'check', 'evidence/evidence.coord', '--format', 'json');
        expect(json(inSpecs.stdout).diagnostics.filter(d => d.rule === 'unresolved-reference')).toEqual([]);
        // From the evidence folder the programmes are outside the project.
        const inEvidence = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--format', 'json');
        expect(json(inEvidence.stdout).diagnostics.filter(d => d.rule === 'unresolved-reference')).toHaveLength(2);
    });

    test('--project DIR names the project; a missing or non-folder DIR is a usage error', async () => {
        fs.rmSync(path.join(dir, 'coord.config.json'));
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--project', '..', '--format', 'json');
        expect(json(r.stdout).diagnostics.filter(d => d.rule === 'unresolved-reference')).toEqual([]);
        const missing = await runCli(dir, 'check', 'specs', '--project', 'nowhere');
        expect(missing).toMatchObject({ code: 2, stdout: '' });
        expect(missing.stderr).toBe('coord check: --project nowhere: no such folder\n');
        const file = await runCli(dir, 'check', 'specs', '--project', 'specs/programmes.coord');
        expect(file.code).toBe(2);
        expect(file.stderr).toMatch(/^coord check: --project specs\/programmes.coord: not a folder/);
        const both = await runCli(dir, 'check', 'specs', '--project', 'specs', '--no-project');
        expect(both.code).toBe(2);
        expect(both.stderr).toMatch(/contradict/);
    });

    test('a duplicate name in another project file is found from the file named', async () => {
        fs.writeFileSync(path.join(dir, 'specs', 'evidence', 'again.coord'), 'programme Lumen { country Testland sector social-protection }\n');
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'again.coord', '--format', 'json');
        const duplicates = json(r.stdout).diagnostics.filter(d => d.rule === 'duplicate-name');
        expect(duplicates).toHaveLength(1);
        expect(duplicates[0].file).toBe('again.coord');
        expect(r.code).toBe(1);
    });

    test('a folder below with its own "root": true configuration is another project and is left out', async () => {
        const other = path.join(dir, 'specs', 'other');
        fs.mkdirSync(other);
        fs.writeFileSync(path.join(other, 'coord.config.json'), '{ "root": true }');
        fs.writeFileSync(path.join(other, 'same.coord'), 'programme Lumen { country Elsewhere sector other }\n');
        const r = await runCli(dir, 'check', 'specs/programmes.coord', '--format', 'json');
        expect(json(r.stdout).diagnostics.filter(d => d.rule === 'duplicate-name')).toEqual([]);
        // Checked from inside, the nested project is the project.
        const inside = await runCli(other, 'check', 'same.coord', '--format', 'json');
        expect(json(inside.stdout).diagnostics.filter(d => d.rule === 'duplicate-name')).toEqual([]);
    });

    test('a project file that cannot be read is skipped; the file named is still checked', async () => {
        fs.writeFileSync(path.join(dir, 'specs', 'binary.coord'), Buffer.from([0, 1, 2]));
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--format', 'json');
        expect(r).toMatchObject({ code: 0, stderr: '' });
        const named = await runCli(dir, 'check', 'specs/binary.coord');
        expect(named.code).toBe(2);
        expect(named.stderr).toMatch(/binary\.coord: binary file/);
    });

    test('a report is never written over a project file, named or not', async () => {
        const target = path.join(dir, 'specs', 'programmes.coord');
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'check', 'evidence.coord', '--format', 'json', '-o', '../programmes.coord');
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/is one of the specs being read/);
        expect(fs.readFileSync(target, 'utf8')).toBe(PROGRAMMES);
        const s = await runCli(path.join(dir, 'specs', 'evidence'), 'summary', 'evidence.coord', '-o', '../programmes.coord');
        expect(s.code).toBe(2);
        expect(fs.readFileSync(target, 'utf8')).toBe(PROGRAMMES);
    });

    test('"root" must be true or false', () => {
        expect(parseConfig('{ "root": true }', 'c.json', RULE_IDS)).toMatchObject({ root: true });
        expect(() => parseConfig('{ "root": "yes" }', 'c.json', RULE_IDS)).toThrow(/"root" must be true or false/);
    });
});

describe('coord summary FILE in a project', () => {
    test('the summary covers the file named, with names resolved against the project', async () => {
        const r = await runCli(path.join(dir, 'specs', 'evidence'), 'summary', 'evidence.coord', '--format', 'csv');
        expect(r.code).toBe(0);
        const rows = r.stdout.trim().split('\n');
        expect(rows).toHaveLength(2);
        expect(rows[1]).toMatch(/^evidence\.coord,2,Lumen,finance,savings,\+,desirable,EvalLumen/);
        const json = JSON.parse((await runCli(path.join(dir, 'specs', 'evidence'), 'summary', 'evidence.coord', '--format', 'json')).stdout);
        // Programmes declared elsewhere but not used by the file named are not in its summary.
        expect(json.counts.coordinations).toBe(0);
        expect(JSON.stringify(json)).not.toContain('Sorgo');
    });
});

describe('the language server loads the same project', () => {
    test('a workspace folder inside a project loads the whole project, not a nested one', async () => {
        const other = path.join(dir, 'nested');
        fs.mkdirSync(other);
        fs.writeFileSync(path.join(other, 'coord.config.json'), '{ "root": true }');
        fs.writeFileSync(path.join(other, 'n.coord'), 'programme Lumen { country Elsewhere sector other }\n');
        const { shared } = createCoordLspServices(NodeFileSystem);
        const folder = path.join(dir, 'specs', 'evidence');
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(folder).href, name: 'evidence' }]);
        const loaded = shared.workspace.LangiumDocuments.all.map(d => d.uri).filter(u => u.scheme === 'file').map(u => path.relative(dir, u.fsPath)).toArray().sort();
        expect(loaded).toEqual([path.join('specs', 'evidence', 'evidence.coord'), path.join('specs', 'programmes.coord')]);
    });

    test('without a root configuration the workspace folder is the project', async () => {
        fs.rmSync(path.join(dir, 'coord.config.json'));
        const { shared } = createCoordLspServices(NodeFileSystem);
        const folder = path.join(dir, 'specs', 'evidence');
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(folder).href, name: 'evidence' }]);
        const loaded = shared.workspace.LangiumDocuments.all.filter(d => d.uri.scheme === 'file').map(d => path.basename(d.uri.fsPath)).toArray();
        expect(loaded).toEqual(['evidence.coord']);
    });
});
