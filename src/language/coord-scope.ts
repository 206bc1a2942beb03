/**
 * Scoping for Coord. Every declaration is top-level and visible in the whole
 * workspace, so the exported symbols in Langium's index (a hash map per
 * reference type) are the only scope: no per-document local symbols are kept.
 * This keeps linking linear in the size of a file; Langium's default local
 * scope is a linear scan per reference, which made linking quadratic.
 */
import { DefaultScopeComputation, MultiMap, type AstNode, type LangiumDocument, type LocalSymbols } from 'langium';

export class CoordScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, never>();
    }
}
