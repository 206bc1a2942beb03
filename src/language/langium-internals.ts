/**
 * The one module that touches what Langium keeps private: the position fields
 * of its leaf syntax nodes (`_offset`, `_startLine`, `_startColumn`,
 * `_endLine`, `_endColumn`), the cached range of its composite nodes
 * (`_rangeCache`), and the `content`/`container` links of a root syntax node
 * that Langium documents as "not to be modified directly". The incremental
 * parser (`incremental-parse.ts`) moves syntax nodes from one tree into
 * another through these functions and nothing else.
 *
 * Written against the Langium version in {@link LANGIUM_SHAPES_OF}; package.json
 * pins `langium` and `chevrotain` to its minor versions.
 * `test/language/langium-internals.test.ts` fails when Langium's shapes change
 * (a field renamed, a getter that stops reading it, a range cached elsewhere):
 * see "Upgrade Langium or Chevrotain" in ARCHITECTURE.md.
 */
import { RootCstNodeImpl, type AstNode, type CstNode } from 'langium';

/** The Langium version whose private shapes this module was written against and tested with. */
export const LANGIUM_SHAPES_OF = '4.4.0';

/** The private position fields of a Langium leaf syntax node. */
interface LeafFields {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** A shift of positions: offsets by `offset`, lines by `lines`, and columns by `columns` on line `line` (before the shift). */
export interface Shift {
    readonly offset: number;
    readonly lines: number;
    readonly line: number;
    readonly columns: number;
}

/** A composite syntax node (one with children). */
export type CompositeCst = CstNode & { content: CstNode[] };

export function isComposite(node: CstNode): node is CompositeCst {
    return 'content' in node;
}

/** Where a leaf starts and ends (0-based lines and columns), read from its fields without building a range. */
export interface LeafPosition {
    readonly startLine: number;
    readonly startColumn: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/** The position of a leaf syntax node. */
export function leafPosition(leaf: CstNode): LeafPosition {
    const f = leaf as unknown as LeafFields;
    return { startLine: f._startLine, startColumn: f._startColumn, endLine: f._endLine, endColumn: f._endColumn };
}

/**
 * Shifts every leaf under `node` in place; with `ranges`, also drops the
 * ranges that composite nodes cached (their lines or columns moved).
 */
export function shiftCst(node: CstNode, shift: Shift, ranges: boolean): void {
    if (isComposite(node)) {
        if (ranges) (node as unknown as { _rangeCache?: unknown })._rangeCache = undefined;
        for (const child of node.content) shiftCst(child, shift, ranges);
        return;
    }
    const leaf = node as unknown as LeafFields;
    leaf._offset += shift.offset;
    if (leaf._startLine === shift.line) leaf._startColumn += shift.columns;
    if (leaf._endLine === shift.line) leaf._endColumn += shift.columns;
    leaf._startLine += shift.lines;
    leaf._endLine += shift.lines;
}

/**
 * A new root syntax node over `text` holding `content` (syntax nodes of other
 * roots, which move into it), for the AST root `astNode`.
 */
export function newRootCst(text: string, content: CstNode[], astNode: AstNode): RootCstNodeImpl {
    const root = new RootCstNodeImpl(text);
    for (const child of content) (child as { container?: CstNode }).container = root;
    root.content = content;
    root.astNode = astNode;
    return root;
}
