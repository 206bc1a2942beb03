/**
 * What the server does when the editor opens, changes or closes documents.
 *
 * Closing: Langium keeps the closed document as it was, so an unsaved untitled
 * document kept its declarations in the workspace, and real files kept a
 * phantom `duplicate-name` until a restart. Now a closed document that is not
 * a file (untitled, a playground tab, or a file deleted meanwhile) is removed
 * from the workspace; a file is read again, so that unsaved edits the user
 * discarded stop counting. Whether it is a file is asked of the workspace's
 * file-system provider: the disk on the desktop (a regular file), the files
 * the client listed in the browser.
 *
 * Bursts (issue 21, fault 7): each open or change used to start a workspace
 * update of its own. Langium's `update` walks every document (which to
 * relink, which to rebuild, in which order) and its build runs a 10 ms slice
 * before the next message cancels it, so 10,000 `didOpen`s in a row took
 * 194 s to get a first answer (4.6 s when the same files were read from
 * disk). Now an update first lets the messages already received be handled
 * (one turn of the event loop); if another open or change arrived meanwhile,
 * the later update takes both, so a burst reaches the builder as one update.
 * A lone edit still starts its build on the next turn: nothing waits on a
 * timer. The changed document is marked changed at once, so a request about
 * it waits for the coming build instead of reading the old one (or answering
 * "no document" for a document just opened).
 */
import { DocumentState, URI, type FileSystemProvider, type LangiumDocument, type LangiumDocumentFactory, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/** One turn of the event loop: the messages the connection already holds are handled first. */
const nextTurn = () => new Promise<void>(resolve => {
    // setImmediate in Node; in a browser's worker (the playground, VS Code for the Web), a zero timeout.
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
});

export class CoordDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /** Documents changed (false) or deleted (true) that no update has taken yet, by URI. */
    private readonly pending = new Map<string, { uri: URI; deleted: boolean }>();
    /** Updates asked for whose turn has not come. */
    private waiting = 0;
    private readonly documents: LangiumDocuments;
    private readonly factory: LangiumDocumentFactory;
    private readonly fileSystem: FileSystemProvider;

    /** Whether the workspace is loaded (before, its loader adds the documents, and updates wait for it). */
    private ready = false;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.factory = services.workspace.LangiumDocumentFactory;
        this.fileSystem = services.workspace.FileSystemProvider;
        this.workspaceManager.ready.then(() => (this.ready = true), () => undefined);
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        this.markChanged(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.isFile(uri)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        for (const uri of changed) this.pending.set(uri.toString(), { uri, deleted: false });
        for (const uri of deleted) this.pending.set(uri.toString(), { uri, deleted: true });
        this.waiting++;
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            this.waiting--;
            await nextTurn();
            // A later update (asked for during that turn) takes what is pending, this one included.
            if (token.isCancellationRequested && this.waiting > 0) return;
            const batch = [...this.pending.values()];
            this.pending.clear();
            if (batch.length === 0) return;
            await this.documentBuilder.update(batch.filter(p => !p.deleted).map(p => p.uri), batch.filter(p => p.deleted).map(p => p.uri), token);
        })).catch(err => {
            console.error('Workspace initialization failed. Could not perform document update.', err);
        });
    }

    /**
     * Marks a document changed now, as Langium's `update` does first, so that
     * requests about it wait for the coming build.
     */
    private markChanged(uri: URI): void {
        if (!this.ready) return;
        const builder = this.documentBuilder as unknown as {
            currentState: DocumentState;
            resetToState(document: LangiumDocument, state: DocumentState): void;
        };
        let document = this.documents.getDocument(uri);
        if (!document) {
            // An unparsed document, as Langium's `update` creates: parsed in the build's first phase.
            document = this.factory.fromModel({ $type: 'INVALID' }, uri);
            document.state = DocumentState.Changed;
            this.documents.addDocument(document);
        } else {
            builder.resetToState(document, DocumentState.Changed);
        }
        builder.currentState = DocumentState.Changed;
    }

    private isFile(uri: URI): boolean {
        if (uri.scheme === 'untitled') return false;
        try {
            return this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }
}
