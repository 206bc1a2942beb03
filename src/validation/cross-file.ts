/**
 * What one document contributes to the verdicts on other documents, as a
 * string: the kind and name of every declaration, every reference as written
 * (with where it sits), and the direction of every effect. This is exactly
 * what {@link computeWorkspaceFacts} collects from a document (names,
 * references, the programmes of each coordination, effects by key) — the only
 * way a rule sees another document, besides following a reference. The
 * document builder compares a changed document's signature before and after
 * the change: when it is the same, the other documents' findings cannot have
 * changed, and they are not validated again (Langium itself relinks and
 * re-validates the documents that reference the changed one). When you let
 * rules see more of other documents through the workspace facts, add it here.
 */
import { AstUtils, type AstNode } from 'langium';
import { isEffect, isNamedDeclaration, type Model } from '../language/generated/ast.js';

/** The cross-file signature of a parsed document (its root node); linear in the size of the document. */
export function crossFileSignature(model: AstNode | undefined): string {
    if (!model) return '';
    const parts: string[] = [];
    for (const decl of (model as Model).declarations ?? []) {
        parts.push(`${decl.$type} ${isNamedDeclaration(decl) ? decl.name ?? '' : ''}`);
    }
    for (const node of AstUtils.streamAst(model)) {
        if (isEffect(node)) parts.push(`effect ${node.direction ?? ''}`);
        for (const ref of AstUtils.streamReferences(node)) {
            parts.push(`${ref.container.$type}.${ref.property}=${ref.reference.$refText}`);
        }
    }
    return parts.join('\n');
}
