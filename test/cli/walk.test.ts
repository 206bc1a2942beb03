/**
 * Folder walks (issue 21, fault 5): iterative, so depth cannot overflow the
 * stack; files come in name order, depth first, as before; node_modules and
 * dot-folders (.git) are skipped; an unreadable folder is named and skipped
 * while the walk goes on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discoverFiles } from '../../src/cli/files.js';
import { removeScratch, scratch } from './process-run.js';

let dir: string;
beforeEach(() => {
    dir = scratch('coord-walk-');
});
afterEach(() => removeScratch(dir));

const touch = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), '');
};

describe('walking a folder', () => {
    test('name order, depth first; node_modules and dot-folders skipped', async () => {
        for (const f of ['b.coord', 'a/z.coord', 'a/b/c.coord', 'c.coord', 'node_modules/x.coord', '.git/y.coord', 'a/.hidden/w.coord', 'a/a.coord']) touch(f);
        const files = await discoverFiles(['.'], dir);
        expect(files.map(f => f.display)).toEqual(['a/a.coord', 'a/b/c.coord', 'a/z.coord', 'b.coord', 'c.coord']);
    });

    test('1,500 nested folders: the file at the bottom is found', async () => {
        const rel = Array.from({ length: 1_500 }, () => 'd').join('/');
        fs.mkdirSync(path.join(dir, rel), { recursive: true });
        fs.writeFileSync(path.join(dir, rel, 'deep.coord'), '');
        const files = await discoverFiles(['.'], dir);
        expect(files.map(f => f.display)).toEqual([`${rel}/deep.coord`]);
    });

    test.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('an unreadable folder is named and skipped; the others are walked', async () => {
        touch('a/one.coord');
        touch('b/two.coord');
        touch('c/three.coord');
        fs.chmodSync(path.join(dir, 'b'), 0o000);
        try {
            const problems: string[] = [];
            const files = await discoverFiles(['.'], dir, problems);
            expect(files.map(f => f.display)).toEqual(['a/one.coord', 'c/three.coord']);
            expect(problems).toEqual(['b: cannot read folder (EACCES)']);
        } finally {
            fs.chmodSync(path.join(dir, 'b'), 0o755);
        }
    });
});
