/**
 * The rule engine: runs every enabled rule on one document, places each
 * finding, applies the configured severities and the suppression comments, and
 * reports the suppressions that silenced nothing. A rule that throws becomes one
 * `internal-error` finding; the other rules still run. Used by the language
 * server's document validator and, through it, by the CLI.
 */
import { AstUtils, getDiagnosticRange, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Model } from '../language/generated/ast.js';
import type { WorkspaceFacts } from '../analysis/workspace-facts.js';
import { effectiveSeverity, type RuleConfig } from './config.js';
import type { Finding, RelatedPlace, Rule, RuleReport } from './rule.js';
import { findSuppression, parseDirectives, type LineComment, type SuppressionDirective } from './suppression.js';
import { RULES, RULES_BY_ID } from './registry.js';
import { unusedSuppressionRule } from './rules/unused-suppression.js';

export const INTERNAL_ERROR = 'internal-error';

export interface EngineInput {
    document: LangiumDocument<Model>;
    facts: WorkspaceFacts;
    config?: RuleConfig;
    /** The document's `//` comments, for suppression directives. */
    comments: Iterable<LineComment>;
    /** The rules to run (default: all registered rules). */
    rules?: readonly Rule[];
}

/** Runs the rules on a document. Suppressed findings are kept, marked `suppressed`. */
export function runRules(input: EngineInput): Finding[] {
    const { document, facts, config } = input;
    const rules = input.rules ?? RULES;
    const findings: Finding[] = [];
    for (const rule of rules) {
        if (rule.id === unusedSuppressionRule.id) continue;
        const severity = effectiveSeverity(config, rule.id, rule.defaultSeverity);
        if (severity === 'off') continue;
        const report = (r: RuleReport) => {
            findings.push({
                rule: rule.id,
                severity,
                message: r.message,
                range: rangeOf(document, r),
                related: (r.related ?? []).map(toRelated),
                ...(r.data ? { data: r.data } : {}),
            });
        };
        try {
            rule.check({ document, model: document.parseResult.value, facts, report });
        } catch (e) {
            findings.push({
                rule: INTERNAL_ERROR,
                severity: 'error',
                message: `internal error in rule '${rule.id}': ${e instanceof Error ? e.message : String(e)}; the other rules still ran. Please report this.`,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                related: [],
            });
        }
    }
    const directives = parseDirectives(input.comments);
    if (directives.length > 0) {
        for (const finding of findings) {
            const d = findSuppression(directives, finding.rule, finding.range.start.line);
            if (d) finding.suppressed = { reason: d.reason, kind: d.kind, line: d.line + 1 };
        }
        const severity = effectiveSeverity(config, unusedSuppressionRule.id, unusedSuppressionRule.defaultSeverity);
        if (severity !== 'off') {
            for (const d of directives) {
                if (!d.used) findings.push(unusedSuppressionFinding(d, severity));
            }
        }
    }
    findings.sort(compareFindings);
    return findings;
}

function unusedSuppressionFinding(d: SuppressionDirective, severity: Finding['severity']): Finding {
    const unknown = (d.rules ?? []).filter(r => !RULES_BY_ID.has(r));
    const what = d.rules ? d.rules.map(r => `'${r}'`).join(', ') : 'every rule';
    const where = d.kind === 'next-line' ? 'on the next line' : 'in this file';
    const message = unknown.length > 0
        ? `suppression names ${unknown.length === 1 ? 'an unknown rule' : 'unknown rules'} ${unknown.map(r => `'${r}'`).join(', ')}; it silences nothing`
        : `suppression of ${what} silences nothing ${where}; remove it`;
    return {
        rule: unusedSuppressionRule.id,
        severity,
        message,
        range: { start: { line: d.line, character: d.startCharacter }, end: { line: d.line, character: d.endCharacter } },
        related: [],
        data: { line: d.line },
    };
}

function compareFindings(a: Finding, b: Finding): number {
    return a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A range with finite, non-negative positions (parser recovery can produce NaN). */
export function saneRange(range: Range | undefined): Range {
    if (!range) return ZERO;
    const fix = (n: number) => (Number.isFinite(n) && n >= 0 ? n : 0);
    const start = { line: fix(range.start.line), character: fix(range.start.character) };
    let end = { line: fix(range.end.line), character: fix(range.end.character) };
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
    return { start, end };
}

function rangeOf(_document: LangiumDocument, r: RuleReport): Range {
    if (r.range) return saneRange(r.range);
    if (!r.node) return ZERO;
    return saneRange(getDiagnosticRange({ node: r.node, property: r.property as never, index: r.index }));
}

function toRelated(r: { node: AstNode; property?: string; message: string }): RelatedPlace {
    let uri = '';
    try {
        uri = AstUtils.getDocument(r.node).uri.toString();
    } catch {
        // A node outside any document has no place to point to.
    }
    return {
        uri,
        range: saneRange(getDiagnosticRange({ node: r.node, property: r.property as never })),
        message: r.message,
    };
}
