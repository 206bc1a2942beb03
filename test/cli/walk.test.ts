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

describe('the "ignore" list of coord.config.json', () => {
    test('skips the folders and files it names, relative to the config file, in folder walks only', async () => {
        for (const f of ['keep.coord', 'a.old.coord', 'drafts/d.coord', 'sub/drafts/e.coord', 'archive/2019/x.coord', 'archive/y.coord', 'sub/drafts.coord']) touch(f);
        fs.writeFileSync(path.join(dir, 'coord.config.json'), JSON.stringify({ ignore: ['drafts/', 'archive/**/*.coord', '*.old.coord'] }));
        const { loadWorkspace } = await import('../../src/cli/workspace.js');
        const ws = await loadWorkspace({ paths: ['.'], cwd: dir });
        expect(ws.files.map(f => f.display)).toEqual(['keep.coord', 'sub/drafts.coord']);
        const named = await loadWorkspace({ paths: ['a.old.coord'], cwd: dir });
        expect(named.files.map(f => f.display)).toEqual(['a.old.coord']);
    });

    test('an "ignore" that is not a list of patterns is an error naming the key', async () => {
        const { parseConfig } = await import('../../src/validation/config.js');
        expect(() => parseConfig('{"ignore": "drafts"}', 'coord.config.json', new Set())).toThrow('"ignore" must be a list of path patterns');
        expect(parseConfig('{"ignore": ["drafts/"]}', 'coord.config.json', new Set()).ignore).toEqual(['drafts/']);
    });
});
