/**
 * The declarations' templates, offered by completion. The data lives in
 * shared/declaration-snippets.ts, so that the extension (the preview's
 * *Insert* button) inserts the very same templates without the core.
 */
export { DECLARATION_SNIPPETS, expandSnippet, type DeclarationSnippet } from '../shared/declaration-snippets.js';
