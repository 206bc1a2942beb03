/**
 * A language-server session over stdio for tests: `coord lsp --stdio` in its
 * own process, a JSON-RPC client on its pipes, the requests the server sends
 * answered as a minimal client would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/coord.js');

export function ensureBuilt(): void {
    if (fs.existsSync(path.join(ROOT, 'dist/server.cjs'))) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface StdioSession {
    child: ChildProcess;
    connection: MessageConnection;
    exited: Promise<number | null>;
    stop(): void;
}

/** Starts the server and initializes it on a workspace folder (or none). */
export async function startSession(folderUri: string | null, env: NodeJS.ProcessEnv = process.env): Promise<StdioSession> {
    ensureBuilt();
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: folderUri ? [{ uri: folderUri, name: 'ws' }] : null,
        capabilities: { workspace: { workspaceFolders: true }, textDocument: { rename: { prepareSupport: true } } },
    });
    await connection.sendNotification('initialized', {});
    return {
        child, connection, exited,
        stop() {
            connection.dispose();
            if (child.exitCode === null) child.kill();
        },
    };
}
