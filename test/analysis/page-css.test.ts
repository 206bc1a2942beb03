/**
 * One rule set for the summary page, two faces: the HTML report (`REPORT_CSS`)
 * and the VS Code preview (`dist/preview.css`, built from `SUMMARY_CSS` and
 * `media/preview.css`) both use `SUMMARY_CSS` as is, and each face only gives
 * it its variables and adds what is its own. A rule of the fragment written
 * again in a face (as the gap map's once was, with other sizes) fails here.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUMMARY_CSS } from '../../src/analysis/summary-render/page-css.js';
import { REPORT_CSS } from '../../src/analysis/summary-render/html.js';
import { SHELL_CSS } from '../../src/extension/preview-html.js';
import { previewCss } from '../../scripts/preview-css.mjs';

const ROOT = path.resolve(__dirname, '../..');
const WEBVIEW_CSS = fs.readFileSync(path.join(ROOT, 'media/preview.css'), 'utf8');

/** The CSS without comments and without its @media blocks (a face's overrides for print, forced colours…). */
function topLevel(css: string): string {
    let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (let at = text.indexOf('@media'); at >= 0; at = text.indexOf('@media')) {
        let depth = 0;
        let end = text.indexOf('{', at);
        for (; end < text.length; end++) {
            if (text[end] === '{') depth++;
            else if (text[end] === '}' && --depth === 0) break;
        }
        text = text.slice(0, at) + text.slice(end + 1);
    }
    return text;
}

/** The properties each selector of the top-level rules sets (a rule `a, b { }` counts for `a` and for `b`). */
function rules(css: string): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const m of topLevel(css).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        const properties = [...m[2].matchAll(/(?:^|;)\s*([\w-]+)\s*:/g)].map(p => p[1]);
        for (const raw of m[1].split(',')) {
            const selector = raw.trim().replace(/\s+/g, ' ');
            if (selector === ':root') continue;
            const set = out.get(selector) ?? new Set<string>();
            for (const p of properties) set.add(p);
            out.set(selector, set);
        }
    }
    return out;
}

const shared = rules(SUMMARY_CSS);

describe('the summary page\'s rule set', () => {
    test('is in both faces as is', async () => {
        expect(REPORT_CSS).toContain(SUMMARY_CSS);
        expect(await previewCss(ROOT)).toContain(SUMMARY_CSS);
        // The gap map is among its rules.
        expect([...shared.keys()]).toEqual(expect.arrayContaining(['table.gap-map thead th', 'table.gap-map th.outcome', 'table.gap-map td', '.dot', '.size-3 .dot']));
    });

    test('no face sets again a property one of its rules sets (a face may add to a rule, as the preview adds a pointer)', () => {
        const reportOwn = rules(REPORT_CSS.replace(SUMMARY_CSS, ''));
        for (const [face, own] of [['report', reportOwn], ['webview', rules(WEBVIEW_CSS)], ['shell', rules(SHELL_CSS)]] as const) {
            const repeated = [...own].flatMap(([selector, properties]) =>
                [...properties].filter(p => shared.get(selector)?.has(p)).map(p => `${selector} { ${p} }`));
            expect(repeated, `the ${face} sets again what SUMMARY_CSS sets`).toEqual([]);
        }
    });

    test('names no colour or font, only variables, and each face defines every variable it uses', () => {
        expect(SUMMARY_CSS).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|font-family:(?!\s*var\()/i);
        const used = [...new Set([...SUMMARY_CSS.matchAll(/var\((--[\w-]+)/g)].map(m => m[1]))].sort();
        expect(used.length).toBeGreaterThan(15);
        for (const [face, css] of [['report', REPORT_CSS], ['webview', WEBVIEW_CSS]]) {
            const defined = new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map(m => m[1]));
            expect(used.filter(v => !defined.has(v)), `variables the ${face} does not define`).toEqual([]);
        }
    });
});
