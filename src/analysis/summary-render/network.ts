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
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Summary } from '../summary.js';
import { escapeHtml as esc } from './escape.js';

export interface NetworkNode {
    id: string;
    kind: 'programme' | 'hub';
    label: string;
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

/** A rough width of a label in the 12px sans-serif font of the diagram (layout happens without a DOM). */
function textWidth(text: string): number {
    return Math.ceil([...text].length * CHAR_WIDTH) + 4;
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
    const groupOf = (country: string | undefined): ElkNode => {
        const key = country ?? '';
        let group = groups.get(key);
        if (!group) {
            const label = country ?? 'No country';
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
        const label = p?.title ? `${name} — ${p.title}` : name;
        const shown = label.length > 40 ? `${[...label].slice(0, 39).join('')}…` : label;
        groupOf(p?.countries[0]).children!.push({
            id: `programme:${name}`, width: textWidth(shown) + 2 * PADDING, height: LINE_HEIGHT + 2 * PADDING,
            labels: [{ text: shown }],
        });
    };
    for (const p of summary.programmes) placeProgramme(p.name);
    for (const c of summary.coordinations) {
        const names = [...new Set(c.programmes)];
        names.forEach(placeProgramme);
        const label = `${c.name}: ${c.achieved ? `${c.achieved} coordination` : 'level not stated'}`;
        const edgeLabel = [{ text: label, width: textWidth(label), height: LINE_HEIGHT }];
        if (names.length === 2) {
            root.edges!.push({ id: `coordination:${c.name}:0`, sources: [`programme:${names[0]}`], targets: [`programme:${names[1]}`], labels: edgeLabel });
        } else if (names.length > 2) {
            const hubId = `hub:${c.name}`;
            const countries = new Set(names.map(n => programmes.get(n)?.countries[0]));
            const hub: ElkNode = { id: hubId, width: textWidth(label) + PADDING, height: LINE_HEIGHT + PADDING, labels: [{ text: label }] };
            if (countries.size === 1) groupOf([...countries][0]).children!.push(hub);
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
                result.nodes.push({
                    id: child.id, kind: 'programme', name, label: child.labels?.[0]?.text ?? name, ...box(child),
                    ...(p && p.sectors.length > 0 ? { sectors: p.sectors } : {}), ...(p ? { uri: p.uri, line: p.line } : {}),
                });
            } else if (child.id.startsWith('hub:')) {
                const name = child.id.slice('hub:'.length);
                const c = coordinations.get(name);
                result.nodes.push({
                    id: child.id, kind: 'hub', name, label: child.labels?.[0]?.text ?? name, ...box(child),
                    ...(c ? { uri: c.uri, line: c.line } : {}),
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
        result.edges.push({
            id: edge.id, coordination: name, label: label?.text ?? '', points,
            ...(c?.achieved ? { achieved: c.achieved } : {}),
            ...(label && label.x !== undefined ? { labelBox: box(label as ElkNode) } : {}),
            uri: c?.uri ?? '', line: c?.line ?? 0,
        });
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

/** A standalone SVG of a positioned network; every text is escaped. */
export function renderNetworkSvg(network: PositionedNetwork, options: SvgOptions = {}): string {
    const margin = 8;
    const legendWidth = Object.keys(SECTOR_FILL).reduce((w, s) => w + 28 + textWidth(s), 0)
        + Object.keys(ACHIEVED_STROKE).reduce((w, l) => w + 40 + textWidth(`${l} coordination`), 0) + 2 * margin;
    const width = Math.ceil(Math.max(network.width + 2 * margin, legendWidth));
    const legendHeight = 28;
    const height = Math.ceil(network.height + 2 * margin + legendHeight);
    const reveal = (uri: string | undefined, line: number | undefined) =>
        options.interactive && uri ? ` data-uri="${esc(uri)}" data-line="${line ?? 1}" tabindex="0" role="button"` : '';
    const out: string[] = [];
    const title = options.title ?? 'Coordination network';
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="coord-network" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="12">`);
    out.push(`<title>${esc(title)}</title>`);
    out.push(`<g transform="translate(${margin},${margin})">`);
    for (const g of network.groups) {
        out.push(`<g class="group"><rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6" fill="none" stroke="#94a3b8" stroke-dasharray="2 2"/>`
            + `<text class="group-label" x="${g.x + PADDING}" y="${g.y + LINE_HEIGHT + 2}" font-weight="bold" fill="#334155">${esc(g.label)}</text></g>`);
    }
    for (const e of network.edges) {
        if (e.points.length < 2) continue;
        const d = `M ${e.points.map(p => `${round(p.x)} ${round(p.y)}`).join(' L ')}`;
        const achieved = e.achieved ?? 'unknown';
        const dash = ACHIEVED_DASH[achieved];
        out.push(`<g class="edge achieved-${esc(achieved)}"${reveal(e.uri, e.line)}><title>${esc(e.label || e.coordination)}</title>`
            + `<path d="${d}" fill="none" stroke="${ACHIEVED_STROKE[achieved] ?? '#64748b'}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
            + (e.labelBox && e.label ? `<text class="edge-label" x="${round(e.labelBox.x)}" y="${round(e.labelBox.y + e.labelBox.height - 4)}" fill="#0f172a">${esc(e.label)}</text>` : '')
            + '</g>');
    }
    for (const n of network.nodes) {
        const sectors = n.sectors ?? ['unknown'];
        const sector = sectors[0];
        const cls = n.kind === 'hub' ? 'node hub' : `node ${sectors.map(s => `sector-${esc(s)}`).join(' ')}`;
        const fill = n.kind === 'hub' ? '#fef9c3' : SECTOR_FILL[sector] ?? '#f1f5f9';
        const stroke = n.kind === 'hub' ? '#a16207' : SECTOR_STROKE[sector] ?? '#475569';
        out.push(`<g class="${cls}"${reveal(n.uri, n.line)}><title>${esc(n.kind === 'hub' ? n.label : `${n.label} (${sectors.join(', ')})`)}</title>`
            + `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.kind === 'hub' ? 12 : 4}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`
            + `<text x="${round(n.x + n.width / 2)}" y="${round(n.y + n.height / 2 + 4)}" text-anchor="middle" fill="#0f172a">${esc(n.label)}</text></g>`);
    }
    out.push('</g>');
    // The legend: sector colours and the line style of each level achieved.
    const ly = height - legendHeight + 8;
    let lx = margin;
    out.push('<g class="legend">');
    for (const [sector, fill] of Object.entries(SECTOR_FILL)) {
        out.push(`<g class="sector-${sector}"><rect x="${lx}" y="${ly}" width="12" height="12" fill="${fill}" stroke="${SECTOR_STROKE[sector]}" stroke-width="2"/><text x="${lx + 16}" y="${ly + 10}" fill="#334155">${sector}</text></g>`);
        lx += 16 + textWidth(sector) + 12;
    }
    for (const [level, stroke] of Object.entries(ACHIEVED_STROKE)) {
        const dash = ACHIEVED_DASH[level];
        out.push(`<g class="achieved-${level}"><path d="M ${lx} ${ly + 6} H ${lx + 24}" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/><text x="${lx + 28}" y="${ly + 10}" fill="#334155">${level} coordination</text></g>`);
        lx += 28 + textWidth(`${level} coordination`) + 12;
    }
    out.push('</g></svg>');
    return out.join('\n');
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
