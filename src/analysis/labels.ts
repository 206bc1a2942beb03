/** Human words for AST types and declarations, used in messages, hover and outlines. */
import type { AstNode } from 'langium';
import { CATALOGUE, t, type Locale, type MessageKey } from '../i18n/index.js';

/** The word for a type in the current locale: `Programme` → `programme`, `programa`. */
export function kindLabel(type: string, locale?: Locale): string {
    const key = `kind.${type}` as MessageKey;
    return key in CATALOGUE.en ? t(key, undefined, locale) : type.toLowerCase();
}

/** The word for a type with its indefinite article: `an outcome`, `un resultado`. */
export function kindWithArticle(type: string): string {
    const key = `kind.a.${type}` as MessageKey;
    return key in CATALOGUE.en ? t(key) : type.toLowerCase();
}

/** `programme FEST`, `coordination FEST_UNIDOS`. */
export function declarationLabel(node: AstNode & { name?: string }): string {
    return node.name ? `${kindLabel(node.$type)} ${node.name}` : kindLabel(node.$type);
}
