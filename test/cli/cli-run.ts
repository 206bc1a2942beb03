/** Test helper: runs the `coord` CLI in-process in a folder and captures its output. */
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/command.js';

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd,
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}
