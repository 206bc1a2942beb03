/**
 * The effect summary of a workspace (§5 of the language reference), computed
 * once in the core and rendered by the CLI (`coord summary`) and by the VS Code
 * preview alike: the effect matrix (domains × programme combinations), the
 * coordination table, a synergy view and the counts. It is a pure function of
 * the documents, linear in the size of the workspace, and its result is plain
 * data (JSON-serialisable) so that the language server can send it as is.
 *
 * Lines in the summary are 1-based, as in every report (§6): the summary is
 * itself a report. `uri` fields let editors reveal the source.
 */
import type { AstNode, LangiumDocument } from 'langium';
import {
    isCoordination, isDomain, isEffects, isEvaluation, isProgramme,
    type Coordination, type Domain, type Effect, type Effects, type Model, type Outcome, type Programme,
} from '../language/generated/ast.js';
import { isStdlibUri, STDLIB_DOMAIN_ORDER, stdlibTitle } from '../language/stdlib.js';
import {
    comparatorKey, effectFigures, ESTIMATE_FIELDS, evaluationMethod, evaluationRiskOfBias, type CertaintyLevel, type EffectEstimate,
} from './evidence.js';
import {
    addedValueOf, computeCells, forestPlotsOf, synergiesOf,
    type AddedValueEntry, type ForestPlot, type SourceFacts, type SummaryCell, type SynergyEntry,
} from './summary-evidence.js';

export type { AddedValueEntry, ForestPlot, SummaryCell, SynergyEntry } from './summary-evidence.js';
import { combinationKey, coordinationProgrammes, programmeSectors, propertiesOf, propertyOf } from './queries.js';
import { compareUris } from '../language/order.js';
import { describeLexerError, describeParserError } from '../language/syntax-messages.js';

export type EffectDirection = '+' | '-' | '~';
export type Desirability = 'desirable' | 'adverse' | 'neutral' | 'no-change';
export const DESIRABILITIES: readonly Desirability[] = ['desirable', 'adverse', 'neutral', 'no-change'];
export const DIRECTIONS: readonly EffectDirection[] = ['+', '-', '~'];

/** The format version of the summary data; bumped when a field changes meaning. */
export const SUMMARY_VERSION = 2;

/** One observed effect. The first eight fields are the CSV columns of §6, in order. */
/** One effect of the summary: where it is, what it says, and its estimate (the fields of {@link EffectEstimate}). */
export interface SummaryEffect extends EffectEstimate {
    /** The file as reports name it (see {@link SummaryOptions.fileName}). */
    file: string;
    /** 1-based line of the effect. */
    line: number;
    /** The combination: programme names sorted by code point, joined with `+`. */
    programmes: string;
    /** The outcome's domain name (empty when the outcome does not resolve). */
    domain: string;
    outcome: string;
    direction: EffectDirection;
    desirability: Desirability;
    /** The evaluation's name, or empty. */
    source: string;
    uri: string;
    /** A readable label of the outcome: its title, or its name with spaces. */
    outcomeLabel: string;
    /** (v2) The comparator's names sorted and joined with `+`; empty for `none`. */
    comparator: string;
    /** (v2) The subgroup's population; empty for the whole population. */
    subgroup: string;
    /** The unit of `size`, as v1 named it (the same as `unit`). */
    sizeUnit?: string;
    /** The certainty of the effect's cell (§7.4). */
    certainty?: CertaintyLevel;
    /** The number of distinct evaluations behind the effect's cell. */
    sources?: number;
    /** The reviewer's judgement written on this effect (`certainty` detail). */
    certaintyJudgement?: { level: CertaintyLevel; reason: string };
    cite?: string;
    note?: string;
}

export interface MatrixColumn {
    /** The combination key (as {@link SummaryEffect.programmes}). */
    key: string;
    programmes: string[];
    /** The programmes' titles where declared, else their names, in the order of {@link programmes}. */
    titles: string[];
}

export interface MatrixRow {
    domain: string;
    title: string;
    stdlib: boolean;
    /** One cell per column, in column order; each cell the effects in source order. */
    cells: SummaryEffect[][];
}

export interface EffectMatrix {
    columns: MatrixColumn[];
    rows: MatrixRow[];
}

export interface SummaryProgramme {
    name: string;
    title?: string;
    countries: string[];
    /** The declared sectors; an integrated programme has two and counts as both (§8). */
    sectors: string[];
    file: string;
    uri: string;
    line: number;
}

export interface SummaryFinding {
    rule: string;
    severity: string;
    message: string;
    line: number;
}

export type CoordinationLevel = 'national' | 'regional' | 'local';
export const COORDINATION_LEVELS: readonly CoordinationLevel[] = ['national', 'regional', 'local'];

export interface SummaryCoordination {
    name: string;
    title?: string;
    file: string;
    uri: string;
    line: number;
    countries: string[];
    programmes: string[];
    agreements: Record<CoordinationLevel, Array<{ formality: string; text: string; line: number }>>;
    localRoles: Array<{ text: string; by?: string; line: number }>;
    /** What the analysis knows of the local level (§8): capacities, stakeholders, sources of resistance. */
    localKnowledge: Array<{ kind: 'capacity' | 'stakeholder' | 'resistance'; text: string; line: number }>;
    incentives: Array<{ kind: string; text?: string }>;
    nodes: string[];
    politicalSupport?: string;
    achieved?: string;
    targeting?: string;
    since?: number;
    reviewed?: number;
    barriers: Array<{ kind: string; text?: string }>;
    /** The unsuppressed rule findings that sit inside the coordination. */
    findings: SummaryFinding[];
}


export interface SummaryCounts {
    programmes: number;
    coordinations: number;
    evaluations: number;
    effects: number;
    byDirection: Record<EffectDirection, number>;
    byDesirability: Record<Desirability, number>;
}

export interface Summary {
    version: number;
    counts: SummaryCounts;
    matrix: EffectMatrix;
    coordinations: SummaryCoordination[];
    synergies: SynergyEntry[];
    /** (v2) Effects against another comparator than `none`, by combination and comparator. */
    addedValue: AddedValueEntry[];
    programmes: SummaryProgramme[];
    /** Every effect, in document order (documents sorted by URI), then source order. */
    effects: SummaryEffect[];
    /** (v2) Every cell (combination, comparator, outcome, subgroup) with its certainty and pooled estimate. */
    cells: SummaryCell[];
    /** (v2) The data of the forest plots. */
    forestPlots: ForestPlot[];
    /**
     * The summarised files that have syntax errors, one entry per file with its
     * first error: the summary covers what could be read of them, so it may be
     * incomplete (the preview and the HTML report show a banner).
     */
    syntaxErrors: SummarySyntaxError[];
}

/** A file whose text does not parse: where its first syntax error is and how many it has. */
export interface SummarySyntaxError {
    file: string;
    uri: string;
    /** 1-based line of the first error. */
    line: number;
    message: string;
    count: number;
}

/** What the summary needs of a rule finding (the validator's `Finding` fits). */
export interface FindingLike {
    rule: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number } };
    suppressed?: unknown;
}

export interface SummaryOptions {
    /** How reports name a document; default: its URI. */
    fileName?: (uri: string) => string;
    /** The rule findings of a document, for the coordination table. */
    findings?: (document: LangiumDocument) => readonly FindingLike[] | undefined;
    /**
     * Summarise only what this document (or these documents, by URI) declares, and
     * the declarations it references; the other documents only resolve names.
     */
    focus?: string | ReadonlySet<string>;
}

/** The desirability of an effect (§5): `~` is no change; a move of a neutral outcome is neutral. */
export function desirabilityOf(direction: string, desirable: string | undefined): Desirability {
    if (direction === '~') return 'no-change';
    if (desirable === 'increase') return direction === '+' ? 'desirable' : 'adverse';
    if (desirable === 'decrease') return direction === '-' ? 'desirable' : 'adverse';
    return 'neutral';
}

/** A readable label for a declaration: its title, or its name with underscores as spaces. */
export function labelOf(name: string, title: string | undefined): string {
    return title !== undefined && title !== '' ? title : name.replace(/_/g, ' ');
}

/** Computes the summary of the given documents (the standard library among them, for domain titles). */
export function computeSummary(documents: Iterable<LangiumDocument>, options: SummaryOptions = {}): Summary {
    const fileName = options.fileName ?? (uri => uri);
    const all = [...documents].sort((a, b) => compareUris(a.uri.toString(), b.uri.toString()));
    const user = all.filter(d => !isStdlibUri(d.uri.toString()));
    const focus = options.focus;
    const inFocus = (uri: string) => focus === undefined || (typeof focus === 'string' ? uri === focus : focus.has(uri));

    // Domains: the standard library's in its order, then the user's in declaration order.
    const domainTitles = new Map<string, string>();
    const userDomains: Domain[] = [];
    for (const doc of all) {
        const stdlib = isStdlibUri(doc.uri.toString());
        for (const decl of modelOf(doc).declarations ?? []) {
            if (isDomain(decl) && decl.name && !domainTitles.has(decl.name)) {
                domainTitles.set(decl.name, labelOf(decl.name, stdlibTitle(decl) ?? decl.title));
                if (!stdlib && !(STDLIB_DOMAIN_ORDER as readonly string[]).includes(decl.name)) userDomains.push(decl);
            }
        }
    }

    const effects: SummaryEffect[] = [];
    const columns = new Map<string, MatrixColumn>();
    const coordinations: SummaryCoordination[] = [];
    const programmes = new Map<string, SummaryProgramme>();
    const evaluations = new Set<string>();
    const sourceFacts = new Map<string, SourceFacts>();
    const referencedDomains = new Set<string>();
    const addProgramme = (p: Programme | undefined) => {
        if (!p?.name || programmes.has(p.name)) return;
        const uri = documentUri(p);
        programmes.set(p.name, {
            name: p.name, title: p.title, countries: propertyOf(p, 'country')?.values ?? [],
            sectors: programmeSectors(p), file: fileName(uri), uri, line: lineOf(p),
        });
    };

    for (const doc of user) {
        const uri = doc.uri.toString();
        const focused = inFocus(uri);
        let docFindings: FindingsByLine | undefined;
        for (const decl of modelOf(doc).declarations ?? []) {
            if (isProgramme(decl)) {
                if (focused) addProgramme(decl);
            } else if (isEvaluation(decl)) {
                if (decl.name && !sourceFacts.has(decl.name)) {
                    sourceFacts.set(decl.name, { method: evaluationMethod(decl), riskOfBias: evaluationRiskOfBias(decl) });
                }
                if (focused && decl.name) evaluations.add(decl.name);
            } else if (isEffects(decl) && focused) {
                const key = combinationKey(decl.programmes.map(r => r.$refText));
                // The v1 matrix holds comparator `none`; other comparators have their own section (§7.7).
                if (!columns.has(key) && comparatorKey(decl) === '') columns.set(key, columnOf(key, decl));
                decl.programmes.forEach(r => addProgramme(r.ref));
                if (decl.source?.ref?.name) evaluations.add(decl.source.ref.name);
                for (const effect of decl.effects) {
                    // An effect without a direction is a syntax mistake the parser read past: it says nothing to count.
                    if (effect.direction !== '+' && effect.direction !== '-' && effect.direction !== '~') continue;
                    const e = summaryEffect(decl, effect, key, uri, fileName(uri));
                    if (e.domain) referencedDomains.add(e.domain);
                    effects.push(e);
                }
            } else if (isCoordination(decl) && focused) {
                docFindings ??= findingsByLine(options.findings?.(doc) ?? []);
                coordinationProgrammes(decl).forEach(addProgramme);
                coordinations.push(summaryCoordination(decl, uri, fileName(uri), docFindings));
            }
        }
    }

    const columnList = [...columns.values()];
    const columnIndex = new Map(columnList.map((c, i) => [c.key, i]));
    const rowOrder = [
        ...STDLIB_DOMAIN_ORDER.map(name => ({ name, stdlib: true })),
        ...userDomains
            .filter(d => inFocus(documentUri(d)) || referencedDomains.has(d.name))
            .map(d => ({ name: d.name, stdlib: false })),
    ];
    const rows: MatrixRow[] = rowOrder.map(({ name, stdlib }) => ({
        domain: name, title: domainTitles.get(name) ?? labelOf(name, undefined), stdlib,
        cells: columnList.map(() => []),
    }));
    const rowIndex = new Map(rows.map((r, i) => [r.domain, i]));
    let unresolvedRow: MatrixRow | undefined;
    for (const e of effects) {
        if (e.comparator !== '') continue;
        let row = rowIndex.has(e.domain) ? rows[rowIndex.get(e.domain)!] : undefined;
        if (!row) {
            // An outcome that does not resolve (an error finding elsewhere) still shows, in its own row.
            unresolvedRow ??= { domain: '', title: '(unresolved outcome)', stdlib: false, cells: columnList.map(() => []) };
            row = unresolvedRow;
        }
        row.cells[columnIndex.get(e.programmes)!].push(e);
    }
    if (unresolvedRow) rows.push(unresolvedRow);

    const byDirection: Record<EffectDirection, number> = { '+': 0, '-': 0, '~': 0 };
    const byDesirability: Record<Desirability, number> = { desirable: 0, adverse: 0, neutral: 0, 'no-change': 0 };
    for (const e of effects) {
        byDirection[e.direction]++;
        byDesirability[e.desirability]++;
    }

    const cells = computeCells(effects, sourceFacts);
    const addedValue = addedValueOf(effects);
    return {
        version: SUMMARY_VERSION,
        counts: {
            programmes: programmes.size, coordinations: coordinations.length, evaluations: evaluations.size,
            effects: effects.length, byDirection, byDesirability,
        },
        matrix: { columns: columnList, rows },
        coordinations,
        synergies: synergiesOf(columnList.map(c => c.key), effects, addedValue),
        addedValue,
        programmes: [...programmes.values()],
        effects,
        cells,
        forestPlots: forestPlotsOf(cells, effects),
        syntaxErrors: user.filter(d => inFocus(d.uri.toString())).flatMap(d => syntaxErrorOf(d, fileName)),
    };
}

/** The first syntax error of a document and the number of them (empty when it parses). */
function syntaxErrorOf(document: LangiumDocument, fileName: (uri: string) => string): SummarySyntaxError[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    const count = lexerErrors.length + parserErrors.length;
    if (count === 0) return [];
    const text = document.textDocument.getText();
    const first: Array<{ offset: number; message: string }> = [];
    const lexer = lexerErrors[0];
    if (lexer) first.push({ offset: lexer.offset, message: describeLexerError(text, lexer.offset) });
    const parser = parserErrors.find(e => Number.isFinite(e.token?.startOffset)) ?? parserErrors[0];
    if (parser) {
        const offset = Number.isFinite(parser.token?.startOffset) ? parser.token.startOffset : text.length;
        first.push({ offset, message: describeParserError(parser) });
    }
    first.sort((a, b) => a.offset - b.offset);
    const at = Math.min(Math.max(first[0].offset, 0), text.length);
    const uri = document.uri.toString();
    const message = first[0].message.split('\n')[0];
    return [{
        file: fileName(uri), uri, line: document.textDocument.positionAt(at).line + 1,
        message: message.length > 300 ? `${message.slice(0, 299)}…` : message, count,
    }];
}

function columnOf(key: string, block: Effects): MatrixColumn {
    const names = key === '' ? [] : key.split('+');
    const titleByName = new Map(block.programmes.map(r => [r.$refText, r.ref?.title ?? r.$refText]));
    return { key, programmes: names, titles: names.map(n => titleByName.get(n) ?? n) };
}

function summaryEffect(block: Effects, effect: Effect, key: string, uri: string, file: string): SummaryEffect {
    const outcome: Outcome | undefined = effect.outcome?.ref;
    const result: SummaryEffect = {
        file,
        line: lineOf(effect),
        programmes: key,
        domain: outcome?.domain?.ref?.name ?? '',
        outcome: effect.outcome?.$refText ?? '',
        direction: effect.direction as EffectDirection,
        desirability: desirabilityOf(effect.direction, outcome ? outcome.desirable ?? 'neutral' : undefined),
        source: block.source?.$refText ?? '',
        uri,
        outcomeLabel: labelOf(effect.outcome?.$refText ?? '', (outcome && stdlibTitle(outcome)) ?? outcome?.title),
        comparator: comparatorKey(block),
        subgroup: '',
    };
    const f = effectFigures(effect);
    if (f.subgroup !== undefined) result.subgroup = f.subgroup;
    // The estimate's fields as the rules read them; v1's `sizeUnit` follows `unit` (the JSON keeps this key order).
    const estimate: EffectEstimate = result;
    for (const field of ESTIMATE_FIELDS) {
        if (f[field] === undefined) continue;
        (estimate as Record<string, unknown>)[field] = f[field];
        if (field === 'unit') result.sizeUnit = f.unit;
    }
    if (f.certainty !== undefined) result.certaintyJudgement = f.certainty;
    if (f.cite !== undefined) result.cite = f.cite;
    if (f.note !== undefined) result.note = f.note;
    return result;
}

/** A document's unsuppressed findings by the line they start on. */
type FindingsByLine = Map<number, FindingLike[]>;

function findingsByLine(findings: readonly FindingLike[]): FindingsByLine {
    const byLine: FindingsByLine = new Map();
    for (const f of findings) {
        if (f.suppressed) continue;
        let list = byLine.get(f.range.start.line);
        if (!list) byLine.set(f.range.start.line, list = []);
        list.push(f);
    }
    return byLine;
}

/**
 * The findings that start inside a node, looked up line by line; declarations
 * do not overlap, so this stays linear in the size of the document.
 */
function findingsInside(node: AstNode, byLine: FindingsByLine): FindingLike[] {
    const range = node.$cstNode?.range;
    if (!range) return [];
    const result: FindingLike[] = [];
    for (let line = range.start.line; line <= range.end.line; line++) {
        for (const f of byLine.get(line) ?? []) {
            if (comparePositions(f.range.start, range.start) >= 0 && comparePositions(f.range.start, range.end) <= 0) result.push(f);
        }
    }
    return result;
}

function summaryCoordination(c: Coordination, uri: string, file: string, findings: FindingsByLine): SummaryCoordination {
    const programmes = coordinationProgrammes(c);
    const countries: string[] = [];
    for (const p of programmes) {
        for (const country of propertyOf(p, 'country')?.values ?? []) if (!countries.includes(country)) countries.push(country);
    }
    const agreements: SummaryCoordination['agreements'] = { national: [], regional: [], local: [] };
    const localRoles: SummaryCoordination['localRoles'] = [];
    const localKnowledge: SummaryCoordination['localKnowledge'] = [];
    for (const level of COORDINATION_LEVELS) {
        for (const block of c.properties) {
            if (block.$type !== 'LevelBlock' || block.kind !== level) continue;
            for (const item of block.items) {
                if (item.$type === 'Agreement') {
                    agreements[level].push({ formality: item.formality, text: item.text, line: lineOf(item) });
                } else if (item.$type === 'Role') {
                    localRoles.push({ text: item.text, ...(item.actor ? { by: item.actor.$refText } : {}), line: lineOf(item) });
                } else {
                    localKnowledge.push({ kind: item.kind, text: item.text, line: lineOf(item) });
                }
            }
        }
    }
    const result: SummaryCoordination = {
        name: c.name,
        file,
        uri,
        line: lineOf(c),
        countries,
        programmes: propertiesOf(c, 'between').flatMap(b => b.programmes.map(r => r.$refText)),
        agreements,
        localRoles,
        localKnowledge,
        incentives: propertiesOf(c, 'incentive').map(i => ({ kind: i.value, ...(i.text !== undefined ? { text: i.text } : {}) })),
        nodes: propertiesOf(c, 'node').flatMap(n => (n.body?.$refText ? [n.body.$refText] : [])),
        barriers: propertiesOf(c, 'barrier').map(b => ({ kind: b.value, ...(b.text !== undefined ? { text: b.text } : {}) })),
        findings: findingsInside(c, findings).map(f => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line + 1 })),
    };
    if (c.title !== undefined) result.title = c.title;
    const support = propertyOf(c, 'political-support')?.value;
    if (support !== undefined) result.politicalSupport = support;
    const achieved = propertyOf(c, 'achieved')?.value;
    if (achieved !== undefined) result.achieved = achieved;
    const targeting = propertyOf(c, 'targeting')?.value;
    if (targeting !== undefined) result.targeting = targeting;
    const since = propertyOf(c, 'since')?.year;
    if (since !== undefined) result.since = since;
    const reviewed = propertyOf(c, 'reviewed')?.year;
    if (reviewed !== undefined) result.reviewed = reviewed;
    return result;
}

function comparePositions(a: { line: number; character: number }, b: { line: number; character: number }): number {
    return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

function modelOf(document: LangiumDocument): Model {
    return document.parseResult.value as Model;
}

/** The 1-based line where a node starts (the line of its name for declarations, as findings sit). */
function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

function documentUri(node: AstNode): string {
    let root: AstNode = node;
    while (root.$container) root = root.$container;
    return (root as AstNode & { $document?: LangiumDocument }).$document?.uri.toString() ?? '';
}

/**
 * Names files for reports by their path relative to the folder that holds all
 * of them (`colombia.coord`, `sub/peru.coord`); other URIs are kept whole.
 */
export function relativeFileNames(uris: readonly string[]): (uri: string) => string {
    const paths = uris.filter(u => u.startsWith('file://')).map(u => decodeURIComponent(u.slice('file://'.length)));
    let common = paths.length > 0 ? paths[0].slice(0, paths[0].lastIndexOf('/') + 1) : '';
    for (const p of paths) {
        while (common && !p.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf('/') + 1);
    }
    return uri => {
        if (!uri.startsWith('file://')) return uri;
        const p = decodeURIComponent(uri.slice('file://'.length));
        return common && p.startsWith(common) ? p.slice(common.length) : p;
    };
}
