/**
 * Langium's document validator for Coord: instead of Langium's per-node
 * checks, it runs the rule engine on the whole document with the workspace
 * facts and the document's configuration. It keeps every finding of a document
 * (suppressed ones included) for the CLI's reports, and hands the unsuppressed
 * ones to Langium as LSP diagnostics with the rule id as `code`.
 */
import { t } from '../i18n/index.js';
import {
    CstUtils, DefaultDocumentValidator, DocumentState, WorkspaceCache, type CstNode,
    type AstNode, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments, type ValidationOptions,
} from 'langium';
import { requireService, type ChangeTracker, type CoordSharedServices } from '../language/change-tracker.js';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Model } from '../language/generated/ast.js';
import { isStdlibUri } from '../language/stdlib.js';
import { MAX_TEXT_BYTES, tooLargeSize } from '../language/coord-workspace.js';
import { computeWorkspaceFacts, IncrementalWorkspaceFacts, type WorkspaceFacts } from '../analysis/workspace-facts.js';
import { internalErrorFinding, runRules, ZERO_RANGE, type CachedDeclaration } from './engine.js';
import { syntaxRule } from './rules/syntax.js';
import type { Finding, Severity } from './rule.js';
import type { LineComment } from './suppression.js';
import type { CoordConfigProvider } from './config-provider.js';
import { FindingId, RuleId, type FindingRuleId } from './rule-ids.js';

export const INVALID_CONFIG = FindingId.invalidConfig;

const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };
const UNNECESSARY_RULES: ReadonlySet<string> = new Set<FindingRuleId>([RuleId.unused, RuleId.unusedSuppression]);

export type CoordValidatorServices = LangiumCoreServices & {
    validation: { ConfigProvider: CoordConfigProvider };
    shared: CoordSharedServices;
};

export class CoordDocumentValidator extends DefaultDocumentValidator {
    private readonly documents: LangiumDocuments;
    private readonly configProvider: CoordConfigProvider;
    private readonly lexer: CoordValidatorServices['parser']['Lexer'];
    private readonly factsCache: WorkspaceCache<'facts', WorkspaceFacts>;
    /** The facts kept declaration by declaration across builds. */
    readonly incrementalFacts = new IncrementalWorkspaceFacts();
    private readonly findings = new WeakMap<LangiumDocument, Finding[]>();
    private readonly tracker: ChangeTracker;
    /** The reports of declaration rules by declaration, reused after edits that do not touch them. */
    private readonly reports = new WeakMap<AstNode, CachedDeclaration>();
    /** Rules of declaration scope caught reporting outside any declaration: run on whole documents from then on. */
    private readonly misdeclared = new Set<string>();
    /**
     * Reuse the findings of declarations an edit did not touch (default). A
     * one-shot build (`coord check`) turns it off: it would only fill the cache.
     */
    reuseFindings = true;

    constructor(services: CoordValidatorServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.configProvider = services.validation.ConfigProvider;
        this.lexer = services.parser.Lexer;
        this.tracker = requireService(services.shared.workspace.ChangeTracker, 'ChangeTracker');
        this.factsCache = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
    }

    /**
     * The facts of the whole workspace, brought up to date once per build. A
     * one-shot build (`coord check`, {@link reuseFindings} off) merges them in
     * one pass instead: the same facts, without the bookkeeping that serves
     * later edits (entries put in order one by one, lists made per name when
     * asked) — in a check of 1,000 files, about a fifth of validation's CPU.
     */
    workspaceFacts(): WorkspaceFacts {
        return this.factsCache.get('facts', () => this.reuseFindings ? this.incrementalFacts.update(this.documents.all) : computeWorkspaceFacts(this.documents.all));
    }

    /**
     * Where a rule's documentation is (a URI), for the link on the rule id in the
     * editor's Problems panel; the language server sets it, the CLI does not.
     */
    ruleDocumentation?: (rule: string) => string | undefined;

    /** Every finding of the last validation of a document, suppressed ones included. */
    getFindings(document: LangiumDocument): Finding[] | undefined {
        return this.findings.get(document);
    }

    override async validateDocument(document: LangiumDocument, _options?: ValidationOptions): Promise<Diagnostic[]> {
        if (isStdlibUri(document.uri.toString())) return [];
        let findings: Finding[];
        try {
            // A binary file opened or found in the workspace gets one clear finding, as `coord check`
            // refuses it, instead of a syntax error per stray byte.
            const tooLarge = tooLargeSize(document);
            findings = tooLarge !== undefined ? [tooLargeFinding(tooLarge)] : looksBinary(document) ? [binaryFileFinding()] : this.computeFindings(document);
        } catch (e) {
            // A failure outside any one rule (the workspace facts, the configuration, the
            // comments) must not stop the build: it becomes one finding, and the syntax
            // findings are still reported.
            findings = [internalErrorFinding('while validating this file', e, 'only syntax errors are reported'), ...this.syntaxFindingsOnly(document)];
        }
        this.findings.set(document, findings);
        this.tracker.validated(document, new Set(findings.flatMap(f => f.related.map(r => r.uri))));
        return findings.filter(f => !f.suppressed).map(f => toDiagnostic(f, this.ruleDocumentation));
    }

    private computeFindings(document: LangiumDocument): Finding[] {
        const { config, error } = this.configProvider.configFor(document.uri);
        const change = this.reuseFindings ? this.tracker.current() : undefined;
        const findings = runRules({
            document: document as LangiumDocument<Model>,
            facts: this.workspaceFacts(),
            config,
            comments: this.lineComments(document),
            incremental: change && {
                cache: this.reports,
                misdeclared: this.misdeclared,
                stale: declaration => this.tracker.stale(declaration, change),
            },
        });
        if (error) {
            findings.unshift({
                rule: INVALID_CONFIG,
                severity: 'error',
                message: error.key
                    ? t('finding.invalid-config.key', { file: error.file ?? 'configuration', key: error.key, message: error.message })
                    : t('finding.invalid-config', { file: error.file ?? 'configuration', message: error.message }),
                range: ZERO_RANGE,
                related: [],
            });
        }
        return findings;
    }

    private syntaxFindingsOnly(document: LangiumDocument): Finding[] {
        try {
            return runRules({ document: document as LangiumDocument<Model>, facts: computeWorkspaceFacts([]), comments: [], rules: [syntaxRule] });
        } catch {
            return [];
        }
    }

    /**
     * The `//` comments that may hold suppression directives: those that say
     * `coord-disable`, found in the text and confirmed as comment leaves of the
     * syntax tree (a binary search each), so that an edit costs no second lexing
     * of the whole document.
     */
    private lineComments(document: LangiumDocument): LineComment[] {
        const text = document.textDocument.getText();
        if (!text.includes('coord-disable')) return [];
        const root = document.parseResult.value.$cstNode;
        if (!root || root.root.fullText !== text) return this.lexedLineComments(text);
        const result: LineComment[] = [];
        let previous: CstNode | undefined;
        for (let at = text.indexOf('coord-disable'); at >= 0; at = text.indexOf('coord-disable', at + 1)) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, at);
            if (!leaf || leaf === previous || !leaf.hidden || (leaf as { tokenType?: { name: string } }).tokenType?.name !== 'SL_COMMENT') continue;
            previous = leaf;
            result.push({ text: leaf.text, line: leaf.range.start.line, character: leaf.range.start.character });
        }
        return result;
    }

    private lexedLineComments(text: string): LineComment[] {
        const result: LineComment[] = [];
        for (const token of this.lexer.tokenize(text).hidden) {
            if (token.tokenType.name === 'SL_COMMENT') {
                result.push({ text: token.image, line: (token.startLine ?? 1) - 1, character: (token.startColumn ?? 1) - 1 });
            }
        }
        return result;
    }
}


/** NUL bytes that the lexer trips over: a binary file, not text with a NUL in a comment or string. */
function looksBinary(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 && document.textDocument.getText().includes('\u0000');
}

/** A text larger than Coord reads (`coord check` refuses such a file with the same words). */
function tooLargeFinding(bytes: number): Finding {
    return {
        rule: RuleId.syntax,
        severity: 'error',
        message: t('finding.too-large', { size: (bytes / 1048576).toFixed(1), limit: MAX_TEXT_BYTES / 1048576 }),
        range: ZERO_RANGE,
        related: [],
    };
}

function binaryFileFinding(): Finding {
    return {
        rule: RuleId.syntax,
        severity: 'error',
        message: t('finding.binary'),
        range: ZERO_RANGE,
        related: [],
    };
}

/** A finding as an LSP diagnostic: the rule id is the code. */
export function toDiagnostic(f: Finding, ruleDocumentation?: (rule: string) => string | undefined): Diagnostic {
    const diagnostic: Diagnostic = {
        range: f.range,
        severity: SEVERITY_NUMBER[f.severity],
        code: f.rule,
        source: 'coord',
        message: f.message,
        data: { rule: f.rule, ...(f.data ?? {}) },
    };
    const href = ruleDocumentation?.(f.rule);
    if (href) diagnostic.codeDescription = { href };
    if (f.related.length > 0) {
        diagnostic.relatedInformation = f.related
            .filter(r => r.uri)
            .map((r): DiagnosticRelatedInformation => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    }
    if (UNNECESSARY_RULES.has(f.rule)) diagnostic.tags = [1];
    return diagnostic;
}
