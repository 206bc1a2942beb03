/**
 * docs/ci.md stays true: every `coord check` command in its CI examples runs
 * as written (with `npx coord` standing for the built `bin/coord.js`) on a
 * workspace with findings, and writes the reports its workflow then uses.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { copyFixture, ensureBuilt, removeScratch, ROOT, runCoord } from './process-run.js';
import { validateSarifFile as validSarif } from './sarif-schema.js';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
const blocks = [...DOC.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(m => ({ lang: m[1], text: m[2] }));
const github = blocks.find(b => b.text.includes('.github/workflows/coord.yml'))!;
const gitlab = blocks.find(b => b.text.includes('.gitlab-ci.yml'))!;
const shell = blocks.find(b => b.lang === 'sh')!;

/** The arguments of the `npx coord check …` command in a block (shell line continuations joined). */
function coordArgs(text: string): string[] {
    const joined = text.replace(/\\\n\s*/g, ' ');
    const line = /npx coord (check[^\n]*)/.exec(joined)![1];
    return line.replace(/\s+#.*$/, '').trim().split(/\s+/);
}

let ws: string;
beforeAll(() => {
    ensureBuilt();
    ws = copyFixture('mixed');
});
afterAll(() => removeScratch(ws));

function wellFormed(xml: string): string[] {
    const errors: string[] = [];
    const parser = new SaxesParser();
    parser.on('error', e => errors.push(e.message));
    parser.write(xml).close();
    return errors;
}

describe('docs/ci.md', () => {
    test('the GitHub workflow grants what upload-sarif needs and uploads the file the check writes', () => {
        expect(github.text).toMatch(/^\s+security-events: write/m);
        expect(github.text).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+/);
        expect(github.text).toMatch(/if: always\(\)/);
        const args = coordArgs(github.text);
        const sarif = args[args.indexOf('-o') + 1];
        expect(github.text).toContain(`sarif_file: ${sarif}`);
        expect(args).toContain('github');
    });

    test('the GitHub workflow command prints annotations and writes a schema-valid SARIF log', async () => {
        const args = coordArgs(github.text).map(a => (a === 'specs' ? '.' : a));
        const r = await runCoord(ws, args);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines.filter(l => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,]*::/.test(l)).length).toBe(lines.length - 1);
        expect(lines.some(l => l.startsWith('::error file=specs/programmes.coord,line=9,'))).toBe(true);
        expect(validSarif(path.join(ws, 'coord.sarif'))).toBe(true);
    });

    test('the GitLab job writes the JUnit report it declares, and the shell example all its reports', async () => {
        const gl = coordArgs(gitlab.text).map(a => (a === 'specs' ? '.' : a));
        const r = await runCoord(ws, gl);
        expect(r.code).toBe(1);
        expect(gitlab.text).toContain('junit: coord-junit.xml');
        expect(wellFormed(fs.readFileSync(path.join(ws, 'coord-junit.xml'), 'utf8'))).toEqual([]);
        const sh = coordArgs(shell.text).map(a => (a === 'specs' ? '.' : a));
        const s = await runCoord(ws, sh);
        expect(s.code).toBe(1);
        expect(s.stdout).toMatch(/✖ \d+ errors/);
        expect(validSarif(path.join(ws, 'reports/coord.sarif'))).toBe(true);
        expect(wellFormed(fs.readFileSync(path.join(ws, 'reports/coord-junit.xml'), 'utf8'))).toEqual([]);
        expect(JSON.parse(fs.readFileSync(path.join(ws, 'reports/coord.json'), 'utf8')).tool.name).toBe('coord');
    });
});
