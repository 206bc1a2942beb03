import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.coord` file under `dir`, recursively, sorted: the inputs of the benchmark's probes. */
export function coordFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) out.push(...coordFiles(path));
        else if (entry.name.endsWith('.coord')) out.push(path);
    }
    return out.sort();
}
