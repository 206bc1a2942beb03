// `npm run test:nvim`: the language server in a second, unrelated editor. Headless Neovim (Debian's
// `neovim`, 0.7) starts `coord lsp --stdio` — `node bin/coord.js lsp --stdio` with the Node running this
// script (22 under `npm run`; code-server's run covers Node 20) — on a copy of the examples and runs
// test/e2e/nvim/lsp.lua: diagnostics with their rule codes, completion, hover and definition.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, REPO, ensureDebianPackages, prepareWorkspace, run, step } from './common.mjs';

// Every step waits on events with its own limit (lsp.lua); this one only ends a Neovim that hangs.
const TIMEOUT_MS = 300_000;

async function main() {
    ensureDebianPackages(['neovim']);
    if (!existsSync(join(REPO, 'dist', 'server.cjs'))) {
        step('dist/server.cjs is missing: building');
        run(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
    }
    const workspace = prepareWorkspace(join(E2E_DIR, 'nvim-run'));
    const server = [process.execPath, join(REPO, 'bin', 'coord.js'), 'lsp', '--stdio'];
    step(`Neovim against ${server.slice(1).join(' ')} (Node ${process.version})`);
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '--noplugin', '-c', `luafile ${join(REPO, 'test', 'e2e', 'nvim', 'lsp.lua')}`], {
        cwd: workspace,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, COORD_NVIM_WORKSPACE: workspace, COORD_NVIM_SERVER: JSON.stringify(server) },
    });
    let output = '';
    const collect = chunk => { output += chunk; process.stdout.write(chunk); };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => { console.log(`FAILED: Neovim did not finish within ${TIMEOUT_MS} ms`); child.kill('SIGKILL'); }, TIMEOUT_MS);
    const code = await new Promise(resolve => child.on('close', resolve));
    clearTimeout(timer);
    const summary = /(\d+) passed, (\d+) failed/.exec(output);
    if (code !== 0 || !summary || summary[2] !== '0' || summary[1] === '0') {
        console.log(`FAILED: Neovim LSP test (exit ${code})`);
        return 1;
    }
    step(`Neovim: ${summary[0]}`);
    return 0;
}

main().then(code => process.exit(code), error => {
    console.error(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
});
