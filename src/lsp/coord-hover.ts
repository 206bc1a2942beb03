/**
 * Hover, short: on the range of findings, one line per finding (its severity,
 * its rule id linked to the rule's documentation, its message); then, on a
 * declaration or a reference, the declaration's title, kind and key facts; on
 * a property keyword, the property's form. The lesson behind a rule is behind
 * its link, not in the hover.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { isEffect, isEffects, isNamedDeclaration, type Effect } from '../language/generated/ast.js';
import type { LangiumDocuments } from 'langium';
import { computeSummary } from '../analysis/summary.js';
import { cellHeading, certaintyText, estimateText, pooledText } from '../analysis/summary-render/text.js';
import { escapeMarkdownText } from '../analysis/summary-render/escape.js';
import { RULES_BY_ID } from '../validation/registry.js';
import { hoverMarkdown } from './describe.js';
import { KEYWORD_DOCS, NAME_RULES } from './coord-keywords.js';

export class CoordHoverProvider extends AstNodeHoverProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const parts: string[] = [];
        const findings = this.findingsAt(document, params.position);
        if (findings.length > 0) parts.push(findings.join('  \n'));
        const base = await super.getHoverContent(document, params);
        if (base && typeof base.contents === 'object' && 'value' in base.contents) parts.push(base.contents.value);
        else if (!base) {
            const keyword = this.keywordAt(document, params.position);
            if (keyword) parts.push(keyword);
        }
        if (parts.length === 0) return undefined;
        return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return isNamedDeclaration(node) ? hoverMarkdown(node) : undefined;
    }

    protected override getKeywordHoverContent(node: AstNode): MaybePromise<Hover | undefined> {
        const value = GrammarAST.isKeyword(node) ? node.value : undefined;
        const doc = value ? KEYWORD_DOCS[value] : undefined;
        return doc ? { contents: { kind: 'markdown', value: doc } } : undefined;
    }

    /** The doc of a property or declaration keyword under the cursor. */
    private keywordAt(document: LangiumDocument, position: Position): string | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || !GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
        if (isEffect(leaf.astNode) && leaf.astNode.$cstNode && leaf.offset === firstOffset(leaf.astNode.$cstNode)) {
            return [effectMarkdown(leaf.astNode), this.evidenceMarkdown(document, leaf.astNode)].filter(x => x).join('\n\n');
        }
        // A keyword used as a name (a domain called `productive`) is not that keyword.
        const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule);
        if (rule && NAME_RULES.has(rule.name)) return undefined;
        return KEYWORD_DOCS[leaf.grammarSource.value];
    }

    /**
     * (v2) An effect's estimate and interval, its cell's certainty and why, and
     * the cell's pooled estimate — from the same summary the reports show.
     */
    private evidenceMarkdown(document: LangiumDocument, effect: Effect): string {
        const block = effect.$container;
        const outcome = effect.outcome?.$refText;
        if (!isEffects(block) || !outcome || !effect.$cstNode) return '';
        // The whole workspace: a cell's effects and their sources may sit in any file.
        const summary = computeSummary(this.documents.all.toArray());
        const uri = document.uri.toString();
        const line = effect.$cstNode.range.start.line + 1;
        const index = summary.effects.findIndex(e => e.uri === uri && e.line === line && e.outcome === outcome);
        if (index < 0) return '';
        const e = summary.effects[index];
        const cell = summary.cells.find(c => c.effects.includes(index));
        // Names, units and a reviewer's reason are the user's text: escaped, so no link, image or HTML can form.
        const esc = escapeMarkdownText;
        const out: string[] = [];
        const estimate = estimateText(e);
        if (estimate) out.push(`Estimate: ${esc(`${estimate}${e.p !== undefined ? `, p ${e.p}` : ''}${e.n !== undefined ? `, n ${e.n}` : ''}`)}`);
        if (cell) {
            out.push(`Cell: ${esc(`${cellHeading(cell)} — ${cell.outcome}; ${cell.sources} source${cell.sources === 1 ? '' : 's'}`)}`);
            out.push(`Certainty: **${esc(certaintyText(cell))}**`);
            const pooled = pooledText(cell);
            if (pooled && cell.pooled) {
                out.push(esc(`Pooled (k = ${cell.pooled.k}): fixed ${pooled.fixed}; random (DerSimonian–Laird) ${pooled.random}; τ² ${pooled.tau2}, I² ${pooled.i2}`));
            }
        }
        return out.map(x => `- ${x}`).join('\n');
    }

    /** One line per diagnostic of this document that covers the position: severity, linked rule id, message. */
    private findingsAt(document: LangiumDocument, position: Position): string[] {
        const lines: string[] = [];
        for (const d of document.diagnostics ?? []) {
            const code = typeof d.code === 'string' ? d.code : undefined;
            if (!code || !RULES_BY_ID.has(code) || !contains(d.range, position)) continue;
            const id = d.codeDescription?.href ? `[${code}](${d.codeDescription.href})` : `\`${code}\``;
            lines.push(`${SEVERITY_WORDS[d.severity ?? 1] ?? 'error'} ${id}: ${d.message}`);
        }
        return lines;
    }
}

const SEVERITY_WORDS: Record<number, string> = { 1: '**error**', 2: '**warning**', 3: 'info', 4: 'hint' };

function contains(range: Range, p: Position): boolean {
    const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

const DIRECTION_WORDS: Record<string, string> = { '+': 'increase', '-': 'decrease', '~': 'no significant change' };

/** What an effect's direction means for its outcome: desirable, adverse, neutral or no change (§5). */
function effectMarkdown(effect: Effect): string {
    const outcome = effect.outcome?.ref;
    const moved = DIRECTION_WORDS[effect.direction] ?? effect.direction;
    if (!outcome) return `\`${effect.direction}\` ${moved}`;
    const desirable = outcome.desirable ?? 'neutral';
    const verdict = effect.direction === '~' ? 'no change'
        : desirable === 'neutral' ? 'neutral (the outcome has no desirable direction)'
        : (effect.direction === '+') === (desirable === 'increase') ? 'desirable' : 'adverse';
    return `\`${effect.direction}\` ${moved} of \`${outcome.name}\` (desirable ${desirable}): **${verdict}**`;
}

function firstOffset(cst: CstNode): number {
    for (const node of CstUtils.streamCst(cst)) {
        if (!node.hidden && node.length > 0 && !('content' in node)) return node.offset;
    }
    return cst.offset;
}
