/**
 * The Markdown report of `coord summary --format md`: GitHub-flavoured tables
 * that paste into a report — the counts, the effect matrix, the synergy view,
 * the coordination table and the list of effects with their source lines.
 */
import { t, type MessageKey } from '../../i18n/index.js';
import type { Summary } from '../summary.js';
import { escapeMarkdownCell as md } from './escape.js';
import { desirabilityLegend, DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_SIGN } from './symbols.js';
import {
    combinationText, COORDINATION_COLUMNS, coordinationHeaders, countsLine, desirabilityCounts, directionCounts,
    effectDetail, effectText, evidenceHeaders, evidenceRow, findingsText,
} from './text.js';
import type { SummaryEffect } from '../summary.js';

/** A matrix entry: `+ Savings 0.12 sd [0.04, 0.2]; certainty low, 1 source ✓`. */
function entry(e: SummaryEffect): string {
    const detail = effectDetail(e);
    return `${md(effectText(e))}${detail ? ` ${md(detail)}` : ''} ${DESIRABILITY_SYMBOL[e.desirability]}`;
}

export function renderSummaryMarkdown(summary: Summary, title = t('report.title')): string {
    const out: string[] = [];
    const { counts, matrix } = summary;
    out.push(`# ${md(title)}`, '');
    if (summary.syntaxErrors.length > 0) {
        // As the HTML report's banner: the summary covers only what could be read.
        out.push(`> **${t('page.incomplete-title')}**: ${t('page.incomplete.markdown', { count: summary.syntaxErrors.length })}`);
        for (const f of summary.syntaxErrors) out.push(`> - ${md(`${f.file}:${f.line}`)}: ${md(f.message)}`);
        out.push('');
    }
    out.push(`${countsLine(counts)}`, '');
    out.push(t('report.by', { direction: directionCounts(counts), desirability: desirabilityCounts(counts) }), '');

    out.push(`## ${t('report.matrix.title')}`, '');
    if (matrix.columns.length === 0) {
        out.push(t('report.none.effects'), '');
    } else {
        out.push(t('report.legend', { legend: desirabilityLegend() }), '');
        out.push(row([t('report.col.domain'), ...matrix.columns.map(c => md(combinationText(c.programmes)))]));
        out.push(row(['---', ...matrix.columns.map(() => '---')]));
        for (const r of matrix.rows) {
            out.push(row([
                `**${md(r.title)}**`,
                ...r.cells.map(cell => cell.map(entry).join('<br>')),
            ]));
        }
        out.push('');
    }

    out.push(`## ${t('report.added.title')}`, '');
    if (summary.addedValue.length === 0) {
        out.push(t('report.added.none', { none: '`none`' }), '');
    } else {
        out.push(t('report.added.intro', { versus: '`versus`' }), '');
        out.push(row([t('report.col.combination'), t('report.col.versus'), t('report.col.effects')]), row(['---', '---', '---']));
        for (const a of summary.addedValue) {
            out.push(row([md(combinationText(a.programmes)), md(combinationText(a.comparator)), a.effects.map(entry).join('<br>')]));
        }
        out.push('');
    }

    out.push(`## ${t('report.synergies.title')}`, '');
    if (summary.synergies.length === 0) {
        out.push(t('report.synergies.none'), '');
    } else {
        out.push(t('report.synergies.intro'), '');
        for (const s of summary.synergies) {
            out.push(`### ${md(combinationText(s.programmes))}`, '');
            for (const a of s.addedValue) {
                out.push(`- ${t('report.synergies.added', { comparator: md(combinationText(a.comparator)) })}: ${a.effects.map(entry).join('; ')}`);
            }
            for (const x of s.sideBySide) {
                out.push(`- ${t('report.synergies.combination', { outcome: md(x.outcomeLabel), effects: x.combination.map(entry).join('; ') })}; ${x.singles.map(single => `${t('report.synergies.alone', { programme: md(single.programme) })} ${single.effects.map(entry).join('; ')}`).join('; ')}`);
            }
            for (const x of s.onlyCombination) {
                out.push(`- ${t('report.synergies.only', { outcome: md(x.outcomeLabel) })} (${x.effects.map(entry).join('; ')})`);
            }
            out.push('');
        }
    }

    out.push(`## ${t('report.evidence.title')}`, '');
    if (summary.cells.length === 0) {
        out.push(t('report.none.effects'), '');
    } else {
        out.push(t('report.evidence.intro', { section: ', §7.4' }), '');
        const evidence = evidenceHeaders();
        out.push(row(evidence), row(evidence.map(() => '---')));
        for (const c of summary.cells) out.push(row(evidenceRow(c, summary.effects).map(md)));
        out.push('');
    }

    out.push(`## ${t('report.coordination.title')}`, '');
    if (summary.coordinations.length === 0) {
        out.push(t('report.none.coordination'), '');
    } else {
        const headers = coordinationHeaders();
        out.push(row(headers));
        out.push(row(headers.map(() => '---')));
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

    out.push(`## ${t('report.effects.title')}`, '');
    if (summary.effects.length === 0) {
        out.push(t('report.none.effects'), '');
    } else {
        out.push(row(['file', 'line', 'programmes', 'domain', 'outcome', 'direction', 'desirability', 'size', 'source'].map(c => t(`report.col.${c}` as MessageKey))));
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
