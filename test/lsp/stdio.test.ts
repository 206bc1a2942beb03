/**
 * `coord lsp --stdio` as a real LSP client starts it (Neovim, Emacs, Helix):
 * a separate process speaking JSON-RPC over stdin/stdout. The test waits on
 * the server's messages (diagnostics, responses), never on time, and runs
 * under every Node the bundle must support (the running one, and the
 * system's Node 20 when present).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
    CodeLens, CompletionList, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/coord.js');

const LIB = `programme FEST "Familias en su Tierra" {
  country Colombia
  sector productive
}

programme UNIDOS "Red Unidos" {
  country Colombia
  sector social-protection
}

evaluation EvalFEST {
  method rct
}
`;

const MAIN = `coordination FEST_UNIDOS {
  between FEST, UNIDOS
}

effects of FEST + UNIDOS from EvalFEST {
  + savings
}
`;

function ensureBuilt(): void {
    if (fs.existsSync(path.join(ROOT, 'dist/server.cjs'))) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

function nodes(): string[] {
    const list = [process.execPath];
    const system = '/usr/bin/node';
    if (fs.existsSync(system) && fs.realpathSync(system) !== fs.realpathSync(process.execPath)) list.push(system);
    return list;
}

interface Session {
    child: ChildProcess;
    connection: MessageConnection;
    exited: Promise<number | null>;
    /** Resolves with the first diagnostics for `uri` that satisfy `accept`. */
    diagnostics(uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
}

let session: Session | undefined;
let folder: string | undefined;

afterEach(() => {
    session?.connection.dispose();
    if (session && session.child.exitCode === null) session.child.kill();
    session = undefined;
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    folder = undefined;
});

function start(node: string): Session {
    const child = spawn(node, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const waiting: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    const latest = new Map<string, Diagnostic[]>();
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        latest.set(params.uri, params.diagnostics);
        for (const w of [...waiting]) {
            if (w.uri === params.uri && w.accept(params.diagnostics)) {
                waiting.splice(waiting.indexOf(w), 1);
                w.resolve(params.diagnostics);
            }
        }
    });
    // Requests the server may send to the client.
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    return {
        child, connection, exited,
        diagnostics: (uri, accept) => new Promise(resolve => {
            const seen = latest.get(uri);
            if (seen && accept(seen)) resolve(seen);
            else waiting.push({ uri, accept, resolve });
        }),
    };
}

const codes = (ds: Diagnostic[]) => ds.map(d => d.code);

describe('coord lsp --stdio', () => {
    test.each(nodes())('a full session with %s', async node => {
        ensureBuilt();
        folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'coord-lsp-')));
        fs.writeFileSync(path.join(folder, 'lib.coord'), LIB);
        fs.writeFileSync(path.join(folder, 'main.coord'), MAIN);
        const folderUri = pathToFileURL(folder).href;
        const mainUri = pathToFileURL(path.join(folder, 'main.coord')).href;
        session = start(node);
        const { connection } = session;

        const init = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: 'ws' }],
            capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {}, rename: { prepareSupport: true } } },
            initializationOptions: { commands: ['coord.openSummaryToSide'] },
        });
        const caps = init.capabilities;
        expect(caps.completionProvider).toBeDefined();
        expect(caps.hoverProvider).toBeTruthy();
        expect(caps.documentFormattingProvider).toBeTruthy();
        expect(caps.documentRangeFormattingProvider).toBeTruthy();
        expect(caps.renameProvider).toBeTruthy();
        expect(caps.codeActionProvider).toBeTruthy();
        expect(caps.codeLensProvider).toBeTruthy();
        expect(caps.semanticTokensProvider).toBeDefined();
        await connection.sendNotification('initialized', {});

        // The workspace is indexed from disk; opening the file gives its diagnostics with rule codes.
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'coord', version: 1, text: MAIN } });
        const diagnostics = await session.diagnostics(mainUri, ds => codes(ds).includes('local-roles'));
        expect(codes(diagnostics)).toEqual(expect.arrayContaining(['local-roles', 'budget-incentive']));
        expect(diagnostics.find(d => d.code === 'local-roles')?.range.start.line).toBe(0);

        // A change is validated again: a misspelt programme is unresolved, with a suggestion.
        const changed = MAIN.replace('between FEST, UNIDOS', 'between FEST, UNIDSO');
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: mainUri, version: 2 }, contentChanges: [{ text: changed }],
        });
        const unresolved = await session.diagnostics(mainUri, ds => codes(ds).includes('unresolved-reference'));
        expect(unresolved.find(d => d.code === 'unresolved-reference')?.message).toContain("did you mean 'UNIDOS'");
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: mainUri, version: 3 }, contentChanges: [{ text: MAIN }],
        });
        await session.diagnostics(mainUri, ds => !codes(ds).includes('unresolved-reference'));

        // A new coord.config.json, reported by the client's file watcher, is read and every document validated again.
        const configFile = path.join(folder, 'coord.config.json');
        fs.writeFileSync(configFile, JSON.stringify({ rules: { 'local-roles': 'off' } }));
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 1 }] });
        await session.diagnostics(mainUri, ds => !codes(ds).includes('local-roles') && codes(ds).includes('budget-incentive'));

        const completion = await connection.sendRequest<CompletionList>('textDocument/completion', {
            textDocument: { uri: mainUri }, position: { line: 4, character: 'effects of FEST + UNIDOS from '.length },
        });
        expect(completion.items.map(i => i.label)).toEqual(['EvalFEST']);

        const hover = await connection.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri: mainUri }, position: { line: 5, character: 4 },
        });
        expect(JSON.stringify(hover.contents)).toContain('**outcome** `savings`');

        const formatting = await connection.sendRequest<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri: mainUri }, options: { tabSize: 2, insertSpaces: true },
        });
        expect(formatting).toEqual([]);

        const rename = await connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: mainUri }, position: { line: 1, character: 10 }, newName: 'FEST2',
        });
        expect(Object.keys(rename.changes ?? {}).map(u => u.split('/').pop()).sort()).toEqual(['lib.coord', 'main.coord']);
        await expect(connection.sendRequest('textDocument/rename', {
            textDocument: { uri: mainUri }, position: { line: 5, character: 4 }, newName: 'thrift',
        })).rejects.toThrow(/standard library/);

        const lenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: mainUri } });
        expect(lenses.map(l => l.command?.command)).toContain('coord.openSummaryToSide');

        const stdlib = await connection.sendRequest<string | null>('coord/stdlib', { uri: 'coord-stdlib:///stdlib.coord' });
        expect(stdlib).toContain('outcome savings');

        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        expect(await session.exited).toBe(0);
    });
});

describe('coord lsp --stdio speaks the editor\'s display language (initialize locale)', () => {
    test.each([
        ['es', 'la coordinación FEST_UNIDOS no da un rol a ningún actor local'],
        ['pt-BR', 'a coordenação FEST_UNIDOS não dá papel a nenhum ator local'],
        ['en', 'coordination FEST_UNIDOS gives no local actor a role'],
        ['fr', 'coordination FEST_UNIDOS gives no local actor a role'],
    ])('locale %s', async (locale, message) => {
        ensureBuilt();
        folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'coord-lsp-')));
        fs.writeFileSync(path.join(folder, 'lib.coord'), LIB);
        fs.writeFileSync(path.join(folder, 'main.coord'), MAIN);
        const folderUri = pathToFileURL(folder).href;
        const mainUri = pathToFileURL(path.join(folder, 'main.coord')).href;
        session = start(process.execPath);
        await session.connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid, rootUri: folderUri, locale,
            workspaceFolders: [{ uri: folderUri, name: 'ws' }],
            capabilities: { textDocument: { publishDiagnostics: {} } },
        });
        await session.connection.sendNotification('initialized', {});
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'coord', version: 1, text: MAIN } });
        const diagnostics = await session.diagnostics(mainUri, ds => codes(ds).includes('local-roles'));
        // The code stays the rule id; the message is in the editor's language.
        expect(diagnostics.find(d => d.code === 'local-roles')?.message).toContain(message);
    });
});
