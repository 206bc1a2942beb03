/**
 * The coordination network's layout, checked from its own coordinates (issue
 * 16): on the examples — each file and all together — no two boxes overlap
 * (programmes, hubs, country groups, edge labels), every node sits inside its
 * group, and every label is whole (its lines, joined, are the full text) and
 * fits its box by the diagram's own text measure. Multi-country programmes
 * get a *Multi-country* group; arrangements with findings carry a badge;
 * nodes know their neighbours (the preview's hover highlight).
 */
import { describe, expect, test } from 'vitest';
import { layoutNetwork, renderNetworkSvg, textWidth, wrapNetworkLabel, type PositionedNetwork } from '../../src/analysis/summary-render/network.js';
import { EXAMPLES, readFolder, summarise } from './summary-helpers.js';

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

function checkLayout(network: PositionedNetwork, fullLabel: (id: string) => string | undefined): void {
    const boxes: Array<[string, Box]> = [
        ...network.nodes.map(n => [n.id, n] as [string, Box]),
        ...network.edges.filter(e => e.labelBox).map(e => [`label of ${e.id}`, e.labelBox!] as [string, Box]),
    ];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            expect(overlaps(boxes[i][1], boxes[j][1]), `${boxes[i][0]} overlaps ${boxes[j][0]}`).toBe(false);
        }
    }
    for (let i = 0; i < network.groups.length; i++) {
        for (let j = i + 1; j < network.groups.length; j++) {
            expect(overlaps(network.groups[i], network.groups[j]), `${network.groups[i].label} overlaps ${network.groups[j].label}`).toBe(false);
        }
    }
    for (const n of network.nodes) {
        // Inside the drawing, and inside at most one group (programmes in exactly one).
        expect(inside(n, { x: 0, y: 0, width: network.width, height: network.height }), `${n.id} is outside the drawing`).toBe(true);
        const groups = network.groups.filter(g => inside(n, g));
        if (n.kind === 'programme') expect(groups.length, `${n.id} is in ${groups.length} groups`).toBe(1);
        for (const g of network.groups) if (!groups.includes(g)) expect(overlaps(n, g), `${n.id} straddles ${g.label}`).toBe(false);
        // The label is whole and each line fits the box, with room on both sides.
        const full = fullLabel(n.id);
        if (full !== undefined) expect(n.lines.join(' ')).toBe(full);
        for (const line of n.lines) expect(textWidth(line), `"${line}" is wider than ${n.id}`).toBeLessThanOrEqual(n.width - 8);
        expect(n.lines.length * 16, `${n.id}'s lines are taller than its box`).toBeLessThanOrEqual(n.height);
    }
    for (const e of network.edges) {
        if (!e.labelBox) continue;
        for (const line of e.lines) expect(textWidth(line), `"${line}" is wider than its label box`).toBeLessThanOrEqual(e.labelBox.width + 0.5);
        expect(e.lines.length * 16).toBeLessThanOrEqual(e.labelBox.height + 0.5);
    }
}

describe('the network of the examples', () => {
    const files = readFolder(EXAMPLES);
    const cases: Array<[string, Record<string, string>]> = [
        ['all examples', files],
        ...Object.keys(files).map(name => [name, { [name]: files[name] }] as [string, Record<string, string>]),
    ];
    test.each(cases)('%s: no overlapping boxes, no cut labels', async (_name, workspace) => {
        const { summary } = await summarise(workspace);
        if (summary.coordinations.length === 0 && summary.programmes.length === 0) return;
        const network = await layoutNetwork(summary);
        const programmes = new Map(summary.programmes.map(p => [`programme:${p.name}`, p.title && p.title !== p.name ? `${p.name} — ${p.title}` : p.name]));
        checkLayout(network, id => programmes.get(id));
        expect(network.nodes.filter(n => n.kind === 'programme').length).toBe(summary.programmes.length);
    });

    test('a long programme title wraps into lines (it was cut at 40 characters)', async () => {
        const long = 'Programme with a deliberately long and descriptive title that would have been cut';
        const { summary } = await summarise(`
programme A "${long}" { country Peru sector productive }
programme B "B" { country Peru sector social-protection }
coordination A_B { between A, B achieved medium }
`);
        const network = await layoutNetwork(summary);
        const a = network.nodes.find(n => n.id === 'programme:A')!;
        expect(a.lines.length).toBeGreaterThan(2);
        expect(a.lines.join(' ')).toBe(`A — ${long}`);
        checkLayout(network, () => undefined);
        const svg = renderNetworkSvg(network);
        expect(svg).not.toContain('…');
        for (const line of a.lines) expect(svg).toContain(`>${line}</tspan>`);
    });

    test('a multi-country programme sits in a multi-country group; arrangements with findings carry a badge; nodes know their neighbours', async () => {
        const { summary } = await summarise(`
programme A "A" { country Peru, Bolivia sector productive }
programme B "B" { country Peru sector social-protection }
programme C "C" { country Peru sector social-protection }
coordination A_B { between A, B }
`);
        expect(summary.coordinations[0].findings.length).toBeGreaterThan(0);
        const network = await layoutNetwork(summary);
        expect(network.groups.map(g => g.label).sort()).toEqual(['Multi-country: Peru, Bolivia', 'Peru']);
        const a = network.nodes.find(n => n.id === 'programme:A')!;
        expect(inside(a, network.groups.find(g => g.label.startsWith('Multi-country'))!)).toBe(true);
        const edge = network.edges[0];
        expect(edge.findings).toBe(summary.coordinations[0].findings.length);
        expect(edge.lines.at(-1)).toBe(`⚠ ${edge.findings} finding${edge.findings === 1 ? '' : 's'}`);
        expect(a.neighbours).toEqual(['programme:B']);
        expect(network.nodes.find(n => n.id === 'programme:C')!.neighbours).toEqual([]);
        const svg = renderNetworkSvg(network, { interactive: true });
        expect(svg).toContain('data-neighbours="programme:B"');
        expect(svg).toMatch(/class="edge achieved-unknown has-findings" data-ends="programme:A programme:B"/);
        checkLayout(network, () => undefined);
    });
});

describe('wrapNetworkLabel', () => {
    test.each([
        ['short', ['short']],
        ['two words that are longer than the width', ['two words that are', 'longer than the width']],
        ['x'.repeat(30), ['x'.repeat(24), 'x'.repeat(6)]],
    ])('%j', (text, lines) => {
        expect(wrapNetworkLabel(text, 24)).toEqual(lines);
        expect(wrapNetworkLabel(text, 24).join(text.includes(' ') ? ' ' : '')).toBe(text);
    });
});
