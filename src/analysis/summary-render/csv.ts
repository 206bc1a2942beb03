/**
 * The CSV report of `coord summary --format csv` (§6, §7.7): one row per effect
 * with the v1 columns `file,line,programmes,domain,outcome,direction,desirability,source`
 * in their order, then the v2 columns
 * `comparator,subgroup,size,unit,ci_low,ci_high,se,p,n,estimand,followup,certainty,cite`
 * (`followup` in months), quoted per RFC 4180 (CRLF line ends), for
 * evidence-gap-map tools. Numbers are written unrounded. A text cell that a
 * spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return) gets a leading `'`, except the `direction` column's
 * `+`, `-` and `~` and cells that are plain numbers.
 */
import type { Summary, SummaryEffect } from '../summary.js';
import { csvField, spreadsheetText } from './escape.js';

export const CSV_COLUMNS_V1 = ['file', 'line', 'programmes', 'domain', 'outcome', 'direction', 'desirability', 'source'] as const;
export const CSV_COLUMNS_V2 = [
    'comparator', 'subgroup', 'size', 'unit', 'ci_low', 'ci_high', 'se', 'p', 'n', 'estimand', 'followup', 'certainty', 'cite',
] as const;
export const CSV_COLUMNS = [...CSV_COLUMNS_V1, ...CSV_COLUMNS_V2] as const;

const FIELD: Record<(typeof CSV_COLUMNS_V2)[number], keyof SummaryEffect> = {
    comparator: 'comparator', subgroup: 'subgroup', size: 'size', unit: 'unit', ci_low: 'ciLow', ci_high: 'ciHigh', se: 'se',
    p: 'p', n: 'n', estimand: 'estimand', followup: 'followup', certainty: 'certainty', cite: 'cite',
};

export function renderSummaryCsv(summary: Summary): string {
    const lines = [CSV_COLUMNS.join(',')];
    for (const e of summary.effects) {
        const cell = (column: string, value: string | number | undefined) => {
            if (typeof value !== 'string' || (column === 'direction' && ['+', '-', '~'].includes(value))) return csvField(value);
            return csvField(spreadsheetText(value));
        };
        const v1 = CSV_COLUMNS_V1.map(c => cell(c, e[c]));
        const v2 = CSV_COLUMNS_V2.map(c => cell(c, e[FIELD[c]] as string | number | undefined));
        lines.push([...v1, ...v2].join(','));
    }
    return lines.join('\r\n') + '\r\n';
}
