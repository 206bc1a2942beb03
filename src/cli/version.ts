/** The tool's name and version, stamped in at build time (read from package.json when run from source). */
import { readFileSync } from 'node:fs';

declare const __COORD_VERSION__: string | undefined;

function readVersion(): string {
    if (typeof __COORD_VERSION__ !== 'undefined') return __COORD_VERSION__;
    try {
        return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
    } catch {
        return '0.0.0';
    }
}

export const TOOL_NAME = 'coord';
export const TOOL_VERSION: string = readVersion();
