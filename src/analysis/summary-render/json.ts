/**
 * The JSON report of `coord summary --format json`: the summary of §5 as
 * computed by the core, with the tool that produced it.
 */
import type { Summary } from '../summary.js';

export interface ToolInfo {
    name: string;
    version: string;
}

export function renderSummaryJson(summary: Summary, tool?: ToolInfo): string {
    return JSON.stringify(tool ? { tool, ...summary } : summary, null, 2) + '\n';
}
