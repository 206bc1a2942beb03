// `npm run bench:edges`: the language server's edges (issue 21, fault 7), through a real client over stdio.
//   - a burst of didOpen: N in-memory documents opened at once, time to the first answer (a hover on the
//     last one); before, 10,000 took 194 s, each open starting a workspace update of its own;
//   - one large didChange: a document replaced by ~20 MB of declarations, then by one line: time to its
//     document symbols, and the server's resident memory (VmRSS, VmHWM) after each step.
// Options: --opens N (default 10000), --mb M (default 20), --only opens|change.
// Prints one Markdown table (the figures of docs/performance.md, "Language server edges").
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const OPENS = Number(option('--opens') ?? 10_000);
const MB = Number(option('--mb') ?? 20);
const ONLY = option('--only');

async function session() {
    const child = spawn(process.execPath, [join(root, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', p => p.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const memory = field => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024);
    return { connection, memory, stop: () => { connection.dispose(); child.kill(); } };
}

const rows = [];
if (!ONLY || ONLY === 'opens') {
    const s = await session();
    const t0 = performance.now();
    for (let i = 0; i < OPENS; i++) {
        const text = `programme P${i} "Programme ${i}" {\n  country Peru\n  sector other\n}\npopulation pop${i} "Population ${i}"\n`;
        void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///virtual/f${i}.coord`, languageId: 'coord', version: 1, text } });
    }
    await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: `file:///virtual/f${OPENS - 1}.coord` }, position: { line: 0, character: 12 } });
    rows.push([`${OPENS.toLocaleString('en-US')} didOpen, then a hover on the last`, `${((performance.now() - t0) / 1000).toFixed(1)} s to the answer`, `${s.memory('VmRSS')} MB RSS`]);
    s.stop();
}
if (!ONLY || ONLY === 'change') {
    const s = await session();
    const uri = 'file:///virtual/large.coord';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coord', version: 1, text: 'population p "P"\n' } });
    await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const parts = [];
    let size = 0;
    for (let i = 0; size < MB * 1e6; i++) {
        const line = `population p${i} "Population ${i}"\n`;
        parts.push(line);
        size += line.length;
    }
    let t0 = performance.now();
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: parts.join('') }] });
    const symbols = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    rows.push([`one didChange to ${MB} MB (${symbols.length.toLocaleString('en-US')} declarations)`, `${((performance.now() - t0) / 1000).toFixed(1)} s to its symbols`, `${s.memory('VmRSS')} MB RSS, peak ${s.memory('VmHWM')} MB`]);
    t0 = performance.now();
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'population p "P"\n' }] });
    await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    rows.push(['then a didChange back to one line', `${((performance.now() - t0) / 1000).toFixed(1)} s`, `${s.memory('VmRSS')} MB RSS`]);
    s.stop();
}
console.log('| case | time | memory |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(0);
