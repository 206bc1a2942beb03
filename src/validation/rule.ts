/**
 * The shape of a Coord rule and of the findings it reports. A rule is plain
 * code over the AST and the workspace facts: the CLI and the language server
 * run the same rules through the same engine (`engine.ts`).
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Model } from '../language/generated/ast.js';
import type { WorkspaceFacts } from '../analysis/workspace-facts.js';
import type { FindingRuleId, RuleId } from './rule-ids.js';
import { t, type MessageKey } from '../i18n/index.js';

import type { Severity } from '../analysis/severity-counts.js';

export { SEVERITIES, type Severity } from '../analysis/severity-counts.js';
export type SeveritySetting = Severity | 'off';

/** What a rule is about, for the catalogue (`coord rules`, docs/rules.md, SARIF). */
export type RuleCategory = 'structure' | 'coordination' | 'evidence' | 'hygiene';

/** Another place a finding involves: the conflicting effect, the redesigned programme… */
export interface RelatedPlace {
    /** Document URI (as a string). */
    uri: string;
    range: Range;
    message: string;
}

/** What a rule reports; the engine turns it into a {@link Finding}. */
export interface RuleReport {
    /** The node the finding is about; with `property`, the finding sits on that property. */
    node?: AstNode;
    property?: string;
    index?: number;
    /** With `node` (and no `property`): the finding sits on the first such keyword of the node. */
    keyword?: string;
    /** An explicit range; wins over `node`/`property`. Only for rules of `document` scope. */
    range?: Range;
    message: string;
    related?: Array<{ node: AstNode; property?: string; message: string }>;
    /** Machine-readable facts for quick fixes (e.g. the suggested name). */
    data?: Record<string, unknown>;
}

export interface RuleContext {
    readonly document: LangiumDocument<Model>;
    readonly model: Model;
    readonly facts: WorkspaceFacts;
    report(report: RuleReport): void;
}

export interface Rule {
    /** The rule id: the diagnostic code, the SARIF ruleId and the suppression name. */
    readonly id: RuleId;
    readonly defaultSeverity: Severity;
    readonly category: RuleCategory;
    /** One line: when the rule fires (in the current locale: `rule.<id>.summary` of the catalogue). */
    readonly summary: string;
    /** A paragraph: why it matters (the lesson behind it) and how to fix it (`rule.<id>.doc`). */
    readonly doc: string;
    /**
     * `declaration` (the default): every report sits on a node inside a top-level
     * declaration (`node`, with `property` or `keyword`, never an explicit `range`),
     * the rule reads `model.declarations` only as the list of declarations to
     * check, and what it reports about a declaration depends only on that
     * declaration, the declarations its references resolve to, the nodes it names
     * as related, and what it reads through `facts` with keys taken from the
     * declaration (every such read must be covered by the declaration's
     * contribution: `readCovered` in `analysis/contributions.ts`, checked by
     * `test/analysis/contributions.test.ts`). The language server then reuses its reports for the declarations
     * an edit did not touch. `document`: the rule looks at the document as a whole
     * (the syntax errors), and runs on all of it every time.
     */
    readonly scope?: 'declaration' | 'document';
    /** Runs the check on one document; the engine catches what it throws. */
    check(context: RuleContext): void;
}

/** A finding of the engine: a rule's report with its effective severity and location. */
export interface Finding {
    rule: FindingRuleId;
    severity: Severity;
    message: string;
    range: Range;
    related: RelatedPlace[];
    data?: Record<string, unknown>;
    /** Present when a `coord-disable…` comment silenced the finding. */
    suppressed?: { reason: string; kind: 'next-line' | 'file'; line: number };
}

/**
 * Declares a rule. Its summary and doc live in the message catalogue
 * (`rule.<id>.summary`, `rule.<id>.doc`, src/i18n/messages/) and are read in
 * the current locale each time they are asked for.
 */
export function defineRule(rule: Omit<Rule, 'summary' | 'doc'> & Partial<Pick<Rule, 'summary' | 'doc'>>): Rule {
    // A rule outside the catalogue (a test's) may bring its own texts.
    if (rule.summary !== undefined && rule.doc !== undefined) return rule as Rule;
    return Object.defineProperties(rule, {
        summary: { get: () => t(`rule.${rule.id}.summary` as MessageKey), enumerable: true },
        doc: { get: () => t(`rule.${rule.id}.doc` as MessageKey), enumerable: true },
    }) as Rule;
}

/**
 * How many related places a finding lists (and names in its message): the
 * first few, then "and N more". A name declared 100,000 times must not make
 * each of its findings list the 99,999 others — that made a 3,000-line file
 * quadratic in time and memory. The engine also cuts any longer list here.
 */
export const MAX_RELATED = 5;

/** Up to {@link MAX_RELATED} labels joined with ", ", then "and N more" for the `total - shown` others. */
export function listWithMore(labels: readonly string[], total: number): string {
    const shown = labels.slice(0, MAX_RELATED);
    const more = total - shown.length;
    return more > 0 ? t('list.more', { list: shown.join(', '), count: more }) : shown.join(', ');
}

/** Items joined with ", " and the locale's "and" before the last (`A, B and C`, `A, B y C`). */
export function andList(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${t('list.and')}${items[items.length - 1]}`;
}
