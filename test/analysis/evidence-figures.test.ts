/**
 * `effectFigures` reads the first detail of each kind in one pass, without the
 * map `firstDetails` makes (the rules read the figures of every effect). It
 * must give what the plain path gives — the figures of `firstDetails` — field
 * for field and in the same order, repeats and broken details included.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, AstUtils } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { effectFigures, effectFiguresOf, firstDetails } from '../../src/analysis/evidence.js';
import { isEffect, type Effect } from '../../src/language/generated/ast.js';

const REPEATS = `
population W "Women"
effects of A + B {
  + O size 1.5 percent size 2 ci 0..1 ci 3..1 cite "first" cite "second" note "n" se 0 se 1 p 2 p 0.1 n 3 n 4 estimand itt estimand tot followup 3 months followup 2 years subgroup W subgroup X certainty low "one" certainty high "two"
  - O ci 1..2 size -1
  ~ O
  + O size
  + O ci 1.. se 0.2 note "half-written"
}
`;

describe('effectFigures', () => {
    it('gives the plain path\'s figures for every effect of the examples, the fixtures and details repeated or broken', async () => {
        const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
            .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);
        const root = join(__dirname, '..', '..');
        const files = [...walk(join(root, 'examples')), ...walk(join(root, 'test', 'fixtures'))]
            .map((path, i) => ({ uri: `file:///f/${i}.coord`, text: readFileSync(path, 'utf8') }));
        files.push({ uri: 'file:///f/repeats.coord', text: REPEATS });
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const built = await buildWorkspace(Coord, files);
        const effects: Effect[] = built.documents.flatMap(d => AstUtils.streamAst(d.parseResult.value).filter(isEffect).toArray());
        let repeated = 0;
        for (const effect of effects) {
            const plain = effectFiguresOf(firstDetails(effect).values());
            // The same fields in the same order (JSON keeps the order), and the same values.
            expect(JSON.stringify(effectFigures(effect))).toBe(JSON.stringify(plain));
            expect(effectFigures(effect)).toEqual(plain);
            if (new Set((effect.details ?? []).map(d => d?.kind)).size < (effect.details ?? []).length) repeated++;
        }
        expect(effects.length).toBeGreaterThan(100);
        // Not vacuous: effects whose details repeat a kind, where "the first of each kind" decides.
        expect(repeated).toBeGreaterThan(0);
        const first = effects.find(e => (e.details ?? []).length > 20)!;
        expect(effectFigures(first)).toMatchObject({ size: 1.5, ciLow: 0, ciHigh: 1, cite: 'first', se: 0, p: 2, n: 3, estimand: 'itt', followup: 3, subgroup: 'W' });
    });
});
