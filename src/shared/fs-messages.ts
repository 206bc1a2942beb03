/**
 * The file-system messages of the web extension: in VS Code for the Web the
 * language server runs in a web worker and cannot read files, so it asks the
 * extension, which reads them through `vscode.workspace.fs` (any file system
 * VS Code knows: vscode.dev's, github.dev's, code-server's). The desktop
 * server reads the disk itself and never sends them. Send and register them
 * by `.method` (the client and the server bundle different `vscode-jsonrpc`s).
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';

/** The initialization option by which a client offers to read files for the server. */
export interface ClientFileSystemOption {
    /** `true`: answer `coord/fs/readFile` and `coord/fs/readDirectory`. */
    clientFileSystem?: boolean;
}

/** A file or folder as `coord/fs/readDirectory` lists it. */
export interface FsEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
}

/** `coord/fs/readFile` (server → client): the text of a file (UTF-8); an error if it cannot be read. */
export const FsReadFileRequest = new RequestType<{ uri: string }, { text: string }, void>('coord/fs/readFile');

/** `coord/fs/readDirectory` (server → client): the entries of a folder; an error if it cannot be read. */
export const FsReadDirectoryRequest = new RequestType<{ uri: string }, { entries: FsEntry[] }, void>('coord/fs/readDirectory');

/**
 * `coord/fs/didChange` (client → server): files changed, were created or deleted
 * (the parameters of `workspace/didChangeWatchedFiles`). The server reads a
 * changed `coord.config.json` again before it re-validates, so that the rules'
 * severities follow the file as on the desktop. The web extension sends the
 * changes of config files and of `.coord` files: a `.coord` file created joins
 * the workspace, one deleted leaves it.
 */
export const FsDidChangeNotification = new NotificationType<{ changes: Array<{ uri: string; type: 1 | 2 | 3 }> }>('coord/fs/didChange');
