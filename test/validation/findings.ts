/**
 * Test helper for the rule tests: the full findings of one rule (related
 * information and `data` included), with 1-based lines for readability.
 */
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';

export interface FullFinding {
    file: string;
    line: number;
    message: string;
    severity: string;
    related: Array<{ file: string; line: number; message: string }>;
    data?: Record<string, unknown>;
    suppressed?: string;
}

/** Builds `files` (name → text, or one text as main.coord) and returns the findings of `rule`. */
export async function findingsOf(rule: string, files: Record<string, string> | string): Promise<FullFinding[]> {
    const map = typeof files === 'string' ? { 'main.coord': files } : files;
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const ws = await buildWorkspace(Coord, Object.entries(map).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
    const fileOf = (uri: string) => (uri.startsWith('file:///ws/') ? uri.slice('file:///ws/'.length) : uri);
    const out: FullFinding[] = [];
    for (const doc of ws.documents) {
        for (const f of ws.findings(doc)) {
            if (f.rule !== rule) continue;
            out.push({
                file: fileOf(doc.uri.toString()),
                line: f.range.start.line + 1,
                message: f.message,
                severity: f.severity,
                related: f.related.map(r => ({ file: fileOf(r.uri), line: r.range.start.line + 1, message: r.message })),
                ...(f.data ? { data: f.data } : {}),
                ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
            });
        }
    }
    return out;
}
