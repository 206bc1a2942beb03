/**
 * The Markdown report of `coord summary --format md`: GitHub-flavoured tables
 * that paste into a report — the counts, the effect matrix, the synergy view,
 * the coordination table and the list of effects with their source lines.
 */
import type { Summary } from '../summary.js';
import { escapeMarkdownCell as md } from './escape.js';
import { DESIRABILITY_LEGEND, DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_SIGN } from './symbols.js';
import {
    combinationText, COORDINATION_COLUMNS, COORDINATION_HEADERS, countsLine, desirabilityCounts, directionCounts,
    effectDetail, effectText, findingsText,
} from './text.js';

export function renderSummaryMarkdown(summary: Summary, title = 'Effect summary'): string {
    const out: string[] = [];
    const { counts, matrix } = summary;
    out.push(`# ${md(title)}`, '');
    out.push(`${countsLine(counts)}`, '');
    out.push(`Effects by direction: ${directionCounts(counts)}. By desirability: ${desirabilityCounts(counts)}.`, '');

    out.push('## Effects by domain and programme combination', '');
    if (matrix.columns.length === 0) {
        out.push('No effects are declared.', '');
    } else {
        out.push(`Legend: ${DESIRABILITY_LEGEND}.`, '');
        out.push(row(['Domain', ...matrix.columns.map(c => md(combinationText(c.programmes)))]));
        out.push(row(['---', ...matrix.columns.map(() => '---')]));
        for (const r of matrix.rows) {
            out.push(row([
                `**${md(r.title)}**`,
                ...r.cells.map(cell => cell.map(e => `${md(effectText(e))} ${DESIRABILITY_SYMBOL[e.desirability]}`).join('<br>')),
            ]));
        }
        out.push('');
    }

    out.push('## Synergies', '');
    if (summary.synergies.length === 0) {
        out.push('No combination reports an effect that none of its single programmes shows on its own.', '');
    } else {
        out.push('Effects reported for a combination that none of its single programmes shows on its own.', '');
        out.push(row(['Combination', 'Effects']), row(['---', '---']));
        for (const s of summary.synergies) {
            out.push(row([md(combinationText(s.programmes)), s.effects.map(e => `${md(effectText(e))} ${DESIRABILITY_SYMBOL[e.desirability]}`).join('<br>')]));
        }
        out.push('');
    }

    out.push('## Coordination', '');
    if (summary.coordinations.length === 0) {
        out.push('No coordination is declared.', '');
    } else {
        out.push(row([...COORDINATION_HEADERS]));
        out.push(row(COORDINATION_HEADERS.map(() => '---')));
        for (const c of summary.coordinations) {
            const list = (items: string[]) => items.map(md).join('<br>');
            out.push(row([
                `${md(c.name)} (${md(c.file)}:${c.line})`,
                ...COORDINATION_COLUMNS.map(col => list(col.items(c))),
                list(findingsText(c)),
            ]));
        }
        out.push('');
    }

    out.push('## Effects', '');
    if (summary.effects.length === 0) {
        out.push('No effects are declared.', '');
    } else {
        out.push(row(['File', 'Line', 'Programmes', 'Domain', 'Outcome', 'Direction', 'Desirability', 'Size', 'Source']));
        out.push(row(['---', '---:', '---', '---', '---', ':---:', '---', '---', '---']));
        for (const e of summary.effects) {
            out.push(row([
                md(e.file), String(e.line), md(e.programmes), md(e.domain), md(e.outcome), DIRECTION_SIGN[e.direction],
                `${DESIRABILITY_SYMBOL[e.desirability]} ${DESIRABILITY_TEXT[e.desirability]}`, md(effectDetail(e)), md(e.source),
            ]));
        }
        out.push('');
    }
    return out.join('\n');
}

function row(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}
