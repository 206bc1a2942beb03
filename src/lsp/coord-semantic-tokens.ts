/**
 * Semantic highlighting that tells declarations, references, enumerated
 * values and keywords apart: each kind of declaration has its token type
 * (programme `class`, domain `namespace`, outcome `variable`, population
 * `type`, body `struct`, coordination `interface`, evaluation `function`), a
 * declared name carries the `declaration` modifier and a name from the
 * standard library `defaultLibrary`; enumerated values are `enumMember`,
 * property keywords `property`, other keywords `keyword`, and an effect's
 * direction `operator`. A keyword used as a name is highlighted as the name.
 *
 * Each request computes its tokens alone, in one synchronous walk with a
 * builder of its own. Langium's provider keeps one builder per document and
 * the request's document, range and builder in the provider, and yields while
 * it walks; VS Code asks for the visible range and the whole document at once,
 * so two requests in flight pushed tokens into each other's results and VS
 * Code logged "Overlapping semantic tokens"
 * (test/robustness/semantic-tokens.test.ts).
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { NAME_RULES } from './coord-keywords.js';
import { AbstractSemanticTokenProvider, SemanticTokensBuilder, type SemanticTokenAcceptor } from 'langium/lsp';
import {
    SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken, type Range, type SemanticTokens, type SemanticTokensDelta,
    type SemanticTokensDeltaParams, type SemanticTokensParams, type SemanticTokensRangeParams,
} from 'vscode-languageserver';
import {
    isAchievedProperty, isAgreement, isBarrierProperty, isBetweenProperty, isEffect, isEffects, isIncentiveProperty,
    isLevelProperty, isMethodProperty, isNamedDeclaration, isNodeProperty, isOutcome, isPoliticalSupportProperty,
    isRole, isSectorProperty, isTargetsProperty, isBudgetProperty,
} from '../language/generated/ast.js';
import { inStdlib } from './describe.js';

/** The token type of each kind of declaration. */
export const DECLARATION_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Programme: SemanticTokenTypes.class,
    Domain: SemanticTokenTypes.namespace,
    Outcome: SemanticTokenTypes.variable,
    Population: SemanticTokenTypes.type,
    Body: SemanticTokenTypes.struct,
    Coordination: SemanticTokenTypes.interface,
    Evaluation: SemanticTokenTypes.function,
};

/** Keywords of each node type that are highlighted as keywords. */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
    Domain: ['domain'],
    Outcome: ['outcome', 'in', 'desirable'],
    Population: ['population'],
    Programme: ['programme'],
    Body: ['body'],
    Coordination: ['coordination'],
    Evaluation: ['evaluation'],
    Effects: ['effects', 'of', 'from'],
    BudgetProperty: ['per'],
    Role: ['by'],
    Effect: ['size', 'p', 'note'],
};

export class CoordSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override async semanticHighlight(document: LangiumDocument, _params: SemanticTokensParams, _cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.tokensOf(document, undefined);
    }

    override async semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, _cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.tokensOf(document, params.range);
    }

    /** Delta requests are not announced (Langium's options); one that comes anyway gets the whole document's tokens. */
    override async semanticHighlightDelta(document: LangiumDocument, _params: SemanticTokensDeltaParams, _cancelToken?: CancellationToken): Promise<SemanticTokens | SemanticTokensDelta> {
        return this.tokensOf(document, undefined);
    }

    /**
     * The tokens of a document (or of a range of it), computed in one synchronous
     * walk with a fresh builder: the provider's state is set and cleared around it,
     * so no other request can see or change it.
     */
    private tokensOf(document: LangiumDocument, range: Range | undefined): SemanticTokens {
        const builder = new SemanticTokensBuilder();
        this.currentDocument = document;
        this.currentRange = range;
        this.currentTokensBuilder = builder;
        try {
            const acceptor = this.createAcceptor();
            for (const node of AstUtils.streamAst(document.parseResult.value, { range })) this.highlightElement(node, acceptor);
        } finally {
            this.currentDocument = undefined;
            this.currentRange = undefined;
            this.currentTokensBuilder = undefined;
        }
        return builder.build();
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const keywords = KEYWORDS[node.$type];
        if (keywords && node.$cstNode) {
            for (const leaf of CstUtils.streamCst(node.$cstNode)) {
                // Only the node's own keywords, and not a keyword written as a name (`domain domain`).
                if (leaf.astNode !== node || !isLeafCstNode(leaf) || !GrammarAST.isKeyword(leaf.grammarSource)) continue;
                if (!keywords.includes(leaf.grammarSource.value) || inNameRule(leaf.grammarSource)) continue;
                acceptor({ cst: leaf, type: SemanticTokenTypes.keyword });
            }
        }
        if (isNamedDeclaration(node)) {
            const modifier = [SemanticTokenModifiers.declaration, ...(inStdlib(node) ? [SemanticTokenModifiers.defaultLibrary] : [])];
            acceptor({ node, property: 'name', type: DECLARATION_TOKEN_TYPES[node.$type], modifier });
            if (isOutcome(node)) {
                this.reference(node, 'domain', node.domain, acceptor);
                if (node.desirable) acceptor({ node, property: 'desirable', type: SemanticTokenTypes.enumMember });
            }
            return;
        }
        if ('kind' in node && typeof (node as { kind: unknown }).kind === 'string') {
            acceptor({ node, property: 'kind', type: SemanticTokenTypes.property });
        }
        if (isSectorProperty(node)) {
            node.values.forEach((_, index) => acceptor({ node, property: 'values', index, type: SemanticTokenTypes.enumMember }));
        } else if (isLevelProperty(node) || isMethodProperty(node) || isPoliticalSupportProperty(node)
            || isAchievedProperty(node) || isIncentiveProperty(node) || isBarrierProperty(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.enumMember });
        } else if (isAgreement(node)) {
            acceptor({ node, property: 'formality', type: SemanticTokenTypes.enumMember });
        } else if (isTargetsProperty(node)) {
            node.populations.forEach((r, i) => this.reference(node, 'populations', r, acceptor, i));
        } else if (isBetweenProperty(node)) {
            node.programmes.forEach((r, i) => this.reference(node, 'programmes', r, acceptor, i));
        } else if (isNodeProperty(node)) {
            this.reference(node, 'body', node.body, acceptor);
        } else if (isRole(node)) {
            if (node.actor) this.reference(node, 'actor', node.actor, acceptor);
        } else if (isEffects(node)) {
            node.programmes.forEach((r, i) => this.reference(node, 'programmes', r, acceptor, i));
            if (node.source) this.reference(node, 'source', node.source, acceptor);
        } else if (isEffect(node)) {
            acceptor({ node, property: 'direction', type: SemanticTokenTypes.operator });
            this.reference(node, 'outcome', node.outcome, acceptor);
        } else if (isBudgetProperty(node)) {
            // The amount, unit and period are plain text.
        }
    }

    private reference(node: AstNode, property: string, ref: Reference | undefined, acceptor: SemanticTokenAcceptor, index?: number): void {
        const target = ref?.ref;
        if (!ref || !target) return;
        const type = DECLARATION_TOKEN_TYPES[target.$type] ?? SemanticTokenTypes.variable;
        const modifier = inStdlib(target) ? [SemanticTokenModifiers.defaultLibrary] : [];
        acceptor({ node, property: property as never, index, type, modifier });
    }
}

function inNameRule(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    return rule !== undefined && NAME_RULES.has(rule.name);
}
