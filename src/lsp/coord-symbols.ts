/**
 * Symbols for outlines, breadcrumbs and workspace symbol search: a symbol
 * kind per kind of declaration, and `effects` blocks (which have no name)
 * shown as "effects of A + B" with one child per effect ("+ savings").
 */
import type { AstNode, AstNodeDescription, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isEffects } from '../language/generated/ast.js';

const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Programme: SymbolKind.Class,
    Coordination: SymbolKind.Interface,
    Domain: SymbolKind.Namespace,
    Outcome: SymbolKind.Field,
    Population: SymbolKind.TypeParameter,
    Body: SymbolKind.Struct,
    Evaluation: SymbolKind.Event,
    Effects: SymbolKind.Array,
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    Programme: CompletionItemKind.Class,
    Coordination: CompletionItemKind.Interface,
    Domain: CompletionItemKind.Module,
    Outcome: CompletionItemKind.Field,
    Population: CompletionItemKind.TypeParameter,
    Body: CompletionItemKind.Struct,
    Evaluation: CompletionItemKind.Event,
};

export class CoordNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

export class CoordDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        if (isEffects(node) && node.$cstNode) {
            const range = node.$cstNode.range;
            const keyword = node.$cstNode.text.startsWith('effects') ? { start: range.start, end: { line: range.start.line, character: range.start.character + 7 } } : range;
            const children: DocumentSymbol[] = node.effects.filter(e => e.$cstNode).map(e => ({
                name: `${e.direction} ${e.outcome?.$refText ?? ''}`,
                kind: SymbolKind.EnumMember,
                range: e.$cstNode!.range,
                selectionRange: e.$cstNode!.range,
            }));
            return [{
                name: `effects of ${node.programmes.map(r => r.$refText).join(' + ')}`,
                detail: node.source ? `from ${node.source.$refText}` : undefined,
                kind: SymbolKind.Array,
                range,
                selectionRange: keyword,
                children,
            }];
        }
        return super.getSymbol(document, node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}
