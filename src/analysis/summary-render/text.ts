/**
 * Plain-text pieces shared by the Markdown and HTML renderers: the counts line,
 * how an effect reads, how a coordination's cells read. They return unescaped
 * text; each renderer escapes for its own format.
 */
import type { SummaryCoordination, SummaryCounts, SummaryEffect } from '../summary.js';
import { DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_SIGN } from './symbols.js';

/** `12 programmes · 5 coordinations · 4 evaluations · 30 effects`. */
export function countsLine(c: SummaryCounts): string {
    return [
        plural(c.programmes, 'programme'), plural(c.coordinations, 'coordination'),
        plural(c.evaluations, 'evaluation'), plural(c.effects, 'effect'),
    ].join(' · ');
}

/** `+ 20 · − 8 · ~ 1` and `✓ 22 desirable · ✗ 1 adverse · …`. */
export function directionCounts(c: SummaryCounts): string {
    return (['+', '-', '~'] as const).map(d => `${DIRECTION_SIGN[d]} ${c.byDirection[d]}`).join(' · ');
}

export function desirabilityCounts(c: SummaryCounts): string {
    return (['desirable', 'adverse', 'neutral', 'no-change'] as const)
        .map(d => `${DESIRABILITY_SYMBOL[d]} ${c.byDesirability[d]} ${DESIRABILITY_TEXT[d]}`).join(' · ');
}

export function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `+ Savings` (the sign and the outcome's label). */
export function effectText(e: SummaryEffect): string {
    return `${DIRECTION_SIGN[e.direction]} ${e.outcomeLabel}`;
}

/** Size and p, when given: `0.5 sd, p 0.03`. */
export function effectDetail(e: SummaryEffect): string {
    const parts: string[] = [];
    if (e.size !== undefined) parts.push(`${e.size}${e.sizeUnit ? ` ${e.sizeUnit}` : ''}`);
    if (e.p !== undefined) parts.push(`p ${e.p}`);
    return parts.join(', ');
}

/** The combination as a heading: `FEST + UNIDOS`. */
export function combinationText(programmes: readonly string[]): string {
    return programmes.length > 0 ? programmes.join(' + ') : '(no programme)';
}

export function agreementsText(c: SummaryCoordination, level: keyof SummaryCoordination['agreements']): string[] {
    return c.agreements[level].map(a => `${a.formality}: ${a.text}`);
}

export function rolesText(c: SummaryCoordination): string[] {
    return c.localRoles.map(r => (r.by ? `${r.text} (by ${r.by})` : r.text));
}

export function kindsText(items: ReadonlyArray<{ kind: string; text?: string }>): string[] {
    return items.map(i => (i.text ? `${i.kind}: ${i.text}` : i.kind));
}

export function findingsText(c: SummaryCoordination): string[] {
    return c.findings.map(f => `${f.severity} ${f.rule} (line ${f.line}): ${f.message}`);
}

/**
 * The columns of the coordination table between its name and its findings,
 * with the text items of each cell, in the order every renderer shows them.
 */
export const COORDINATION_COLUMNS: ReadonlyArray<{ header: string; items(c: SummaryCoordination): string[] }> = [
    { header: 'Country', items: c => c.countries },
    { header: 'Programmes', items: c => c.programmes },
    { header: 'National', items: c => agreementsText(c, 'national') },
    { header: 'Regional', items: c => agreementsText(c, 'regional') },
    // The local level's agreements, then what the analysis knows of it (§8): `capacity: …`, `stakeholder: …`, `resistance: …`.
    { header: 'Local', items: c => [...agreementsText(c, 'local'), ...kindsText(c.localKnowledge)] },
    { header: 'Local roles', items: c => rolesText(c) },
    { header: 'Incentives', items: c => kindsText(c.incentives) },
    { header: 'Node', items: c => c.nodes },
    { header: 'Political support', items: c => (c.politicalSupport ? [c.politicalSupport] : []) },
    { header: 'Achieved', items: c => (c.achieved ? [c.achieved] : []) },
    { header: 'Barriers', items: c => kindsText(c.barriers) },
];

/** The coordination table's headers: the name, the columns, the findings. */
export const COORDINATION_HEADERS: readonly string[] = ['Coordination', ...COORDINATION_COLUMNS.map(c => c.header), 'Findings'];
