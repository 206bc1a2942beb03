/**
 * The examples raise exactly the findings that examples/README.md lists in its
 * "Expected findings" table (rule, severity, suppressed or not, file:line) —
 * the brief's lessons where the brief found them, and nowhere else — and
 * `coord check examples` exits 0. Each file also checks alone.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli/cli-run.js';

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'examples/README.md');

interface Expected {
    rule: string;
    severity: string;
    suppressed: boolean;
    where: string;
}

/** The rows of the README's "Expected findings" table. */
function expectedFindings(): Expected[] {
    const text = fs.readFileSync(README, 'utf8');
    const section = text.slice(text.indexOf('## Expected findings'));
    const rows: Expected[] = [];
    for (const m of section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint)(, suppressed)? \| ([\w-]+\.coord:\d+) \|/gm)) {
        rows.push({ rule: m[1], severity: m[2], suppressed: Boolean(m[3]), where: `examples/${m[4]}` });
    }
    return rows;
}

async function actualFindings(...paths: string[]): Promise<{ code: number; findings: Expected[]; counts: Record<string, number> }> {
    const r = await runCli(ROOT, 'check', '--format', 'json', ...paths);
    const report = JSON.parse(r.stdout);
    const findings = report.diagnostics.map((d: { rule: string; severity: string; suppressed?: unknown; file: string; line: number }) => ({
        rule: d.rule, severity: d.severity, suppressed: Boolean(d.suppressed), where: `${d.file}:${d.line}`,
    }));
    return { code: r.code, findings, counts: report.counts };
}

const key = (f: Expected) => `${f.where} ${f.rule} ${f.severity}${f.suppressed ? ' suppressed' : ''}`;

describe.runIf(fs.existsSync(README))('examples', () => {
    test('coord check examples raises exactly the findings examples/README.md lists, and exits 0', async () => {
        const expected = expectedFindings();
        expect(expected.length).toBeGreaterThan(5);
        const { code, findings } = await actualFindings('examples');
        expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
        expect(code).toBe(0);
    });
    test('the suppressed findings keep the comment\'s reason', async () => {
        const r = await runCli(ROOT, 'check', '--format', 'json', 'examples/peru.coord');
        const suppressed = JSON.parse(r.stdout).diagnostics.filter((d: { suppressed?: unknown }) => d.suppressed);
        expect(suppressed.length).toBeGreaterThan(0);
        for (const d of suppressed) expect(d.suppressed.reason).toMatch(/research add-on/);
    });
    test('each file checked alone raises the same findings as in the whole set', async () => {
        const all = (await actualFindings('examples')).findings;
        for (const file of fs.readdirSync(path.join(ROOT, 'examples')).filter(f => f.endsWith('.coord'))) {
            const alone = (await actualFindings(`examples/${file}`)).findings;
            expect(alone.map(key).sort(), file).toEqual(all.filter(f => f.where.startsWith(`examples/${file}:`)).map(key).sort());
        }
    });
    test('unsourced-figure finds nothing but the fictional figure kept to show it; the fictional example says so first', async () => {
        const { findings } = await actualFindings('examples');
        expect(findings.filter(f => f.rule === 'unsourced-figure').map(f => f.where)).toEqual(['examples/fictional-evidence.coord:107']);
        const first = fs.readFileSync(path.join(ROOT, 'examples/fictional-evidence.coord'), 'utf8').split('\n')[0];
        expect(first).toMatch(/^\/\/ FICTIONAL:/);
    });
});
