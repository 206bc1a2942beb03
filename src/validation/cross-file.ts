/**
 * What one document contributes to the verdicts on other documents: the kind
 * and name of every declaration, every reference as written (with where it
 * sits), and the direction of every effect. This is exactly
 * what {@link computeWorkspaceFacts} collects from a document (names,
 * references, the programmes of each coordination, effects by key) — the only
 * way a rule sees another document, besides following a reference. The
 * document builder compares a changed document before and after the change
 * ({@link crossFileChange}): when a declaration appeared, went or was renamed,
 * every document is validated again; when only references or effects changed,
 * the documents that declare or mention the names involved; otherwise none
 * (Langium itself relinks and re-validates the documents that reference the
 * changed one). When you let rules see more of other documents through the
 * workspace facts, add it here.
 */
import { AstUtils, type AstNode } from 'langium';
import { isEffect, isEffects, isNamedDeclaration, type Model } from '../language/generated/ast.js';
import { collectReferences } from '../language/coord-linker.js';

/** What an edit changed that other documents can see. */
export interface CrossFileChange {
    /**
     * Declarations were added, removed, renamed or changed kind: any document may be
     * affected; `names` then holds the names those declarations had before and after
     * (references to them may now resolve elsewhere).
     */
    readonly declarations: boolean;
    /** The names whose references (or effects) changed: documents that declare or mention them may be affected. */
    readonly names: ReadonlySet<string>;
}

const NO_CHANGE: CrossFileChange = { declarations: false, names: new Set() };

/**
 * What changed for other documents between two parses of a document (their
 * root nodes). Top-level declarations are independent, so the declarations
 * whose text did not change are skipped (the unchanged ones before and after
 * the edit); only the ones in between are compared. An edit costs a comparison
 * of texts plus a walk of the declarations it touched, not a walk of the whole
 * document.
 */
export function crossFileChange(before: AstNode | undefined, after: AstNode | undefined): CrossFileChange {
    if (before === after) return NO_CHANGE;
    const a = (before as Model | undefined)?.declarations ?? [];
    const b = (after as Model | undefined)?.declarations ?? [];
    let start = 0;
    while (start < a.length && start < b.length && sameText(a[start], b[start])) start++;
    let endA = a.length, endB = b.length;
    while (endA > start && endB > start && sameText(a[endA - 1], b[endB - 1])) {
        endA--;
        endB--;
    }
    const oldPart = a.slice(start, endA), newPart = b.slice(start, endB);
    if (declarationKeys(oldPart) !== declarationKeys(newPart)) {
        const declared = [...oldPart, ...newPart].flatMap(d => (isNamedDeclaration(d) && d.name ? [d.name] : []));
        return { declarations: true, names: new Set(declared) };
    }
    const oldTokens = tokens(oldPart), newTokens = tokens(newPart);
    const names = new Set<string>();
    for (const [key, token] of oldTokens) {
        if (newTokens.get(key)?.count !== token.count) token.names.forEach(n => names.add(n));
    }
    for (const [key, token] of newTokens) {
        if (oldTokens.get(key)?.count !== token.count) token.names.forEach(n => names.add(n));
    }
    return { declarations: false, names };
}

function declarationKeys(declarations: readonly AstNode[]): string {
    return declarations.map(d => `${d.$type} ${isNamedDeclaration(d) ? d.name ?? '' : ''}`).join('\n');
}

/**
 * The references and effects of some declarations as counted tokens, each with
 * the names it involves: a reference involves the name it is written with; an
 * effect involves its outcome, its block's programmes and its source.
 */
function tokens(declarations: readonly AstNode[]): Map<string, { count: number; names: string[] }> {
    const out = new Map<string, { count: number; names: string[] }>();
    const add = (key: string, names: string[]) => {
        const t = out.get(key);
        if (t) t.count++;
        else out.set(key, { count: 1, names });
    };
    for (const decl of declarations) {
        // A reference counts with its declaration: moving `P` from one coordination's
        // `between` to another's changes what `coordinationsByProgramme` says.
        const owner = `${decl.$type} ${isNamedDeclaration(decl) ? decl.name ?? '' : ''}`;
        for (const node of AstUtils.streamAst(decl)) {
            if (isEffect(node)) {
                const block = isEffects(node.$container) ? node.$container : undefined;
                // (v2) The comparator and the subgroup are part of the effect's cell: moving an
                // effect to another cell changes what mixed-evidence and conflicting-effects say.
                const names = [
                    ...(block?.programmes ?? []).map(r => r.$refText), block?.source?.$refText ?? '', node.outcome?.$refText ?? '',
                    ...(block?.comparator?.programmes ?? []).map(r => r.$refText), block?.comparator?.none ? 'versus none' : '',
                    ...(node.details ?? []).flatMap(d => (d?.$type === 'SubgroupDetail' ? [`subgroup ${d.population?.$refText ?? ''}`, d.population?.$refText ?? ''] : [])),
                ].filter(n => n);
                add(`effect ${node.direction ?? ''} ${names.join(' ')}`, names);
            }
            for (const ref of AstUtils.streamReferences(node)) {
                const name = ref.reference.$refText;
                add(`${owner}: ${ref.container.$type}.${ref.property}=${name}`, [name]);
            }
        }
    }
    return out;
}

/** Whether a document declares or mentions (references) any of the names. */
export function mentionsAny(model: AstNode | undefined, references: ReadonlyArray<{ $refText: string }>, names: ReadonlySet<string>): boolean {
    if (names.size === 0) return false;
    for (const decl of (model as Model | undefined)?.declarations ?? []) {
        if (isNamedDeclaration(decl) && decl.name && names.has(decl.name)) return true;
    }
    return references.some(r => names.has(r.$refText));
}

/** Whether a top-level declaration declares or mentions (references) any of the names. */
export function declarationMentionsAny(declaration: AstNode, names: ReadonlySet<string>): boolean {
    if (names.size === 0) return false;
    if (isNamedDeclaration(declaration) && declaration.name && names.has(declaration.name)) return true;
    return collectReferences(declaration).some(info => names.has((info.reference as { $refText: string }).$refText));
}

function sameText(x: AstNode, y: AstNode): boolean {
    const cx = x.$cstNode, cy = y.$cstNode;
    return cx !== undefined && cy !== undefined && cx.length === cy.length && cx.text === cy.text;
}
