/**
 * Coord's document list (`CoordLangiumDocuments`, src/language/coord-workspace.ts)
 * answers `getDocument` from a map by the text of each document's URI before
 * asking Langium's trie of URIs: the same answers as the trie for every URI
 * (the same text, another spelling of the same URI, a folder, a URI no document
 * has), before and after documents are added and deleted (a deleted URI takes
 * the documents under it out of the trie too), and without the trie's work for
 * a URI written as a document's.
 */
import { describe, expect, it, vi } from 'vitest';
import { DefaultLangiumDocuments, EmptyFileSystem, URI, UriUtils, type LangiumDocument } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';

// `file:///w/sub.coord` is both a document and a folder of others.
const STORED = ['file:///w/a.coord', 'file:///w/sub.coord', 'file:///w/sub.coord/b.coord', 'file:///w/sub.coord/deeper/c.coord', 'untitled:Untitled-1.coord',
    'file:///w/with%20space.coord', 'file:///c%3A/x.coord', 'file:///w/q.coord?x=1#f'];
const ASKED = [...STORED, 'file:///w/with space.coord', 'file:///C:/x.coord', 'file:///c:/x.coord', 'file:///w/sub.coord/', 'file:///w', 'file:///w/a.coord/',
    'file:///w/A.coord', 'file:///w/q.coord', 'untitled:Untitled-2.coord', 'file:///nowhere.coord', 'file:///w/sub.coord/deeper'];

function setup() {
    const { shared } = createCoordCoreServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const add = (uri: string) => {
        const document = factory.fromString('domain d "D"\n', URI.parse(uri));
        documents.addDocument(document);
        return document;
    };
    // Langium's own answer: its trie.
    const trie = (uri: URI) => DefaultLangiumDocuments.prototype.getDocument.call(documents, uri) as LangiumDocument | undefined;
    const same = () => {
        for (const text of ASKED) {
            const uri = URI.parse(text);
            expect(documents.getDocument(uri), text).toBe(trie(uri));
            expect(documents.getDocument(URI.parse(uri.toString())), text).toBe(trie(uri));
        }
    };
    return { documents, add, same };
}

describe('Coord\'s document list', () => {
    it('finds the documents Langium\'s trie finds, for every way of writing their URIs', () => {
        const { add, same } = setup();
        same();
        for (const uri of STORED) add(uri);
        same();
    });

    it('stays the trie\'s after deletions: of a document, of a folder, of a URI with documents under it', () => {
        const { documents, add, same } = setup();
        for (const uri of STORED) add(uri);
        documents.deleteDocument(URI.parse('file:///w/a.coord'));
        same();
        // The document at `file:///w/sub.coord` goes, and the trie drops the documents under it with it.
        documents.deleteDocument(URI.parse('file:///w/sub.coord'));
        same();
        expect(documents.getDocument(URI.parse('file:///w/sub.coord/b.coord'))).toBeUndefined();
        add('file:///w/sub.coord/b.coord');
        add('file:///w/a.coord');
        same();
        documents.deleteDocuments(URI.parse('file:///w'));
        same();
        expect([...documents.all].map(d => d.uri.toString()).sort()).toEqual(['file:///c%3A/x.coord', 'untitled:Untitled-1.coord']);
        add('file:///w/a.coord');
        same();
    });

    it('answers a URI written as a document\'s without the trie\'s normal form', () => {
        const { documents, add } = setup();
        const added = STORED.map(add);
        const normalize = vi.spyOn(UriUtils, 'normalize');
        try {
            for (const document of added) expect(documents.getDocument(URI.parse(document.uri.toString()))).toBe(document);
            expect(normalize).not.toHaveBeenCalled();
            // Another spelling of a document's URI prints as the document's does.
            expect(documents.getDocument(URI.parse('file:///C:/x.coord'))).toBe(added[6]);
            expect(normalize).not.toHaveBeenCalled();
            // A URI no document has is looked up in the trie.
            expect(documents.getDocument(URI.parse('file:///w/none.coord'))).toBeUndefined();
            expect(normalize).toHaveBeenCalled();
        } finally {
            normalize.mockRestore();
        }
    });
});
