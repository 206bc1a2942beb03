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
    effectDetail, effectText, EVIDENCE_HEADERS, evidenceRow, findingsText,
} from './text.js';
import type { SummaryEffect } from '../summary.js';

/** A matrix entry: `+ Savings 0.12 sd [0.04, 0.2]; certainty low, 1 source ✓`. */
function entry(e: SummaryEffect): string {
    const detail = effectDetail(e);
    return `${md(effectText(e))}${detail ? ` ${md(detail)}` : ''} ${DESIRABILITY_SYMBOL[e.desirability]}`;
}

export function renderSummaryMarkdown(summary: Summary, title = 'Effect summary'): string {
    const out: string[] = [];
    const { counts, matrix } = summary;
    out.push(`# ${md(title)}`, '');
    if (summary.syntaxErrors.length > 0) {
        // As the HTML report's banner: the summary covers only what could be read.
        out.push(`> **Summary incomplete**: ${summary.syntaxErrors.length === 1 ? 'a file has' : `${summary.syntaxErrors.length} files have`} syntax errors.`);
        for (const f of summary.syntaxErrors) out.push(`> - ${md(`${f.file}:${f.line}`)}: ${md(f.message)}`);
        out.push('');
    }
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
                ...r.cells.map(cell => cell.map(entry).join('<br>')),
            ]));
        }
        out.push('');
    }

    out.push('## Added value', '');
    if (summary.addedValue.length === 0) {
        out.push('No effect is measured against another comparator than `none`.', '');
    } else {
        out.push('Effects of a combination against what the comparison group received (`versus`).', '');
        out.push(row(['Combination', 'Versus', 'Effects']), row(['---', '---', '---']));
        for (const a of summary.addedValue) {
            out.push(row([md(combinationText(a.programmes)), md(combinationText(a.comparator)), a.effects.map(entry).join('<br>')]));
        }
        out.push('');
    }

    out.push('## Synergies', '');
    if (summary.synergies.length === 0) {
        out.push('No combination of programmes has evidence to compare with its programmes alone.', '');
    } else {
        out.push('Only what the evidence can show: effects against a comparator that is part of the combination, and outcomes measured for the combination and for each of its programmes alone, side by side. Absence of evidence is not absence of an effect.', '');
        for (const s of summary.synergies) {
            out.push(`### ${md(combinationText(s.programmes))}`, '');
            for (const a of s.addedValue) {
                out.push(`- Added value versus ${md(combinationText(a.comparator))}: ${a.effects.map(entry).join('; ')}`);
            }
            for (const x of s.sideBySide) {
                out.push(`- ${md(x.outcomeLabel)}: combination ${x.combination.map(entry).join('; ')}; ${x.singles.map(single => `${md(single.programme)} alone ${single.effects.map(entry).join('; ')}`).join('; ')}`);
            }
            for (const x of s.onlyCombination) {
                out.push(`- ${md(x.outcomeLabel)}: measured only for the combination (${x.effects.map(entry).join('; ')})`);
            }
            out.push('');
        }
    }

    out.push('## Evidence', '');
    if (summary.cells.length === 0) {
        out.push('No effects are declared.', '');
    } else {
        out.push('One row per cell (combination, comparator, outcome, subgroup): its sources, estimates, pooled estimates and certainty (GRADE-style, §7.4).', '');
        out.push(row([...EVIDENCE_HEADERS]), row(EVIDENCE_HEADERS.map(() => '---')));
        for (const c of summary.cells) out.push(row(evidenceRow(c, summary.effects).map(md)));
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
