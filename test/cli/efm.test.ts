/**
 * The efm-langserver configuration of docs/editors.md works as written (issue
 * 18): efm-langserver pipes an unsaved buffer to `coord check --stdin
 * --stdin-filename …` and `coord format --stdin …`, and the editor gets the
 * findings (with their severities, hints included) and the formatted text.
 * The YAML is taken from the document itself; `coord` on the PATH is the built
 * `bin/coord.js`. Where efm-langserver is not installed (Debian package
 * `efm-langserver`), the test says so and is skipped.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BIN, ensureBuilt, removeScratch, ROOT, scratch } from './process-run.js';

const EFM = spawnSync('efm-langserver', ['-v'], { encoding: 'utf8' }).status === 0;
const DOC = fs.readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
const CONFIG = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1]).find(text => text.includes('lint-command'))!;

interface Diagnostic {
    range: { start: { line: number; character: number } };
    severity: number;
    message: string;
}

interface TextEdit {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (p: { line: number; character: number }) => (p.line < lineStarts.length ? lineStarts[p.line] + p.character : text.length);
    let out = text;
    // From the end backwards; edits at the same place in reverse, so that they end up in their order.
    const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => offset(b.edit.range.start) - offset(a.edit.range.start) || b.index - a.index);
    for (const { edit } of order) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
    return out;
}

let dir: string;
let child: ChildProcess | undefined;
let connection: MessageConnection | undefined;

beforeAll(() => {
    if (!EFM) console.log('efm-langserver is not installed here (apt-get install efm-langserver): its configuration was not run');
});
afterAll(() => {
    connection?.dispose();
    child?.kill();
    if (dir) removeScratch(dir);
});

describe.skipIf(!EFM)('efm-langserver with the configuration of docs/editors.md', () => {
    test('an unsaved buffer gets the findings of coord check (names resolved in the project), and formatting', async () => {
        ensureBuilt();
        dir = scratch('coord-efm-');
        const bin = path.join(dir, 'bin');
        fs.mkdirSync(bin);
        fs.writeFileSync(path.join(bin, 'coord'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
        fs.writeFileSync(path.join(dir, 'config.yaml'), CONFIG);
        const project = path.join(dir, 'project');
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, 'coord.config.json'), '{ "root": true }');
        // Fictional programmes; the open file's names resolve against this one.
        fs.writeFileSync(path.join(project, 'programmes.coord'), 'programme Lumen { country Testland sector social-protection }\nprogramme Sorgo { country Testland sector productive }\n');
        const file = path.join(project, 'draft.coord');
        fs.writeFileSync(file, '// saved text: nothing to find\n');
        const uri = pathToFileURL(file).href;

        child = spawn('efm-langserver', ['-c', path.join(dir, 'config.yaml')], {
            cwd: project, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }, stdio: ['pipe', 'pipe', 'pipe'],
        });
        connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const published: Diagnostic[][] = [];
        const waiting: Array<() => void> = [];
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
            if (params.uri === uri) published.push(params.diagnostics);
            waiting.splice(0).forEach(wake => wake());
        });
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: pathToFileURL(project).href, workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
            capabilities: { textDocument: { publishDiagnostics: {} } },
        });
        await connection.sendNotification('initialized', {});
        // The buffer differs from the saved file: a typo (error), coordinations without local roles… (warnings),
        // two nodes (complexity, info) and a productive programme outside agriculture (agriculture-anchor, hint).
        const buffer = 'coordination Lumen_Sorgo { between Lumen, Sorgoo }\n'
            + 'coordination Lumen_Sorgo_2 { between Lumen, Sorgo node NodeA node NodeB }\nbody NodeA\nbody NodeB\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coord', version: 1, text: buffer } });
        const deadline = Date.now() + 30_000;
        const has = () => published.some(ds => ds.some(d => d.message.includes("unknown programme 'Sorgoo'")));
        while (!has() && Date.now() < deadline) await new Promise<void>(resolve => { waiting.push(resolve); setTimeout(resolve, 500); });
        const diagnostics = published.find(ds => ds.some(d => d.message.includes("unknown programme 'Sorgoo'")))!;
        expect(diagnostics, 'diagnostics from efm-langserver').toBeDefined();
        const error = diagnostics.find(d => d.message.includes("unknown programme 'Sorgoo'"))!;
        expect(error.severity).toBe(1);
        expect(error.range.start).toEqual({ line: 0, character: 42 });
        expect(error.message).toContain("did you mean 'Sorgo'?");
        // The same findings as coord check gives for that text at that path: severities 1 error, 2 warning, 3 info, 4 hint.
        const check = spawnSync(process.execPath, [BIN, 'check', '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: project, input: buffer, encoding: 'utf8' });
        const expected = (JSON.parse(check.stdout).diagnostics as Array<{ severity: string; line: number; rule: string; suppressed?: unknown }>)
            .filter(d => !d.suppressed).map(d => `${d.line}:${({ error: 1, warning: 2, info: 3, hint: 4 } as Record<string, number>)[d.severity]}`).sort();
        expect(diagnostics.map(d => `${d.range.start.line + 1}:${d.severity}`).sort()).toEqual(expected);
        for (const severity of [1, 2, 3, 4]) expect(expected.some(e => e.endsWith(`:${severity}`)), `severity ${severity}`).toBe(true);

        const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
        });
        const formatted = spawnSync(process.execPath, [BIN, 'format', '--stdin'], { input: buffer, encoding: 'utf8' }).stdout;
        expect(formatted).toMatch(/^coordination Lumen_Sorgo \{\n  between Lumen, Sorgoo\n\}\n/);
        expect(applyEdits(buffer, edits)).toBe(formatted);
    }, 60_000);
});
