/** Hover: declarations and references show their kind, title and key facts; findings one line each, the rule's doc behind its link. */
import { describe, expect, test } from 'vitest';
import { RULES_BY_ID } from '../../src/validation/registry.js';
import { LIBRARY, withCursor } from './lsp-helpers.js';
import { setLocale } from '../../src/i18n/index.js';

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

    test('findings come first, one line each with the rule id and message; the rule\'s essay stays behind its link', async () => {
        const text = (await hover('coordination FEST_|UNIDOS {\n  between FEST, UNIDOS\n}'))!;
        const [findings, facts] = text.split('\n\n---\n\n');
        const lines = findings.split('  \n');
        expect(lines.length).toBeGreaterThanOrEqual(2);
        for (const line of lines) expect(line).toMatch(/^(\*\*error\*\*|\*\*warning\*\*|info|hint) `[a-z-]+`: \S/);
        expect(findings).toContain('**warning** `local-roles`: coordination FEST_UNIDOS gives no local actor a role');
        expect(text).not.toContain(RULES_BY_ID.get('local-roles')!.doc);
        expect(facts).toContain('**coordination** `FEST_UNIDOS`');
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
        expect((await hover('effects of FEST {\n  |- severe_food_insecurity\n}'))?.split('\n')[0]).toBe('`-` decrease of `severe_food_insecurity` (desirable decrease): **desirable**');
        expect(await hover('effects of FEST {\n  |+ poverty\n}')).toContain('`+` increase of `poverty` (desirable decrease): **adverse**');
        expect(await hover('effects of FEST {\n  |~ savings\n}')).toContain('**no change**');
        expect(await hover('effects of FEST {\n  |+ mild_food_insecurity\n}')).toContain('**neutral');
    });
});

describe('(v2) hover on an effect: its estimate, its cell\'s certainty and why, the pooled estimate', () => {
    const evaluations = `evaluation E1 { method rct cite "c" risk-of-bias low }
evaluation E2 { method psm cite "c" risk-of-bias high }
`;
    /** The hover escapes every Markdown character of the user's text; the tests read it back. */
    const unescape = (text: string | undefined) => (text ?? '').replace(/\\(.)/g, '$1');
    test('a single estimate: estimate, interval, certainty', async () => {
        const text = unescape(await hover('effects of FEST from E1 {\n  |+ savings size 0.12 sd ci 0.04..0.2 n 300\n}', { 'lib.coord': LIBRARY + evaluations }));
        expect(text).toContain('Estimate: 0.12 sd [0.04, 0.2], n 300');
        expect(text).toContain('Cell: FEST — savings; 1 source');
        expect(text).toContain('Certainty: **high**');
    });
    test('a pooled cell: both estimates, the downgrades and the pooled figures', async () => {
        const text = unescape(await hover('effects of FEST from E1 {\n  |+ savings size 0.10 sd se 0.05\n}\neffects of FEST from E2 {\n  + savings size 0.30 sd se 0.10\n}', { 'lib.coord': LIBRARY + evaluations }));
        // The worked example of docs/summary.md.
        expect(text).toContain('Certainty: **low (down for risk of bias, imprecision)**');
        expect(text).toContain('Pooled (k = 2): fixed 0.14 sd [0.0523, 0.228]; random (DerSimonian–Laird) 0.181 sd [-0.0113, 0.374]; τ² 0.0137, I² 68.7%');
        // (0.01375 and 68.75 % by hand; in floating point a hair below, so 3 significant digits round down.)
    });
    test('a reviewer\'s certainty replaces the computed one, with its reason', async () => {
        const text = unescape(await hover('effects of FEST from E1 {\n  |+ savings size 0.1 se 0.02 certainty low "Only one district"\n}', { 'lib.coord': LIBRARY + evaluations }));
        expect(text).toContain('Certainty: **low — reviewer: Only one district (computed: high)**');
    });
});

describe('(v2) the evidence hover escapes a reviewer\'s reason', () => {
    test('no link or HTML can form from a certainty reason', async () => {
        const text = (await hover('effects of FEST {\n  |+ savings size 0.1 se 0.02 certainty low "[x](https://evil.example) <img>"\n}'))!;
        expect(text).toContain('\\[x\\]\\(https\\://evil\\.example\\) \\<img\\>');
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
        // (The declaration's header line: the lines of findings, if any, come before it.)
        const title = text.split('\n').find(l => l.startsWith('**programme** `P` — '))!.split(' — ')[1];
        expect(title.replace(/\\[\\`*_{}[\]()<>#!|~&:@.]/g, '')).not.toMatch(/[[\]()<>*`!]/);
        expect(title).toContain('\\[click\\]\\(https\\://evil\\.example\\)');
        expect(title).toContain('\\u001B');
        expect(title).not.toMatch(/[\u0000-\u001f]/);
        expect(text).toContain('- agency: \\<script\\>x\\</script\\> www\\.evil\\.example');
        const evaluation = (await hover('effects of P from |E { }', { 'lib.coord': lib }))!;
        expect(evaluation).toContain('- by: \\!\\[p\\]\\(http\\:');
    });
});

describe('hover in the editor\'s language', () => {
    test('Spanish: the findings, the kind and the effect verdict; keywords, names and user text as written', async () => {
        setLocale('es');
        try {
            const coordination = (await hover('coordination FEST_|UNIDOS {\n  between FEST, UNIDOS\n}'))!;
            expect(coordination).toMatch(/\*\*advertencia\*\* .*local-roles/);
            expect(coordination).toContain('la coordinación FEST_UNIDOS no da un rol a ningún actor local');
            expect(coordination).toContain('**coordinación** `FEST_UNIDOS`');
            const outcome = (await hover('effects of FEST from EvalFEST {\n  - severe_food|_insecurity\n}'))!;
            expect(outcome).toContain('**resultado** `severe_food_insecurity`');
            expect(outcome).toContain('**resultado** `severe_food_insecurity` — Inseguridad alimentaria severa');
            expect(outcome).toContain('Biblioteca estándar (solo lectura).');
            expect(outcome).not.toContain('Standard library');
        } finally {
            setLocale('en');
        }
    });

    test.each([
        ['es', 'lo que recibió el grupo de comparación', 'el nivel local; una vez'],
        ['pt-BR', 'o que o grupo de comparação recebeu', 'o nível local; uma vez'],
    ])('%s: keyword docs in hover and completion; the form (code) as written', async (locale, versus, local) => {
        const english = { versus: (await hover('effects of FEST ver|sus none from EvalFEST { }'))! };
        expect(english.versus).toContain('what the comparison group received');
        setLocale(locale as 'es' | 'pt-BR');
        try {
            const text = (await hover('effects of FEST ver|sus none from EvalFEST { }'))!;
            expect(text).toContain('`versus Programme (+ Programme)* | none`');
            expect(text).toContain(versus);
            expect(text).not.toContain('comparison group');
            const { KEYWORD_DOCS, VALUE_DOCS, ENUM_RULES, SIZE_UNITS } = await import('../../src/lsp/coord-keywords.js');
            expect(KEYWORD_DOCS.local).toContain(local);
            // Every doc is translated: its prose differs from English, its form does not.
            const { CATALOGUE } = await import('../../src/i18n/index.js');
            for (const [name, doc] of Object.entries(KEYWORD_DOCS)) {
                expect(doc.startsWith('`' + name) || doc.startsWith('`effects of') || doc.startsWith('`versus') || doc.startsWith('`in '), name).toBe(true);
                expect(CATALOGUE[locale as 'es'][`keyword.${name}` as 'keyword.versus'], name).toBeTruthy();
            }
            expect(VALUE_DOCS.itt).not.toContain('Intention to treat');
            expect(ENUM_RULES.Method).not.toBe('evaluation method');
            expect(SIZE_UNITS[0][1]).not.toBe('standardised mean difference');
        } finally {
            setLocale('en');
        }
    });
});
