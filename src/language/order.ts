/**
 * The one order of strings Coord uses wherever an order decides something:
 * names "by code point" (the contract's order of combinations) and document
 * URIs (which declaration of a name comes first, in the index and in the
 * workspace facts alike).
 */

/** Compares strings by UTF-16 code units, the order the contract calls "by code point". */
export function compareCodePoints(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of documents wherever it decides which declaration of a name comes first (the index, the workspace facts, the summary). */
export const compareUris: (a: string, b: string) => number = compareCodePoints;

/**
 * Where two versions of a document's list differ: the items before `start` and
 * from `endBefore` / `endAfter` on are the same objects in both (what an edit
 * did not touch); `before[start, endBefore)` went and `after[start, endAfter)`
 * came. Used by the index's names and the workspace facts alike.
 */
export function changedStretch<T>(before: readonly T[], after: readonly T[]): { start: number; endBefore: number; endAfter: number } {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let endBefore = before.length, endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
        endBefore--;
        endAfter--;
    }
    return { start, endBefore, endAfter };
}
