/**
 * The robustness suite's harness: seeded, reproducible fast-check settings
 * (`FUZZ_RUNS` and `FUZZ_SEED` override them, and every property prints its run
 * count and seed), one reusable in-memory workspace for building many cases
 * quickly, and the invariants every case must keep — nothing throws, no rule
 * hits an internal error, and every range lies inside its document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { createCoordCoreServices, type CoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { stripBom } from '../../src/language/coord-workspace.js';
import type { Finding } from '../../src/validation/rule.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REGRESSIONS = path.join(ROOT, 'test/fixtures/regressions');

/** A stable seed per property name, so that CI runs are reproducible; `FUZZ_SEED` overrides it. */
export function seedFor(name: string): number {
    const fromEnv = process.env.FUZZ_SEED;
    if (fromEnv !== undefined && fromEnv !== '' && Number.isFinite(Number(fromEnv))) return Number(fromEnv) | 0;
    let h = 2166136261;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    return h | 0;
}

/** The number of cases of a property: its default, scaled by `FUZZ_RUNS` (a total per property) when set. */
export function runsFor(defaultRuns: number): number {
    const fromEnv = Number(process.env.FUZZ_RUNS);
    return Number.isInteger(fromEnv) && fromEnv > 0 ? Math.max(fromEnv, 1) : defaultRuns;
}

/**
 * A vitest timeout for a property of `defaultRuns` cases: a minute, or more when
 * `FUZZ_RUNS` asks for more cases; `FUZZ_TIMEOUT_MS` sets it outright (long runs on
 * a loaded machine).
 */
export function timeoutFor(defaultRuns: number, msPerRun = 60): number {
    const fromEnv = Number(process.env.FUZZ_TIMEOUT_MS);
    if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
    return Math.max(60_000, runsFor(defaultRuns) * msPerRun);
}

/** Cases run by every property of this process, for the closing summary line. */
const totals = { properties: 0, runs: 0 };

/**
 * Runs an async property with a seed and a run count, prints one line with
 * both, and on failure prints how to replay it and saves the counterexample's
 * text (when `saveAs` gives it) as a regression fixture.
 */
export async function runProperty<T>(
    name: string,
    arbitrary: fc.Arbitrary<T>,
    predicate: (value: T) => Promise<void> | void,
    options: { runs: number; saveAs?: (value: T) => Record<string, string> | string | undefined },
): Promise<void> {
    const seed = seedFor(name);
    const numRuns = runsFor(options.runs);
    const started = performance.now();
    let slowest = 0;
    const result = await fc.check(fc.asyncProperty(arbitrary, async v => {
        const t = performance.now();
        await predicate(v);
        slowest = Math.max(slowest, performance.now() - t);
    }), { seed, numRuns, endOnFailure: false, interruptAfterTimeLimit: undefined });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    totals.properties++;
    totals.runs += result.numRuns;
    console.log(`[fuzz] ${name}: ${result.numRuns} runs, seed ${seed}, ${seconds} s (slowest case ${slowest.toFixed(0)} ms)${result.failed ? ' — FAILED' : ''}`);
    if (result.failed) {
        let saved = '';
        if (options.saveAs && result.counterexample) {
            saved = saveRegression(name, options.saveAs(result.counterexample[0]));
        }
        const replay = `FUZZ_SEED=${seed} (path ${result.counterexamplePath ?? '?'})`;
        const cause = result.errorInstance instanceof Error ? result.errorInstance.stack ?? result.errorInstance.message : String(result.errorInstance);
        throw new Error(`${fc.defaultReportMessage(result) ?? 'property failed'}\n${cause}\nreplay with ${replay}${saved ? `\ncounterexample saved as ${saved}` : ''}`);
    }
}

/** Total cases run so far in this process. */
export function fuzzTotals(): { properties: number; runs: number } {
    return { ...totals };
}

/**
 * Writes a counterexample as `test/fixtures/regressions/<name>-<hash>.coord`
 * (or a folder of files for a multi-file case), unless running in CI.
 */
export function saveRegression(name: string, value: Record<string, string> | string | undefined): string {
    if (value === undefined || process.env.CI) return '';
    const files = typeof value === 'string' ? { 'main.coord': value } : value;
    const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const hash = simpleHash(JSON.stringify(files)).toString(16);
    fs.mkdirSync(REGRESSIONS, { recursive: true });
    const entries = Object.entries(files);
    if (entries.length === 1) {
        const target = path.join(REGRESSIONS, `${slug}-${hash}.coord`);
        fs.writeFileSync(target, entries[0][1]);
        return path.relative(ROOT, target);
    }
    const folder = path.join(REGRESSIONS, `${slug}-${hash}`);
    fs.mkdirSync(folder, { recursive: true });
    for (const [file, text] of entries) fs.writeFileSync(path.join(folder, file), text);
    return path.relative(ROOT, folder);
}

function simpleHash(s: string): number {
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 33) ^ s.charCodeAt(i)) >>> 0;
    return h;
}

/** Line lengths (in UTF-16 code units, without the line break) as LSP counts lines: \n, \r\n and \r end a line. */
export function lineLengths(text: string): number[] {
    return text.split(/\r\n|\r|\n/).map(l => l.length);
}

function positionInside(p: Position, lines: number[]): boolean {
    return Number.isInteger(p.line) && Number.isInteger(p.character)
        && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
}

/** Throws unless the range is well-formed and lies inside a text with these line lengths. */
export function expectRangeInside(range: Range, lines: number[], what: string): void {
    const ok = range && positionInside(range.start, lines) && positionInside(range.end, lines)
        && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
    if (!ok) {
        throw new Error(`${what}: range ${JSON.stringify(range)} is not inside the document (${lines.length} lines)`);
    }
}

/**
 * One in-memory workspace reused across cases: each build first removes the
 * previous case's documents (from the documents and the index), so a case
 * costs a parse, a link and a validation, not a new parser.
 */
export class Workbench<S extends CoordCoreServices = CoordCoreServices> {
    readonly services: S;
    private previous: URI[] = [];

    /** Builds with the given services (the core's by default; the server's for editor features). */
    constructor(services?: S) {
        this.services = services ?? (createCoordCoreServices(EmptyFileSystem).Coord as S);
    }

    /** Builds `files` (name → text) as a workspace and returns each document with its findings. */
    async build(files: Record<string, string>): Promise<Array<{ name: string; text: string; document: LangiumDocument; findings: Finding[] }>> {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const index = this.services.shared.workspace.IndexManager;
        for (const uri of this.previous) {
            if (documents.hasDocument(uri)) documents.deleteDocument(uri);
            index.remove(uri);
        }
        const entries = Object.entries(files);
        const uris = entries.map(([name]) => `file:///ws/${encodeURIComponent(name)}`);
        this.previous = uris.map(u => URI.parse(u));
        const built = await buildWorkspace(this.services, entries.map(([, text], i) => ({ uri: uris[i], text })));
        return built.documents.map((document, i) => ({
            name: entries[i][0], text: entries[i][1], document, findings: built.findings(document),
        }));
    }

    /** Builds and checks the invariants every case must keep; returns the build for further checks. */
    async buildAndCheck(files: Record<string, string>): ReturnType<Workbench<S>['build']> {
        const built = await this.build(files);
        const linesByUri = new Map<string, number[]>();
        for (const b of built) linesByUri.set(b.document.uri.toString(), lineLengths(stripBom(b.text)));
        for (const b of built) {
            const lines = linesByUri.get(b.document.uri.toString())!;
            // The document's own text is the text given, without a BOM.
            if (b.document.textDocument.getText() !== stripBom(b.text)) throw new Error(`${b.name}: the document's text differs from the input`);
            for (const f of b.findings) {
                if (f.rule === 'internal-error') throw new Error(`${b.name}: ${f.message}`);
                if (typeof f.message !== 'string' || f.message.length === 0) throw new Error(`${b.name}: a ${f.rule} finding without a message`);
                expectRangeInside(f.range, lines, `${b.name}: ${f.rule} '${f.message}'`);
                for (const r of f.related) {
                    const other = linesByUri.get(r.uri);
                    if (other) expectRangeInside(r.range, other, `${b.name}: related place of ${f.rule}`);
                }
            }
            for (const d of b.document.diagnostics ?? []) {
                expectRangeInside(d.range, lines, `${b.name}: diagnostic ${String(d.code)}`);
            }
        }
        return built;
    }
}

/** The corpus the mutations start from: examples/*.coord and the hostile fixture workspace. */
export function exampleTexts(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const folder of ['examples', 'test/fixtures/hostile']) {
        const full = path.join(ROOT, folder);
        if (!fs.existsSync(full)) continue;
        for (const name of fs.readdirSync(full).sort()) {
            if (name.endsWith('.coord')) out[name] = fs.readFileSync(path.join(full, name), 'utf8');
        }
    }
    return out;
}
