/**
 * Short descriptions of declarations for the editor: the one-line detail of a
 * completion item and the Markdown of a hover (title, kind and key facts — a
 * programme's country, sector and agency; an outcome's domain and desirable
 * direction; a coordination's programmes and level achieved).
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import {
    isBody, isCoordination, isDomain, isEvaluation, isOutcome, isPopulation, isProgramme,
    type NamedDeclaration,
} from '../language/generated/ast.js';
import { isStdlibUri } from '../language/stdlib.js';
import { kindLabel } from '../analysis/labels.js';
import { coordinationProgrammes, propertiesOf, propertyOf } from '../analysis/queries.js';
import { escapeMarkdownText } from '../analysis/summary-render/escape.js';

/** Whether a node lives in the standard library. */
export function inStdlib(node: AstNode): boolean {
    try {
        return isStdlibUri(AstUtils.getDocument(node).uri.toString());
    } catch {
        return false;
    }
}

/** Key facts of a declaration as `label: value` pairs, in reading order. */
export function keyFacts(node: NamedDeclaration): Array<[string, string]> {
    const facts: Array<[string, string]> = [];
    if (isProgramme(node)) {
        const country = propertyOf(node, 'country');
        if (country) facts.push(['country', country.values.join(', ')]);
        const sector = propertyOf(node, 'sector');
        if (sector) facts.push(['sector', sector.values.join(', ')]);
        const agency = propertyOf(node, 'agency');
        if (agency) facts.push(['agency', agency.value]);
        const ministry = propertyOf(node, 'ministry');
        if (ministry) facts.push(['ministry', ministry.value]);
        const targets = propertyOf(node, 'targets');
        if (targets) facts.push(['targets', targets.populations.map(p => p.$refText).join(', ')]);
        const period = propertyOf(node, 'period');
        if (period) facts.push(['period', `${period.start}–${period.end}`]);
    } else if (isOutcome(node)) {
        facts.push(['domain', node.domain?.$refText ?? '?']);
        facts.push(['desirable', node.desirable ?? 'neutral']);
    } else if (isCoordination(node)) {
        const programmes = coordinationProgrammes(node).map(p => p.name);
        const written = propertiesOf(node, 'between').flatMap(b => b.programmes.map(r => r.$refText));
        facts.push(['between', (programmes.length > 0 ? programmes : written).join(', ') || '—']);
        const nodes = propertiesOf(node, 'node').flatMap(n => (n.body?.$refText ? [n.body.$refText] : []));
        if (nodes.length > 0) facts.push(['node', nodes.join(', ')]);
        const support = propertyOf(node, 'political-support');
        if (support) facts.push(['political support', support.value]);
        facts.push(['achieved', propertyOf(node, 'achieved')?.value ?? 'not stated']);
        const since = propertyOf(node, 'since');
        if (since) facts.push(['since', String(since.year)]);
    } else if (isEvaluation(node)) {
        const method = propertyOf(node, 'method');
        if (method) facts.push(['method', method.value]);
        const period = propertyOf(node, 'period');
        if (period) facts.push(['period', `${period.start}–${period.end}`]);
        const by = propertiesOf(node, 'by').map(b => b.value);
        if (by.length > 0) facts.push(['by', by.join(', ')]);
    } else if (isBody(node)) {
        const level = propertyOf(node, 'level');
        if (level) facts.push(['level', level.value]);
        const ministry = propertyOf(node, 'ministry');
        if (ministry) facts.push(['ministry', ministry.value]);
    } else if (isDomain(node) || isPopulation(node)) {
        // A domain or population is its name and title.
    }
    return facts;
}

/** One line for a completion item: `programme · Colombia · productive`. */
export function completionDetail(node: NamedDeclaration): string {
    const parts: string[] = [kindLabel(node.$type)];
    if (isOutcome(node)) {
        parts.push(node.domain?.$refText ?? '?', `desirable ${node.desirable ?? 'neutral'}`);
    } else {
        for (const [, value] of keyFacts(node).slice(0, 2)) parts.push(value);
    }
    if (inStdlib(node)) parts.push('standard library');
    return parts.join(' · ');
}

/** Facts whose values are the user's strings; the others are names, keywords and numbers, which hold no Markdown. */
const TEXT_FACTS = new Set(['agency', 'by']);

/** The Markdown of a hover on a declaration or a reference to it. */
export function hoverMarkdown(node: NamedDeclaration): string {
    // Titles, agencies, notes… are the user's text: escaped, so no link, image or HTML can form in the hover.
    const title = node.title ? ` — ${escapeMarkdownText(node.title)}` : '';
    const lines = [`**${kindLabel(node.$type)}** \`${node.name}\`${title}`];
    const facts = keyFacts(node);
    if (facts.length > 0) {
        lines.push('', ...facts.map(([label, value]) => `- ${label}: ${TEXT_FACTS.has(label) ? escapeMarkdownText(value) : value}`));
    }
    if (inStdlib(node)) lines.push('', '_Standard library (read-only)._');
    return lines.join('\n');
}
