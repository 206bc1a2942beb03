// A minimal LSP client for the benchmark: starts `node bin/coord.js lsp --stdio`
// over vscode-jsonrpc, opens a document, and measures what an analyst feels:
// the time from an edit (didChange) to the diagnostics of that edit, and the
// latency of completion requests. Diagnostics are matched to an edit by their
// content (the edit introduces or removes one unresolved name), because
// Langium's publishDiagnostics carries no document version.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

const now = () => performance.now();

export class LspSession {
    /** Starts the server with `rootDir` as its only workspace folder. */
    static async start({ node = process.execPath, nodeArgs = [], coordBin, rootDir }) {
        const session = new LspSession();
        session.proc = spawn(node, [...nodeArgs, coordBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        session.stderr = '';
        session.proc.stderr.on('data', d => { session.stderr += d; });
        const conn = rpc.createMessageConnection(
            new rpc.StreamMessageReader(session.proc.stdout),
            new rpc.StreamMessageWriter(session.proc.stdin),
        );
        session.conn = conn;
        session.listeners = new Set();
        session.diagnosticsCount = 0;
        session.lastDiagnosticsAt = now();
        conn.onNotification('textDocument/publishDiagnostics', params => {
            session.diagnosticsCount++;
            session.lastDiagnosticsAt = now();
            for (const l of [...session.listeners]) l(params);
        });
        // Answer whatever the server asks (configuration, capability registration, progress).
        conn.onRequest((method, params) => {
            if (method === 'workspace/configuration') return (params?.items ?? []).map(() => null);
            return null;
        });
        conn.onNotification(() => { /* logs and other notifications are ignored */ });
        conn.listen();
        const rootUri = pathToFileURL(rootDir).toString();
        await conn.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities: {
                textDocument: {
                    synchronization: { didSave: false, dynamicRegistration: false },
                    completion: { completionItem: { snippetSupport: false } },
                    publishDiagnostics: {},
                },
                workspace: { workspaceFolders: true, configuration: false, didChangeWatchedFiles: { dynamicRegistration: false } },
            },
        });
        await conn.sendNotification('initialized', {});
        return session;
    }

    /** Resolves with the first diagnostics for `uri` that satisfy `accept`, and the time they arrived. */
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 600_000) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.listeners.delete(listener);
                reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
            }, timeoutMs);
            const listener = params => {
                if (params.uri === uri && accept(params.diagnostics)) {
                    clearTimeout(timer);
                    this.listeners.delete(listener);
                    resolve({ at: now(), diagnostics: params.diagnostics });
                }
            };
            this.listeners.add(listener);
        });
    }

    /** Waits until no diagnostics have arrived for `quietMs`. */
    async settle(quietMs = 300) {
        for (;;) {
            const idle = now() - this.lastDiagnosticsAt;
            if (idle >= quietMs) return;
            await new Promise(r => setTimeout(r, quietMs - idle + 5));
        }
    }

    open(uri, text) {
        this.versions ??= new Map();
        this.versions.set(uri, 1);
        return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coord', version: 1, text } });
    }

    /** Replaces `range` with `text`; returns the time the notification was written. */
    async change(uri, range, text) {
        const version = this.versions.get(uri) + 1;
        this.versions.set(uri, version);
        const sent = now();
        await this.conn.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range, text }],
        });
        return sent;
    }

    /** The latency of one completion request and the number of items. */
    async completion(uri, position) {
        const t0 = now();
        const result = await this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
        const ms = now() - t0;
        const items = Array.isArray(result) ? result : result?.items ?? [];
        return { ms, items: items.length, labels: items.slice(0, 5).map(i => i.label) };
    }

    async stop() {
        try {
            await Promise.race([this.conn.sendRequest('shutdown'), new Promise(r => setTimeout(r, 5000))]);
            await this.conn.sendNotification('exit');
        } catch {
            // The server may already be gone.
        }
        if (this.proc.exitCode === null) {
            await Promise.race([new Promise(r => this.proc.once('exit', r)), new Promise(r => setTimeout(r, 5000))]);
        }
        this.conn.dispose();
        if (this.proc.exitCode === null) this.proc.kill();
    }
}
