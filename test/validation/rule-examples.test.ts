/**
 * `coord rules ID` (issue 18) explains one rule with an example that fires it
 * and one that does not (src/validation/rule-examples.ts). The examples are
 * taken from the command's own output and checked against the rules: the first
 * gets a finding of its rule, the second none, and both parse (but `syntax`'s
 * first). Every rule of the registry has examples.
 */
import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { check } from '../helpers.js';
import { runCli } from '../cli/cli-run.js';
import { RULES } from '../../src/validation/registry.js';
import { RULE_EXAMPLES } from '../../src/validation/rule-examples.js';

const ROOT = path.resolve(__dirname, '../..');

/** The indented block under a `## heading` of the explanation. */
function block(text: string, heading: string): string {
    const start = text.indexOf(`## ${heading}\n\n`);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const lines = text.slice(start + heading.length + 5).split('\n');
    const body = lines.slice(0, lines.findIndex(l => !l.startsWith('    ')));
    return body.map(l => l.slice(4)).join('\n') + '\n';
}

describe('coord rules ID', () => {
    test('every rule has examples, and every example is of a rule', () => {
        expect(Object.keys(RULE_EXAMPLES).sort()).toEqual(RULES.map(r => r.id).sort());
    });

    test.each(RULES.map(r => r.id))('%s: the printed example fires it, the printed near miss does not', async id => {
        const r = await runCli(ROOT, 'rules', id);
        expect(r.code).toBe(0);
        for (const section of ['What fires it', 'Why (the lesson behind it)', 'How to fix', 'How to suppress']) expect(r.stdout).toContain(`## ${section}\n`);
        expect(r.stdout).toContain(`// coord-disable-next-line ${id} -- reason`);
        const fires = await check(block(r.stdout, 'Fires'));
        const passes = await check(block(r.stdout, 'Does not fire'));
        expect(fires.filter(f => f.rule === id), `fires:\n${block(r.stdout, 'Fires')}`).not.toEqual([]);
        expect(passes.filter(f => f.rule === id), `does not fire:\n${block(r.stdout, 'Does not fire')}`).toEqual([]);
        expect(passes.filter(f => f.rule === 'syntax')).toEqual([]);
        if (id !== 'syntax') expect(fires.filter(f => f.rule === 'syntax')).toEqual([]);
    });

    test('--format json carries the examples; an unknown id suggests the closest', async () => {
        const json = JSON.parse((await runCli(ROOT, 'rules', 'design-change', '--format', 'json')).stdout);
        expect(json).toMatchObject({ id: 'design-change', defaultSeverity: 'warning', examples: RULE_EXAMPLES['design-change'] });
        expect(await runCli(ROOT, 'rules', 'local-role')).toEqual({
            code: 2, stdout: '', stderr: "coord rules: unknown rule 'local-role'; did you mean 'local-roles'? ('coord rules' lists them all)\n",
        });
    });
});
