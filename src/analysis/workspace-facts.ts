/**
 * Facts about the whole workspace that rules need and that no single document
 * holds: every declaration by name, what is referenced from anywhere, which
 * coordinations involve each programme, and every effect by its cell
 * (combination, comparator, outcome, subgroup). Computed once per build in time linear in the size of
 * the workspace, so that rules stay linear too (no per-reference scan of all
 * names, no per-coordination scan of all effects).
 */
import type { AstNode, LangiumDocument } from 'langium';
import {
    isCoordination, isEffects, isNamedDeclaration,
    type Coordination, type Effect, type Effects, type Model, type NamedDeclaration, type Programme,
} from '../language/generated/ast.js';
import { isStdlibUri } from '../language/stdlib.js';
import { compareUris } from '../language/coord-workspace.js';
import { coordinationProgrammes } from './queries.js';
import { cellKey } from './evidence.js';

export interface DeclarationEntry {
    node: NamedDeclaration;
    uri: string;
    stdlib: boolean;
}

export interface WorkspaceFacts {
    /** Every named declaration of the workspace (standard library included) by name. */
    readonly declarationsByName: ReadonlyMap<string, readonly DeclarationEntry[]>;
    /** Declarations that some reference in the workspace resolves to. */
    readonly referenced: ReadonlySet<AstNode>;
    /** The coordinations whose `between` lists a programme. */
    readonly coordinationsByProgramme: ReadonlyMap<Programme, readonly Coordination[]>;
    /** Every effect by its cell, `combination|comparator|outcome|subgroup` (names as written; §7.2). */
    readonly effectsByCell: ReadonlyMap<string, readonly Effect[]>;
    /** All documents of the workspace, standard library included. */
    readonly documents: readonly LangiumDocument[];
}

/** The key under which {@link WorkspaceFacts.effectsByCell} files an effect: its cell. */
export function effectKey(block: Effects, effect: Effect): string {
    return cellKey(block, effect);
}

/**
 * What one document contributes to the facts, kept while the document has the
 * same tree and the same linked references (Langium relinks a document into a
 * new references array): after an edit of one file of a large workspace, the
 * other files' contributions are merged again, not computed again.
 */
interface DocumentFacts {
    readonly root: unknown;
    readonly references: unknown;
    readonly declarations: readonly DeclarationEntry[];
    readonly coordinations: ReadonlyArray<readonly [Programme, Coordination]>;
    readonly effects: ReadonlyArray<readonly [string, Effect]>;
    readonly referenced: readonly AstNode[];
}

const byDocument = new WeakMap<LangiumDocument, DocumentFacts>();

export function computeWorkspaceFacts(documents: Iterable<LangiumDocument>): WorkspaceFacts {
    const declarationsByName = new Map<string, DeclarationEntry[]>();
    const referenced = new Set<AstNode>();
    const coordinationsByProgramme = new Map<Programme, Coordination[]>();
    const effectsByCell = new Map<string, Effect[]>();
    // In the order of their URIs, as the index lists declarations (CoordIndexManager): a
    // document edited, deleted or added again must not change which entry comes first.
    const docs = [...documents].sort((a, b) => compareUris(a.uri.toString(), b.uri.toString()));
    for (const document of docs) {
        let facts = byDocument.get(document);
        if (!facts || facts.root !== document.parseResult.value || facts.references !== document.references) {
            facts = documentFacts(document);
            byDocument.set(document, facts);
        }
        for (const entry of facts.declarations) {
            let entries = declarationsByName.get(entry.node.name);
            if (!entries) declarationsByName.set(entry.node.name, entries = []);
            entries.push(entry);
        }
        for (const [programme, coordination] of facts.coordinations) {
            let list = coordinationsByProgramme.get(programme);
            if (!list) coordinationsByProgramme.set(programme, list = []);
            list.push(coordination);
        }
        for (const [key, effect] of facts.effects) {
            let list = effectsByCell.get(key);
            if (!list) effectsByCell.set(key, list = []);
            list.push(effect);
        }
        for (const target of facts.referenced) referenced.add(target);
    }
    return { declarationsByName, referenced, coordinationsByProgramme, effectsByCell, documents: docs };
}

function documentFacts(document: LangiumDocument): DocumentFacts {
    const uri = document.uri.toString();
    const stdlib = isStdlibUri(uri);
    const model = document.parseResult.value as Model;
    const declarations: DeclarationEntry[] = [];
    const coordinations: Array<readonly [Programme, Coordination]> = [];
    const effects: Array<readonly [string, Effect]> = [];
    const referenced: AstNode[] = [];
    for (const decl of model.declarations ?? []) {
        if (isNamedDeclaration(decl) && decl.name) declarations.push({ node: decl, uri, stdlib });
        if (isCoordination(decl)) {
            for (const programme of coordinationProgrammes(decl)) coordinations.push([programme, decl]);
        } else if (isEffects(decl)) {
            for (const effect of decl.effects) {
                // Parser recovery can leave an effect without its outcome; such an effect has no key.
                if (!effect.outcome?.$refText) continue;
                effects.push([effectKey(decl, effect), effect]);
            }
        }
    }
    for (const ref of document.references) {
        const target = 'ref' in ref ? ref.ref : undefined;
        if (target && !isSelfReference(ref.$refNode?.astNode, target)) referenced.push(target);
    }
    return { root: model, references: document.references, declarations, coordinations, effects, referenced };
}

/** A reference from inside a declaration to that same declaration does not make it used. */
function isSelfReference(from: AstNode | undefined, target: AstNode): boolean {
    for (let node = from; node; node = node.$container) {
        if (node === target) return true;
    }
    return false;
}
