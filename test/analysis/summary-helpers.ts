/** Test helpers: build a workspace (snippets or the examples folder) and compute its summary. */
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { readFileSync, readdirSync } from 'node:fs';
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
