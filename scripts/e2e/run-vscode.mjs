// `npm run test:vscode`: runs the extension-host suite in VS Code desktop with @vscode/test-electron,
// against the packaged .vsix installed into a fresh extensions folder (the same arrangement as the
// code-server runner: test/e2e/runner is the development extension that hosts the suite, Coord is the
// installed one). It needs to download VS Code from update.code.visualstudio.com; where that host cannot
// be reached it says so and exits 0 (SKIPPED). On Linux without a display it re-runs itself under
// `xvfb-run -a` when available.
//
// Environment: COORD_VSCODE_VERSION (default: stable), COORD_E2E_VSIX, COORD_E2E_GREP, COORD_E2E_CACHE.
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    E2E_DIR, RUNNER_EXTENSION, buildSuite, hasProgram, packageVsix, prepareWorkspace, step, writeUserSettings,
} from './common.mjs';

const DOWNLOAD_HOST = 'update.code.visualstudio.com';
const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|fetch failed|getaddrinfo|socket hang up/i;

function skip(reason) {
    console.log(`SKIPPED: @vscode/test-electron needs to download VS Code from ${DOWNLOAD_HOST}, which this machine cannot reach (${reason}).`);
    console.log('         Run `npm run test:e2e` for the same suite in code-server, which installs from the npm registry.');
    process.exit(0);
}

async function main() {
    try {
        await lookup(DOWNLOAD_HOST);
    } catch (error) {
        skip(`${error.code ?? error.message} resolving ${DOWNLOAD_HOST}`);
    }
    const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
    const version = process.env.COORD_VSCODE_VERSION ?? 'stable';
    let vscodeExecutablePath;
    try {
        step(`downloading VS Code ${version} (cached in ${join(E2E_DIR, 'vscode-test')})`);
        vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(E2E_DIR, 'vscode-test'), timeout: 60_000 });
    } catch (error) {
        const text = `${error.message ?? error} ${error.cause?.message ?? ''} ${error.code ?? ''}`;
        if (NETWORK_ERRORS.test(text)) skip(text.trim());
        throw error;
    }

    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.COORD_E2E_UNDER_XVFB) {
        if (!hasProgram('xvfb-run')) {
            throw new Error('VS Code desktop needs a display: install xvfb (apt-get install xvfb) or set DISPLAY');
        }
        step('no display: re-running under xvfb-run -a');
        const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
            stdio: 'inherit', env: { ...process.env, COORD_E2E_UNDER_XVFB: '1' },
        });
        return result.status ?? 1;
    }

    const vsix = packageVsix();
    const suite = await buildSuite();
    const runDir = join(E2E_DIR, 'vscode-run');
    rmSync(runDir, { recursive: true, force: true });
    const workspace = prepareWorkspace(runDir);
    const userData = join(runDir, 'user-data');
    const extensions = join(runDir, 'extensions');
    mkdirSync(extensions, { recursive: true });
    writeUserSettings(userData);

    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    step(`installing ${vsix} into a fresh extensions folder`);
    const install = spawnSync(cli, [...cliArgs, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix, '--force'], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed (exit ${install.status})`);

    step('running the suite in VS Code desktop');
    try {
        await runTests({
            vscodeExecutablePath,
            extensionDevelopmentPath: RUNNER_EXTENSION,
            extensionTestsPath: suite,
            extensionTestsEnv: { COORD_E2E_EXTENSIONS_DIR: extensions, COORD_E2E_GREP: process.env.COORD_E2E_GREP },
            launchArgs: [
                workspace, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-workspace-trust',
                '--skip-welcome', '--skip-release-notes', '--disable-gpu',
            ],
        });
        return 0;
    } catch (error) {
        console.log(`FAILED: ${error.message ?? error}`);
        return 1;
    }
}

main().then(code => process.exit(code), error => {
    console.error(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
});
