/**
 * Test helper for the rule tests: the full findings of one rule (related
 * information and `data` included), with 1-based lines for readability.
 */
import { buildSnippets, fileOf } from '../helpers.js';

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
    return (await buildSnippets(files)).filter(({ finding: f }) => f.rule === rule).map(({ file, finding: f }) => ({
        file,
        line: f.range.start.line + 1,
        message: f.message,
        severity: f.severity,
        related: f.related.map(r => ({ file: fileOf(r.uri), line: r.range.start.line + 1, message: r.message })),
        ...(f.data ? { data: f.data } : {}),
        ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
    }));
}
