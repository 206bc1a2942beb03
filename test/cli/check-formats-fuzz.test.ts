/**
 * Whatever text a `.coord` file holds in its strings, comments and suppression
 * reasons, and whatever its name, every report format stays valid: SARIF
 * against the schema, JUnit well-formed XML 1.0, GitHub one workflow command
 * per finding that decodes back to it, JSON parseable and equal to the
 * findings. Random text from fast-check, checked by the same parsers as
 * check-formats.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { buildCheckReport } from '../../src/cli/check.js';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';
import { removeScratch, scratch } from './process-run.js';
import { validateSarif } from './sarif-schema.js';

let dir: string;
beforeAll(() => {
    dir = scratch();
});
afterAll(() => removeScratch(dir));

/** Text a file may hold: any code point but NUL (which makes it binary), with the hostile ones more likely. */
const hostile = fc.array(fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", ']]>', '%', '%0A', '::', ',', ':', '\u2028', '\u2029', '\x01', '\x1b', '\x7f', '\x85', '\ufffe', '😀', '\t', '\\', '</script>'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
), { maxLength: 12 }).map(parts => parts.join('').replace(/\0/g, ''));

const decode = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

describe('every format, for any text in the checked files', () => {
    test('stays valid and faithful', async () => {
        let n = 0;
        await fc.assert(fc.asyncProperty(hostile, hostile, hostile, async (inString, reason, nameText) => {
            const sub = path.join(dir, `case${n++}`);
            fs.mkdirSync(sub);
            const safeReason = reason.replace(/[\r\n]/g, ' ');
            const fileName = `f ${nameText.replace(/[\\/\r\n]/g, '_').slice(0, 40)}.coord`;
            fs.writeFileSync(path.join(sub, fileName), [
                `// ${inString.replace(/[\r\n]/g, ' ')}`,
                `programme P { country Peru sector other note "${inString.replace(/["\\]/g, '')}" }`,
                `// coord-disable-next-line invalid-value -- ${safeReason}`,
                'evaluation E { method rct period 1800..1801 }',
                `programme Q { country "${inString.replace(/["\\]/g, '')}" sector other }`,
                '',
            ].join('\n'));
            const ws = await loadWorkspace({ paths: ['.'], cwd: sub });
            const report = buildCheckReport(ws);
            const ctx = { color: false, cwd: sub, thresholds: {} };

            const json = JSON.parse(CHECK_FORMATS.json(report, ctx));
            expect(json.diagnostics).toEqual(report.diagnostics);
            expect(json.diagnostics.filter((d: { suppressed?: { reason: string } }) => d.suppressed).map((d: { suppressed: { reason: string } }) => d.suppressed.reason))
                .toContain(safeReason.trim());

            const sarif = JSON.parse(CHECK_FORMATS.sarif(report, ctx));
            expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);

            const errors: string[] = [];
            const xml = new SaxesParser();
            xml.on('error', e => errors.push(e.message));
            xml.write(CHECK_FORMATS.junit(report, ctx)).close();
            expect(errors).toEqual([]);

            const lines = CHECK_FORMATS.github(report, ctx).trimEnd().split('\n');
            const shown = report.diagnostics.filter(d => !d.suppressed);
            expect(lines).toHaveLength(shown.length + 1);
            shown.forEach((d, i) => {
                const m = /^::(error|warning|notice) ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)$/.exec(lines[i]);
                expect(m, lines[i]).not.toBeNull();
                expect(decode(m![3])).toBe(`${d.message} [${d.rule}]`);
                expect(decode(/(?:^|,)file=([^,]*)/.exec(m![2])![1])).toBe(d.file);
            });

            expect(CHECK_FORMATS.stylish(report, ctx)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        }), { numRuns: 40 });
    });
});
