// Ad hoc A/B (not part of npm run bench): edit → diagnostics in the 1,000-file workspace for
// two builds of Coord, alternated round by round on the same workspace, with the server's CPU
// time for the edits (user + system, from /proc) and the load average, because the machine is
// shared. Usage: node bench/ab-lsp.mjs A_BIN B_BIN [rounds] [edits] [files]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { writeWorkspace } from './generate.mjs';
import { LspSession } from './lsp.mjs';

const [a, b, rounds = '3', edits = '20', files = '1000'] = process.argv.slice(2);
const dir = `/tmp/ab-lsp-${files}`;
const { paths } = writeWorkspace(dir, { files: Number(files), linesPerFile: 100 });
const target = paths[Math.floor(paths.length / 2)];
const uri = pathToFileURL(target).toString();
const text = readFileSync(target, 'utf8');
const cpu = pid => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const median = xs => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const results = { [a]: { wall: [], cpu: [] }, [b]: { wall: [], cpu: [] } };
for (let r = 0; r < Number(rounds); r++) {
    for (const bin of r % 2 ? [b, a] : [a, b]) {
        const s = await LspSession.start({ coordBin: bin, rootDir: dir });
        const first = s.waitForDiagnostics(uri); await s.open(uri, text); await first; await s.settle(1000);
        const line = 7; const col = text.split('\n')[line].length;
        const times = [];
        const c0 = cpu(s.proc.pid);
        for (let i = 0; i < Number(edits); i++) {
            const broken = i % 2 === 0;
            const done = s.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === broken);
            const t = await s.change(uri, broken ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } }, broken ? 'x' : '');
            times.push((await done).at - t); await s.settle(300);
        }
        const c = (cpu(s.proc.pid) - c0) / Number(edits);
        results[bin].wall.push(median(times)); results[bin].cpu.push(c);
        console.log(`round ${r + 1} ${bin}: edit → diagnostics median ${median(times).toFixed(1)} ms, server CPU per edit ${c.toFixed(1)} ms, load ${loadavg()[0].toFixed(1)}`);
        await s.stop();
    }
}
for (const bin of [a, b]) console.log(`${bin}: median of rounds ${median(results[bin].wall).toFixed(1)} ms wall, ${median(results[bin].cpu).toFixed(1)} ms CPU per edit`);
