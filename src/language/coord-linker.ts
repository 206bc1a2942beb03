/**
 * Linking and reference indexing without Langium's generic AST streams.
 * Langium's linker and reference-description provider walk the tree with
 * lazy streams and await a cancellation check at every node; on a large
 * document that bookkeeping costs more than the lookups themselves. Here the
 * references are collected by a plain recursive walk, in the same order
 * (each node's own references, then its children), and cancellation is
 * checked every {@link CHECK_EVERY} references, which still lets the next
 * keystroke interrupt a build within a few milliseconds.
 */
import {
    AstUtils, Cancellation, CstUtils, DefaultLinker, UriUtils, type DocumentSegment, DefaultReferenceDescriptionProvider, interruptAndCheck, isAstNode, isMultiReference,
    isReference, type AstNode, type LangiumDocument, type ReferenceDescription, type ReferenceInfo,
} from 'langium';

/** How many references are handled between two cancellation checks. */
export const CHECK_EVERY = 256;

/**
 * The references of each top-level declaration, by declaration. After an edit
 * the incremental parser keeps the declarations the edit did not touch (the
 * same objects), so their references are not collected again.
 */
const referencesOfDeclaration = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/** Every reference under `root` (included), in the order of Langium's `streamAst` + `streamReferences`. */
export function collectReferences(root: AstNode, out: ReferenceInfo[] = []): ReferenceInfo[] {
    const container = root.$container;
    if (container !== undefined && container.$container === undefined) {
        // A top-level declaration: its references, collected once.
        let own = referencesOfDeclaration.get(root);
        if (!own) referencesOfDeclaration.set(root, own = collectOwn(root, []));
        for (let i = 0; i < own.length; i++) out.push(own[i]);
        return out;
    }
    return collectOwn(root, out);
}

function collectOwn(root: AstNode, out: ReferenceInfo[]): ReferenceInfo[] {
    const record = root as unknown as Record<string, unknown>;
    const keys = Object.keys(record);
    for (const property of keys) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (isReference(value) || isMultiReference(value)) {
            out.push({ reference: value, container: root, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element = value[index];
                if (isReference(element) || isMultiReference(element)) out.push({ reference: element, container: root, property, index });
            }
        }
    }
    for (const property of keys) {
        if (property.charCodeAt(0) === 36) continue;
        const value = record[property];
        if (Array.isArray(value)) {
            for (const element of value) if (isAstNode(element)) collectReferences(element, out);
        } else if (isAstNode(value)) {
            collectReferences(value, out);
        }
    }
    return out;
}

export class CoordLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const references = collectReferences(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            this.doLink(references[i], document);
        }
    }
}

export class CoordReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const references = collectReferences(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            const info = references[i];
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }

    /**
     * Langium's descriptions, except that the place of the reference (its path in
     * the tree and its range) is computed when first read: after every edit the
     * whole document is indexed again, while only find-references reads places.
     */
    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (reference.error || !reference.$refNode) return [];
        const items = isReference(reference)
            ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : isMultiReference(reference) ? reference.items.flatMap(e => (e.$nodeDescription ? [e.$nodeDescription] : [])) : [];
        if (items.length === 0) return [];
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        const locator = this.nodeLocator;
        let sourcePath: string | undefined, segment: DocumentSegment | undefined;
        const place = {
            get sourcePath() { return sourcePath ??= locator.getAstNodePath(refInfo.container); },
            get segment() { return segment ??= CstUtils.toDocumentSegment(reference.$refNode); },
        };
        return items.map(item => Object.defineProperties({
            sourceUri, targetUri: item.documentUri, targetPath: item.path, local: UriUtils.equals(item.documentUri, sourceUri),
        }, {
            sourcePath: { get: () => place.sourcePath, enumerable: true },
            segment: { get: () => place.segment, enumerable: true },
        }) as ReferenceDescription);
    }
}
