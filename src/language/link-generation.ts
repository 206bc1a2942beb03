/**
 * A count of the linker's changes to references: it goes up whenever a document
 * is linked or unlinked (`CoordLinker`). What is worked out from resolved
 * references (the programmes of a coordination, `analysis/queries.ts`) can be
 * kept while the count is the same: no reference has changed its target since.
 * A reference read before its document is linked resolves on that read, so a
 * value worked out then already holds it.
 */
let generation = 0;

/** The current count. */
export function linkGeneration(): number {
    return generation;
}

/** Says that references may have changed their targets (called by the linker before it links or unlinks a document). */
export function referencesChanged(): void {
    generation++;
}
