/**
 * A V8 code cache for the commands' bundle (`dist/cli-commands.cjs`, with
 * Langium). The first run compiles the bundle as usual and, when the process
 * exits, saves the code V8 compiled for it, including every function compiled
 * while the command ran; later runs give that code to V8 instead of compiling
 * again. Node 20 has no compile cache of its own, and the one of Node 22
 * (`module.enableCompileCache`, which `bin/coord.js` turns on for the other
 * files) saves a file's code right after compiling it, without the functions
 * compiled later, so this cache saves more time there too.
 *
 * The cache lives in a folder of the user's own in the temporary folder: one
 * file per bundle path and Node version, named also by the bundle's size and
 * change time (an older file of the same bundle and Node is removed when a new
 * one is saved). Any problem means no cache, silently: no permission, a
 * read-only disk, a folder another user owns or others may write to, a file V8
 * rejects (another V8 version or flags, a damaged file).
 *
 * V8 alone is not enough to trust a file: it checks the cached code against
 * the source's *length* only, and release builds of V8 skip the checksum of
 * the code itself, so a damaged file of the right length, or the cache of
 * another build of the same size, could be run as if it were this bundle's
 * code. Each file therefore starts with a header of its own ({@link HEADER}):
 * a CRC-32 of the bundle's source and one of the cached code, with its length;
 * a file whose header does not match is not given to V8 at all. Setting
 * NODE_DISABLE_COMPILE_CACHE turns it off, as it does Node's own cache, and so
 * does `--enable-source-maps` (Node maps the stack traces of the files it
 * compiles itself, not those of a vm.Script).
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { crc32 } from 'node:zlib';

/** The header of a cache file: magic, CRC-32 of the source, CRC-32 of the code, the code's length (each 32 bits). */
const MAGIC = 0x43524443; // "CDRC"
const HEADER = 16;

/** The part of Node's CommonJS `Module` the cache replaces: loading and running a file's source. */
interface CompilingModule {
    exports: unknown;
}

/** Node's loader of `.js` (and `.cjs`) files: reads the source and compiles it. */
type LoadExtension = (this: unknown, module: CompilingModule, filename: string) => unknown;

/** The cache's folder: one of this user's in the temporary folder. */
export function defaultCacheFolder(): string {
    return path.join(os.tmpdir(), `coord-compile-cache-${process.getuid?.() ?? 'user'}`);
}

/**
 * Compiles `file` through the cache whenever it is required; does nothing when
 * NODE_DISABLE_COMPILE_CACHE is set or source maps are on (`--enable-source-maps`).
 * Only that one file is affected; every other module compiles as usual.
 */
export function cacheCompiledCode(file: string, folder = defaultCacheFolder()): void {
    if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
    // Node reads a `.cjs` file with the `.js` loader, as UTF-8 text; this one reads the bytes itself
    // (see compileCached), so that the source is neither decoded nor encoded again for its CRC-32.
    const extensions = (nodeModule as unknown as { _extensions: Record<string, LoadExtension> })._extensions;
    const load = extensions['.js'];
    extensions['.js'] = function (this: unknown, module: CompilingModule, filename: string) {
        // With --enable-source-maps, Node's own compiling maps stack traces to the sources; a vm.Script would not.
        if (filename !== file || process.sourceMapsEnabled) return load.call(this, module, filename);
        return compileCached(module, fs.readFileSync(filename), filename, folder);
    };
}

/**
 * Runs a CommonJS module's source the way Node does, with V8's cached code when there is a usable one.
 * The CRC-32 is taken of the file's bytes (the same value as of its text: the cache files of earlier
 * builds stay valid), and an ASCII file, as the bundles are (test/cli/start.test.ts), is made a string
 * without UTF-8 decoding: 1.4 MB decoded and then encoded again for the CRC cost 3–4 ms of every start.
 */
function compileCached(module: CompilingModule, bytes: Buffer, filename: string, folder: string): unknown {
    const names = cacheNames(filename);
    const cacheFile = path.join(folder, names.file);
    const sourceCrc = crc32(bytes);
    const content = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8').replace(/^\uFEFF/, '');
    let cachedData: Buffer | undefined;
    if (isPrivateFolder(folder)) {
        try {
            cachedData = unwrap(fs.readFileSync(cacheFile), sourceCrc);
        } catch {
            // No cache yet.
        }
    }
    const script = new vm.Script(nodeModule.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
        // Saved at exit, so that the cache also holds the functions compiled while the command ran.
        process.once('exit', () => save(script, sourceCrc, folder, names));
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = nodeModule.createRequire(filename);
    return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

/** The cache file's name, and the start it shares with the files of other builds of the same bundle for the same Node. */
export function cacheNames(filename: string): { file: string; prefix: string } {
    const stat = fs.statSync(filename);
    const prefix = `${path.basename(filename)}-${fnv1a([filename, process.version, process.arch].join('\0'))}-`;
    return { prefix, file: `${prefix}${fnv1a([stat.size, stat.mtimeMs, stat.ino].join('\0'))}.bin` };
}

/** FNV-1a, 32 bits, in hexadecimal: a name, not a check (V8 checks the cached code itself). */
function fnv1a(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
}

/** Whether the folder exists, is this user's and only this user may write to it (only such a cache is trusted). */
function isPrivateFolder(folder: string): boolean {
    try {
        const stat = fs.lstatSync(folder);
        if (!stat.isDirectory()) return false;
        if (process.getuid && stat.uid !== process.getuid()) return false;
        return process.platform === 'win32' || (stat.mode & 0o022) === 0;
    } catch {
        return false;
    }
}

/**
 * Writes the cached code (to a temporary name first, so that no run ever reads half a
 * file) and removes the files of older builds of the bundle; failures are ignored.
 */
function save(script: vm.Script, sourceCrc: number, folder: string, names: { file: string; prefix: string }): void {
    const cacheFile = path.join(folder, names.file);
    const partial = `${cacheFile}.${process.pid}.tmp`;
    try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        if (!isPrivateFolder(folder)) return;
        fs.writeFileSync(partial, wrap(script.createCachedData(), sourceCrc), { mode: 0o600 });
        fs.renameSync(partial, cacheFile);
        for (const name of fs.readdirSync(folder)) {
            if (name.startsWith(names.prefix) && name.endsWith('.bin') && name !== names.file) fs.rmSync(path.join(folder, name), { force: true });
        }
    } catch {
        // No cache this time.
        try {
            fs.rmSync(partial, { force: true });
        } catch {
            // The folder cannot be used at all.
        }
    }
}

/** The cached code with its header. */
export function wrap(code: Buffer, sourceCrc: number): Buffer {
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(sourceCrc >>> 0, 4);
    header.writeUInt32LE(crc32(code) >>> 0, 8);
    header.writeUInt32LE(code.length, 12);
    return Buffer.concat([header, code]);
}

/** The cached code of a file, when its header matches this source and the code is whole and unchanged; else undefined. */
export function unwrap(file: Buffer, sourceCrc: number): Buffer | undefined {
    if (file.length < HEADER || file.readUInt32LE(0) !== MAGIC || file.readUInt32LE(4) !== sourceCrc >>> 0) return undefined;
    const code = file.subarray(HEADER);
    if (code.length !== file.readUInt32LE(12) || crc32(code) >>> 0 !== file.readUInt32LE(8)) return undefined;
    return code;
}
