/**
 * Plain-text pieces shared by the Markdown and HTML renderers: the counts line,
 * how an effect reads, how a coordination's cells read. They return unescaped
 * text; each renderer escapes for its own format.
 */
import { CATALOGUE, formatNumber, t, type MessageKey } from '../../i18n/index.js';
import type { SummaryCell, SummaryCoordination, SummaryCounts, SummaryEffect } from '../summary.js';
import { cellHeading, round3 } from '../summary-evidence.js';
import { DESIRABILITY_SYMBOL, DESIRABILITY_TEXT, DIRECTION_SIGN } from './symbols.js';

/** `12 programmes · 5 coordinations · 4 evaluations · 30 effects`. */
export function countsLine(c: SummaryCounts): string {
    return [
        t('report.count.programme', { count: c.programmes }), t('report.count.coordination', { count: c.coordinations }),
        t('report.count.evaluation', { count: c.evaluations }), t('report.count.effect', { count: c.effects }),
    ].join(' · ');
}

/** `+ 20 · − 8 · ~ 1` and `✓ 22 desirable · ✗ 1 adverse · …`. */
export function directionCounts(c: SummaryCounts): string {
    return (['+', '-', '~'] as const).map(d => `${DIRECTION_SIGN[d]} ${formatNumber(c.byDirection[d])}`).join(' · ');
}

export function desirabilityCounts(c: SummaryCounts): string {
    return (['desirable', 'adverse', 'neutral', 'no-change'] as const)
        .map(d => `${DESIRABILITY_SYMBOL[d]} ${formatNumber(c.byDesirability[d])} ${DESIRABILITY_TEXT[d]}`).join(' · ');
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
    if (e.certainty) out.push(t('report.certainty', { level: certaintyWord(e.certainty) }));
    if (e.sources !== undefined) out.push(t('report.count.source', { count: e.sources }));
    return out.join(' · ');
}

/** `low (risk of bias, imprecision)`, or the reviewer's level with the computed one. */
export function certaintyText(c: SummaryCell): string {
    const down = c.downgrades.length > 0 ? t('report.down', { reasons: c.downgrades.map(d => t(`downgrade.${d}`)).join(', ') }) : '';
    if (c.judgement) return t('report.reviewer', { level: certaintyWord(c.judgement.level), reason: c.judgement.reason, computed: certaintyWord(c.computedCertainty), down });
    return `${certaintyWord(c.certainty)}${down}`;
}

/** A certainty level (`very-low`…) as the locale words it (`muy baja`); an unknown value as written. */
export function certaintyWord(level: string): string {
    const key = `certainty.${level}` as MessageKey;
    return key in CATALOGUE.en ? t(key) : level;
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

/** The columns of the evidence table (§7.7), shared by the Markdown and HTML renderers, in the current locale. */
export function evidenceHeaders(): string[] {
    return [
        t('report.col.cell'), t('report.col.outcome'), t('report.col.sources'), t('report.col.estimates'),
        t('report.col.pooled-fixed'), t('report.col.pooled-random'), 'τ²', 'I²', t('report.col.certainty'),
    ];
}

/** The text cells of one row of the evidence table. */
export function evidenceRow(c: SummaryCell, effects: readonly SummaryEffect[]): string[] {
    const pooled = pooledText(c);
    const estimates = c.effects.map(i => effects[i]).map(e => {
        const estimate = estimateText(e);
        return `${DIRECTION_SIGN[e.direction]}${estimate ? ` ${estimate}` : ''} (${t('report.estimate.where', { source: e.source || t('report.no-source'), line: String(e.line) })})`;
    });
    return [
        cellHeading(c), c.outcomeLabel, formatNumber(c.sources), estimates.join('; '),
        pooled?.fixed ?? '', pooled?.random ?? '', pooled?.tau2 ?? '', pooled?.i2 ?? '', certaintyText(c),
    ];
}

/** The combination as a heading: `FEST + UNIDOS`. */
export function combinationText(programmes: readonly string[]): string {
    return programmes.length > 0 ? programmes.join(' + ') : t('report.no-programme');
}

export function agreementsText(c: SummaryCoordination, level: keyof SummaryCoordination['agreements']): string[] {
    return c.agreements[level].map(a => `${a.formality}: ${a.text}`);
}

export function rolesText(c: SummaryCoordination): string[] {
    return c.localRoles.map(r => (r.by ? t('report.role.by', { text: r.text, by: r.by }) : r.text));
}

export function kindsText(items: ReadonlyArray<{ kind: string; text?: string }>): string[] {
    return items.map(i => (i.text ? `${i.kind}: ${i.text}` : i.kind));
}

export function findingsText(c: SummaryCoordination): string[] {
    return c.findings.map(f => t('report.finding', { severity: f.severity, rule: f.rule, line: String(f.line), message: f.message }));
}

/**
 * The columns of the coordination table between its name and its findings,
 * with the text items of each cell, in the order every renderer shows them.
 */
export interface CoordinationColumn {
    /** The column's catalogue key (`report.col.<id>`); its header is that message in the current locale. */
    id: 'country' | 'programmes' | 'national' | 'regional' | 'local' | 'local-roles' | 'incentives' | 'node' | 'political-support' | 'achieved' | 'barriers';
    readonly header: string;
    items(c: SummaryCoordination): string[];
}

function column(id: CoordinationColumn['id'], items: (c: SummaryCoordination) => string[]): CoordinationColumn {
    return { id, get header() { return t(`report.col.${id}`); }, items };
}

export const COORDINATION_COLUMNS: readonly CoordinationColumn[] = [
    column('country', c => c.countries),
    column('programmes', c => c.programmes),
    column('national', c => agreementsText(c, 'national')),
    column('regional', c => agreementsText(c, 'regional')),
    // The local level's agreements, then what the analysis knows of it (§8): `capacity: …`, `stakeholder: …`, `resistance: …`.
    column('local', c => [...agreementsText(c, 'local'), ...kindsText(c.localKnowledge)]),
    column('local-roles', c => rolesText(c)),
    column('incentives', c => kindsText(c.incentives)),
    column('node', c => c.nodes),
    column('political-support', c => (c.politicalSupport ? [c.politicalSupport] : [])),
    column('achieved', c => (c.achieved ? [c.achieved] : [])),
    column('barriers', c => kindsText(c.barriers)),
];

/** The coordination table's headers: the name, the columns, the findings (in the current locale). */
export function coordinationHeaders(): string[] {
    return [t('report.col.coordination'), ...COORDINATION_COLUMNS.map(c => c.header), t('report.col.findings')];
}
