/**
 * The playground's share links: the open files, compressed with lz-string into
 * the URL fragment (`#files=…`). A fragment is never sent to a server, so a
 * shared spec goes nowhere but to whom the link is given. Decoding accepts
 * only the expected shape and bounded sizes; anything else is `undefined`.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface SharedFile {
    name: string;
    text: string;
}

export interface SharedState {
    files: SharedFile[];
    /** The index of the file shown. */
    active: number;
}

export const FRAGMENT_KEY = 'files';
/** At most this many files, and this many characters of text in all, are read from a link. */
export const MAX_SHARED_FILES = 50;
export const MAX_SHARED_CHARS = 2_000_000;

/** A file name the playground accepts: a plain `name.coord`, no folder. */
export function isValidFileName(name: string): boolean {
    return /^[\p{L}\p{N}_][\p{L}\p{N}_.\- ]{0,79}\.coord$/u.test(name);
}

/** The fragment (without `#`) that holds a state. */
export function encodeState(state: SharedState): string {
    const json = JSON.stringify({ v: 1, active: state.active, files: state.files.map(f => [f.name, f.text]) });
    return `${FRAGMENT_KEY}=${compressToEncodedURIComponent(json)}`;
}

/** The state a fragment holds (with or without `#`), or undefined when it holds none or is damaged. */
export function decodeState(fragment: string): SharedState | undefined {
    const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    const prefix = `${FRAGMENT_KEY}=`;
    if (!body.startsWith(prefix)) return undefined;
    let parsed: unknown;
    try {
        const json = decompressFromEncodedURIComponent(body.slice(prefix.length));
        if (!json || json.length > MAX_SHARED_CHARS * 2) return undefined;
        parsed = JSON.parse(json);
    } catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, active, files } = parsed as { v?: unknown; active?: unknown; files?: unknown };
    if (v !== 1 || !Array.isArray(files) || files.length === 0 || files.length > MAX_SHARED_FILES) return undefined;
    const out: SharedFile[] = [];
    let total = 0;
    for (const entry of files) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return undefined;
        if (!isValidFileName(entry[0]) || out.some(f => f.name === entry[0])) return undefined;
        total += entry[1].length;
        if (total > MAX_SHARED_CHARS) return undefined;
        out.push({ name: entry[0], text: entry[1] });
    }
    const index = typeof active === 'number' && Number.isInteger(active) && active >= 0 && active < out.length ? active : 0;
    return { files: out, active: index };
}
