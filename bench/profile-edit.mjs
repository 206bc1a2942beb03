// Ad hoc: profile the language server while it handles edits of a generated file (not part of npm run bench).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeWorkspace, UNIT_LINES } from './generate.mjs';
import { LspSession } from './lsp.mjs';
const [lines, coordBin, profDir, edits = '6'] = process.argv.slice(2);
const dir = `/tmp/prof-edit-${lines}`;
const { paths } = writeWorkspace(dir, { files: 1, linesPerFile: Number(lines) });
const uri = pathToFileURL(paths[0]).toString();
const text = readFileSync(paths[0], 'utf8');
const s = await LspSession.start({ coordBin, rootDir: dir, nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [] });
const first = s.waitForDiagnostics(uri); await s.open(uri, text); await first; await s.settle();
const line = Math.floor(Number(lines) / UNIT_LINES / 2) * UNIT_LINES + 7; const col = text.split('\n')[line].length;
for (let i = 0; i < Number(edits); i++) {
  const broken = i % 2 === 0;
  const done = s.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === broken);
  const t = await s.change(uri, broken ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } }, broken ? 'x' : '');
  console.log('edit', ((await done).at - t).toFixed(0), 'ms'); await s.settle();
}
await s.stop();
