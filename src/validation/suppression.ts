/**
 * Suppression comments (§3 of the language reference):
 * `// coord-disable-next-line rule-a, rule-b -- reason` silences those rules on
 * the next line; `// coord-disable rule-a -- reason` silences them in the whole
 * file; no rule list silences every rule. Only `//` comments count.
 */

export interface SuppressionDirective {
    kind: 'next-line' | 'file';
    /** The rule ids named, or undefined for "every rule". */
    rules: string[] | undefined;
    reason: string;
    /** 0-based line and character range of the comment. */
    line: number;
    startCharacter: number;
    endCharacter: number;
    /** Set by the engine once the directive silenced a finding. */
    used: boolean;
}

import { isPlaceholder } from '../analysis/placeholders.js';
const DIRECTIVE = /^\/\/\s*coord-disable(-next-line)?(?=\s|$)(.*)$/s;

/** Parses one `//` comment's text (with its slashes) into a directive, if it is one. */
export function parseDirective(comment: string, line: number, startCharacter: number): SuppressionDirective | undefined {
    const match = DIRECTIVE.exec(comment.trimEnd());
    if (!match) return undefined;
    let body = match[2];
    let reason = '';
    const dashes = body.indexOf('--');
    if (dashes >= 0) {
        reason = body.slice(dashes + 2).trim();
        body = body.slice(0, dashes);
    }
    // A reason still the quick fix's placeholder gives no reason: the comment silences nothing (analysis/placeholders.ts).
    if (isPlaceholder(reason)) return undefined;
    const rules = body.split(/[\s,]+/).filter(r => r.length > 0);
    return {
        kind: match[1] ? 'next-line' : 'file',
        rules: rules.length > 0 ? rules : undefined,
        reason,
        line,
        startCharacter,
        endCharacter: startCharacter + comment.length,
        used: false,
    };
}

/** A `//` comment found by the lexer: its text and where it starts (0-based). */
export interface LineComment {
    text: string;
    line: number;
    character: number;
}

export function parseDirectives(comments: Iterable<LineComment>): SuppressionDirective[] {
    const result: SuppressionDirective[] = [];
    for (const c of comments) {
        const d = parseDirective(c.text, c.line, c.character);
        if (d) result.push(d);
    }
    return result;
}

/**
 * Finds the directive that silences a finding of `rule` starting on a line,
 * and marks every directive that applies as used: the first next-line directive
 * of the line before, else the first file-wide one (the most specific wins).
 * Directives are indexed once, so each finding costs the directives of its own
 * line, not all of the file's (10,000 findings and 10,000 directives were
 * 100 million comparisons).
 */
export function suppressionFinder(directives: readonly SuppressionDirective[]): (rule: string, line: number) => SuppressionDirective | undefined {
    const nextLine = new Map<number, SuppressionDirective[]>();
    const fileWide: SuppressionDirective[] = [];
    for (const d of directives) {
        if (d.kind === 'file') fileWide.push(d);
        else {
            const list = nextLine.get(d.line + 1);
            if (list) list.push(d);
            else nextLine.set(d.line + 1, [d]);
        }
    }
    const applies = (d: SuppressionDirective, rule: string) => d.rules === undefined || d.rules.includes(rule);
    /** Per rule: the first file-wide directive that silences it (all of them are marked used on the first look-up). */
    const fileWideFor = new Map<string, SuppressionDirective | undefined>();
    return (rule, line) => {
        let found: SuppressionDirective | undefined;
        for (const d of nextLine.get(line) ?? []) {
            if (!applies(d, rule)) continue;
            d.used = true;
            found ??= d;
        }
        if (!fileWideFor.has(rule)) {
            const matching = fileWide.filter(d => applies(d, rule));
            for (const d of matching) d.used = true;
            fileWideFor.set(rule, matching[0]);
        }
        return found ?? fileWideFor.get(rule);
    };
}
