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
