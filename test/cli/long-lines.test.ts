/**
 * Per-finding work does not grow with the length of the finding's line
 * (issue 21, fault 3): 8,000 declarations on one line took 55 s because each
 * finding's fingerprint hashed the whole line again. Counted, not timed: the
 * text the report reads from the document for 4,000 findings on one line stays
 * a small multiple of the file, and the fingerprints equal those of the
 * straightforward definition. Suppression look-ups give the first next-line
 * directive, else the first file-wide one, and mark every one that applies.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCheckReport } from '../../src/cli/check.js';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { parseDirective, suppressionFinder } from '../../src/validation/suppression.js';
import { removeScratch, scratch } from './process-run.js';

let dir: string;
beforeAll(() => {
    dir = scratch('coord-long-lines-');
});
afterAll(() => removeScratch(dir));

describe('a long line', () => {
    test('4,000 findings on one line read the line once per rule, and keep their fingerprints', async () => {
        const decls = Array.from({ length: 4_000 }, (_, i) => `population p${i} "P"`);
        const text = decls.join(' ') + '\n';
        fs.writeFileSync(path.join(dir, 'a.coord'), text);
        const ws = await loadWorkspace({ paths: ['a.coord'], cwd: dir });
        const doc = ws.files[0].document.textDocument;
        const getText = doc.getText.bind(doc);
        let read = 0;
        doc.getText = range => {
            const t = getText(range);
            read += t.length;
            return t;
        };
        const report = buildCheckReport(ws);
        expect(report.diagnostics.length).toBeGreaterThanOrEqual(4_000);
        // The whole line once per rule with findings on it, plus each finding's own text.
        expect(read).toBeLessThan(5 * text.length);
        doc.getText = getText;
        const line = text.trim().replace(/\s+/g, ' ');
        const seen = new Map<string, number>();
        for (const [i, d] of report.diagnostics.entries()) {
            const f = ws.files[0].findings[i];
            const hash = createHash('sha256');
            for (const part of [f.rule, 'a.coord', line, doc.getText(f.range)]) hash.update(part).update('\0');
            const key = hash.digest('hex').slice(0, 32);
            const n = seen.get(key) ?? 0;
            seen.set(key, n + 1);
            expect(d.fingerprint).toBe(`${key}:${n}`);
        }
    }, 120_000);
});

describe('suppression look-ups', () => {
    const directive = (text: string, line: number) => parseDirective(text, line, 0)!;

    test('the next-line directive wins over a file-wide one; every directive that applies is marked used', () => {
        const all = [
            directive('// coord-disable unused -- everywhere', 0),
            directive('// coord-disable -- every rule', 1),
            directive('// coord-disable-next-line unused -- here', 4),
            directive('// coord-disable-next-line syntax -- not this rule', 7),
        ];
        const find = suppressionFinder(all);
        expect(find('unused', 5)?.reason).toBe('here');
        expect(find('unused', 9)?.reason).toBe('everywhere');
        expect(find('duplicate-name', 5)?.reason).toBe('every rule');
        expect(all.map(d => d.used)).toEqual([true, true, true, false]);
    });

    test('10,000 next-line directives and 10,000 findings: each look-up finds its own line', () => {
        const all = Array.from({ length: 10_000 }, (_, i) => directive(`// coord-disable-next-line unused -- line ${i}`, 2 * i));
        const find = suppressionFinder(all);
        for (let i = 0; i < 10_000; i++) expect(find('unused', 2 * i + 1)?.reason).toBe(`line ${i}`);
        expect(all.every(d => d.used)).toBe(true);
    });
});
