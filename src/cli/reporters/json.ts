/** The `json` format of `coord check` (§6 of the language reference). */
import type { CheckReport } from '../check.js';

export function formatJson(report: CheckReport): string {
    return JSON.stringify({
        tool: report.tool,
        configHash: report.configHash,
        files: report.files,
        diagnostics: report.diagnostics,
        counts: report.counts,
    }, null, 2) + '\n';
}
