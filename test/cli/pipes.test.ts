/**
 * A reader that stops early (`coord check … | head -1`) closes the pipe; the
 * CLI stops quietly instead of printing an EPIPE stack trace.
 */
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from './process-run.js';

const ROOT = path.resolve(__dirname, '../..');

test('closing stdout after the first chunk ends the CLI quietly', async () => {
    ensureBuilt();
    // Enough output (a finding per unused programme) that it cannot all fit in the pipe before the reader goes away.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-pipe-'));
    const text = Array.from({ length: 3000 }, (_, i) => `programme P${i} { country X sector other }`).join('\n');
    fs.writeFileSync(path.join(dir, 'many.coord'), text);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/coord.js'), 'check', dir, '--format', 'json'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>(resolve => child.on('close', c => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
});
