/**
 * The evidence map, the report page and the network in Spanish and
 * Portuguese: the preview's DOM (interactive, with filters, zoom buttons,
 * empty states and the banner) and the HTML report hold no English word of
 * the catalogue — neither a run of words of any message nor a whole short
 * label of the page's own tables (`not measured`, `Filters`, `any`). Pages
 * are parsed with parse5 and every text node and user-facing attribute is
 * read. The English render holds them, so the check is not vacuous.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parse, parseFragment } from 'parse5';
import { CATALOGUE, setLocale, type Locale, type MessageKey } from '../../src/i18n/index.js';
import { renderSummaryBody, renderSummaryHtml } from '../../src/analysis/summary-render/html.js';
import { renderSummaryMarkdown } from '../../src/analysis/summary-render/markdown.js';
import { layoutNetwork, renderNetworkSvg } from '../../src/analysis/summary-render/network.js';
import { EXAMPLES, readFolder, summarise } from '../analysis/summary-helpers.js';

interface Node { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; value?: string; content?: Node }

/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'alt', 'placeholder', 'data-export-label', 'data-subgroup']);

/** Elements whose text nobody reads: a style sheet's comments and a script's code are not the page's words. */
const UNREAD_ELEMENTS = new Set(['style', 'script']);

/** Every text node and read attribute of a page, trimmed. */
function pieces(html: string, fragment = true): string[] {
    const out: string[] = [];
    const walk = (n: Node) => {
        if (UNREAD_ELEMENTS.has(n.nodeName)) return;
        if (n.nodeName === '#text' && n.value?.trim()) out.push(n.value.trim());
        for (const a of n.attrs ?? []) if (READ_ATTRIBUTES.has(a.name) && a.value.trim()) out.push(a.value.trim());
        n.childNodes?.forEach(walk);
        if (n.content) walk(n.content);
    };
    walk((fragment ? parseFragment(html) : parse(html)) as unknown as Node);
    return out;
}

/** The literal text of a message, plural branches included. */
function literals(message: string): string[] {
    const out: string[] = [];
    const walk = (elements: MessageFormatElement[]) => {
        for (const e of elements) {
            if (e.type === TYPE.literal) out.push(e.value);
            else if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) walk(o.value);
        }
    };
    walk(parseIcu(message, { ignoreTag: true }));
    return out;
}

/** Keys of the page's own words: the map, the page, the network, the empty states, the report. */
const PAGE_KEYS = (Object.keys(CATALOGUE.en) as MessageKey[]).filter(k => /^(map|page|network|empty|report|certainty|severity|level|desirability)\./.test(k));

/** English words a translated page must not show: runs of two or more words (contained), single words (whole pieces). */
function englishOf(locale: Locale, userText: string): { runs: string[]; labels: string[] } {
    const runs = new Set<string>(), labels = new Set<string>();
    for (const key of PAGE_KEYS) {
        if (CATALOGUE[locale][key] === CATALOGUE.en[key]) continue;
        const translated = literals(CATALOGUE[locale][key]).join(' ');
        for (const literal of literals(CATALOGUE.en[key])) {
            for (const part of literal.split(/[;:,.()"“”«»—?!·⚠]|`[^`]*`/)) {
                const words = part.trim().split(/\s+/).filter(w => /^[A-Za-z'-]+$/.test(w));
                if (words.length === 0 || words.join(' ') !== part.trim()) continue;
                const text = words.join(' ');
                if (translated.includes(text) || userText.includes(text)) continue; // the same in both, or the spec's own words
                if (words.length >= 2) runs.add(text);
                else if (text.length >= 3) labels.add(text);
            }
        }
    }
    return { runs: [...runs], labels: [...labels] };
}

function englishIn(pagePieces: readonly string[], english: { runs: string[]; labels: string[] }): string[] {
    const found = new Set<string>();
    for (const piece of pagePieces) {
        for (const run of english.runs) if (piece.includes(run)) found.add(`${run} ⟵ ${piece.slice(0, 80)}`);
        const bare = piece.replace(/^[\s⚠✓✗○=•·(]+|[\s:.)]+$/g, '');
        if (english.labels.includes(bare)) found.add(`${bare} ⟵ ${piece.slice(0, 80)}`);
    }
    return [...found];
}

const FILES = readFolder(EXAMPLES);
const USER_TEXT = Object.values(FILES).join('\n');
const BROKEN = { 'broken.coord': 'programme Broken "Broken" { country Peru sector productive\n' };

/** The pages a user sees in a locale: the preview (interactive, with network and a broken file), an empty preview, the report. */
async function pages(locale: Locale): Promise<{ preview: string[]; empty: string[]; report: string[]; markdown: string }> {
    setLocale(locale);
    const { summary } = await summarise({ ...FILES, ...BROKEN });
    const network = await layoutNetwork(summary);
    const networkSvg = renderNetworkSvg(network, { interactive: true });
    const preview = pieces(renderSummaryBody(summary, { interactive: true, networkSvg }));
    const { summary: nothing } = await summarise({ 'empty.coord': '' });
    const empty = pieces(renderSummaryBody(nothing, { interactive: true }));
    const report = pieces(renderSummaryHtml(summary, { networkSvg: renderNetworkSvg(network) }), false);
    const markdown = renderSummaryMarkdown(summary);
    return { preview, empty, report, markdown };
}

afterEach(() => setLocale('en'));

describe('the evidence map and the report speak the locale', () => {
    test.each(['es', 'pt-BR'] as Locale[])('%s: no English of the page\'s catalogue in the preview, the empty preview, the report or the Markdown', async locale => {
        const english = englishOf(locale, USER_TEXT);
        expect(english.labels).toEqual(expect.arrayContaining(['Filters', 'Outcome']));
        expect(english.runs).toEqual(expect.arrayContaining(['not measured', 'Zoom in', 'Summary incomplete']));
        const page = await pages(locale);
        expect(englishIn(page.preview, english)).toEqual([]);
        expect(englishIn(page.empty, english)).toEqual([]);
        expect(englishIn(page.report, english)).toEqual([]);
        expect(englishIn(page.markdown.split('\n'), english)).toEqual([]);
        // The same pages in English show those words: the check can fail.
        const en = await pages('en');
        expect(englishIn(en.preview, english).length).toBeGreaterThan(20);
        expect(englishIn(en.empty, english).length).toBeGreaterThan(3);
        expect(englishIn(en.report, english).length).toBeGreaterThan(10);
    }, 60_000);

    test('the words are the locale\'s (a few, checked by hand)', async () => {
        const es = await pages('es');
        expect(es.preview).toEqual(expect.arrayContaining(['Mapa de brechas de evidencia', 'no medido', 'Filtros', 'Acercar', 'Resumen incompleto']));
        expect(es.preview.some(p => /^Gráfico de bosque: .+ \(SVG\)$/.test(p))).toBe(true);
        // The level achieved (`achieved low`), the follow-up and the subgroup of a forest plot's rows.
        expect(es.preview).toContain('coordinación baja');
        expect(es.preview.some(p => / · 12 meses$/.test(p))).toBe(true);
        expect(es.preview.some(p => /\(subgrupo women_headed\)/.test(p))).toBe(true);
        expect(es.preview.join('\n')).not.toMatch(/\bmonths\b|\(subgroup /);
        expect(es.empty).toEqual(expect.arrayContaining(['Insertar este fragmento']));
        const pt = await pages('pt-BR');
        expect(pt.preview).toEqual(expect.arrayContaining(['Mapa de lacunas de evidências', 'não medido', 'Filtros', 'Aproximar']));
    }, 60_000);
});
