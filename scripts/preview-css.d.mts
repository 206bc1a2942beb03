// Types of scripts/preview-css.mjs, for the tests that build the webview's page.
export function pageStyles(root?: string): Promise<{ summary: string; shell: string }>;
export function previewCss(root?: string): Promise<string>;
