/**
 * What the server does when the editor closes a document. Langium keeps the
 * closed document as it was, so an unsaved untitled document kept its
 * declarations in the workspace, and real files kept a phantom
 * `duplicate-name` until a restart. Now a closed document that is not a file
 * (untitled, a playground tab, or a file deleted meanwhile) is removed from
 * the workspace; a file is read again, so that unsaved edits the user
 * discarded stop counting. Whether it is a file is asked of the workspace's
 * file-system provider: the disk on the desktop (a regular file), the files
 * the client listed in the browser.
 */
import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

export class CoordDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.isFile(uri)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
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
