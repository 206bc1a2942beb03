// Ad hoc: profile the language server while it handles edits of one file in a workspace of many files (not part of npm run bench).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeWorkspace } from './generate.mjs';
import { LspSession } from './lsp.mjs';
const [files, coordBin, profDir, edits = '6'] = process.argv.slice(2);
const dir = `/tmp/prof-many-${files}`;
const { paths } = writeWorkspace(dir, { files: Number(files), linesPerFile: 100 });
const target = paths[Math.floor(paths.length / 2)];
const uri = pathToFileURL(target).toString();
const text = readFileSync(target, 'utf8');
const s = await LspSession.start({ coordBin, rootDir: dir, nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [] });
const first = s.waitForDiagnostics(uri); await s.open(uri, text); await first; await s.settle(1000);
const line = 7; const col = text.split('\n')[line].length;
for (let i = 0; i < Number(edits); i++) {
  const broken = i % 2 === 0;
  const done = s.waitForDiagnostics(uri, d => d.some(x => x.code === 'unresolved-reference') === broken);
  const t = await s.change(uri, broken ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } }, broken ? 'x' : '');
  console.log('edit', ((await done).at - t).toFixed(0), 'ms'); await s.settle(500);
}
await s.stop();
