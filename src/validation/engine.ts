/**
 * The rule engine: runs every enabled rule on one document, places each
 * finding, applies the configured severities and the suppression comments, and
 * reports the suppressions that silenced nothing. A rule that throws becomes one
 * `internal-error` finding; the other rules still run. Used by the language
 * server's document validator and, through it, by the CLI.
 */
import { t } from '../i18n/index.js';
import { AstUtils, getDiagnosticRange, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Model } from '../language/generated/ast.js';
import type { WorkspaceFacts } from '../analysis/workspace-facts.js';
import { effectiveSeverity, type RuleConfig } from './config.js';
import { MAX_RELATED, type SeveritySetting, type Finding, type RelatedPlace, type Rule, type RuleContext, type RuleReport, type Severity } from './rule.js';
import { dependencyReferences } from '../analysis/contributions.js';
import { parseDirectives, suppressionFinder, type LineComment, type SuppressionDirective } from './suppression.js';
import { RULES, RULES_BY_ID } from './registry.js';
import { FindingId } from './rule-ids.js';
import { unusedSuppressionRule } from './rules/unused-suppression.js';

export const INTERNAL_ERROR = FindingId.internalError;

export interface EngineInput {
    document: LangiumDocument<Model>;
    facts: WorkspaceFacts;
    config?: RuleConfig;
    /** The document's `//` comments, for suppression directives. */
    comments: Iterable<LineComment>;
    /** The rules to run (default: all registered rules). */
    rules?: readonly Rule[];
    /** Reuse the reports of declaration rules for declarations an edit did not touch (the language server). */
    incremental?: IncrementalValidation;
}

/**
 * What the language server keeps between validations: the reports of the
 * rules of `declaration` scope by declaration, and what tells that they still hold.
 */
export interface IncrementalValidation {
    readonly cache: WeakMap<AstNode, CachedDeclaration>;
    /** Rules of `declaration` scope that reported something no declaration holds: run on whole documents from then on. */
    readonly misdeclared: Set<string>;
    /** Whether an edit may have changed what rules say about a declaration although the declaration itself did not change. */
    stale(declaration: AstNode): boolean;
}

/** The reports of one declaration, by rule (only the rules that reported), and the declarations they depend on. */
export interface CachedDeclaration {
    /** The ids of the rules whose reports it holds, joined by spaces. */
    readonly rules: string;
    readonly reports: ReadonlyMap<string, readonly RuleReport[]>;
    /** The top-level declarations its references resolve to and its reports point to: while all are still in their documents, the reports hold. */
    readonly dependencies: readonly AstNode[];
}

function isDeclarationScoped(rule: Rule, state: IncrementalValidation): boolean {
    return rule.scope !== 'document' && !state.misdeclared.has(rule.id);
}

/** Runs the rules on a document. Suppressed findings are kept, marked `suppressed`. */
export function runRules(input: EngineInput): Finding[] {
    const { document, facts, config } = input;
    const model = document.parseResult.value;
    const findings: Finding[] = [];
    const { severities, enabled } = input.rules ? planOf(input.rules, config) : defaultPlan(config);
    const state = input.incremental;
    const incremental = state && new IncrementalRun(state, model, enabled.filter(rule => isDeclarationScoped(rule, state)));
    const toFinding = (rule: Rule, r: RuleReport): Finding => ({
        rule: rule.id,
        severity: severities.get(rule.id) as Severity,
        message: r.message,
        range: rangeOf(r),
        // The first few places only (rules name the rest in their message): a finding stays small.
        related: (r.related ?? []).slice(0, MAX_RELATED).map(toRelated),
        ...(r.data ? { data: r.data } : {}),
    });
    if (!incremental) {
        // Every rule on the whole document, through one context whose `report` files under the
        // rule running: no closures per rule and document (a one-shot check of 1,000 files runs
        // 28,000 rules).
        let running: Rule | undefined;
        const context: RuleContext = { document, model, facts, report: r => findings.push(toFinding(running as Rule, r)) };
        for (let i = 0; i < enabled.length; i++) {
            const rule = enabled[i];
            running = rule;
            try {
                rule.check(context);
            } catch (e) {
                findings.push(internalErrorFinding(`in rule '${rule.id}'`, e, 'the other rules still ran'));
            }
        }
    } else {
        for (const rule of enabled) {
            /** Runs the rule on `subject`; whether it completed (if it threw, that is a finding of its own). */
            const run = (subject: Model, report: (r: RuleReport) => void, reportFailure = true) => {
                try {
                    rule.check({ document, model: subject, facts, report });
                    return true;
                } catch (e) {
                    if (reportFailure) findings.push(internalErrorFinding(`in rule '${rule.id}'`, e, 'the other rules still ran'));
                    return false;
                }
            };
            const runOnWholeDocument = () => run(model, r => findings.push(toFinding(rule, r)));
            if (!isDeclarationScoped(rule, incremental.state)) {
                runOnWholeDocument();
                continue;
            }
            const reports: Array<[AstNode, RuleReport]> = [];
            let strays = false;
            const completed = run(incremental.subject, r => {
                const declaration = r.range ? undefined : incremental.declarationOf(r.node);
                if (declaration) reports.push([declaration, r]);
                else strays = true;
            }, false);
            if (strays || !completed) {
                // A report outside any declaration (the rule is not of declaration scope after all), or
                // a failure part-way: keep nothing of this run, and report what a full run reports.
                if (strays) incremental.state.misdeclared.add(rule.id);
                incremental.forget(rule.id);
                runOnWholeDocument();
                continue;
            }
            for (const [declaration, r] of reports) {
                if (incremental.record(declaration, rule.id, r)) findings.push(toFinding(rule, r));
            }
            for (const r of incremental.reused(rule.id)) findings.push(toFinding(rule, r));
        }
    }
    incremental?.store();
    const directives = parseDirectives(input.comments);
    if (directives.length > 0) {
        const findSuppression = suppressionFinder(directives);
        for (const finding of findings) {
            const d = findSuppression(finding.rule, finding.range.start.line);
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

/** The rules to run on a document and the severity of each, under a configuration. */
interface Plan {
    readonly severities: ReadonlyMap<string, SeveritySetting>;
    readonly enabled: readonly Rule[];
}

function planOf(rules: readonly Rule[], config: RuleConfig | undefined): Plan {
    const run = rules.filter(rule => rule.id !== unusedSuppressionRule.id);
    const severities = new Map(run.map(rule => [rule.id, effectiveSeverity(config, rule.id, rule.defaultSeverity)]));
    return { severities, enabled: run.filter(rule => severities.get(rule.id) !== 'off') };
}

/**
 * The plan of all the rules, per configuration object: the configuration
 * provider gives the documents under one configuration file the same object
 * (it merges each once), so a check of 1,000 files makes the plan once, not
 * once per file. Plans are data derived from the configuration alone (no
 * process-wide state beyond a cache keyed by the configuration object).
 */
const plans = new WeakMap<object, Plan>();
const NO_CONFIG = {};

function defaultPlan(config: RuleConfig | undefined): Plan {
    const key = config ?? NO_CONFIG;
    let plan = plans.get(key);
    if (!plan) plans.set(key, plan = planOf(RULES, config));
    return plan;
}

/**
 * One validation of a document with reuse: the declarations whose cached
 * reports still hold (same object, every rule covered, dependencies still in
 * their documents, not stale), and the reports of the others as they come.
 */
class IncrementalRun {
    private readonly reusable = new Set<AstNode>();
    /** The cached reports of the reusable declarations, by rule. */
    private readonly reusedReports = new Map<string, RuleReport[]>();
    private readonly fresh = new Map<AstNode, Map<string, RuleReport[]>>();
    private readonly rulesRun: Set<string>;
    /** The rules this run covers, as one string: a cached entry is reusable only if it covers the same. */
    private signature: string;
    /** The model the rules check: only the declarations whose reports are not reused. */
    readonly subject: Model;

    constructor(readonly state: IncrementalValidation, private readonly model: Model, rules: readonly Rule[]) {
        this.rulesRun = new Set(rules.map(r => r.id));
        this.signature = [...this.rulesRun].join(' ');
        const declarations = model.declarations ?? [];
        for (const declaration of declarations) {
            const cached = state.cache.get(declaration);
            if (cached && cached.rules === this.signature && cached.dependencies.every(isLive) && !state.stale(declaration)) {
                this.reusable.add(declaration);
                for (const [rule, reports] of cached.reports) {
                    if (reports.length === 0 || !this.rulesRun.has(rule)) continue;
                    let list = this.reusedReports.get(rule);
                    if (!list) this.reusedReports.set(rule, list = []);
                    for (const r of reports) list.push(r);
                }
            } else {
                // Only the rules that report get an entry: an empty list per rule and declaration cost
                // two thirds of the memory of a large document (issue 21: 20 MB held 3.6 GB).
                this.fresh.set(declaration, new Map());
            }
        }
        this.subject = this.reusable.size === 0 ? model : { ...model, declarations: declarations.filter(d => !this.reusable.has(d)) } as Model;
    }

    /** The top-level declaration of this document that holds a node, if any. */
    declarationOf(node: AstNode | undefined): AstNode | undefined {
        const declaration = topLevel(node);
        return declaration?.$container === this.model ? declaration : undefined;
    }

    /** Records a fresh report; false if it is about a declaration whose cached reports are used instead. */
    record(declaration: AstNode, rule: string, report: RuleReport): boolean {
        const fresh = this.fresh.get(declaration);
        if (!fresh) return false;
        if (!this.rulesRun.has(rule)) return true;
        const list = fresh.get(rule);
        if (list) list.push(report);
        else fresh.set(rule, [report]);
        return true;
    }

    /** The cached reports of a rule for the declarations that reuse them. */
    reused(rule: string): readonly RuleReport[] {
        return this.reusedReports.get(rule) ?? [];
    }

    /** Keeps nothing of a rule from this run (it failed, or reported outside declarations). */
    forget(rule: string): void {
        this.rulesRun.delete(rule);
        this.signature = [...this.rulesRun].join(' ');
        for (const reports of this.fresh.values()) reports.delete(rule);
    }

    /** Caches the fresh reports with their dependencies. */
    store(): void {
        for (const [declaration, reports] of this.fresh) {
            const dependencies = new Set<AstNode>();
            for (const { reference } of dependencyReferences(declaration)) {
                const target = reference.error ? undefined : reference.ref;
                const top = topLevel(target);
                if (top && top !== declaration) dependencies.add(top);
            }
            for (const list of reports.values()) {
                for (const r of list) {
                    for (const related of r.related ?? []) {
                        const top = topLevel(related.node);
                        if (top && top !== declaration) dependencies.add(top);
                    }
                }
            }
            this.state.cache.set(declaration, { rules: this.signature, reports: reports.size === 0 ? NO_REPORTS : reports, dependencies: dependencies.size === 0 ? NO_DEPENDENCIES : [...dependencies] });
        }
    }
}

/** What most declarations of a large document cache: nothing reported, nothing depended on (shared). */
const NO_REPORTS: ReadonlyMap<string, readonly RuleReport[]> = new Map();
const NO_DEPENDENCIES: readonly AstNode[] = [];

/** The top-level declaration that holds a node (in any document). */
function topLevel(node: AstNode | undefined): AstNode | undefined {
    let n = node;
    while (n?.$container?.$container) n = n.$container;
    return n?.$container ? n : undefined;
}

/** Whether a top-level declaration is still in its document's tree (an edit replaces the declarations it touches). */
function isLive(declaration: AstNode): boolean {
    const root = declaration.$container as (AstNode & { $document?: LangiumDocument }) | undefined;
    return root !== undefined && root.$document?.parseResult.value === root;
}

/** The finding for a failure of Coord itself: where it happened (`in rule 'x'`), the error, and what still ran. */
export function internalErrorFinding(where: string, e: unknown, consequence: string): Finding {
    return {
        rule: INTERNAL_ERROR,
        severity: 'error',
        message: t('finding.internal-error', { where, error: e instanceof Error ? e.message : String(e), consequence }),
        range: ZERO_RANGE,
        related: [],
    };
}

function unusedSuppressionFinding(d: SuppressionDirective, severity: Finding['severity']): Finding {
    const unknown = (d.rules ?? []).filter(r => !RULES_BY_ID.has(r));
    const what = d.rules ? d.rules.map(r => `'${r}'`).join(', ') : t('rule.unused-suppression.every');
    // `// coord-disable-next-line unused: reason`: the reason after a colon, as other linters write it.
    const colon = unknown.find(r => r.endsWith(':') && RULES_BY_ID.has(r.slice(0, -1)));
    const message = colon
        ? t('rule.unused-suppression.colon', { directive: d.kind === 'next-line' ? '// coord-disable-next-line' : '// coord-disable', rule: colon.slice(0, -1) })
        : unknown.length > 0
        ? t('rule.unused-suppression.unknown', { count: unknown.length, rules: unknown.map(r => `'${r}'`).join(', ') })
        : t('rule.unused-suppression.message', { what, where: d.kind === 'next-line' ? 'next' : 'file' });
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

/** The start of a document: where findings about the whole document sit. */
export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A range with finite, non-negative positions (parser recovery can produce NaN). */
export function saneRange(range: Range | undefined): Range {
    if (!range) return ZERO_RANGE;
    const fix = (n: number) => (Number.isFinite(n) && n >= 0 ? n : 0);
    const start = { line: fix(range.start.line), character: fix(range.start.character) };
    let end = { line: fix(range.end.line), character: fix(range.end.character) };
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
    return { start, end };
}

function rangeOf(r: RuleReport): Range {
    if (r.range) return saneRange(r.range);
    if (!r.node) return ZERO_RANGE;
    return saneRange(getDiagnosticRange({ node: r.node, property: r.property as never, keyword: r.keyword, index: r.index }));
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
