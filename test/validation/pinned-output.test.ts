/**
 * Pins the exact output of `coord check --format json` on a large generated
 * workspace with many findings of every rule (`pinned-workspace.ts`): same
 * rules, ids, messages, positions, related places, fingerprints and order.
 * Validation is tuned for speed (docs/performance.md); this test is what says
 * that such work changed no finding. After an intended change of findings,
 * write the file (gzipped: 0.9 MB of JSON) again with `COORD_UPDATE_PINNED=1 npx vitest run
 * test/validation/pinned-output.test.ts` and review the difference (`zcat`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from '../cli/cli-run.js';
import { pinnedWorkspace } from './pinned-workspace.js';
import { RULES } from '../../src/validation/registry.js';

const PINNED = join(__dirname, '../fixtures/findings/pinned-check.json.gz');

interface Diagnostic { file: string; line: number; column: number; rule: string; message: string; suppressed?: unknown; related?: unknown[] }

describe('coord check --format json on a large workspace with many findings', () => {
    let dir: string;
    let run: CliRun;
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'coord-pinned-'));
        for (const { name, text } of pinnedWorkspace()) writeFileSync(join(dir, name), text);
        run = await runCli(dir, 'check', '.', '--format', 'json');
        if (process.env.COORD_UPDATE_PINNED) writeFileSync(PINNED, gzipSync(run.stdout, { level: 9 }));
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports many findings of every rule, with related places and suppressions', () => {
        const diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
        expect(run.code).toBe(1);
        expect(diagnostics.length).toBeGreaterThan(1000);
        const rules = new Set(diagnostics.map(d => d.rule));
        for (const rule of RULES) expect(rules, rule.id).toContain(rule.id);
        expect(diagnostics.filter(d => (d.related?.length ?? 0) > 1).length).toBeGreaterThan(100);
    });

    it('gives exactly the pinned output, finding by finding', () => {
        expect(existsSync(PINNED), `${PINNED} is missing: write it with COORD_UPDATE_PINNED=1`).toBe(true);
        const pinned = gunzipSync(readFileSync(PINNED)).toString('utf8');
        if (run.stdout === pinned) return;
        // Say where it starts to differ, one finding at a time, before comparing the whole.
        const got = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
        const want = (JSON.parse(pinned) as { diagnostics: Diagnostic[] }).diagnostics;
        for (let i = 0; i < Math.min(got.length, want.length); i++) expect(got[i], `finding ${i}`).toEqual(want[i]);
        expect(got.length).toBe(want.length);
        expect(run.stdout).toBe(pinned);
    });
});
