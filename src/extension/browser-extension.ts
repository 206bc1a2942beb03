/**
 * The web extension (the `browser` entry of package.json): Coord in VS Code for
 * the Web (vscode.dev, github.dev, code-server's browser host). The same client
 * as the desktop (`client-common.ts`, the summary preview) with the language
 * server in a web worker (`dist/web/server.js`, `src/lsp/browser-main.ts`). The
 * worker cannot read files, so the extension reads them for it through
 * `vscode.workspace.fs` (`coord/fs/readFile`, `coord/fs/readDirectory`) and
 * tells it when a `coord.config.json` changes (`coord/fs/didChange`).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import {
    FsDidChangeNotification, FsReadDirectoryRequest, FsReadFileRequest,
    type ClientFileSystemOption, type FsEntry,
} from '../shared/fs-messages.js';
import { coordClientOptions, registerClientServices } from './client-common.js';
import { registerSummaryPreview } from './preview.js';

/** A web worker (this file is type-checked without the DOM library). */
interface WebWorker { terminate(): void }
const WorkerConstructor = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;
type ServerOptions = ConstructorParameters<typeof LanguageClient>[2];

let client: LanguageClient | undefined;
let worker: WebWorker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    // The preview first, as on the desktop (extension.ts): VS Code hands a preview restored after a reload over only
    // once activate has returned, and activation does not wait for the server; the preview waits for the client.
    let clientStarted!: (client: Promise<LanguageClient>) => void;
    registerSummaryPreview(context, new Promise<LanguageClient>(resolve => { clientStarted = resolve; }));
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    const startWorker = async (): Promise<MessageTransports> => {
        worker?.terminate();
        worker = undefined;
        try {
            worker = new WorkerConstructor(serverMain.toString(true));
        } catch {
            // A remote extension host (code-server, Codespaces) refuses a worker from a vscode-remote: URL;
            // its fetch reads that URL, and a worker from a Blob URL of the same code is allowed.
            const code = await (await fetch(serverMain.toString(true))).text();
            const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
            worker = new WorkerConstructor(url);
            // Not revoked at once: the host's wrapper loads it later, from a bootstrap of its own.
            const started = worker;
            const terminate = started.terminate.bind(started);
            started.terminate = () => { terminate(); URL.revokeObjectURL(url); };
        }
        // Transports rather than the worker: the client tells a worker by `instanceof Worker`, and a
        // remote extension host's Worker is a wrapper function, so its workers are not instances of it.
        const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
        return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
    };
    const clientFileSystem: ClientFileSystemOption = { clientFileSystem: true };
    const clientOptions = coordClientOptions(
        // Any scheme: on the web a workspace is vscode-vfs:, vscode-test-web:, file: (code-server)…
        [{ language: 'coord' }],
        { initializationOptions: { ...clientFileSystem } },
    );
    client = new LanguageClient('coord', 'Coord', startWorker as unknown as ServerOptions, clientOptions);
    const started = client;
    started.onRequest(FsReadFileRequest.method, async (params: { uri?: unknown }) => {
        const uri = requestedUri(params);
        return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
    });
    started.onRequest(FsReadDirectoryRequest.method, async (params: { uri?: unknown }) => {
        const folder = requestedUri(params);
        const entries: FsEntry[] = (await vscode.workspace.fs.readDirectory(folder)).map(([name, type]) => ({
            uri: vscode.Uri.joinPath(folder, name).toString(),
            isFile: (type & vscode.FileType.File) !== 0 && (type & vscode.FileType.SymbolicLink) === 0,
            isDirectory: (type & vscode.FileType.Directory) !== 0 && (type & vscode.FileType.SymbolicLink) === 0,
        }));
        return { entries };
    });
    const changed = (type: 1 | 2 | 3) => (uri: vscode.Uri) => {
        void started.sendNotification(FsDidChangeNotification.method, { changes: [{ uri: uri.toString(), type }] });
    };
    // Config files, and .coord files: the server lists the folders once, so a file created or deleted later
    // (a git checkout, the explorer) would otherwise stay unknown or linger as a phantom.
    for (const pattern of ['**/coord.config.json', '**/*.coord']) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        context.subscriptions.push(watcher, watcher.onDidCreate(changed(1)), watcher.onDidChange(changed(2)), watcher.onDidDelete(changed(3)));
    }
    registerClientServices(context, started);
    context.subscriptions.push({ dispose: () => worker?.terminate() });
    const ready = started.start();
    clientStarted(ready.then(() => started));
    ready.catch(() => undefined);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    worker?.terminate();
    client = undefined;
    worker = undefined;
}

/** The URI a file-system request names; only URIs under an open workspace folder are read. */
function requestedUri(params: { uri?: unknown }): vscode.Uri {
    if (typeof params?.uri !== 'string') throw new Error('coord/fs: the request names no URI');
    const uri = vscode.Uri.parse(params.uri, true);
    if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`coord/fs: ${uri.toString()} is outside the workspace`);
    return uri;
}
