/** The command list of `coord --help` matches the commands it loads. */
import { expect, test } from 'vitest';
import { COMMANDS, exitOnceWritten } from '../../src/cli/main.js';

test('each listed command loads the command of that name and summary', async () => {
    expect(COMMANDS.map(c => c.name)).toEqual(['check', 'completion', 'format', 'init', 'rules', 'summary']);
    for (const entry of COMMANDS) {
        const command = await entry.load();
        expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
});

test('a finished command ends the process only when all its output has been handed over (test/cli/start.test.ts runs it)', () => {
    const exits: string[] = [];
    const proc = (stdout: number, stderr: number) => ({
        stdout: { writableLength: stdout }, stderr: { writableLength: stderr }, exit: () => void exits.push(`${stdout}/${stderr}`),
    }) as unknown as Parameters<typeof exitOnceWritten>[0];
    // Output still queued (a slow pipe; Windows, where pipes are asynchronous): Node ends the process when it is written.
    expect(exitOnceWritten(proc(120, 0))).toBe(false);
    expect(exitOnceWritten(proc(0, 7))).toBe(false);
    expect(exits).toEqual([]);
    expect(exitOnceWritten(proc(0, 0))).toBe(true);
    expect(exits).toEqual(['0/0']);
});
