/**
 * The CSV report of `coord summary --format csv` (§6): one row per effect with
 * exactly the columns `file,line,programmes,domain,outcome,direction,desirability,source`,
 * quoted per RFC 4180 (CRLF line ends), for evidence-gap-map tools.
 */
import type { Summary } from '../summary.js';
import { csvField } from './escape.js';

export const CSV_COLUMNS = ['file', 'line', 'programmes', 'domain', 'outcome', 'direction', 'desirability', 'source'] as const;

export function renderSummaryCsv(summary: Summary): string {
    const lines = [CSV_COLUMNS.join(',')];
    for (const e of summary.effects) lines.push(CSV_COLUMNS.map(c => csvField(e[c])).join(','));
    return lines.join('\r\n') + '\r\n';
}
