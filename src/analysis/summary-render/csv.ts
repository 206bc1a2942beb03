/**
 * The CSV report of `coord summary --format csv` (§6): one row per effect with
 * exactly the columns `file,line,programmes,domain,outcome,direction,desirability,source`,
 * quoted per RFC 4180 (CRLF line ends), for evidence-gap-map tools. A text
 * cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading `'`, except the
 * `direction` column's `+`, `-` and `~` and cells that are plain numbers.
 */
import type { Summary } from '../summary.js';
import { csvField, spreadsheetText } from './escape.js';

export const CSV_COLUMNS = ['file', 'line', 'programmes', 'domain', 'outcome', 'direction', 'desirability', 'source'] as const;

export function renderSummaryCsv(summary: Summary): string {
    const lines = [CSV_COLUMNS.join(',')];
    for (const e of summary.effects) {
        lines.push(CSV_COLUMNS.map(c => {
            const value = e[c];
            if (typeof value !== 'string' || (c === 'direction' && ['+', '-', '~'].includes(value))) return csvField(value);
            return csvField(spreadsheetText(value));
        }).join(','));
    }
    return lines.join('\r\n') + '\r\n';
}
