/**
 * What an empty section of the summary says, and the snippet that fills it:
 * the declaration templates of shared/declaration-snippets.ts (VS Code snippet
 * syntax, the ones completion inserts), shown as plain
 * text in the report and inserted by the preview's *Insert* button.
 */
import { t } from '../../i18n/index.js';
import { DECLARATION_SNIPPETS, expandSnippet } from '../../shared/declaration-snippets.js';

export type EmptyStateSnippet = 'effects' | 'coordination';

/** The template each empty state shows and inserts: the one completion inserts for that declaration. */
export const EMPTY_SNIPPETS: Record<EmptyStateSnippet, readonly string[]> = {
    effects: DECLARATION_SNIPPETS.effects.body,
    coordination: DECLARATION_SNIPPETS.coordination.body,
};

/** Every user-facing string of the empty states. */
export const EMPTY_TEXT = {
    get effects() { return t('empty.effects'); },
    get coordination() { return t('empty.coordination'); },
    get insert() { return t('empty.insert'); },
    get insertTitle() { return t('empty.insert-title'); },
};

/** A snippet body as the text it inserts with its placeholders' defaults (`${1:NAME}` → `NAME`, a choice → its first option). */
export const snippetText = expandSnippet;
