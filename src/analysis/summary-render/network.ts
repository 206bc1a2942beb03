/**
 * The coordination network of a summary: programmes as nodes (grouped by
 * country, coloured by sector), coordinations as edges labelled by the level
 * achieved. `layoutNetwork` places it with ELK (elkjs, the Eclipse Layout
 * Kernel, layered algorithm) and returns plain positioned data that the
 * language server can send to the preview; `renderNetworkSvg` turns that data
 * into a standalone SVG string (every text escaped), used inline by the HTML
 * report and the preview and for the preview's SVG export.
 *
 * A coordination between two programmes is one edge; one between three or more
 * is a small hub node joined to each of its programmes.
 */
import { t } from '../../i18n/index.js';
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Summary } from '../summary.js';
import { escapeHtml as esc } from './escape.js';
import { achievedText } from './symbols.js';

export interface NetworkNode {
    id: string;
    kind: 'programme' | 'hub';
    label: string;
    /** The label wrapped into lines that fit the box (never cut). */
    lines: string[];
    /** The number of rule findings of a hub's coordination (its badge). */
    findings?: number;
    /** The ids of the nodes joined to this one by a coordination (highlighted on hover). */
    neighbours: string[];
    /** The programme's name or the hub's coordination name. */
    name: string;
    /** The programme's sectors (two for an integrated programme); coloured by the first. */
    sectors?: string[];
    x: number;
    y: number;
    width: number;
    height: number;
    uri?: string;
    line?: number;
}

export interface NetworkGroup {
    id: string;
    label: string;
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface NetworkEdge {
    id: string;
    coordination: string;
    achieved?: string;
    label: string;
    /** The label's lines: the coordination's name, its level achieved, its findings badge. */
    lines: string[];
    /** The number of rule findings of the coordination (its badge). */
    findings: number;
    source: string;
    target: string;
    points: Array<{ x: number; y: number }>;
    labelBox?: { x: number; y: number; width: number; height: number };
    uri: string;
    line: number;
}

export interface PositionedNetwork {
    width: number;
    height: number;
    groups: NetworkGroup[];
    nodes: NetworkNode[];
    edges: NetworkEdge[];
}

/**
 * The ELK constructor, loaded on first use (so that commands that draw no
 * network do not evaluate it), whichever way the CommonJS module comes in.
 */
async function loadElk(): Promise<new () => ElkApi> {
    const module = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default?: { default?: unknown } };
    const candidate = module.default?.default ?? module.default ?? module;
    return candidate as new () => ElkApi;
}

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const PADDING = 12;
/** The widest a node's label line may be, in characters; longer labels wrap. */
const LABEL_CHARS = 24;

/**
 * A generous width of a label in the 12px sans-serif font of the diagram
 * (layout happens without a DOM): 7 px a character is wider than the average
 * glyph of system-ui at 12 px, so boxes hold their text.
 */
export function textWidth(text: string): number {
    return Math.ceil([...text].length * CHAR_WIDTH) + 4;
}

/** The words shown in the diagram, in one table for the message catalogue. */
export const NETWORK_TEXT = {
    get title() { return t('report.network.title'); },
    get noCountry() { return t('report.network.no-country'); },
    multiCountry: (countries: readonly string[]) => t('network.multi-country', { countries: countries.join(', ') }),
    get levelNotStated() { return t('page.level-not-stated'); },
    achieved: (level: string) => achievedText(level),
    findings: (n: number) => t('network.findings', { count: n }),
    sectors: {
        get 'social-protection'() { return t('network.sector.social-protection'); },
        get productive() { return t('network.sector.productive'); },
        get other() { return t('network.sector.other'); },
    } as Readonly<Record<string, string>>,
};

/** A label's lines at most `width` characters wide, broken at spaces where it can; a long word is broken, never dropped. */
export function wrapNetworkLabel(text: string, width = LABEL_CHARS): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(w => w !== '')) {
        let rest = [...word];
        while (rest.length > width) {
            if (current) { lines.push(current); current = ''; }
            lines.push(rest.slice(0, width).join(''));
            rest = rest.slice(width);
        }
        const piece = rest.join('');
        if (!current) current = piece;
        else if ([...current].length + 1 + rest.length <= width) current += ` ${piece}`;
        else { lines.push(current); current = piece; }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
}

const widest = (lines: readonly string[]) => Math.max(...lines.map(textWidth));

/** The label lines of a coordination: its name, its level achieved, and a badge when it has findings. */
function coordinationLines(c: Summary['coordinations'][number]): string[] {
    return [
        ...wrapNetworkLabel(c.name, 32), c.achieved ? NETWORK_TEXT.achieved(c.achieved) : NETWORK_TEXT.levelNotStated,
        ...(c.findings.length > 0 ? [NETWORK_TEXT.findings(c.findings.length)] : []),
    ];
}

/** The ELK graph of a summary (before layout); exported for tests. */
export function networkGraph(summary: Summary): ElkNode {
    const programmes = new Map(summary.programmes.map(p => [p.name, p]));
    const groups = new Map<string, ElkNode>();
    const root: ElkNode = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'RIGHT',
            'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
            'elk.json.edgeCoords': 'ROOT',
            'elk.json.shapeCoords': 'ROOT',
            'elk.edgeRouting': 'SPLINES',
            'elk.spacing.nodeNode': '24',
            'elk.layered.spacing.nodeNodeBetweenLayers': '48',
            'elk.edgeLabels.inline': 'true',
            'elk.padding': '[top=12,left=12,bottom=12,right=12]',
        },
        children: [],
        edges: [],
    };
    /** A programme's group: its country, or a *multi-country* group of the countries it runs in. */
    const groupOf = (countries: readonly string[]): ElkNode => {
        const key = countries.join('\u0000');
        let group = groups.get(key);
        if (!group) {
            const label = countries.length === 0 ? t('report.network.no-country') : countries.length === 1 ? countries[0] : NETWORK_TEXT.multiCountry(countries);
            group = {
                id: `country:${key}`,
                labels: [{ text: label, width: textWidth(label), height: LINE_HEIGHT }],
                layoutOptions: {
                    'elk.padding': `[top=${LINE_HEIGHT + PADDING + 4},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
                    'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT',
                },
                children: [],
            };
            groups.set(key, group);
            root.children!.push(group);
        }
        return group;
    };
    const placed = new Set<string>();
    const placeProgramme = (name: string) => {
        if (placed.has(name)) return;
        placed.add(name);
        const p = programmes.get(name);
        const label = p?.title && p.title !== name ? `${name} — ${p.title}` : name;
        const lines = wrapNetworkLabel(label);
        groupOf(p?.countries ?? []).children!.push({
            id: `programme:${name}`, width: widest(lines) + 2 * PADDING, height: lines.length * LINE_HEIGHT + 2 * PADDING,
            labels: [{ text: lines.join('\n') }],
        });
    };
    for (const p of summary.programmes) placeProgramme(p.name);
    for (const c of summary.coordinations) {
        const names = [...new Set(c.programmes)];
        names.forEach(placeProgramme);
        const lines = coordinationLines(c);
        const edgeLabel = [{ text: lines.join('\n'), width: widest(lines), height: lines.length * LINE_HEIGHT }];
        if (names.length === 2) {
            root.edges!.push({ id: `coordination:${c.name}:0`, sources: [`programme:${names[0]}`], targets: [`programme:${names[1]}`], labels: edgeLabel });
        } else if (names.length > 2) {
            const hubId = `hub:${c.name}`;
            const countries = new Set(names.map(n => (programmes.get(n)?.countries ?? []).join('\u0000')));
            const hub: ElkNode = { id: hubId, width: widest(lines) + 2 * PADDING, height: lines.length * LINE_HEIGHT + PADDING, labels: [{ text: lines.join('\n') }] };
            if (countries.size === 1) groupOf(programmes.get(names[0])?.countries ?? []).children!.push(hub);
            else root.children!.push(hub);
            names.forEach((n, i) => root.edges!.push({ id: `coordination:${c.name}:${i}`, sources: [hubId], targets: [`programme:${n}`] }));
        }
    }
    return root;
}

/** Lays the coordination network out with ELK; the result is plain data. */
export async function layoutNetwork(summary: Summary): Promise<PositionedNetwork> {
    const graph = networkGraph(summary);
    const ElkConstructor = await loadElk();
    const elk = new ElkConstructor();
    const laid = await elk.layout(graph);
    const programmes = new Map(summary.programmes.map(p => [p.name, p]));
    const coordinations = new Map(summary.coordinations.map(c => [c.name, c]));
    const result: PositionedNetwork = { width: laid.width ?? 0, height: laid.height ?? 0, groups: [], nodes: [], edges: [] };
    const box = (n: ElkNode) => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            if (child.id.startsWith('country:')) {
                result.groups.push({ id: child.id, label: child.labels?.[0]?.text ?? '', ...box(child) });
                visit(child);
            } else if (child.id.startsWith('programme:')) {
                const name = child.id.slice('programme:'.length);
                const p = programmes.get(name);
                const text = child.labels?.[0]?.text ?? name;
                result.nodes.push({
                    id: child.id, kind: 'programme', name, label: text.replace(/\n/g, ' '), lines: text.split('\n'), neighbours: [], ...box(child),
                    ...(p && p.sectors.length > 0 ? { sectors: p.sectors } : {}), ...(p ? { uri: p.uri, line: p.line } : {}),
                });
            } else if (child.id.startsWith('hub:')) {
                const name = child.id.slice('hub:'.length);
                const c = coordinations.get(name);
                const text = child.labels?.[0]?.text ?? name;
                result.nodes.push({
                    id: child.id, kind: 'hub', name, label: text.replace(/\n/g, ' '), lines: text.split('\n'), neighbours: [], ...box(child),
                    ...(c ? { uri: c.uri, line: c.line, findings: c.findings.length } : {}),
                });
            }
        }
    };
    visit(laid);
    const edges: ElkExtendedEdge[] = [];
    const collect = (node: ElkNode) => {
        edges.push(...(node.edges ?? []));
        (node.children ?? []).forEach(collect);
    };
    collect(laid);
    for (const edge of edges) {
        const name = edge.id.slice('coordination:'.length, edge.id.lastIndexOf(':'));
        const c = coordinations.get(name);
        const points: Array<{ x: number; y: number }> = [];
        for (const s of edge.sections ?? []) {
            points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
        }
        const label = edge.labels?.[0];
        const text = label?.text ?? '';
        result.edges.push({
            id: edge.id, coordination: name, label: text.replace(/\n/g, ' '), lines: text === '' ? [] : text.split('\n'), points,
            findings: c?.findings.length ?? 0, source: edge.sources[0], target: edge.targets[0],
            ...(c?.achieved ? { achieved: c.achieved } : {}),
            ...(label && label.x !== undefined ? { labelBox: box(label as ElkNode) } : {}),
            uri: c?.uri ?? '', line: c?.line ?? 0,
        });
    }
    // Who is joined to whom, for the preview's hover highlight.
    const byId = new Map(result.nodes.map(n => [n.id, n]));
    for (const e of result.edges) {
        const a = byId.get(e.source), b = byId.get(e.target);
        if (a && b) {
            if (!a.neighbours.includes(b.id)) a.neighbours.push(b.id);
            if (!b.neighbours.includes(a.id)) b.neighbours.push(a.id);
        }
    }
    return result;
}

/** Fill colours by sector (presentation attributes; the preview's CSS may override them by class). */
const SECTOR_FILL: Record<string, string> = {
    'social-protection': '#dbeafe',
    productive: '#dcfce7',
    other: '#f3e8ff',
};
const SECTOR_STROKE: Record<string, string> = {
    'social-protection': '#1d4ed8',
    productive: '#15803d',
    other: '#7e22ce',
};
const ACHIEVED_STROKE: Record<string, string> = { low: '#b91c1c', medium: '#b45309', high: '#15803d' };
const ACHIEVED_DASH: Record<string, string> = { low: '4 3', medium: '8 3', high: '' };

export interface SvgOptions {
    /** Adds `data-uri`/`data-line` to nodes and edges so that a click can reveal the source. */
    interactive?: boolean;
    /** An accessible title for the whole figure. */
    title?: string;
}

/** `<text>` with one `<tspan>` per line, the block centred on `cy` (or starting at `top`). */
function textLines(lines: readonly string[], x: number, y: number, anchor: 'middle' | 'start', extra = ''): string {
    return `<text x="${round(x)}" y="${round(y)}"${anchor === 'middle' ? ' text-anchor="middle"' : ''}${extra}>`
        + lines.map((l, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : LINE_HEIGHT}"${l.startsWith('⚠') ? ' class="badge" font-weight="bold"' : ''}>${esc(l)}</tspan>`).join('')
        + '</text>';
}

/** A standalone SVG of a positioned network; every text is escaped. */
export function renderNetworkSvg(network: PositionedNetwork, options: SvgOptions = {}): string {
    const margin = 8;
    const sectorWord = (s: string) => NETWORK_TEXT.sectors[s] ?? s;
    const legendWidth = Object.keys(SECTOR_FILL).reduce((w, s) => w + 28 + textWidth(sectorWord(s)), 0)
        + Object.keys(ACHIEVED_STROKE).reduce((w, l) => w + 40 + textWidth(NETWORK_TEXT.achieved(l)), 0) + 2 * margin;
    const width = Math.ceil(Math.max(network.width + 2 * margin, legendWidth));
    const legendHeight = 28;
    const height = Math.ceil(network.height + 2 * margin + legendHeight);
    // A node's or an edge's accessible name is its <title> (an aria-label would differ from the visible lines).
    const reveal = (uri: string | undefined, line: number | undefined) =>
        options.interactive && uri ? ` data-uri="${esc(uri)}" data-line="${line ?? 1}" tabindex="0" role="button"` : '';
    const out: string[] = [];
    const title = options.title ?? t('report.network.title');
    // Interactive, its nodes are buttons: a group, not an image whose children are hidden from assistive technology.
    const role = options.interactive ? 'group' : 'img';
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="coord-network" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="${role}" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="12">`);
    out.push(`<title>${esc(title)}</title>`);
    out.push(`<g class="viewport" transform="translate(${margin},${margin})">`);
    for (const g of network.groups) {
        out.push(`<g class="group"><rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6" fill="none" stroke="#64748b" stroke-dasharray="2 2"/>`
            + `<text class="group-label" x="${g.x + PADDING}" y="${g.y + LINE_HEIGHT + 2}" font-weight="bold" fill="#334155">${esc(g.label)}</text></g>`);
    }
    for (const e of network.edges) {
        if (e.points.length < 2) continue;
        const d = `M ${e.points.map(p => `${round(p.x)} ${round(p.y)}`).join(' L ')}`;
        const achieved = e.achieved ?? 'unknown';
        const dash = ACHIEVED_DASH[achieved];
        const name = e.label || e.coordination;
        out.push(`<g class="edge achieved-${esc(achieved)}${e.findings > 0 ? ' has-findings' : ''}" data-ends="${esc(`${e.source} ${e.target}`)}"${reveal(e.uri, e.line)}><title>${esc(name)}</title>`
            + `<path d="${d}" fill="none" stroke="${ACHIEVED_STROKE[achieved] ?? '#64748b'}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
            + (e.labelBox && e.lines.length > 0
                ? `<rect class="label-box" x="${round(e.labelBox.x - 2)}" y="${round(e.labelBox.y)}" width="${round(e.labelBox.width + 4)}" height="${round(e.labelBox.height)}" rx="3" fill="#ffffff" fill-opacity="0.85"/>`
                    + textLines(e.lines, e.labelBox.x, e.labelBox.y + LINE_HEIGHT - 4, 'start', ' class="edge-label" fill="#0f172a"')
                : '')
            + '</g>');
    }
    for (const n of network.nodes) {
        const sectors = n.sectors ?? ['unknown'];
        const sector = sectors[0];
        const cls = n.kind === 'hub' ? `node hub${(n.findings ?? 0) > 0 ? ' has-findings' : ''}` : `node ${sectors.map(s => `sector-${esc(s)}`).join(' ')}`;
        const fill = n.kind === 'hub' ? '#fef9c3' : SECTOR_FILL[sector] ?? '#f1f5f9';
        const stroke = n.kind === 'hub' ? '#a16207' : SECTOR_STROKE[sector] ?? '#475569';
        const name = n.kind === 'hub' ? n.label : `${n.label} (${sectors.map(sectorWord).join(', ')})`;
        const top = n.y + n.height / 2 - ((n.lines.length - 1) * LINE_HEIGHT) / 2 + 4;
        out.push(`<g class="${cls}" data-id="${esc(n.id)}" data-neighbours="${esc(n.neighbours.join(' '))}"${reveal(n.uri, n.line)}><title>${esc(name)}</title>`
            + `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.kind === 'hub' ? 12 : 4}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`
            + textLines(n.lines, n.x + n.width / 2, top, 'middle', ' fill="#0f172a"') + '</g>');
    }
    out.push('</g>');
    // The legend: sector colours and the line style of each level achieved.
    const ly = height - legendHeight + 8;
    let lx = margin;
    out.push('<g class="legend">');
    for (const [sector, fill] of Object.entries(SECTOR_FILL)) {
        out.push(`<g class="sector-${sector}"><rect x="${lx}" y="${ly}" width="12" height="12" fill="${fill}" stroke="${SECTOR_STROKE[sector]}" stroke-width="2"/><text x="${lx + 16}" y="${ly + 10}" fill="#334155">${esc(sectorWord(sector))}</text></g>`);
        lx += 16 + textWidth(sectorWord(sector)) + 12;
    }
    for (const [level, stroke] of Object.entries(ACHIEVED_STROKE)) {
        const dash = ACHIEVED_DASH[level];
        out.push(`<g class="achieved-${level}"><path d="M ${lx} ${ly + 6} H ${lx + 24}" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/><text x="${lx + 28}" y="${ly + 10}" fill="#334155">${esc(NETWORK_TEXT.achieved(level))}</text></g>`);
        lx += 28 + textWidth(NETWORK_TEXT.achieved(level)) + 12;
    }
    out.push('</g></svg>');
    return out.join('\n');
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
