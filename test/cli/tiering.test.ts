/**
 * V8's tiers during a one-shot CLI run (src/cli/tiering.ts): every tier for the
 * parse, capped at Maglev once every document is parsed, every tier again when
 * the build is over. V8's flags are not observable from JavaScript, so
 * `node:v8`'s `setFlagsFromString` is replaced by a recorder that also notes
 * what had been parsed when it was called.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { removeScratch, scratch } from './process-run.js';

const calls: Array<{ flags: string; parsed: number }> = [];
/** How many workspace documents had been parsed (set by the test's spy on the document factory). */
let parsedSoFar = 0;

vi.mock('node:v8', async importOriginal => {
    const actual = await importOriginal<typeof import('node:v8')>();
    return { ...actual, setFlagsFromString: (flags: string) => void calls.push({ flags, parsed: parsedSoFar }) };
});

describe('V8 tiers in a one-shot run', () => {
    let dir: string;
    const execArgv = process.execArgv;

    beforeEach(() => {
        calls.length = 0;
        parsedSoFar = 0;
        dir = scratch();
        for (let i = 0; i < 3; i++) {
            // Large enough for the cap (a long comment: cheap to parse).
            fs.writeFileSync(path.join(dir, `f${i}.coord`), `// ${'x'.repeat(100_000)}\nprogramme P${i} {\n  sector productive\n}\n`);
        }
    });

    afterEach(() => {
        removeScratch(dir);
        process.execArgv = execArgv;
    });

    test('are capped after the parse and restored once, when the build is over', async () => {
        const { tierCapFor, CAP_FROM_CHARACTERS } = await import('../../src/cli/tiering.js');
        const tiers = await tierCapFor(CAP_FROM_CHARACTERS);
        expect(tiers).toBeDefined();
        expect(calls).toEqual([]);
        tiers!.cap();
        tiers!.cap();
        expect(calls.map(c => c.flags)).toEqual(['--max-opt=2']);
        tiers!.restore();
        tiers!.restore();
        expect(calls.map(c => c.flags)).toEqual(['--max-opt=2', '--max-opt=999 --turbofan']);
    });

    test('are left alone in a small workspace, or when the user chose them', async () => {
        const { tierCapFor, CAP_FROM_CHARACTERS } = await import('../../src/cli/tiering.js');
        expect(await tierCapFor(CAP_FROM_CHARACTERS - 1)).toBeUndefined();
        process.execArgv = [...execArgv, '--max-opt=1'];
        expect(await tierCapFor(CAP_FROM_CHARACTERS)).toBeUndefined();
        process.execArgv = [...execArgv, '--max_opt=3'];
        expect(await tierCapFor(CAP_FROM_CHARACTERS)).toBeUndefined();
        process.execArgv = [...execArgv, '--no-turbofan'];
        expect(await tierCapFor(CAP_FROM_CHARACTERS)).toBeUndefined();
        process.execArgv = [...execArgv, '--jitless'];
        expect(await tierCapFor(CAP_FROM_CHARACTERS)).toBeUndefined();
        expect(calls).toEqual([]);
    });

    test('loadWorkspace caps them only once every file is parsed, and restores them before it returns', async () => {
        const { loadWorkspace } = await import('../../src/cli/workspace.js');
        const { DefaultLangiumDocumentFactory } = await import('langium');
        const fromString = DefaultLangiumDocumentFactory.prototype.fromString;
        const spy = vi.spyOn(DefaultLangiumDocumentFactory.prototype, 'fromString').mockImplementation(function (this: InstanceType<typeof DefaultLangiumDocumentFactory>, ...args: Parameters<typeof fromString>) {
            const document = fromString.apply(this, args);
            if (String(args[1]).startsWith('file:')) parsedSoFar++;
            return document;
        });
        try {
            const ws = await loadWorkspace({ paths: ['.'], cwd: dir });
            expect(ws.files).toHaveLength(3);
        } finally {
            spy.mockRestore();
        }
        expect(calls).toEqual([{ flags: '--max-opt=2', parsed: 3 }, { flags: '--max-opt=999 --turbofan', parsed: 3 }]);
    });

    test('in V8 itself: the cap keeps TurboFan off, and the restore brings it back', async () => {
        // V8 derives `--no-turbofan` from `--max-opt=2` and does not undo it for `--max-opt=999` alone:
        // a restore without `--turbofan` left TurboFan off for the rest of the process.
        const { AFTER_PARSE, EVERY_TIER } = await import('../../src/cli/tiering.js');
        const script = path.join(dir, 'tiers.js');
        fs.writeFileSync(script, [
            "const v8 = require('node:v8');",
            'for (const flags of process.argv.slice(2)) v8.setFlagsFromString(flags);',
            'function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s; }',
            '%PrepareFunctionForOptimization(hot); hot([1, 2]); hot([1, 2]); %OptimizeFunctionOnNextCall(hot); hot([1, 2]);',
            // 64: V8's "optimised by TurboFan" bit of %GetOptimizationStatus (Node 20 and 22).
            "process.stdout.write((%GetOptimizationStatus(hot) & 64) !== 0 ? 'turbofan' : 'other');",
        ].join('\n'));
        const run = (...flags: string[]) => spawnSync(process.execPath, ['--allow-natives-syntax', script, ...flags], { encoding: 'utf8' }).stdout;
        expect(run()).toBe('turbofan');
        expect(run(AFTER_PARSE)).toBe('other');
        expect(run(AFTER_PARSE, EVERY_TIER)).toBe('turbofan');
    });
});
