/**
 * A walk names each file from its folder's relative path, worked out once per
 * folder (`displayInFolder`, src/cli/files.ts), instead of resolving the file's
 * path against the working folder again for every file (`displayPath`): the
 * same name for every folder inside, above, beside and outside the working
 * folder, named relatively or absolutely; and a walk's names are those.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discoverFiles, displayInFolder, displayPath, joinName } from '../../src/cli/files.js';
import { removeScratch, scratch } from './process-run.js';

const CWDS = ['/', '/w', '/w/project', '/w/project/sub', '/w/pro', '/other'];
const FOLDERS = ['/', '/w', '/w/project', '/w/project/sub', '/w/project/sub/deeper', '/w/project-2', '/w/pro', '/w/pro ject', '/other/x', '/w/..x', '/w/.x', '/w/…'];
const NAMES = ['a.coord', '..a.coord', '.coord.coord', 'ñ.coord', 'with space.coord'];

describe('a walked file\'s name in reports', () => {
    test('is displayPath\'s for every folder and working folder', () => {
        let compared = 0;
        for (const cwd of CWDS) {
            for (const folder of FOLDERS) {
                const rel = path.relative(cwd, folder);
                for (const name of NAMES) {
                    const absolute = path.join(folder, name);
                    expect(joinName(folder, name)).toBe(absolute);
                    for (const relativeOutside of [false, true]) {
                        expect(displayInFolder(rel, name, absolute, relativeOutside), `${cwd} ${absolute} ${relativeOutside}`)
                            .toBe(displayPath(absolute, cwd, relativeOutside));
                        compared++;
                    }
                }
            }
        }
        expect(compared).toBe(CWDS.length * FOLDERS.length * NAMES.length * 2);
    });
});

describe('a walk\'s names', () => {
    let dir: string;
    beforeEach(() => {
        dir = scratch('coord-display-');
    });
    afterEach(() => removeScratch(dir));

    test('are displayPath\'s, for a folder inside, the working folder itself and one outside named both ways', async () => {
        for (const rel of ['p/a.coord', 'p/q/b.coord', 'p/q/r/c.coord', 'p/..d.coord', 'o/e.coord']) {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), '');
        }
        const cwd = path.join(dir, 'p');
        for (const given of ['.', 'q', './q/r', '../o', path.join(dir, 'o'), dir, '..']) {
            const files = await discoverFiles([given], cwd);
            expect(files.length, given).toBeGreaterThan(0);
            for (const file of files) {
                expect(file.display, given).toBe(displayPath(file.absolute, cwd, !path.isAbsolute(given)));
                expect(fs.statSync(file.absolute).isFile(), file.absolute).toBe(true);
            }
        }
        expect((await discoverFiles(['../o'], cwd)).map(f => f.display)).toEqual(['../o/e.coord']);
        expect((await discoverFiles([path.join(dir, 'o')], cwd)).map(f => f.display)).toEqual([path.join(dir, 'o', 'e.coord')]);
    });
});
