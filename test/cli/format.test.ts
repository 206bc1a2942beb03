/** `coord format`: rewrites in place, `--check` lists unformatted files (exit 1), unparsable files exit 2 untouched. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/command.js';

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-format-'));
});
afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: dir,
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}

const UGLY = 'programme P { country A sector other }\n';
const PRETTY = 'programme P {\n  country A\n  sector other\n}\n';

describe('coord format', () => {
    test('--check lists unformatted files, exits 1 and rewrites nothing', async () => {
        fs.writeFileSync(path.join(dir, 'a.coord'), UGLY);
        fs.writeFileSync(path.join(dir, 'b.coord'), PRETTY);
        const r = await run('format', '--check');
        expect(r).toMatchObject({ code: 1, stdout: 'a.coord\n' });
        expect(fs.readFileSync(path.join(dir, 'a.coord'), 'utf8')).toBe(UGLY);
    });

    test('rewrites files in place; then --check passes', async () => {
        fs.writeFileSync(path.join(dir, 'a.coord'), UGLY);
        expect((await run('format', '.')).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'a.coord'), 'utf8')).toBe(PRETTY);
        expect(await run('format', '--check', 'a.coord')).toMatchObject({ code: 0, stdout: '' });
    });

    test('leaves a file that does not parse untouched, names it and its line, exits 2', async () => {
        fs.writeFileSync(path.join(dir, 'bad.coord'), 'programme P {\n  country\n}\n');
        fs.writeFileSync(path.join(dir, 'good.coord'), UGLY);
        const r = await run('format');
        expect(r.code).toBe(2);
        // The mistake is named on its own line: the country missing after `country` on line 2.
        expect(r.stderr).toMatch(/^bad\.coord:2:10: cannot format: syntax error: missing a name after 'country'/m);
        expect(fs.readFileSync(path.join(dir, 'bad.coord'), 'utf8')).toBe('programme P {\n  country\n}\n');
        expect(fs.readFileSync(path.join(dir, 'good.coord'), 'utf8')).toBe(PRETTY);
    });

    test('a missing path is an error (exit 2)', async () => {
        const r = await run('format', 'nope.coord');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('nope.coord: no such file or folder');
    });
});
