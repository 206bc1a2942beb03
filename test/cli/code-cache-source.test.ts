/**
 * The code cache reads the commands' bundle itself (src/cli/code-cache.ts): as
 * bytes, its CRC-32 taken of them, an ASCII file made a string without UTF-8
 * decoding. A file with other characters (a development build, a bundle
 * someone edited) must still run with its text as written, a byte-order mark
 * dropped as Node drops it; every other file must load through Node as before;
 * and the CRC of the bytes must be the one earlier builds wrote of the text,
 * so that their cache files stay valid.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import nodeModule from 'node:module';
import * as vm from 'node:vm';
import { cacheCompiledCode, cacheNames, unwrap, wrap } from '../../src/cli/code-cache.js';

let dir: string;
const cached: string[] = [];
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-code-cache-source-'));
    fs.mkdirSync(path.join(dir, 'cache'), { mode: 0o700 });
    for (const name of ['ascii.cjs', 'utf8.cjs', 'bom.cjs', 'old-ascii.cjs', 'old-utf8.cjs', 'wrong-crc.cjs']) {
        const file = path.join(dir, name);
        cached.push(file);
        cacheCompiledCode(file, path.join(dir, 'cache'));
    }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Requires a new file; `throughCache` says whether the cache compiled it (it then saves the code at exit). */
function load(name: string, text: string | Buffer, throughCache = cached.includes(path.join(dir, name))): unknown {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const listeners = process.listenerCount('exit');
    const exports = createRequire(file)(file);
    expect(process.listenerCount('exit') - listeners).toBe(throughCache ? 1 : 0);
    return exports;
}

test('an ASCII bundle runs with its text', () => {
    const exports = load('ascii.cjs', 'exports.text = "plain \\u00e9";\nexports.self = __filename;\nexports.isMain = require.main === module;\n') as Record<string, unknown>;
    expect(exports).toEqual({ text: 'plain \u00e9', self: path.join(dir, 'ascii.cjs'), isMain: false });
});

test('a bundle with other characters runs with its text as written, not read as Latin-1', () => {
    const exports = load('utf8.cjs', 'exports.text = "Per\u00fa \u2014 \u4e2d\u6587 \u{1F600}"; exports.length = exports.text.length;\n') as Record<string, unknown>;
    expect(exports).toEqual({ text: 'Per\u00fa \u2014 \u4e2d\u6587 \u{1F600}', length: 12 });
});

test('a byte-order mark is dropped, as Node drops it', () => {
    const exports = load('bom.cjs', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('exports.ok = "s\u00ed";\n')])) as Record<string, unknown>;
    expect(exports).toEqual({ ok: 's\u00ed' });
});

test('other files load through Node as before', () => {
    expect(load('other.cjs', 'module.exports = "Per\u00fa";\n')).toBe('Per\u00fa');
    expect(load('other.json', '{"a": "\u00e9"}')).toEqual({ a: '\u00e9' });
});

test('the CRC-32 of the bytes is the one of the text: cache files written by earlier builds stay valid', () => {
    for (const text of ['plain', 'Per\u00fa \u2014 \u4e2d\u6587 \u{1F600}']) {
        const code = Buffer.from('cached code');
        const written = wrap(code, crc32(text));
        expect(unwrap(written, crc32(Buffer.from(text, 'utf8')))?.equals(code)).toBe(true);
    }
});

/**
 * A cache file as an earlier build wrote it: the code V8 made for the text, under the CRC-32 of the
 * text (not of the bytes). Loading the file must hand it to V8 and V8 must take it: the loader then
 * adds no `exit` listener (it adds one to save the code only when there was none, or V8 rejected it).
 */
function writeEarlierCache(name: string, text: string, sourceCrc = crc32(text)): void {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const code = new vm.Script(nodeModule.wrap(text), { filename: file }).createCachedData();
    fs.writeFileSync(path.join(dir, 'cache', cacheNames(file).file), wrap(code, sourceCrc), { mode: 0o600 });
}

test('a cache file written by an earlier build (CRC-32 of the text) is read and taken by V8', () => {
    for (const [name, text] of [['old-ascii.cjs', 'exports.v = "plain";\n'], ['old-utf8.cjs', 'exports.v = "Per\u00fa \u2014 \u4e2d\u6587";\n']]) {
        writeEarlierCache(name, text);
        const listeners = process.listenerCount('exit');
        const exports = createRequire(path.join(dir, name))(path.join(dir, name)) as Record<string, unknown>;
        expect(exports.v, name).toBe(text.slice('exports.v = "'.length, -3));
        expect(process.listenerCount('exit') - listeners, `${name}: the cache was used`).toBe(0);
    }
});

test('a cache file whose source CRC does not match is not used (the check above is not vacuous)', () => {
    writeEarlierCache('wrong-crc.cjs', 'exports.v = 1;\n', crc32('exports.v = 2;\n'));
    const listeners = process.listenerCount('exit');
    expect(createRequire(path.join(dir, 'wrong-crc.cjs'))(path.join(dir, 'wrong-crc.cjs'))).toEqual({ v: 1 });
    expect(process.listenerCount('exit') - listeners).toBe(1);
});
