/**
 * What the server does when the editor closes a document. Langium keeps the
 * closed document as it was, so an unsaved untitled document kept its
 * declarations in the workspace, and real files kept a phantom
 * `duplicate-name` until a restart. Now a closed document that is not a file on
 * disk (untitled, or a file deleted meanwhile) is removed from the workspace;
 * a file on disk is read again, so that unsaved edits the user discarded stop
 * counting.
 */
import * as fs from 'node:fs';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

export class CoordDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (uri.scheme === 'file' && isRegularFile(uri.fsPath)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}

function isRegularFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}
