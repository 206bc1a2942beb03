/** The command list of `coord --help` matches the commands it loads. */
import { expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';

test('each listed command loads the command of that name and summary', async () => {
    expect(COMMANDS.map(c => c.name)).toEqual(['check', 'completion', 'format', 'init', 'rules', 'summary']);
    for (const entry of COMMANDS) {
        const command = await entry.load();
        expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
});
