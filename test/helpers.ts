/** Test helpers: build an in-memory workspace from snippets and read its findings. */
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../src/language/coord-module.js';
import { buildWorkspace } from '../src/language/coord-workspace-loader.js';
import type { Finding } from '../src/validation/rule.js';

export interface SnippetFinding {
    file: string;
    line: number;
    rule: string;
    severity: string;
    message: string;
    suppressed?: string;
}

/** Builds `files` (name → text) as one workspace; returns every finding with 1-based lines. */
export async function check(files: Record<string, string> | string): Promise<SnippetFinding[]> {
    const map = typeof files === 'string' ? { 'main.coord': files } : files;
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const ws = await buildWorkspace(Coord, Object.entries(map).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
    const out: SnippetFinding[] = [];
    for (const doc of ws.documents) {
        const file = doc.uri.path.slice('/ws/'.length);
        for (const f of ws.findings(doc)) out.push(toSnippet(file, f));
    }
    return out;
}

function toSnippet(file: string, f: Finding): SnippetFinding {
    return {
        file, line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message,
        ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
    };
}

/** Only the findings of one rule, as `line` numbers. */
export async function linesOf(rule: string, files: Record<string, string> | string): Promise<number[]> {
    return (await check(files)).filter(f => f.rule === rule && !f.suppressed).map(f => f.line);
}
