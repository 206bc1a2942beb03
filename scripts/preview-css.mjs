// The preview's stylesheets, put together at build time from their one source each:
// - SUMMARY_CSS (src/analysis/summary-render/page-css.ts): the summary page's rules, shared with the HTML report;
// - media/preview.css: the webview's variables (from VS Code's theme) and what only the interactive preview has;
// - SHELL_CSS (src/extension/preview-html.ts): the shell's toolbar, buttons and loading state, inline in the shell.
// dist/preview.css = SUMMARY_CSS + media/preview.css (the webview loads it once its loading state shows); the
// playground's stylesheet takes the three (scripts/build-web.mjs).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** SUMMARY_CSS and SHELL_CSS, read from their TypeScript modules (bundled in memory; both import no value). */
export async function pageStyles(root = ROOT) {
    const result = await esbuild.build({
        stdin: {
            contents: "export { SUMMARY_CSS } from './src/analysis/summary-render/page-css.ts'; export { SHELL_CSS } from './src/extension/preview-html.ts';",
            resolveDir: root, loader: 'ts',
        },
        bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning',
    });
    const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
    return { summary: module.SUMMARY_CSS, shell: module.SHELL_CSS };
}

/** The webview's stylesheet, dist/preview.css. */
export async function previewCss(root = ROOT) {
    const { summary } = await pageStyles(root);
    return `/* The summary page's rules (src/analysis/summary-render/page-css.ts, SUMMARY_CSS). */\n${summary}\n${readFileSync(join(root, 'media/preview.css'), 'utf8')}`;
}
