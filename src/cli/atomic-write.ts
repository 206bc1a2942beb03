/**
 * Replacing a file without ever leaving it half written: the new text goes to
 * a temporary file in the same folder (so the rename cannot cross file
 * systems), is flushed to disk, and is renamed over the original in one step.
 * A process killed at any moment leaves the original untouched or fully
 * replaced (at worst with a stray hidden `.NAME.PID-RANDOM.tmp` beside it).
 * Through a symbolic link the link's target is replaced, not the link. The
 * file's permission bits are kept (and its owner, when the process may set
 * it). A file the user may not write is not replaced, even when the folder
 * would allow it. A file with several hard links becomes a file of its own
 * (the other names keep the old text), as with any editor that saves by
 * renaming. Just before the rename the file is read again: if its
 * content differs from what the command read (an editor saved it meanwhile),
 * nothing is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../i18n/index.js';

/** Why a file was not replaced. */
export type ReplaceRefusal =
    | { kind: 'changed' }
    | { kind: 'error'; cause: string };

/**
 * Writes `text` over `file` atomically, unless the file's content is no longer
 * `expected`. Returns undefined when written, else why not; never throws for a
 * file-system problem.
 */
export function replaceFileAtomically(file: string, text: string, expected: string, statAtRead?: FileVersion): ReplaceRefusal | undefined {
    let target: string;
    let stat: fs.Stats;
    try {
        target = fs.realpathSync(file);
        stat = fs.statSync(target);
        if (!stat.isFile()) return { kind: 'error', cause: t('cli.write.cause.not-regular') };
        fs.accessSync(target, fs.constants.W_OK);
    } catch (e) {
        return { kind: 'error', cause: causeOf(e) };
    }
    // 'wx' below fails rather than overwrite a file that happens to have this name.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
    let fd: number | undefined;
    try {
        fd = fs.openSync(temp, 'wx', stat.mode & 0o7777);
    } catch (e) {
        // The file may be writable while its folder is not: say which one refused.
        return { kind: 'error', cause: t('cli.write.cause.temporary', { cause: causeOf(e) }) };
    }
    try {
        fs.writeFileSync(fd, text);
        fs.fsyncSync(fd);
        // The mode given to open is filtered by the umask: set it as the original has it.
        fs.fchmodSync(fd, stat.mode & 0o7777);
        try {
            if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) fs.fchownSync(fd, stat.uid, stat.gid);
        } catch {
            // Only a privileged process may give a file away; the text is what matters.
        }
        fs.closeSync(fd);
        fd = undefined;
        // The content check reads the whole file; the version check right before the rename closes most of the gap after it.
        if (!sameContent(target, expected) || (statAtRead && !sameVersion(fileVersion(target), statAtRead))) {
            fs.rmSync(temp, { force: true });
            return { kind: 'changed' };
        }
        fs.renameSync(temp, target);
        return undefined;
    } catch (e) {
        if (fd !== undefined) fs.closeSync(fd);
        fs.rmSync(temp, { force: true });
        return { kind: 'error', cause: causeOf(e) };
    }
}

/** What tells one version of a file from another without reading it. */
export interface FileVersion {
    ino: bigint;
    size: bigint;
    mtimeNs: bigint;
}

/** The version of a file (through links), or undefined when it cannot be read. Take it before reading the file. */
export function fileVersion(file: string): FileVersion | undefined {
    try {
        const s = fs.statSync(file, { bigint: true });
        return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs };
    } catch {
        return undefined;
    }
}

function sameVersion(a: FileVersion | undefined, b: FileVersion): boolean {
    return a !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** Whether the file still holds exactly `expected` (as UTF-8 text). */
function sameContent(file: string, expected: string): boolean {
    try {
        const bytes = fs.readFileSync(file);
        return bytes.length === Buffer.byteLength(expected) && bytes.equals(Buffer.from(expected));
    } catch {
        return false;
    }
}

function causeOf(e: unknown): string {
    const code = (e as NodeJS.ErrnoException).code;
    switch (code) {
        case 'EACCES':
        case 'EPERM': return t('cli.file.cause.denied');
        case 'EROFS': return t('cli.write.cause.read-only');
        case 'ENOSPC': return t('cli.write.cause.no-space');
        case 'EDQUOT': return t('cli.write.cause.quota');
        case 'ENOENT': return t('cli.file.cause.disappeared');
        case 'ELOOP': return t('cli.file.cause.loop');
        default: return code ?? (e instanceof Error ? e.message : String(e));
    }
}
