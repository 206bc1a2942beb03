/**
 * Quick fixes keyed on rule ids (the diagnostic's `code`): add a local role
 * (`local-roles`), add a budget incentive (`budget-incentive`), add a local
 * capacity, stakeholder or source of resistance (`local-assessment`), declare
 * strong or moderate political support where none is declared
 * (`political-support`), take the
 * suggested name (`unresolved-reference`), add `from` an evaluation of the
 * workspace (`missing-source`), remove a repeated property
 * (`repeated-property`, a property or an effect's detail), turn an effect's
 * sign round when only it contradicts `size` (`estimate-mismatch`), add a missing `sector` or `method` with one of its
 * values (`required-property`), remove a suppression that silences nothing
 * (`unused-suppression`), and, for any rule, a suppression comment for the
 * line with a reason to fill in (one *Disable* per finding). Text to fill in
 * is a snippet whose placeholder is selected, where the client takes snippet
 * edits; a placeholder left as inserted counts for nothing, so a fix never
 * silences a lesson by itself (analysis/placeholders.ts). Edits inside a
 * declaration are run through the formatter, so the result parses and is formatted.
 */
import { type AstNode, type IndexManager, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    isCoordination, isEffects, isEvaluation, isLevelBlock, isProgramme,
    type Coordination, type Declaration, type Model,
} from '../language/generated/ast.js';
import { formatText } from '../analysis/format.js';
import { propertiesOf } from '../analysis/queries.js';
import { isRuleId } from '../validation/registry.js';
import { FindingId, RuleId, type FindingRuleId } from '../validation/rule-ids.js';
import { CAPACITY_PLACEHOLDER, INCENTIVE_PLACEHOLDER, REASON_PLACEHOLDER, RESISTANCE_PLACEHOLDER, ROLE_PLACEHOLDER, STAKEHOLDER_PLACEHOLDER } from '../analysis/placeholders.js';

/** Rules that no comment can or should silence. */
const NOT_SUPPRESSIBLE: ReadonlySet<FindingRuleId> = new Set<FindingRuleId>([RuleId.syntax, FindingId.internalError, FindingId.invalidConfig, RuleId.unusedSuppression]);

/** The values a missing required property can be added with, when they are few and enumerated. */
const REQUIRED_VALUES: Readonly<Record<string, readonly string[]>> = {
    sector: ['social-protection', 'productive', 'other'],
    method: ['rct', 'quasi-experimental', 'psm', 'did', 'rdd', 'qualitative', 'mixed'],
};

/** The `local-assessment` fixes: the item, its placeholder text and the fix's title. */
const LOCAL_KNOWLEDGE: ReadonlyArray<readonly [string, string, string]> = [
    ['capacity', CAPACITY_PLACEHOLDER, 'Add a local capacity'],
    ['stakeholder', STAKEHOLDER_PLACEHOLDER, 'Add a local stakeholder'],
    ['resistance', RESISTANCE_PLACEHOLDER, 'Add a source of resistance'],
];

export { REASON_PLACEHOLDER };

export class CoordCodeActionProvider implements CodeActionProvider {
    private readonly services: LangiumServices;
    private readonly index: IndexManager;

    /** Whether the client applies snippet edits (LSP 3.18), so a suppression's reason can be a tab stop. */
    private snippetEdits = false;

    constructor(services: LangiumServices) {
        this.services = services;
        this.index = services.shared.workspace.IndexManager;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetEdits = Boolean((params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport);
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
            if (!rule || !isRuleId(rule)) continue;
            actions.push(...this.fixesFor(document, rule, diagnostic));
            if (!NOT_SUPPRESSIBLE.has(rule)) actions.push(...this.suppressions(document, rule, diagnostic));
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, rule: RuleId, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as Record<string, unknown>;
        switch (rule) {
            case RuleId.unresolvedReference: {
                const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
                if (!suggestion) return [];
                return [this.action(document, `Change to '${suggestion}'`, diagnostic, [{ range: diagnostic.range, newText: suggestion }], true)];
            }
            case RuleId.localRoles: {
                const coordination = this.declarationAt(document, diagnostic, isCoordination);
                if (!coordination) return [];
                const by = firstProgramme(coordination);
                const role = `role "${ROLE_PLACEHOLDER}"${by ? ` by ${by}` : ''}`;
                const local = coordination.properties.find(p => isLevelBlock(p) && p.kind === 'local');
                const edit = local?.$cstNode
                    ? this.insertInto(document, coordination, local.$cstNode.end - 1, ` ${role} `)
                    : this.insertInto(document, coordination, coordination.$cstNode!.end - 1, ` local { ${role} } `);
                return edit ? [this.action(document, local ? 'Add a local role' : 'Add a local block with a role', diagnostic, [edit], true, ROLE_PLACEHOLDER)] : [];
            }
            case RuleId.budgetIncentive: {
                const coordination = this.declarationAt(document, diagnostic, isCoordination);
                if (!coordination?.$cstNode) return [];
                const edit = this.insertInto(document, coordination, coordination.$cstNode.end - 1, ` incentive budget "${INCENTIVE_PLACEHOLDER}" `);
                return edit ? [this.action(document, "Add an 'incentive budget'", diagnostic, [edit], true, INCENTIVE_PLACEHOLDER)] : [];
            }
            case RuleId.localAssessment: {
                // One fix per kind of knowledge; any one clears the hint.
                const coordination = this.declarationAt(document, diagnostic, isCoordination);
                const local = coordination?.properties.find(p => isLevelBlock(p) && p.kind === 'local');
                if (!coordination || !local?.$cstNode) return [];
                const at = local.$cstNode.end - 1;
                return LOCAL_KNOWLEDGE.flatMap(([kind, text, title], i) => {
                    const edit = this.insertInto(document, coordination, at, ` ${kind} "${text}" `);
                    return edit ? [this.action(document, title, diagnostic, [edit], i === 0, text)] : [];
                });
            }
            case RuleId.politicalSupport: {
                // Only a missing declaration: whether weak support is right is the analyst's judgement.
                const coordination = this.declarationAt(document, diagnostic, isCoordination);
                if (!coordination?.$cstNode || propertiesOf(coordination, 'political-support').length > 0) return [];
                const between = propertiesOf(coordination, 'between')[0]?.$cstNode;
                const at = between ? between.end : coordination.$cstNode.end - 1;
                return ['strong', 'moderate'].flatMap(level => {
                    const edit = this.insertInto(document, coordination, at, ` political-support ${level} `);
                    return edit ? [this.action(document, `Add 'political-support ${level}'`, diagnostic, [edit], false)] : [];
                });
            }
            case RuleId.missingSource: {
                const effects = this.declarationAt(document, diagnostic, isEffects);
                const last = effects?.programmes[effects.programmes.length - 1]?.$refNode;
                if (!effects || !last) return [];
                const at = document.textDocument.positionAt(last.end);
                return this.evaluations().map((name, i) => this.action(
                    document, `Add 'from ${name}'`, diagnostic, [{ range: { start: at, end: at }, newText: ` from ${name}` }], i === 0,
                ));
            }
            case RuleId.repeatedProperty: {
                const offset = document.textDocument.offsetAt(diagnostic.range.start);
                const decl = this.declarationAt(document, diagnostic, (n): n is Declaration => isProgramme(n) || isCoordination(n) || isEvaluation(n) || isEffects(n));
                if (!decl) return [];
                // A block's properties, or (v2) the details of an effect.
                const candidates: AstNode[] = isEffects(decl) ? decl.effects.flatMap(e => e.details ?? []) : 'properties' in decl ? decl.properties as AstNode[] : [];
                const property = candidates.find(p => p.$cstNode && p.$cstNode.offset <= offset && offset <= p.$cstNode.end);
                if (!property?.$cstNode) return [];
                // Remove the whitespace before the property too, so that no blank line is left behind.
                const text = document.textDocument.getText();
                let start = property.$cstNode.offset;
                while (start > 0 && /\s/.test(text[start - 1])) start--;
                const edit = this.replaceIn(document, decl, start, property.$cstNode.end, '');
                const kind = (property as { kind?: string }).kind ?? 'property';
                return edit ? [this.action(document, `Remove the repeated '${kind}'`, diagnostic, [edit], true)] : [];
            }
            case RuleId.requiredProperty: {
                const property = typeof data.property === 'string' ? data.property : undefined;
                const values = property ? REQUIRED_VALUES[property] : undefined;
                const decl = this.declarationAt(document, diagnostic, (n): n is Declaration => isProgramme(n) || isEvaluation(n));
                if (!property || !values || !decl?.$cstNode) return [];
                // Right after the `{`, where required properties are usually written.
                const open = decl.$cstNode.offset + decl.$cstNode.text.indexOf('{') + 1;
                return values.flatMap(value => {
                    const edit = this.insertInto(document, decl, open, ` ${property} ${value} `);
                    return edit ? [this.action(document, `Add '${property} ${value}'`, diagnostic, [edit], false)] : [];
                });
            }
            case RuleId.estimateMismatch: {
                // Only when the sign marker alone contradicts `size` (the rule then names the fix).
                const fix = data.fix === '+' || data.fix === '-' ? data.fix : undefined;
                const start = diagnostic.range.start;
                const current = lineText(document, start.line).charAt(start.character);
                if (!fix || (current !== '+' && current !== '-')) return [];
                const range = { start, end: { line: start.line, character: start.character + 1 } };
                return [this.action(document, `Change the sign to '${fix}'`, diagnostic, [{ range, newText: fix }], true)];
            }
            case RuleId.unusedSuppression: {
                const line = diagnostic.range.start.line;
                const text = lineText(document, line);
                const before = text.slice(0, diagnostic.range.start.character);
                const range = before.trim() === ''
                    ? wholeLineRange(document, line)
                    : { start: { line, character: before.trimEnd().length }, end: diagnostic.range.end };
                return [this.action(document, 'Remove the unused suppression comment', diagnostic, [{ range, newText: '' }], true)];
            }
            default:
                return [];
        }
    }

    private suppressions(document: LangiumDocument, rule: string, diagnostic: Diagnostic): CodeAction[] {
        const line = diagnostic.range.start.line;
        const indent = /^[ \t]*/.exec(lineText(document, line))?.[0] ?? '';
        const eol = document.textDocument.getText().includes('\r\n') ? '\r\n' : '\n';
        const nextLine: TextEdit = {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}// coord-disable-next-line ${rule} -- ${REASON_PLACEHOLDER}${eol}`,
        };
        // One *Disable* per finding: for its line. A whole file is silenced by hand (`// coord-disable rule -- reason`).
        return [this.suppression(document, `Disable '${rule}' for this line`, diagnostic, nextLine)];
    }

    /** A suppression; with a client that takes snippet edits, the reason is selected for typing over. */
    private suppression(document: LangiumDocument, title: string, diagnostic: Diagnostic, edit: TextEdit): CodeAction {
        return this.action(document, title, diagnostic, [edit], false, REASON_PLACEHOLDER);
    }

    /**
     * A quick fix. With a client that takes snippet edits and a `placeholder` in the
     * inserted text, the edit is a snippet whose placeholder is selected for typing over
     * (left as inserted, the placeholder counts for nothing: analysis/placeholders.ts).
     */
    private action(document: LangiumDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[], preferred: boolean, placeholder?: string): CodeAction {
        const [only] = edits;
        if (this.snippetEdits && placeholder && edits.length === 1 && only.newText.includes(placeholder)) {
            const escaped = only.newText.replace(/[$}\\]/g, c => `\\${c}`);
            const snippet = escaped.replace(placeholder, `\${1:${placeholder}}`);
            return {
                title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                ...(preferred ? { isPreferred: true } : {}),
                edit: {
                    documentChanges: [{
                        textDocument: { uri: document.textDocument.uri, version: document.textDocument.version },
                        edits: [{ range: only.range, snippet: { kind: 'snippet', value: snippet } } as unknown as TextEdit],
                    }],
                },
            };
        }
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            ...(preferred ? { isPreferred: true } : {}),
            edit: { changes: { [document.textDocument.uri]: edits } },
        };
    }

    /** The names of every evaluation of the workspace, in name order. */
    private evaluations(): string[] {
        return this.index.allElements('Evaluation').map(d => d.name).distinct().toArray().sort();
    }

    /** The top-level declaration of a type whose text holds the start of the diagnostic. */
    private declarationAt<T extends Declaration>(document: LangiumDocument, diagnostic: Diagnostic, is: (n: unknown) => n is T): T | undefined {
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const model = document.parseResult.value as Model;
        return model.declarations.find((d): d is T => is(d) && !!d.$cstNode && d.$cstNode.offset <= offset && offset <= d.$cstNode.end);
    }

    private insertInto(document: LangiumDocument, decl: Declaration, offset: number, text: string): TextEdit | undefined {
        return this.replaceIn(document, decl, offset, offset, text);
    }

    /**
     * Replaces `[start, end)` inside a declaration and returns one edit that
     * rewrites the declaration formatted; when the document does not parse,
     * the plain replacement.
     */
    private replaceIn(document: LangiumDocument, decl: Declaration, start: number, end: number, text: string): TextEdit | undefined {
        const textDocument = document.textDocument;
        const before = textDocument.getText();
        const cst = decl.$cstNode;
        if (!cst) return undefined;
        const after = before.slice(0, start) + text + before.slice(end);
        const result = formatText(after, this.services);
        const index = (document.parseResult.value as Model).declarations.indexOf(decl);
        const formatted = result.ok ? result.declarations[index] : undefined;
        if (!result.ok || !formatted) {
            return { range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText: text };
        }
        return {
            range: { start: textDocument.positionAt(cst.offset), end: textDocument.positionAt(cst.end) },
            newText: result.text.slice(formatted.formatted.start, formatted.formatted.end),
        };
    }
}

function firstProgramme(coordination: Coordination): string | undefined {
    return propertiesOf(coordination, 'between')[0]?.programmes[0]?.$refText;
}

function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/**
 * The range that deletes a whole line with its line break, inside the document:
 * on the last line, which has no line break after it, the one before it.
 */
function wholeLineRange(document: LangiumDocument, line: number): Range {
    const doc = document.textDocument;
    let start = doc.offsetAt({ line, character: 0 });
    const end = doc.offsetAt({ line: line + 1, character: 0 });
    if (line + 1 >= doc.lineCount && line > 0) {
        const text = doc.getText();
        start -= text[start - 2] === '\r' && text[start - 1] === '\n' ? 2 : 1;
    }
    return { start: doc.positionAt(start), end: doc.positionAt(end) };
}
