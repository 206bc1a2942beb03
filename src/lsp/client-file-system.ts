/**
 * The language server's file system in a browser: no disk, so files come from
 * the client. When the client offers (`clientFileSystem` in the initialization
 * options, as the web extension does) folders and files are read with
 * `coord/fs/readDirectory` and `coord/fs/readFile`, which the extension answers
 * through `vscode.workspace.fs`; otherwise (the playground) the workspace is the
 * open documents and the standard library, as with Langium's `EmptyFileSystem`.
 *
 * Langium reads documents asynchronously, but the rule configuration is read
 * synchronously while a document is validated; so every `coord.config.json`
 * met while listing a folder is read before the listing is returned, and kept
 * (`existsSync`/`readFileSync` answer from that cache). `coord/fs/didChange`
 * reads a changed config file again and only then hands the change to
 * Langium, which re-validates (`config-watcher.ts`), and loads or drops the
 * `.coord` files created or deleted.
 */
import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CoordCoreServices } from '../language/coord-module.js';
import { CONFIG_FILE_NAME } from '../validation/config.js';
import {
    FsDidChangeNotification, FsReadDirectoryRequest, FsReadFileRequest,
    type ClientFileSystemOption, type FsEntry,
} from '../shared/fs-messages.js';

const DELETED = 3;

export class ClientFileSystem implements FileSystemProvider {
    /** Whether the client reads files for us (set from the initialization options). */
    enabled = false;
    /** Config files read so far: URI → text (absent: no such file). */
    private readonly configs = new Map<string, string>();
    /**
     * The files the client listed. They are what {@link statSync} knows as files, so
     * that a closed document that is a file is read again and any other one (a
     * playground tab, an untitled document) leaves the workspace
     * (`document-update-handler.ts`).
     */
    private readonly files = new Set<string>();

    constructor(private readonly connection: Connection) {}

    /** Wires the file system to the server: the client's offer, the workspace's schemes and config changes. */
    attach(shared: LangiumSharedServices, Coord: CoordCoreServices): void {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.enabled = Boolean((params.initializationOptions as ClientFileSystemOption | undefined)?.clientFileSystem);
            for (const folder of params.workspaceFolders ?? []) Coord.validation.ConfigProvider.schemes.add(URI.parse(folder.uri).scheme);
        });
        this.connection.onNotification(FsDidChangeNotification.method, async (params: { changes?: Array<{ uri: string; type: 1 | 2 | 3 }> }) => {
            const changes = Array.isArray(params?.changes) ? params.changes.filter(c => typeof c?.uri === 'string') : [];
            for (const change of changes) {
                if (change.type === DELETED) this.files.delete(change.uri);
                else if (change.uri.endsWith('.coord')) this.files.add(change.uri);
                if (!change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
                this.configs.delete(change.uri);
                if (change.type !== DELETED) await this.fetchConfig(change.uri);
            }
            shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
        });
    }

    private async fetchConfig(uri: string): Promise<void> {
        try {
            this.configs.set(uri, (await this.connection.sendRequest<{ text: string }>(FsReadFileRequest.method, { uri })).text);
        } catch {
            this.configs.delete(uri);
        }
    }

    async readFile(uri: URI): Promise<string> {
        if (!this.enabled) throw new Error(`no file system: ${uri.toString()}`);
        const { text } = await this.connection.sendRequest<{ text: string }>(FsReadFileRequest.method, { uri: uri.toString() });
        if (typeof text !== 'string') throw new Error(`the client sent no text for ${uri.toString()}`);
        return text;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        if (!this.enabled) return [];
        const { entries } = await this.connection.sendRequest<{ entries: FsEntry[] }>(FsReadDirectoryRequest.method, { uri: uri.toString() });
        const nodes = (Array.isArray(entries) ? entries : [])
            .filter(e => typeof e?.uri === 'string')
            .map(e => ({ uri: URI.parse(e.uri), isFile: Boolean(e.isFile), isDirectory: Boolean(e.isDirectory) }));
        for (const node of nodes) if (node.isFile) this.files.add(node.uri.toString());
        await Promise.all(nodes.filter(n => n.isFile && UriUtils.basename(n.uri) === CONFIG_FILE_NAME).map(n => this.fetchConfig(n.uri.toString())));
        return nodes;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    /** Only files the client listed, and config files, are known synchronously. */
    statSync(uri: URI): FileSystemNode {
        const key = uri.toString();
        return { uri, isFile: this.configs.has(key) || this.files.has(key), isDirectory: false };
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    /** Only config files are known synchronously. */
    existsSync(uri: URI): boolean {
        return this.configs.has(uri.toString());
    }

    readFileSync(uri: URI): string {
        const text = this.configs.get(uri.toString());
        if (text === undefined) throw new Error(`not read: ${uri.toString()}`);
        return text;
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}
