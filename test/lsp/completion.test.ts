/**
 * Completion fits the cursor: only the keywords valid there, the right kind of
 * declaration after each keyword, enumerated values with what they are, and
 * details that say what a reference points to.
 */
import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { LIBRARY, withCursor } from './lsp-helpers.js';

async function complete(snippet: string): Promise<CompletionItem[]> {
    const w = await withCursor(snippet, { 'lib.coord': LIBRARY });
    const list = await w.services.lsp.CompletionProvider!.getCompletion(w.document, w.params);
    return (list?.items ?? []).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('completion', () => {
    test('at the top level: the declaration keywords only', async () => {
        expect(labels(await complete('|')).sort()).toEqual(['body', 'coordination', 'domain', 'effects', 'evaluation', 'outcome', 'population', 'programme']);
    });

    test('in a programme: its properties, required ones first, a once-property already present left out', async () => {
        const items = await complete('programme P {\n  sector productive\n  |\n}');
        expect(labels(items)[0]).toBe('country');
        expect(labels(items)).not.toContain('sector');
        expect(labels(items)).toEqual(expect.arrayContaining(['agency', 'ministry', 'targets', 'budget', 'period', 'redesigned', 'note']));
        expect(labels(items)).not.toContain('between');
        expect(items.find(i => i.label === 'country')?.documentation).toMatchObject({ value: expect.stringContaining('required, once') });
    });

    test('repeatable properties stay on offer', async () => {
        expect(labels(await complete('programme P {\n  note "a"\n  |\n}'))).toContain('note');
    });

    test('programmes after between, without those already listed', async () => {
        expect(labels(await complete('coordination C {\n  between |\n}'))).toEqual(['FEST', 'UNIDOS']);
        expect(labels(await complete('coordination C {\n  between FEST, |\n}'))).toEqual(['UNIDOS']);
    });

    test('programmes after of and +, evaluations after from', async () => {
        expect(labels(await complete('effects of |'))).toEqual(['FEST', 'UNIDOS']);
        expect(labels(await complete('effects of FEST + |'))).toEqual(['UNIDOS']);
        const sources = await complete('effects of FEST + UNIDOS from | {\n}');
        expect(labels(sources)).toEqual(['EvalFEST', 'EvalUNIDOS']);
        expect(sources[0].detail).toBe('evaluation · quasi-experimental');
    });

    test('populations after targets, bodies after node', async () => {
        expect(labels(await complete('programme P {\n  targets |\n}'))).toEqual(['displaced', 'extreme_poor']);
        const bodies = await complete('coordination C {\n  between FEST, UNIDOS\n  node |\n}');
        expect(labels(bodies)).toEqual(['SNARIV']);
        expect(bodies[0].detail).toBe('body · national');
    });

    test('outcomes after a direction, with their domain and desirable direction', async () => {
        const items = await complete('effects of FEST from EvalFEST {\n  - sev|\n}');
        const severe = items.find(i => i.label === 'severe_food_insecurity');
        expect(severe?.detail).toBe('outcome · food_education · desirable decrease · standard library');
        expect(labels(items)).not.toContain('FEST');
    });

    test('the workspace outcomes rank before the standard library', async () => {
        const items = await complete('outcome own in finance desirable increase\neffects of FEST {\n  + |\n}');
        expect(labels(items)[0]).toBe('own');
    });

    test('enumerated values: sector, method, level, incentive and barrier kinds, achieved, political support, desirable', async () => {
        const cases: Array<[string, string[], string]> = [
            ['programme P {\n  sector |\n}', ['other', 'productive', 'social-protection'], 'sector'],
            ['evaluation E {\n  method |\n}', ['did', 'mixed', 'psm', 'qualitative', 'quasi-experimental', 'rct', 'rdd'], 'evaluation method'],
            ['body B {\n  level |\n}', ['local', 'national', 'regional'], 'level'],
            ['coordination C {\n  incentive |\n}', ['budget', 'other', 'performance', 'targeting'], 'incentive kind'],
            ['coordination C {\n  barrier |\n}', ['budget-priorities', 'design-change', 'institutional-inertia', 'other', 'target-mismatch'], 'barrier kind'],
            ['coordination C {\n  achieved |\n}', ['high', 'low', 'medium'], 'coordination level achieved'],
            ['coordination C {\n  political-support |\n}', ['moderate', 'strong', 'weak'], 'political support'],
            ['coordination C {\n  local {\n    agreement |\n  }\n}', ['formal', 'informal'], 'agreement formality'],
            ['outcome o in finance desirable |', ['decrease', 'increase', 'neutral'], 'desirable direction'],
        ];
        for (const [snippet, values, detail] of cases) {
            const items = await complete(snippet);
            expect(labels(items).sort(), snippet).toEqual(values);
            expect(items.every(i => i.detail === detail), snippet).toBe(true);
        }
    });

    test('level blocks in a coordination are properties, offered once', async () => {
        const items = await complete('coordination C {\n  between FEST, UNIDOS\n  local {\n  }\n  |\n}');
        expect(labels(items)).toEqual(expect.arrayContaining(['national', 'regional']));
        expect(labels(items)).not.toContain('local');
        expect(labels(items)).not.toContain('between');
    });

    test('inside a national or regional block: agreement and role only; a local block adds capacity, stakeholder and resistance (§8)', async () => {
        expect(labels(await complete('coordination C {\n  national {\n    |\n  }\n}')).sort()).toEqual(['agreement', 'role']);
        expect(labels(await complete('coordination C {\n  regional {\n    |\n  }\n}')).sort()).toEqual(['agreement', 'role']);
        const local = await complete('coordination C {\n  local {\n    capacity "c"\n    |\n  }\n}');
        expect(labels(local).sort()).toEqual(['agreement', 'capacity', 'resistance', 'role', 'stakeholder']);
        expect(local.find(i => i.label === 'resistance')?.documentation).toMatchObject({ value: expect.stringContaining('source of resistance') });
    });

    test('after a sector and a comma: the sectors again (an integrated programme, §8)', async () => {
        const items = await complete('programme P {\n  sector productive, |\n}');
        expect(labels(items).sort()).toEqual(['other', 'productive', 'social-protection']);
        expect(items.every(i => i.detail === 'sector')).toBe(true);
    });

    test('a name position offers no keywords', async () => {
        expect(await complete('programme P {\n  country |\n}')).toEqual([]);
    });
});

describe('completion on an existing name', () => {
    test('offers the name under the cursor and the unlisted ones', async () => {
        expect(labels(await complete('coordination C {\n  between |FEST, UNIDOS\n}'))).toEqual(['FEST']);
        expect(labels(await complete('coordination C {\n  between FE|ST\n}'))).toEqual(['FEST']);
    });
    test('(v2) on an effect: the details it does not have yet', async () => {
        const all = ['ci', 'cite', 'certainty', 'estimand', 'followup', 'n', 'note', 'p', 'se', 'size', 'subgroup'];
        const fresh = labels(await complete('effects of FEST from EvalFEST {\n  + savings |\n}'));
        expect(fresh).toEqual(expect.arrayContaining(all));
        const some = labels(await complete('effects of FEST from EvalFEST {\n  + savings size 0.1 sd ci 0..0.2 |\n}'));
        expect(some).toEqual(expect.arrayContaining(['se', 'p', 'n', 'estimand', 'followup', 'subgroup', 'certainty', 'cite', 'note']));
        expect(some).not.toContain('size');
        expect(some).not.toContain('ci');
        // A detail of the previous effect does not hide it on the next one.
        const next = labels(await complete('effects of FEST {\n  + savings size 0.1\n  - income |\n}'));
        expect(next).toContain('size');
    });

    test('(v2) units after `size N`, estimands, follow-up units, certainty levels and risk of bias', async () => {
        const units = await complete('effects of FEST {\n  + savings size 0.1 |\n}');
        expect(labels(units)).toEqual(expect.arrayContaining(['sd', 'pp', 'percent', 'logRR']));
        expect(units.find(i => i.label === 'sd')?.detail).toBe('unit: standardised mean difference');
        const estimands = await complete('effects of FEST {\n  + savings estimand |\n}');
        expect(labels(estimands).sort()).toEqual(['ate', 'itt', 'late', 'tot']);
        expect(estimands.find(i => i.label === 'itt')?.documentation).toMatchObject({ value: expect.stringContaining('Intention to treat') });
        expect(labels(await complete('effects of FEST {\n  + savings followup 12 |\n}')).sort()).toEqual(['months', 'years']);
        expect(labels(await complete('effects of FEST {\n  + savings certainty |\n}')).sort()).toEqual(['high', 'low', 'moderate', 'very-low']);
        expect(labels(await complete('evaluation E {\n  method rct\n  risk-of-bias |\n}')).sort()).toEqual(['high', 'low', 'some-concerns']);
    });

    test('(v2) versus: programmes or none; evaluations offer provenance once', async () => {
        expect(labels(await complete('effects of FEST + UNIDOS versus |'))).toEqual(expect.arrayContaining(['FEST', 'UNIDOS', 'none']));
        const e = labels(await complete('evaluation E {\n  method rct\n  doi "x"\n  |\n}'));
        expect(e).toEqual(expect.arrayContaining(['cite', 'url', 'published', 'risk-of-bias']));
        expect(e).not.toContain('doi');
    });
});

describe('completion that opens by itself and ranks by country', () => {
    const PERU = 'programme HakuWinay "Haku Wiñay" { country Peru sector productive }\nprogramme Juntos { country Peru sector social-protection }\n';

    async function typed(snippet: string, trigger?: string) {
        const w = await withCursor(snippet, { 'lib.coord': LIBRARY });
        const params = trigger ? { ...w.params, context: { triggerKind: 2 as const, triggerCharacter: trigger } } : w.params;
        return (await w.services.lsp.CompletionProvider!.getCompletion(w.document, params))?.items;
    }

    test('a space is a trigger character, and opens completion only after a keyword a reference follows, or a comma', async () => {
        const w = await withCursor('|', {});
        expect(w.services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toContain(' ');
        for (const before of ['coordination C {\n  between ', 'effects of ', 'effects of FEST + ', 'effects of FEST from ', 'coordination C {\n  node ',
            'programme P {\n  targets ', 'coordination C {\n  between FEST, ']) {
            expect((await typed(`${before}|`, ' '))?.length, before).toBeGreaterThan(0);
        }
        for (const before of ['programme ', 'programme P "title ', 'coordination C {\n  achieved ']) {
            expect(await typed(`${before}|`, ' '), before).toBeUndefined();
        }
    });

    test('programmes of the same country come first, each with its country and sector beside its name', async () => {
        const items = (await typed(`${PERU}coordination C {\n  between Juntos, |\n}`, ' '))!;
        const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        expect(sorted.map(i => i.label)).toEqual(['HakuWinay', 'FEST', 'UNIDOS']);
        expect(sorted[0].labelDetails?.detail).toBe(' Peru · productive');
        expect(sorted[1].labelDetails?.detail).toBe(' Colombia · productive');
        // With nothing listed yet, the document's own country decides.
        const first = (await typed(`${PERU}coordination C {\n  between |\n}`, ' '))!;
        const ranked = [...first].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
        expect(ranked.slice(0, 2).sort()).toEqual(['HakuWinay', 'Juntos']);
    });
});

describe('declaration templates', () => {
    async function topLevel(snippetSupport: boolean, typed = 'prog') {
        const w = await withCursor(`programme P { country Peru sector other }\n${typed}|`, {});
        await w.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { textDocument: { completion: { completionItem: { snippetSupport } } } },
        } as never);
        return (await w.services.lsp.CompletionProvider!.getCompletion(w.document, w.params))?.items ?? [];
    }

    test('with a client that takes snippets, a declaration keyword is one item that inserts its template', async () => {
        const items = await topLevel(true);
        const programme = items.filter(i => i.label === 'programme');
        expect(programme).toHaveLength(1);
        expect(programme[0].insertTextFormat).toBe(2);
        expect(programme[0].textEdit?.newText).toMatch(/^programme \$\{1:NAME\} "\$\{2:Full name\}" \{\n  country \$\{3:Country\}\n/);
        expect(programme[0].documentation).toMatchObject({ value: expect.stringContaining('```coord\nprogramme NAME "Full name" {') });
        expect((await topLevel(true, '')).filter(i => i.insertTextFormat === 2).map(i => i.label).sort())
            .toEqual(['body', 'coordination', 'domain', 'effects', 'evaluation', 'outcome', 'population', 'programme']);
    });

    test('without snippets, the plain keyword', async () => {
        const items = await topLevel(false);
        const programme = items.filter(i => i.label === 'programme');
        expect(programme).toHaveLength(1);
        expect(programme[0].insertTextFormat).toBeUndefined();
        expect(programme[0].textEdit?.newText).toBe('programme');
    });

    test('a keyword inside a declaration is never a template (`of` after `effects`, `body` as a name)', async () => {
        const w = await withCursor('coordination C {\n  between FEST, UNIDOS\n  |\n}', { 'lib.coord': LIBRARY });
        await w.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
        } as never);
        const items = (await w.services.lsp.CompletionProvider!.getCompletion(w.document, w.params))?.items ?? [];
        expect(items.length).toBeGreaterThan(3);
        expect(items.filter(i => i.insertTextFormat === 2)).toEqual([]);
    });
});
