/**
 * One hostile workspace through every output (test/fixtures/hostile: markup,
 * script URLs, workflow-command and CDATA injections, CSV formulas, control
 * characters, a line separator, an RTL override and raw line breaks in
 * strings, prototype names such as `__proto__` and `constructor`, a hostile
 * suppression reason, and a file named `odd <&> 'q' ,:%.coord` with CRLF line
 * ends). Each output is parsed as its consumer would parse it and must be
 * well-formed and inert — stylish, json, sarif, github and junit from
 * `coord check`; html, md, csv and json from `coord summary`; and the body and
 * network SVG the preview webview shows — while the hostile text is still
 * there, escaped, not dropped.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './harness.js';
import { checkCsv, checkHtml, checkMarkdown, checkXml } from './output-checks.js';
import { runCli, type CliRun } from '../cli/cli-run.js';
import { validateSarif } from '../cli/sarif-schema.js';
import { CSV_COLUMNS } from '../../src/analysis/summary-render/csv.js';
import { computeSummary } from '../../src/analysis/summary.js';
import { renderSummaryBody } from '../../src/analysis/summary-render/html.js';
import { layoutNetwork, renderNetworkSvg } from '../../src/analysis/summary-render/network.js';
import { loadWorkspace } from '../../src/cli/workspace.js';

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile');
const ODD_FILE = "odd <&> 'q' ,:%.coord";

const check = (format: string) => runCli(HOSTILE, 'check', '.', '--format', format);
const summary = (format: string) => runCli(HOSTILE, 'summary', '.', '--format', format);

/** A command that ran: exit 0 or 1 (findings), nothing on stderr but the closing count line. */
function ran(r: CliRun): string {
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect([0, 1]).toContain(r.code);
    return r.stdout;
}

let unsuppressed = 0;
beforeAll(async () => {
    const json = JSON.parse(ran(await check('json')));
    unsuppressed = json.diagnostics.filter((d: { suppressed?: unknown }) => !d.suppressed).length;
    expect(unsuppressed).toBeGreaterThan(5);
});

describe('coord check: every format well-formed and inert on hostile input', () => {
    test('stylish: one line per finding, no control character reaches the terminal', async () => {
        const out = ran(await check('stylish'));
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\u202e]/);
        expect(out).toContain(ODD_FILE);
    });

    test('json: parses; the hostile file name and suppression reason survive as data', async () => {
        const report = JSON.parse(ran(await check('json')));
        expect(report.files).toContain(ODD_FILE);
        const reasons = report.diagnostics.flatMap((d: { suppressed?: { reason: string } }) => (d.suppressed ? [d.suppressed.reason] : []));
        expect(reasons).toEqual(['<script>alert(12)</script> ::error::x ]]> "quoted"']);
    });

    test('sarif: valid SARIF 2.1.0; the odd file name is a well-formed relative URI', async () => {
        const sarif = JSON.parse(ran(await check('sarif')));
        expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
        const uris = new Set<string>(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri));
        for (const uri of uris) {
            expect(uri).not.toMatch(/[\s<>"%](?![0-9A-F]{2})/);
            expect(() => decodeURIComponent(uri)).not.toThrow();
        }
        expect([...uris].map(u => decodeURIComponent(u))).toContain(ODD_FILE);
    });

    test('github: one workflow command per finding; nothing a user wrote can start or end a command', async () => {
        const lines = ran(await check('github')).split('\n').filter(Boolean);
        const commands = lines.filter(l => l.startsWith('::'));
        expect(commands).toHaveLength(unsuppressed);
        for (const line of commands) {
            const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
            expect(m, line).not.toBeNull();
            for (const property of m![2].split(',')) {
                // Every property is key=value, with ',', ':' and '%' in values escaped.
                expect(property, line).toMatch(/^(file|line|col|endLine|endColumn|title)=[^,:]*$/);
            }
            expect(m![3]).not.toMatch(/[\r\n]/);
        }
        // The odd file name arrives percent-escaped and decodes back.
        expect(commands.some(c => c.includes("file=odd <&> 'q' %2C%3A%25.coord,"))).toBe(true);
        // Lines that are not commands (the closing count) hold no user text.
        for (const line of lines.filter(l => !l.startsWith('::'))) expect(line).not.toMatch(/alert|script/);
    });

    test('junit: well-formed XML 1.0, one testcase per file, every failure present', async () => {
        const xml = ran(await check('junit'));
        const doc = checkXml(xml) as { testsuites: { testsuite: { testcase: Array<{ '@_name': string }> | { '@_name': string } } } };
        const cases = [doc.testsuites.testsuite.testcase].flat();
        expect(cases.map(c => c['@_name'])).toContain(ODD_FILE);
        expect(xml).not.toContain('<script>');
    });
});

describe('coord summary and the preview: every format well-formed and inert on hostile input', () => {
    test('html: no script, no handler, no script URL; the hostile text is shown as text', async () => {
        const { text } = checkHtml(ran(await summary('html')), { elements: new Set(['svg']) });
        expect(text).toContain('<script>alert(7)</script>');
        expect(text).toContain('<img src=x onerror=alert(9)>');
    });

    test('md: every table row has its cells; no raw HTML', async () => {
        checkMarkdown(ran(await summary('md')));
    });

    test('csv: RFC 4180 with the contract header; one row per effect', async () => {
        const rows = checkCsv(ran(await summary('csv')), CSV_COLUMNS);
        expect(rows).toHaveLength(4);
        expect(rows.map(r => r[0])).toContain(ODD_FILE);
    });

    test('json: parses, and keeps the hostile names as data', async () => {
        const json = JSON.parse(ran(await summary('json')));
        expect(JSON.stringify(json)).toContain('hasOwnProperty');
    });

    test('the preview: the body and the interactive network SVG the webview shows', async () => {
        const ws = await loadWorkspace({ paths: ['.'], cwd: HOSTILE });
        const s = computeSummary(ws.services.shared.workspace.LangiumDocuments.all, { findings: d => ws.files.find(f => f.document === d)?.findings });
        const svg = renderNetworkSvg(await layoutNetwork(s), { interactive: true });
        checkXml(svg);
        const body = renderSummaryBody(s, { interactive: true, networkSvg: svg });
        // The preview's own controls (the map's filters, the network's zoom buttons) are the only form elements.
        const { text } = checkHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`, { elements: new Set(['svg', 'button', 'select']) });
        expect(text).toContain('<script>alert(7)</script>');
    });
});
