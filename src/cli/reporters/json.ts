/**
 * The `json` format of `coord check` (§6 of the language reference): `tool`,
 * `configHash`, `files`, `diagnostics`, `counts`, and `problems` when some
 * paths could not be checked. See docs/ci.md for every field.
 */
import type { CheckReport } from '../check.js';

export function formatJson(report: CheckReport): string {
    return JSON.stringify({
        tool: report.tool,
        configHash: report.configHash,
        files: report.files,
        diagnostics: report.diagnostics,
        counts: report.counts,
        // Present only when some paths could not be checked (the run exits 2).
        ...(report.problems.length > 0 ? { problems: report.problems } : {}),
    }, null, 2) + '\n';
}
