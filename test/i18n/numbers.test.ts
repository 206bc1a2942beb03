/**
 * Numbers in the reports and the map follow the locale where Coord counts
 * (programmes, effects, sources, findings, syntax errors, k): `12,345` in
 * English and Latin-American Spanish (CLDR es-419), `12.345` in Brazilian
 * Portuguese. Figures of the spec and those computed from them (estimates,
 * intervals, pooled estimates, τ², I²) keep the point in every locale, as the
 * glossary says, so a reader finds them in the spec. CSV and JSON stay
 * machine-readable: the same numbers and field names in every locale.
 */
import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { withLocale } from '../../src/i18n/index.js';
import { countsLine, directionCounts, pooledText } from '../../src/analysis/summary-render/text.js';
import { MAP_TEXT } from '../../src/analysis/summary-render/evidence-map.js';
import { NETWORK_TEXT } from '../../src/analysis/summary-render/network.js';
import { PAGE_TEXT } from '../../src/analysis/summary-render/html.js';
import { renderSummaryCsv } from '../../src/analysis/summary-render/csv.js';
import { EXAMPLES, readFolder, summarise } from '../analysis/summary-helpers.js';
import { runCoord, ROOT } from '../cli/process-run.js';

const COUNTS = {
    programmes: 12345, coordinations: 2, evaluations: 3, effects: 1234567,
    byDirection: { '+': 1000, '-': 2, '~': 3 }, byDesirability: { desirable: 1000, adverse: 1, neutral: 2, 'no-change': 3 },
} as Parameters<typeof countsLine>[0];

describe('counts are formatted by locale in the reports and the map', () => {
    test.each([
        ['en', '12,345 programmes', '1,234,567 effects', '+ 1,000'],
        ['es', '12,345 programas', '1,234,567 efectos', '+ 1,000'],
        ['pt-BR', '12.345 programas', '1.234.567 efeitos', '+ 1.000'],
    ] as const)('%s: the counts line and the directions', (locale, programmes, effects, increase) => {
        const line = withLocale(locale, () => countsLine(COUNTS));
        expect(line).toContain(programmes);
        expect(line).toContain(effects);
        expect(withLocale(locale, () => directionCounts(COUNTS))).toContain(increase);
    });

    test.each([
        ['en', '1,234 sources', '⚠ 1,234 findings', '1,234 syntax errors'],
        ['es', '1,234 fuentes', '⚠ 1,234 hallazgos', '1,234 errores de sintaxis'],
        ['pt-BR', '1.234 fontes', '⚠ 1.234 achados', '1.234 erros de sintaxe'],
    ] as const)('%s: the map\'s sources, the network\'s findings badge, the banner\'s syntax errors', (locale, sources, findings, errors) => {
        withLocale(locale, () => {
            expect(MAP_TEXT.source(1234)).toBe(sources);
            expect(NETWORK_TEXT.findings(1234)).toBe(findings);
            expect(PAGE_TEXT.syntaxErrors(1234)).toBe(errors);
            expect(PAGE_TEXT.incomplete(1234)).toContain(errors.split(' ')[0]);
        });
    });

    test('estimates keep the point in every locale (as written in the spec, and computed from it)', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const cell = summary.cells.find(c => c.pooled)!;
        expect(cell).toBeDefined();
        const english = pooledText(cell)!;
        for (const locale of ['es', 'pt-BR'] as const) expect(withLocale(locale, () => pooledText(cell))).toEqual(english);
        expect(english.random).toMatch(/^-?\d+\.\d+/);
    });

    test('the CSV is the same in every locale (machine-readable)', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        const english = renderSummaryCsv(summary);
        for (const locale of ['es', 'pt-BR'] as const) expect(withLocale(locale, () => renderSummaryCsv(summary))).toBe(english);
    });

    test('coord summary --format json: the same counts, numbers and field names in pt-BR as in English', async () => {
        const cwd = path.join(ROOT, 'examples');
        const en = JSON.parse((await runCoord(cwd, ['summary', '.', '--format', 'json'])).stdout);
        const pt = JSON.parse((await runCoord(cwd, ['summary', '.', '--format', 'json', '--locale', 'pt-BR'])).stdout);
        expect(pt.counts).toEqual(en.counts);
        expect(Object.keys(pt).sort()).toEqual(Object.keys(en).sort());
        expect(pt.effects.map((e: { line: number; size?: number }) => [e.line, e.size])).toEqual(en.effects.map((e: { line: number; size?: number }) => [e.line, e.size]));
    }, 60_000);
});
