// Ad hoc (not part of npm run bench): the language server's memory with a large file open,
// while it handles edits. Prints RSS after opening and every `--every` edits; with
// `--snapshot DIR`, asks the server (SIGUSR2, `--heapsnapshot-signal`) for heap snapshots
// after opening and after the edits (a snapshot collects garbage first, so its size is the
// live heap).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeWorkspace, UNIT_LINES } from './generate.mjs';
import { LspSession } from './lsp.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const lines = Number(opt('--lines', '100000'));
const edits = Number(opt('--edits', '60'));
const every = Number(opt('--every', '10'));
const coordBin = resolve(opt('--coord', 'bin/coord.js'));
const snapshotDir = opt('--snapshot');
const nodeArgs = (opt('--node-args', '') || '').split(' ').filter(Boolean);
if (snapshotDir) nodeArgs.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`);
// --sample FILE: the server's allocations during the edits (V8's sampling heap profiler through
// the inspector, objects collected since included), summarised by function into FILE.
const sampleFile = opt('--sample');
const inspect = sampleFile || args.includes('--live');
if (inspect) nodeArgs.push('--inspect=127.0.0.1:0');

const dir = `/tmp/memory-probe-${lines}`;
const { paths } = writeWorkspace(dir, { files: 1, linesPerFile: lines });
const uri = pathToFileURL(paths[0]).toString();
const text = readFileSync(paths[0], 'utf8');
const mem = pid => {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = k => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1]);
    return `${Math.round(kb('VmRSS') / 1024)} MB (peak ${Math.round(kb('VmHWM') / 1024)})`;
};
const cpu = pid => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function snapshot(s, label) {
    if (!snapshotDir) return;
    const before = new Set(readdirSync(snapshotDir));
    process.kill(s.proc.pid, 'SIGUSR2');
    for (;;) {
        await new Promise(r => setTimeout(r, 500));
        const added = readdirSync(snapshotDir).filter(f => !before.has(f) && f.endsWith('.heapsnapshot'));
        if (added.length) {
            const f = join(snapshotDir, added[0]);
            let size = -1;
            for (;;) { await new Promise(r => setTimeout(r, 1000)); const n = statSync(f).size; if (n > 0 && n === size) break; size = n; }
            console.log(`${label}: snapshot ${f} (${Math.round(size / 2 ** 20)} MB file); RSS ${mem(s.proc.pid)}`);
            return;
        }
    }
}

const s = await LspSession.start({ coordBin, rootDir: dir, nodeArgs });
let cdp;
if (inspect) {
    while (!/ws:\/\/\S+/.test(s.stderr)) await new Promise(r => setTimeout(r, 50));
    const ws = new WebSocket(/ws:\/\/\S+/.exec(s.stderr)[0]);
    await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
    let id = 0; const waiting = new Map();
    ws.onmessage = e => { const m = JSON.parse(e.data); if (m.id && waiting.has(m.id)) { waiting.get(m.id)(m); waiting.delete(m.id); } };
    cdp = (method, params = {}) => new Promise(res => { const i = ++id; waiting.set(i, res); ws.send(JSON.stringify({ id: i, method, params })); });
    cdp.close = () => ws.close();
}
/** The live heap: collected first. */
async function live(label) {
    if (!cdp) return;
    await cdp('HeapProfiler.collectGarbage');
    const r = await cdp('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
    const m = JSON.parse(r.result.result.value);
    console.log(`${label}: live heap ${Math.round(m.heapUsed / 2 ** 20)} MB (heap total ${Math.round(m.heapTotal / 2 ** 20)}, RSS ${Math.round(m.rss / 2 ** 20)})`);
}
const first = s.waitForDiagnostics(uri); await s.open(uri, text); await first; await s.settle();
console.log(`after opening: RSS ${mem(s.proc.pid)}, CPU ${cpu(s.proc.pid)} ms`);
await snapshot(s, 'after opening');
await live('after opening');
if (sampleFile) await cdp('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const line = Math.floor(lines / UNIT_LINES / 2) * UNIT_LINES + 7; const col = text.split('\n')[line].length;
const times = [];
const cpu0 = cpu(s.proc.pid);
for (let i = 0; i < edits; i++) {
    const typing = i % 2 === 0;
    const done = s.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === typing);
    const t = await s.change(uri, { start: { line, character: col }, end: { line, character: typing ? col : col + 1 } }, typing ? 'x' : '');
    times.push((await done).at - t);
    if ((i + 1) % every === 0) console.log(`after ${i + 1} edits: RSS ${mem(s.proc.pid)}`);
}
await s.settle(1000);
times.sort((a, b) => a - b);
console.log(`after ${edits} edits: RSS ${mem(s.proc.pid)}; edit→diagnostics median ${times[times.length >> 1].toFixed(1)} ms; CPU for the edits ${cpu(s.proc.pid) - cpu0} ms`);
if (sampleFile) {
    const { result } = await cdp('HeapProfiler.stopSampling');
    const self = new Map(), total = new Map();
    const name = n => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    let all = 0;
    const walk = (n, stack) => {
        const k = name(n); const sz = n.selfSize;
        all += sz;
        self.set(k, (self.get(k) ?? 0) + sz);
        const seen = new Set(stack);
        if (!seen.has(k)) stack = [...stack, k];
        for (const c of n.children) walk(c, stack);
        for (const f of new Set(stack)) total.set(f, (total.get(f) ?? 0) + 0);
    };
    // Totals: sum of self sizes below each frame (a frame counted once per path).
    const tot = (n, above) => { const k = name(n); const here = new Set(above); here.add(k); let sum = n.selfSize; for (const c of n.children) sum += tot(c, here); if (!above.has(k)) total.set(k, (total.get(k) ?? 0) + sum); return sum; };
    walk(result.profile.head, []);
    total.clear(); tot(result.profile.head, new Set());
    const fmt = m => [...m].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${(v / 2 ** 20).toFixed(1).padStart(9)} MB  ${k}`).join('\n');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(sampleFile, `allocated during ${edits} edits: ${(all / 2 ** 20).toFixed(0)} MB\n\nby function (self):\n${fmt(self)}\n\nby function (total):\n${fmt(total)}\n`);
    writeFileSync(sampleFile + '.json', JSON.stringify(result.profile));
    console.log(`allocated during the edits: ${(all / 2 ** 20).toFixed(0)} MB (${sampleFile})`);
}
await live(`after ${edits} edits`);
cdp?.close();
await snapshot(s, `after ${edits} edits`);
await s.stop();
