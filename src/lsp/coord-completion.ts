/**
 * Completion that fits the cursor. Langium's default provider already offers
 * the keywords and cross-references the grammar allows at the cursor (it
 * re-parses the text up to it); Coord refines that: keywords that are only
 * there because any keyword may be a name are dropped, a property that may
 * appear once and is already in the block is not offered again, required
 * properties come first, enumerated values say what they are, references say
 * what they point to (an outcome's domain and desirable direction), and a
 * programme already listed in the same `between` or `effects of` is not offered
 * twice. (v2) On an effect, only the details it does not have yet are offered;
 * after `size N` the usual units; estimands and certainty levels say what they
 * mean. A declaration keyword inserts its template (coord-snippets.ts) where
 * the client takes snippets: one item, never a keyword beside a snippet.
 */
import { AstUtils, GrammarAST, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type AstNodeLocator, type ReferenceInfo, type Stream } from 'langium';
import { type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type LangiumServices } from 'langium/lsp';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { propertyOf } from '../analysis/queries.js';
import {
    isBetweenProperty, isBody, isCoordination, isEffects, isEvaluation, isLevelBlock, isNamedDeclaration, isProgramme,
    type Effect, type Model, type NamedDeclaration,
} from '../language/generated/ast.js';
import { isStdlibUri } from '../language/stdlib.js';
import { ONCE_PROPERTIES } from '../validation/rules/repeated-property.js';
import { REQUIRED_PROPERTIES } from '../validation/rules/required-property.js';
import { completionDetail } from './describe.js';
import { declarationAt, WindowedCompletionProvider } from './completion-window.js';
import { ENUM_RULES, INLINE_ENUM_RULES, KEYWORD_DOCS, NAME_RULES, SIZE_UNITS, VALUE_DOCS } from './coord-keywords.js';
import { DECLARATION_SNIPPETS, expandSnippet } from './coord-snippets.js';

/** The rules of an effect's details (§7.1): each may appear once on an effect. */
const DETAIL_RULES = new Set(['SizeDetail', 'CiDetail', 'SeDetail', 'PDetail', 'NDetail', 'EstimandDetail', 'FollowupDetail',
    'SubgroupDetail', 'CertaintyDetail', 'CiteProperty', 'NoteProperty']);

/** Properties a block must have: offered first while missing. */
const REQUIRED: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
    Object.entries(REQUIRED_PROPERTIES).map(([type, props]) => [type, new Set(props.map(([prop]) => prop))]),
);

const DECLARATION_KEYWORDS = new Set(['domain', 'outcome', 'population', 'programme', 'body', 'coordination', 'evaluation', 'effects']);

/** The grammar rules of the top-level declarations, each started by its own keyword (`Programme` by `programme`). */
const DECLARATION_RULES = new Set(['Domain', 'Outcome', 'Population', 'Programme', 'Body', 'Coordination', 'Evaluation', 'Effects']);

/**
 * Where completion opens by itself, as the user types a space: after a keyword
 * that a reference follows (`between `, `of `, `+ `, `from `, `node `, `targets `)
 * or after the `,` of a list of references. A space anywhere else opens nothing.
 */
const OPENS_AFTER = /(?:^|[^A-Za-z0-9_-])(?:between|of|from|node|targets|by)\s$|(?:^|\s)\+\s$|[A-Za-z0-9_],\s$/;

export class CoordCompletionProvider extends WindowedCompletionProvider {
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' '] };

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ') {
            const line = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
            if (!OPENS_AFTER.test(line)) return undefined;
        }
        return super.getCompletion(document, params, cancelToken);
    }

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    /** Contexts in which the size units were already offered (the unit rule has one keyword per word). */
    private readonly unitsOffered = new WeakSet<CompletionContext>();

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule && NAME_RULES.has(rule.name)) return false;
        if (rule && DETAIL_RULES.has(rule.name) && isPropertyKeyword(keyword)) {
            const effect = this.effectAt(context);
            if (effect?.present.has(keyword.value)) return false;
            if (effect) return true;
        }
        if (isPropertyKeyword(keyword) || rule?.name === 'Level') {
            const block = this.enclosingBlock(context);
            if (block && (ONCE_PROPERTIES as Readonly<Record<string, ReadonlySet<string>>>)[block.type]?.has(keyword.value) && block.present.has(keyword.value)) return false;
        }
        return true;
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const unitRule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (unitRule?.name === 'SizeUnit' && !this.unitsOffered.has(context)) {
            this.unitsOffered.add(context);
            for (const [unit, meaning] of SIZE_UNITS) {
                acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail: `unit: ${meaning}`, sortText: `0${unit}` });
            }
        }
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        // `national`, `regional` and `local` open a level block inside a coordination, and are a value after `level`.
        const levelBlock = rule?.name === 'Level' && this.enclosingBlock(context)?.type === 'Coordination';
        const property = isPropertyKeyword(keyword) || levelBlock;
        const enumWord = rule && !levelBlock ? ENUM_RULES[rule.name] ?? (property ? undefined : INLINE_ENUM_RULES[rule.name]) : undefined;
        const value = keyword.value;
        if (enumWord) {
            const meaning = VALUE_DOCS[value];
            acceptor(context, {
                label: value, kind: CompletionItemKind.EnumMember, detail: enumWord, sortText: `0${value}`,
                ...(meaning ? { documentation: { kind: MarkupKind.Markdown, value: meaning } } : {}),
            });
            return;
        }
        const doc = KEYWORD_DOCS[value];
        // A declaration keyword and its template are one item: the keyword, inserting the template where the client takes snippets.
        const template = rule && DECLARATION_RULES.has(rule.name) && rule.name.toLowerCase() === value ? DECLARATION_SNIPPETS[value] : undefined;
        if (template && this.clientCapabilities?.completionItem?.snippetSupport) {
            const shown = '```coord\n' + expandSnippet(template.body) + '\n```';
            acceptor(context, {
                label: value,
                kind: CompletionItemKind.Keyword,
                detail: 'declaration',
                labelDetails: { description: 'template' },
                documentation: { kind: MarkupKind.Markdown, value: `${doc ?? template.description}\n\n${shown}` },
                insertText: template.body.join('\n'),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: `2${value}`,
            });
            return;
        }
        let sortText = `2${value}`;
        if (property) {
            const block = this.enclosingBlock(context);
            sortText = block && REQUIRED[block.type]?.has(value) && !block.present.has(value) ? `0${value}` : `1${value}`;
        }
        acceptor(context, {
            label: value,
            kind: property ? CompletionItemKind.Property : CompletionItemKind.Keyword,
            detail: property ? 'property' : DECLARATION_KEYWORDS.has(value) ? 'declaration' : 'keyword',
            ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
            sortText,
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const container = refInfo.container;
        const listed = new Set<string>();
        const list = isBetweenProperty(container) ? container.programmes
            : isEffects(container) && refInfo.property === 'programmes' ? container.programmes : [];
        for (const ref of list) {
            // The name being completed (under the cursor) may be replaced by itself or any other.
            const node = ref.$refNode;
            if (node && node.offset <= context.offset && context.offset <= node.end) continue;
            listed.add(ref.$refText);
        }
        return candidates.filter(c => !listed.has(c.name));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = this.nodeOf(description);
        const stdlib = isStdlibUri(description.documentUri.toString());
        // A programme shows its country and sector beside its name; those of the country at hand come first.
        const country = node && isProgramme(node) ? propertyOf(node, 'country')?.values ?? [] : [];
        const sector = node && isProgramme(node) ? propertyOf(node, 'sector')?.values.join(', ') : undefined;
        const here = node && isProgramme(node) ? this.countriesAtHand(refInfo, context) : new Set<string>();
        const sameCountry = country.some(c => here.has(c));
        const beside = isProgramme(node) ? [country.join(', '), sector].filter(Boolean).join(' · ') : undefined;
        return {
            ...item,
            detail: node ? completionDetail(node) : description.type.toLowerCase(),
            ...(beside ? { labelDetails: { detail: ` ${beside}`, ...(node?.title ? { description: node.title } : {}) } }
                : node?.title ? { labelDetails: { description: node.title } } : {}),
            // The workspace's own declarations before the standard library's; programmes of the country at hand first.
            sortText: `${stdlib ? '1' : '0'}${here.size > 0 && !sameCountry ? '1' : '0'}${description.name}`,
        };
    }

    /**
     * The countries a programme reference is about: those of the programmes already
     * listed beside it (in the same `between` or `effects of`), else those of the
     * programmes declared in the document.
     */
    private countriesAtHand(refInfo: ReferenceInfo, context: CompletionContext): Set<string> {
        const countries = new Set<string>();
        const add = (programme: unknown) => {
            if (isProgramme(programme)) for (const c of propertyOf(programme, 'country')?.values ?? []) countries.add(c);
        };
        const container = refInfo.container;
        const list = isBetweenProperty(container) ? container.programmes : isEffects(container) ? container.programmes : [];
        for (const ref of list) add(ref.ref);
        if (countries.size > 0) return countries;
        for (const declaration of (context.document.parseResult.value as Model).declarations) add(declaration);
        return countries;
    }

    private nodeOf(description: AstNodeDescription): NamedDeclaration | undefined {
        let node = description.node;
        if (!node) {
            const document = this.documents.getDocument(description.documentUri);
            if (document) node = this.locator.getAstNode(document.parseResult.value, description.path);
        }
        return node && isNamedDeclaration(node) ? node : undefined;
    }

    /**
     * The effect whose details the cursor extends (the last effect of the `effects`
     * block at the cursor that starts before it) and the details it already has
     * outside the cursor.
     */
    private effectAt(context: CompletionContext): { present: Set<string> } | undefined {
        const offset = context.offset;
        const declaration = declarationAt(context.document.parseResult.value as Model, offset);
        if (!declaration || !isEffects(declaration)) return undefined;
        let effect: Effect | undefined;
        for (const e of declaration.effects) {
            if (e.$cstNode && e.$cstNode.offset < offset) effect = e;
        }
        if (!effect) return undefined;
        const present = new Set<string>();
        for (const d of effect.details ?? []) {
            const c = d?.$cstNode;
            if (c && (offset < c.offset || offset > c.end)) present.add(d.kind);
        }
        return { present };
    }

    /** The block the cursor is inside and the properties it already has (outside the cursor). */
    private enclosingBlock(context: CompletionContext): { type: string; present: Set<string> } | undefined {
        const offset = context.offset;
        // Blocks do not nest across top-level declarations: look only inside the one at the cursor.
        const declaration = declarationAt(context.document.parseResult.value as Model, offset);
        if (!declaration) return undefined;
        let found: { type: string; present: Set<string> } | undefined;
        for (const node of AstUtils.streamAst(declaration)) {
            const cst = node.$cstNode;
            if (!cst || cst.offset >= offset || cst.end < offset) continue;
            if (!(isProgramme(node) || isCoordination(node) || isEvaluation(node) || isBody(node) || isLevelBlock(node))) continue;
            // Inside the braces: after the `{` and before the `}` (if any).
            const open = cst.text.indexOf('{');
            if (open < 0 || cst.offset + open >= offset) continue;
            if (cst.text.endsWith('}') && cst.end <= offset) continue;
            const children = isLevelBlock(node) ? node.items : node.properties;
            const present = new Set<string>();
            for (const child of children) {
                const c = child.$cstNode;
                if (c && (offset < c.offset || offset > c.end)) present.add(child.kind);
            }
            found = { type: isLevelBlock(node) ? 'LevelBlock' : node.$type, present };
        }
        return found;
    }
}

/** Whether a keyword starts a property (it is assigned to a `kind` feature). */
function isPropertyKeyword(keyword: GrammarAST.Keyword): boolean {
    const assignment = AstUtils.getContainerOfType(keyword, GrammarAST.isAssignment);
    return assignment?.feature === 'kind';
}
