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
import { DefaultLangiumDocuments, EmptyFileSystem, URI, UriTrie, UriUtils, type LangiumDocument } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { LastUriTrie } from '../../src/language/coord-workspace.js';

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

/**
 * The documents' trie remembers the last URI it normalised (adding asks `has`, then
 * `insert`, for the same text): the same answers as Langium's trie for any sequence of
 * calls, with each text normalised once when it is asked twice in a row.
 */
describe('the trie of document URIs', () => {
    const texts = [...STORED, ...ASKED, 'file:///w/', 'file:///w/sub.coord/deeper/', 'untitled:', 'file:///w/%7e.coord', 'file:///w/~.coord'];

    it('answers as Langium\'s trie for every call, in a random order of inserts, deletions and look-ups', () => {
        let seed = 7;
        const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
        for (let run = 0; run < 20; run++) {
            const ours = new LastUriTrie<number>();
            const langium = new UriTrie<number>();
            for (let step = 0; step < 200; step++) {
                const text = texts[next(texts.length)];
                // Often the same text twice in a row, as addDocument and deleteDocument ask.
                const op = next(6);
                if (op === 0) { ours.insert(text, step); langium.insert(text, step); }
                else if (op === 1) { ours.delete(text); langium.delete(text); }
                else if (op === 2) expect(ours.has(text), text).toBe(langium.has(text));
                else if (op === 3) expect(ours.find(text), text).toBe(langium.find(text));
                else if (op === 4) expect(ours.findAll(text), text).toEqual(langium.findAll(text));
                else expect(ours.findChildren(text), text).toEqual(langium.findChildren(text));
                expect(ours.all()).toEqual(langium.all());
            }
        }
    });

    it('normalises a document\'s URI once when the document is added, and again for another URI', () => {
        const workspace = createCoordCoreServices(EmptyFileSystem).shared.workspace;
        const normalize = vi.spyOn(UriUtils, 'normalize');
        try {
            const a = workspace.LangiumDocumentFactory.fromString('domain d "D"\n', URI.parse('file:///w/a.coord'));
            workspace.LangiumDocuments.addDocument(a);
            expect(normalize).toHaveBeenCalledTimes(1);
            // The same URI again is refused, as Langium refuses it.
            expect(() => workspace.LangiumDocuments.addDocument(a)).toThrow(/already present/);
            const b = workspace.LangiumDocumentFactory.fromString('domain e "E"\n', URI.parse('file:///w/b.coord'));
            workspace.LangiumDocuments.addDocument(b);
            expect(normalize).toHaveBeenCalledTimes(2);
            expect(workspace.LangiumDocuments.getDocument(URI.parse('file:///w/A.coord'))).toBeUndefined();
            expect(workspace.LangiumDocuments.deleteDocument(URI.parse('file:///w/a.coord'))).toBe(a);
            expect(workspace.LangiumDocuments.getDocument(URI.parse('file:///w/a.coord'))).toBeUndefined();
            expect(workspace.LangiumDocuments.getDocument(URI.parse('file:///w/b.coord'))).toBe(b);
        } finally {
            normalize.mockRestore();
        }
    });
});
