/**
 * Plain-text pieces shared by the Markdown and HTML renderers: the counts line,
 * how an effect reads, how a coordination's cells read. They return unescaped
 * text; each renderer escapes for its own format.
 */
import type { SummaryCell, SummaryCoordination, SummaryCounts, SummaryEffect } from '../summary.js';
import { cellHeading, round3 } from '../summary-evidence.js';
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

/** The estimate, when given: `0.12 sd [0.04, 0.2]`, `[0.04, 0.2] sd`, `0.12 sd (se 0.02)`. */
export function estimateText(e: SummaryEffect): string {
    const unit = e.unit ?? e.sizeUnit;
    const ci = e.ciLow !== undefined && e.ciHigh !== undefined ? `[${round3(e.ciLow)}, ${round3(e.ciHigh)}]` : '';
    if (e.size !== undefined) {
        return `${round3(e.size)}${unit ? ` ${unit}` : ''}${ci ? ` ${ci}` : e.se !== undefined ? ` (se ${round3(e.se)})` : ''}`;
    }
    return ci;
}

/** The estimate, p, the cell's certainty and its number of sources: `0.12 sd [0.04, 0.2], p 0.03 · certainty low · 2 sources`. */
export function effectDetail(e: SummaryEffect): string {
    const parts: string[] = [];
    const estimate = estimateText(e);
    if (estimate) parts.push(estimate);
    if (e.p !== undefined) parts.push(`p ${e.p}`);
    const out = parts.length > 0 ? [parts.join(', ')] : [];
    if (e.certainty) out.push(`certainty ${e.certainty}`);
    if (e.sources !== undefined) out.push(plural(e.sources, 'source'));
    return out.join(' · ');
}

/** `low (risk of bias, imprecision)`, or the reviewer's level with the computed one. */
export function certaintyText(c: SummaryCell): string {
    const down = c.downgrades.length > 0 ? ` (down for ${c.downgrades.map(d => d.replace(/-/g, ' ')).join(', ')})` : '';
    if (c.judgement) return `${c.judgement.level} — reviewer: ${c.judgement.reason} (computed: ${c.computedCertainty}${down})`;
    return `${c.certainty}${down}`;
}

/** The pooled estimates of a cell: `fixed 0.14 [0.0523, 0.228]; random 0.181 [-0.0113, 0.374]`. */
export function pooledText(c: SummaryCell): { fixed: string; random: string; tau2: string; i2: string } | undefined {
    const p = c.pooled;
    if (!p) return undefined;
    const unit = p.unit ? ` ${p.unit}` : '';
    return {
        fixed: `${round3(p.fixed.estimate)}${unit} [${round3(p.fixed.ciLow)}, ${round3(p.fixed.ciHigh)}]`,
        random: `${round3(p.random.estimate)}${unit} [${round3(p.random.ciLow)}, ${round3(p.random.ciHigh)}]`,
        tau2: round3(p.random.tau2),
        i2: `${round3(p.i2)}%`,
    };
}

/** The heading of a cell: `HakuWinay + SoftSkills versus HakuWinay (subgroup women)`. */
export { cellHeading };

/** The columns of the evidence table (§7.7), shared by the Markdown and HTML renderers. */
export const EVIDENCE_HEADERS: readonly string[] = ['Cell', 'Outcome', 'Sources', 'Estimates', 'Pooled (fixed)', 'Pooled (random)', 'τ²', 'I²', 'Certainty'];

/** The text cells of one row of the evidence table. */
export function evidenceRow(c: SummaryCell, effects: readonly SummaryEffect[]): string[] {
    const pooled = pooledText(c);
    const estimates = c.effects.map(i => effects[i]).map(e => {
        const estimate = estimateText(e);
        return `${DIRECTION_SIGN[e.direction]}${estimate ? ` ${estimate}` : ''} (${e.source || 'no source'}, line ${e.line})`;
    });
    return [
        cellHeading(c), c.outcomeLabel, String(c.sources), estimates.join('; '),
        pooled?.fixed ?? '', pooled?.random ?? '', pooled?.tau2 ?? '', pooled?.i2 ?? '', certaintyText(c),
    ];
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
