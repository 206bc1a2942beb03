/**
 * examples/README.md's table "From the brief to the findings" is checked
 * against the examples and the brief: every quote in its first column stands
 * in the brief, every `file:line` of its second column holds the code quoted
 * beside it, and its third column lists exactly the findings of
 * `coord check examples` (which exits 0). Each file also checks alone.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli/cli-run.js';

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'examples/README.md');
const BRIEF = path.resolve(ROOT, '../shared/reference/brief.txt');

interface Finding {
    rule: string;
    severity: string;
    suppressed: boolean;
    where: string;
}

interface Row {
    quotes: string[];
    encodings: Array<{ file: string; line: number; code: string }>;
    findings: Finding[];
}

/** The rows of the README's table, parsed cell by cell. */
function tableRows(): Row[] {
    const text = fs.readFileSync(README, 'utf8');
    const start = text.indexOf('## From the brief to the findings');
    const section = text.slice(start, text.indexOf('\n## ', start + 1));
    const rows: Row[] = [];
    for (const line of section.split('\n')) {
        if (!line.startsWith('| ') || line.startsWith('| the brief says') || line.startsWith('|---')) continue;
        const cells = line.slice(2, -2).split(' | ');
        expect(cells, line).toHaveLength(3);
        const [said, encoded, found] = cells;
        rows.push({
            quotes: [...said.matchAll(/"([^"]+)"/g)].map(m => m[1]),
            encodings: [...encoded.matchAll(/([\w-]+\.coord):(\d+) `([^`]+)`/g)].map(m => ({ file: m[1], line: Number(m[2]), code: m[3] })),
            findings: [...found.matchAll(/`([a-z-]+)` (error|warning|info|hint)(, suppressed)? ([\w-]+\.coord:\d+)/g)]
                .map(m => ({ rule: m[1], severity: m[2], suppressed: Boolean(m[3]), where: `examples/${m[4]}` })),
        });
    }
    return rows;
}

/** The rows of the README's table of the fictional evidence example's findings. */
function fictionalRows(): Finding[] {
    const text = fs.readFileSync(README, 'utf8');
    const start = text.indexOf('## The fictional evidence example');
    const section = text.slice(start, text.indexOf('\n## ', start + 1));
    return [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint)(, suppressed)? \| (fictional-evidence\.coord:\d+) \|/gm)]
        .map(m => ({ rule: m[1], severity: m[2], suppressed: Boolean(m[3]), where: `examples/${m[4]}` }));
}

async function actualFindings(...paths: string[]): Promise<{ code: number; findings: Finding[] }> {
    const r = await runCli(ROOT, 'check', '--format', 'json', ...paths);
    const report = JSON.parse(r.stdout);
    const findings = report.diagnostics.map((d: { rule: string; severity: string; suppressed?: unknown; file: string; line: number }) => ({
        rule: d.rule, severity: d.severity, suppressed: Boolean(d.suppressed), where: `${d.file}:${d.line}`,
    }));
    return { code: r.code, findings };
}

const key = (f: Finding) => `${f.where} ${f.rule} ${f.severity}${f.suppressed ? ' suppressed' : ''}`;
/** The brief's words without layout: hyphens at line ends joined, one kind of apostrophe, no whitespace. */
const squeeze = (text: string) => text.replace(/-[ \t]*\r?\n\s*/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, '');

describe.runIf(fs.existsSync(README))('examples', () => {
    const rows = tableRows();

    test('the table has a row per statement, each with a quote', () => {
        expect(rows.length).toBeGreaterThan(15);
        for (const row of rows) expect(row.quotes.length, JSON.stringify(row)).toBeGreaterThan(0);
    });

    test.runIf(fs.existsSync(BRIEF))('every quote stands in the brief', () => {
        const brief = squeeze(fs.readFileSync(BRIEF, 'utf8'));
        const missing = rows.flatMap(r => r.quotes).filter(q => !brief.includes(squeeze(q)));
        expect(missing).toEqual([]);
    });

    test('every line named holds the code quoted beside it', () => {
        const files = new Map<string, string[]>();
        const wrong: string[] = [];
        for (const { file, line, code } of rows.flatMap(r => r.encodings)) {
            if (!files.has(file)) files.set(file, fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8').split(/\r?\n/));
            const text = files.get(file)![line - 1] ?? '';
            if (!text.includes(code)) wrong.push(`${file}:${line} should hold \`${code}\` but is \`${text}\``);
        }
        expect(wrong).toEqual([]);
        expect(rows.flatMap(r => r.encodings).length).toBeGreaterThan(30);
    });

    test('coord check examples raises exactly the findings the tables list, and exits 0', async () => {
        const listed = [...new Set([...rows.flatMap(r => r.findings), ...fictionalRows()].map(key))].sort();
        expect(listed.length).toBeGreaterThan(20);
        const { code, findings } = await actualFindings('examples');
        expect(findings.map(key).sort()).toEqual(listed);
        expect(code).toBe(0);
    });

    test('the fictional model raises no finding', async () => {
        const { code, findings } = await actualFindings('examples/model.coord');
        expect(findings).toEqual([]);
        expect(code).toBe(0);
    });

    test('each file checked alone raises the same findings as in the whole set', async () => {
        const all = (await actualFindings('examples')).findings;
        for (const file of fs.readdirSync(path.join(ROOT, 'examples')).filter(f => f.endsWith('.coord'))) {
            const alone = (await actualFindings(`examples/${file}`)).findings;
            expect(alone.map(key).sort(), file).toEqual(all.filter(f => f.where.startsWith(`examples/${file}:`)).map(key).sort());
        }
    });
    test('the fictional evidence example has its own table of findings', () => {
        expect(fictionalRows().length).toBe(4);
    });

    test('unsourced-figure finds nothing but the fictional figure kept to show it; the fictional example says so first', async () => {
        const { findings } = await actualFindings('examples');
        expect(findings.filter(f => f.rule === 'unsourced-figure').map(f => f.where)).toEqual(['examples/fictional-evidence.coord:109']);
        const first = fs.readFileSync(path.join(ROOT, 'examples/fictional-evidence.coord'), 'utf8').split('\n')[0];
        expect(first).toMatch(/^\/\/ FICTIONAL:/);
    });
});
