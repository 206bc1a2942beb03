/**
 * `coord format` never loses a byte (issue 22): a file is replaced in one step
 * (killed at random points while it writes a large file, it leaves the file
 * untouched or fully formatted), a file edited while it is formatted is left
 * alone (exit 2), a file that cannot be written is named in one line while the
 * others are still formatted, the mode is kept, and through a symbolic link
 * the target is formatted.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText } from '../../src/analysis/format.js';
import { BIN, canRunAs, ensureBuilt, removeScratch, runCoord, scratch } from './process-run.js';
import { seededRandom } from '../seeded-random.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const UNFORMATTED = 'programme A { sector productive }\nprogramme   B {  sector other }\n';
const FORMATTED = 'programme A {\n  sector productive\n}\n\nprogramme B {\n  sector other\n}\n';

/** A large unformatted spec: every declaration on one line. */
function largeSpec(bytes: number): string {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
        const line = `programme P${i} { sector productive country X budget 10 USD note "n${i}" } coordination C${i} { between P${i}, P${i} incentive budget local { role "r" } }\n`;
        parts.push(line);
        size += line.length;
    }
    return parts.join('');
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Starts `coord format file`; resolves the exit when it ends. */
function startFormat(cwd: string, file: string) {
    const child = spawn(process.execPath, [BIN, 'format', file], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(resolve => {
        child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
    return { child, exit };
}

/** Resolves once a temporary file of the formatter appears in `dir` (or the process ended). */
async function tempAppears(dir: string, ended: () => boolean): Promise<boolean> {
    while (!ended()) {
        if (fs.readdirSync(dir).some(f => f.endsWith('.tmp'))) return true;
        await sleep(1);
    }
    return false;
}

let dir: string;

/**
 * Root may write any file, so as root the case runs as nobody, who is given `owned`.
 * Returns the options for runCoord, or undefined when nobody cannot read the checkout
 * (the case is then skipped, with a note).
 */
function unprivileged(owned: readonly string[], what: string): { uid?: number; gid?: number } | undefined {
    if (process.getuid?.() !== 0) return {};
    const asNobody = { uid: 65534, gid: 65534 };
    fs.chmodSync(dir, 0o755);
    for (const f of owned) fs.chownSync(f, 65534, 65534);
    if (canRunAs(asNobody)) return asNobody;
    console.log(`[format-write] skipped ${what}: user nobody cannot read the checkout`);
    return undefined;
}
beforeAll(() => {
    ensureBuilt();
    dir = scratch('coord-format-write-');
});
afterAll(() => removeScratch(dir));

describe('coord format writes atomically', () => {
    test('keeps the mode, formats the target of a symbolic link and leaves the link a link', async () => {
        const ws = path.join(dir, 'links');
        fs.mkdirSync(path.join(ws, 'real'), { recursive: true });
        fs.writeFileSync(path.join(ws, 'real/a.coord'), UNFORMATTED);
        fs.chmodSync(path.join(ws, 'real/a.coord'), 0o640);
        fs.symlinkSync('real/a.coord', path.join(ws, 'link.coord'));
        const r = await runCoord(ws, ['format', 'link.coord']);
        expect(r.stderr).toBe('formatted 1 file\n');
        expect(r.code).toBe(0);
        expect(fs.lstatSync(path.join(ws, 'link.coord')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(ws, 'real/a.coord'), 'utf8')).toBe(FORMATTED);
        expect(fs.statSync(path.join(ws, 'real/a.coord')).mode & 0o777).toBe(0o640);
        expect(fs.readdirSync(path.join(ws, 'real'))).toEqual(['a.coord']);
    });

    test('a file that cannot be written is named in one line; the files after it are still formatted (exit 2)', async () => {
        const ws = path.join(dir, 'readonly');
        fs.mkdirSync(ws);
        for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(ws, `${name}.coord`), UNFORMATTED);
        fs.chmodSync(path.join(ws, 'b.coord'), 0o444);
        // As nobody (when root), who owns the folder but may only read b.coord.
        const asNobody = unprivileged(['', 'a.coord', 'b.coord', 'c.coord'].map(f => path.join(ws, f)), 'the read-only case');
        if (!asNobody) return;
        const r = await runCoord(ws, ['format', 'a.coord', 'b.coord', 'c.coord'], asNobody);
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n').filter(Boolean)).toEqual([
            'coord: b.coord: cannot write file (permission denied); left as it is',
            'formatted 2 files',
        ]);
        expect(fs.readFileSync(path.join(ws, 'a.coord'), 'utf8')).toBe(FORMATTED);
        expect(fs.readFileSync(path.join(ws, 'b.coord'), 'utf8')).toBe(UNFORMATTED);
        expect(fs.readFileSync(path.join(ws, 'c.coord'), 'utf8')).toBe(FORMATTED);
        expect(fs.readdirSync(ws).sort()).toEqual(['a.coord', 'b.coord', 'c.coord']);
    });

    test('a writable file in a folder that is not: named, left as it is (no temporary file, no write in place)', async () => {
        const ws = path.join(dir, 'lockedfolder');
        fs.mkdirSync(ws);
        fs.writeFileSync(path.join(ws, 'a.coord'), UNFORMATTED);
        const asNobody = unprivileged([path.join(ws, 'a.coord')], 'the locked-folder case');
        if (!asNobody) return;
        fs.chmodSync(ws, 0o555);
        try {
            const r = await runCoord(ws, ['format', 'a.coord'], asNobody);
            expect(r.code).toBe(2);
            expect(r.stderr).toBe('coord: a.coord: cannot write file (permission denied: cannot create a temporary file in its folder); left as it is\n');
            expect(fs.readFileSync(path.join(ws, 'a.coord'), 'utf8')).toBe(UNFORMATTED);
        } finally {
            fs.chmodSync(ws, 0o755);
        }
    });

    test('in es and pt-BR the file that cannot be written is named in the locale, cause included (no English)', async () => {
        const ws = path.join(dir, 'lockedfolder-locale');
        fs.mkdirSync(ws);
        fs.writeFileSync(path.join(ws, 'a.coord'), UNFORMATTED);
        const asNobody = unprivileged([path.join(ws, 'a.coord')], 'the locked-folder case');
        if (!asNobody) return;
        fs.chmodSync(ws, 0o555);
        try {
            const expected: Record<string, string> = {
                es: 'coord: a.coord: no se puede escribir el archivo (permiso denegado: no se puede crear un archivo temporal en su carpeta); se dejó como estaba\n',
                'pt-BR': 'coord: a.coord: não é possível escrever o arquivo (permissão negada: não é possível criar um arquivo temporário na pasta dele); foi deixado como estava\n',
            };
            for (const [locale, message] of Object.entries(expected)) {
                const r = await runCoord(ws, ['format', 'a.coord', '--locale', locale], asNobody);
                expect(r.code).toBe(2);
                expect(r.stderr).toBe(message);
                expect(r.stderr).not.toMatch(/cannot|permission|temporary|left as it is/);
            }
            expect(fs.readFileSync(path.join(ws, 'a.coord'), 'utf8')).toBe(UNFORMATTED);
        } finally {
            fs.chmodSync(ws, 0o755);
        }
    });

    test('killed (SIGKILL) at random points while it formats a large file: the file is untouched or fully formatted', async () => {
        const original = largeSpec(1_000_000);
        const result = formatText(original, Coord);
        if (!result.ok) throw new Error('the large spec does not format');
        const formatted = result.text;
        const ws = path.join(dir, 'kill');
        fs.mkdirSync(ws);
        const file = path.join(ws, 'big.coord');
        // One run to completion: how long a run takes here, now.
        fs.writeFileSync(file, original);
        const started = Date.now();
        const full = await startFormat(ws, 'big.coord').exit;
        const duration = Date.now() - started;
        expect(full.code).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).toBe(formatted);
        const next = seededRandom(22);
        const outcomes = { untouched: 0, formatted: 0 };
        for (let trial = 0; trial < 6; trial++) {
            fs.writeFileSync(file, original);
            const run = startFormat(ws, 'big.coord');
            let ended = false;
            void run.exit.then(() => (ended = true));
            // A third of the trials kill while the new text is being written, a third as soon as the file
            // itself changes (a writer that truncates first is caught empty), a third at any moment of the run.
            if (trial % 3 === 0) {
                await tempAppears(ws, () => ended);
                await sleep(Math.floor(next() * 20));
            } else if (trial % 3 === 1) {
                const before = fs.statSync(file);
                while (!ended) {
                    const now = fs.statSync(file);
                    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) break;
                    await sleep(0);
                }
            } else {
                await sleep(Math.floor(next() * duration));
            }
            run.child.kill('SIGKILL');
            await run.exit;
            const now = fs.readFileSync(file, 'utf8');
            if (now === original) outcomes.untouched++;
            else if (now === formatted) outcomes.formatted++;
            else throw new Error(`trial ${trial}: the file is neither untouched nor formatted (${now.length} characters)`);
            for (const f of fs.readdirSync(ws)) if (f !== 'big.coord') fs.rmSync(path.join(ws, f));
        }
        console.log(`[format-write] 6 kills over a ${duration} ms run: ${outcomes.untouched} untouched, ${outcomes.formatted} formatted`);
        expect(outcomes.untouched + outcomes.formatted).toBe(6);
    }, 300_000);

    test('a file edited while it is formatted is left alone, with the edit (exit 2)', async () => {
        const original = largeSpec(1_000_000);
        const ws = path.join(dir, 'edit');
        fs.mkdirSync(ws);
        const file = path.join(ws, 'big.coord');
        const added = 'population Added\n';
        let leftAlone = 0;
        for (let trial = 0; trial < 3 && leftAlone === 0; trial++) {
            fs.writeFileSync(file, original);
            const run = startFormat(ws, 'big.coord');
            let ended = false;
            void run.exit.then(() => (ended = true));
            // The formatter has read the file once it writes its temporary file: edit it then, as an editor saving would.
            const writing = await tempAppears(ws, () => ended);
            fs.appendFileSync(file, added);
            const r = await run.exit;
            const now = fs.readFileSync(file, 'utf8');
            // Whatever the timing, the edit is never lost.
            expect(now.endsWith(added) || now.endsWith(`\n${added}`)).toBe(true);
            if (writing && r.code === 2) {
                expect(now).toBe(original + added);
                expect(r.stderr).toBe(`coord: big.coord: changed while it was being formatted; left as it is (run 'coord format' again)\n`);
                expect(fs.readdirSync(ws)).toEqual(['big.coord']);
                leftAlone++;
            }
        }
        expect(leftAlone).toBe(1);
    }, 300_000);
});
