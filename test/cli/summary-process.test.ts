/**
 * `coord summary` from the bundle (`bin/coord.js` → `dist/cli.cjs`), on the
 * test runner's Node and on the system Node 20: the CSV matches the golden
 * report, and the HTML report draws the network (ELK loads from its own file
 * in the bundle, on first use).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, nodeVersion, ROOT, runCoord } from './process-run.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/summary');
const NODES: Array<[string, string]> = [[`Node ${process.version}`, process.execPath]];
const SYSTEM_NODE = '/usr/bin/node';
const systemVersion = nodeVersion(SYSTEM_NODE);
if (systemVersion && fs.realpathSync(SYSTEM_NODE) !== fs.realpathSync(process.execPath)) {
    NODES.push([`Node ${systemVersion} (${SYSTEM_NODE})`, SYSTEM_NODE]);
}

beforeAll(() => ensureBuilt());

describe.each(NODES)('the bundled coord summary on %s', (_label, node) => {
    test('--format csv matches the golden report', async () => {
        const r = await runCoord(FIXTURES, ['summary', 'brief', '--format', 'csv'], { node });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(fs.readFileSync(path.join(FIXTURES, 'brief.csv.golden'), 'utf8'));
    });

    test('--format html draws the coordination network', async () => {
        const r = await runCoord(FIXTURES, ['summary', 'brief', '--format', 'html'], { node });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="coord-network"');
        expect(r.stdout.match(/<g class="node sector-/g)?.length).toBeGreaterThanOrEqual(9);
    });
});
