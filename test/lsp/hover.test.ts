/** Hover: declarations and references show their kind, title and key facts; rule findings show the rule's doc. */
import { describe, expect, test } from 'vitest';
import { RULES_BY_ID } from '../../src/validation/registry.js';
import { LIBRARY, withCursor } from './lsp-helpers.js';

async function hover(snippet: string, others: Record<string, string> = { 'lib.coord': LIBRARY }): Promise<string | undefined> {
    const w = await withCursor(snippet, others);
    const result = await w.services.lsp.HoverProvider!.getHoverContent(w.document, w.params);
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

describe('hover', () => {
    test('a reference to a programme: title, kind, country, sector, agency', async () => {
        const text = await hover('coordination C {\n  between FE|ST, UNIDOS\n}');
        expect(text).toContain('**programme** `FEST` — Familias en su Tierra');
        expect(text).toContain('- country: Colombia');
        expect(text).toContain('- sector: productive');
        expect(text).toContain('- agency: Prosperidad Social');
    });

    test('a standard-library outcome: domain, desirable direction, read-only', async () => {
        const text = await hover('effects of FEST from EvalFEST {\n  - severe_food|_insecurity\n}');
        expect(text).toContain('**outcome** `severe_food_insecurity` — Severe food insecurity');
        expect(text).toContain('- domain: food_education');
        expect(text).toContain('- desirable: decrease');
        expect(text).toContain('Standard library');
    });

    test('a coordination declaration: programmes and level achieved', async () => {
        const text = await hover('coordination FEST_|UNIDOS "FEST + UNIDOS" {\n  between FEST, UNIDOS\n  achieved low\n}');
        expect(text).toContain('**coordination** `FEST_UNIDOS` — FEST + UNIDOS');
        expect(text).toContain('- between: FEST, UNIDOS');
        expect(text).toContain('- achieved: low');
    });

    test('a finding shows its rule summary and doc', async () => {
        const text = await hover('coordination FEST_|UNIDOS {\n  between FEST, UNIDOS\n}');
        const rule = RULES_BY_ID.get('local-roles')!;
        expect(text).toContain(`**local-roles** (coord rule) — ${rule.summary}`);
        expect(text).toContain(rule.doc);
    });

    test('a property keyword shows its form', async () => {
        const text = await hover('programme P {\n  sec|tor productive\n}', {});
        expect(text).toContain('`sector social-protection | productive | other`');
    });

    test('(§8) an integrated programme lists both sectors; the local block\'s new entries show their form', async () => {
        expect(await hover('programme P|P {\n  country X\n  sector productive, social-protection\n}', {})).toContain('- sector: productive, social-protection');
        const capacity = await hover('coordination C {\n  local {\n    capa|city "Extension staff"\n  }\n}', {});
        expect(capacity).toContain('`capacity String` — in a `local` block');
        expect(await hover('coordination C {\n  lo|cal {\n  }\n}', {})).toContain('sources of resistance that can operate at the local level');
    });

    test('(§4 v2) the brief\'s locus of control is a standard outcome of its own', async () => {
        const text = await hover('effects of FEST {\n  + locus_of|_control\n}');
        expect(text).toContain('**outcome** `locus_of_control` — Locus of control');
        expect(text).toContain('- domain: psychosocial');
    });

    test('a keyword used as a name is the name, not the keyword', async () => {
        const text = await hover('domain local "Local"\noutcome o in lo|cal', {});
        expect(text).toContain('**domain** `local` — Local');
    });
});

describe('hover on an effect direction', () => {
    test('says whether the move is desirable, adverse, neutral or no change', async () => {
        expect(await hover('effects of FEST {\n  |- severe_food_insecurity\n}')).toBe('`-` decrease of `severe_food_insecurity` (desirable decrease): **desirable**');
        expect(await hover('effects of FEST {\n  |+ poverty\n}')).toContain('`+` increase of `poverty` (desirable decrease): **adverse**');
        expect(await hover('effects of FEST {\n  |~ savings\n}')).toContain('**no change**');
        expect(await hover('effects of FEST {\n  |+ mild_food_insecurity\n}')).toContain('**neutral');
    });
});

describe('hover Markdown escapes the user text (issue 22)', () => {
    test('a title, an agency and an evaluator cannot form a link, an image, HTML or emphasis', async () => {
        const lib = `programme P "[click](https://evil.example) ![x](https://evil.example/i.png) <img src=x> **b** \`c\` \u001b]0;t\u0007" {
  agency "<script>x</script> www.evil.example [a](javascript:alert(1))"
}
evaluation E { by "![p](http://evil.example/p.png)" }
`;
        const text = (await hover('coordination C {\n  between |P\n}', { 'lib.coord': lib }))!;
        expect(text).toContain('**programme** `P` — ');
        // Every Markdown-active character of the user's text is escaped: no unescaped `[`, `]`, `(`, `<`, `*`, `` ` ``, `!`.
        const title = text.split('\n')[0].split(' — ')[1];
        expect(title.replace(/\\[\\`*_{}[\]()<>#!|~&:@.]/g, '')).not.toMatch(/[[\]()<>*`!]/);
        expect(title).toContain('\\[click\\]\\(https\\://evil\\.example\\)');
        expect(title).toContain('\\u001B');
        expect(title).not.toMatch(/[\u0000-\u001f]/);
        expect(text).toContain('- agency: \\<script\\>x\\</script\\> www\\.evil\\.example');
        const evaluation = (await hover('effects of P from |E { }', { 'lib.coord': lib }))!;
        expect(evaluation).toContain('- by: \\!\\[p\\]\\(http\\:');
    });
});
