/** Test helpers: build a workspace (snippets or the examples folder) and compute its summary. */
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { computeSummary, type Summary, type SummaryOptions } from '../../src/analysis/summary.js';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');

/** The files of a folder (`*.coord`), name → text. */
export function readFolder(folder: string, only?: readonly string[]): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder).sort()) {
        if (name.endsWith('.coord') && (!only || only.includes(name))) files[name] = readFileSync(join(folder, name), 'utf8');
    }
    return files;
}

/** Builds `files` (name → text) as one workspace under `file:///ws/` and summarises it. */
export async function summarise(files: Record<string, string> | string, options: Omit<SummaryOptions, 'findings'> = {}): Promise<{ summary: Summary; documents: LangiumDocument[] }> {
    const map = typeof files === 'string' ? { 'main.coord': files } : files;
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const ws = await buildWorkspace(Coord, Object.entries(map).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
    const summary = computeSummary(Coord.shared.workspace.LangiumDocuments.all, {
        fileName: uri => uri.replace('file:///ws/', ''),
        findings: document => ws.findings(document),
        ...options,
    });
    return { summary, documents: ws.documents };
}

/** The Chromium the browser tests drive (Debian's `chromium` package), or `CHROMIUM`. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);
/**
 * Why the browser tests are skipped, when they are; with COORD_REQUIRE_CHROMIUM=1
 * (CI) a missing Chromium fails instead.
 */
export const CHROMIUM_MISSING = `Chromium is not installed at ${CHROMIUM}: install it with 'apt-get update && apt-get install -y chromium' (or set CHROMIUM=/path/to/chromium); the browser tests are skipped`;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Where browser tests leave their screenshots (ignored by git). */
export const RESULTS = join(ROOT, 'test-results', 'summary');

/** A workspace whose every free-text place holds an attack. */
export const HOSTILE = `
domain evil "</script><img src=x onerror=alert(1)>"
outcome bad "<b onmouseover=alert(3)>bold</b> | pipe \`code\` *em* [link](javascript:alert(11))" in evil desirable increase
population pop "<svg/onload=alert(12)>"
programme P "\\"'><svg onload=alert(2)>" { country X sector productive agency "<iframe src=javascript:alert(4)>" targets pop }
programme Q "Q\u2028line<script>alert(5)</script>" { country X sector social-protection targets pop }
body N "<style>body{display:none}</style>"
coordination C "<a href=\\"javascript:alert(6)\\">x</a>" {
  between P, Q
  node N
  local {
    agreement informal "<img src=x onerror=alert(7)>"
    role "</td></tr></table><script>alert(8)</script>" by P
  }
  incentive budget "a|b <u>under</u> \u2029 end"
  barrier other "<math><mi xlink:href=\\"javascript:alert(9)\\">x</mi></math>"
  achieved low
}
evaluation E "<script>alert(13)</script>" { method rct }
effects of P + Q from E {
  + bad note "</li><script>alert(10)</script>" size 1 sd
  - savings note "\\"quoted\\", with comma"
}
`;
