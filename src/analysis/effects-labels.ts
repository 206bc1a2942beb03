/** Words for effects blocks and effects, shared by the evidence rules' messages. */
import { GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Effect, Effects } from '../language/generated/ast.js';
import { compareCodePoints } from './queries.js';

/** `FEST + UNIDOS`, the combination as written. */
export function combinationLabel(block: Effects): string {
    return block.programmes.map(r => r.$refText).join(' + ');
}

/** The combination's names, distinct and sorted by code point (order-insensitive). */
export function combinationNames(block: Effects): string[] {
    return [...new Set(block.programmes.map(r => r.$refText))].sort(compareCodePoints);
}

/** `+ savings`. */
export function effectLabel(effect: Effect): string {
    return `${effect.direction} ${effect.outcome?.$refText ?? ''}`;
}

/** The range of an effects block's `effects` keyword, where findings about the block sit. */
export function effectsKeywordRange(block: Effects): Range | undefined {
    return GrammarUtils.findNodeForKeyword(block.$cstNode, 'effects')?.range;
}
