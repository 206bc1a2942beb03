/**
 * What one document contributes to the verdicts on other documents, as a
 * string: the kind and name of every declaration, every reference as written
 * (with where it sits), and the direction of every effect. This is exactly
 * what {@link computeWorkspaceFacts} collects from a document (names,
 * references, the programmes of each coordination, effects by key) — the only
 * way a rule sees another document, besides following a reference. The
 * document builder compares a changed document's signature before and after
 * the change ({@link crossFileChanged}): when it is the same, the other documents' findings cannot have
 * changed, and they are not validated again (Langium itself relinks and
 * re-validates the documents that reference the changed one). When you let
 * rules see more of other documents through the workspace facts, add it here.
 */
import { AstUtils, type AstNode } from 'langium';
import { isEffect, isNamedDeclaration, type Model } from '../language/generated/ast.js';

/** The cross-file signature of some top-level declarations; linear in their size. */
export function crossFileSignature(declarations: readonly AstNode[]): string {
    const parts: string[] = [];
    for (const decl of declarations) {
        parts.push(`${decl.$type} ${isNamedDeclaration(decl) ? decl.name ?? '' : ''}`);
        for (const node of AstUtils.streamAst(decl)) {
            if (isEffect(node)) parts.push(`effect ${node.direction ?? ''}`);
            for (const ref of AstUtils.streamReferences(node)) {
                parts.push(`${ref.container.$type}.${ref.property}=${ref.reference.$refText}`);
            }
        }
    }
    return parts.join('\n');
}

/**
 * Whether a document's cross-file signature differs between two parses of it
 * (their root nodes). Top-level declarations are independent, so the
 * declarations whose text did not change are skipped (the unchanged ones before
 * and after the edit); only the ones in between are compared. An edit costs a
 * comparison of texts plus a walk of the declarations it touched, not a walk of
 * the whole document.
 */
export function crossFileChanged(before: AstNode | undefined, after: AstNode | undefined): boolean {
    if (before === after) return false;
    const a = (before as Model | undefined)?.declarations ?? [];
    const b = (after as Model | undefined)?.declarations ?? [];
    let start = 0;
    while (start < a.length && start < b.length && sameText(a[start], b[start])) start++;
    let endA = a.length, endB = b.length;
    while (endA > start && endB > start && sameText(a[endA - 1], b[endB - 1])) {
        endA--;
        endB--;
    }
    return crossFileSignature(a.slice(start, endA)) !== crossFileSignature(b.slice(start, endB));
}

function sameText(x: AstNode, y: AstNode): boolean {
    const cx = x.$cstNode, cy = y.$cstNode;
    return cx !== undefined && cy !== undefined && cx.length === cy.length && cx.text === cy.text;
}
