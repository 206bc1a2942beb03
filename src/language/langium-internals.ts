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
import { LeafCstNodeImpl, RootCstNodeImpl, type AstNode, type CstNode } from 'langium';

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
    // A one-line leaf's end follows its start (see OneLineLeaf).
    if (!(node instanceof OneLineLeaf)) {
        if (leaf._endLine === shift.line) leaf._endColumn += shift.columns;
        leaf._endLine += shift.lines;
    }
    leaf._startLine += shift.lines;
}

/**
 * A leaf syntax node of a token on one line: Langium's `LeafCstNodeImpl`
 * (its prototype, so `instanceof`, its getters and `isLeafCstNode` hold)
 * with three fields fewer. A token that does not cross a line break ends on
 * its start line, `length` columns on, so it needs no `_endLine` and
 * `_endColumn`; whether it is hidden is the lowest bit of `_lengthHidden`
 * (length × 2 + hidden), read through this class's `length`, `end` and
 * `hidden`. One leaf per token is most of a syntax tree: the three fields
 * were 24 of its 104 bytes, 10 MB of a 100,000-line file (issue 15's peak
 * memory). Tokens across lines (block comments, strings with a line break)
 * keep Langium's own leaf.
 */
class OneLineLeaf {
    container: CstNode | undefined = undefined;
    grammarSource: unknown = undefined;
    _offset: number;
    _lengthHidden: number;
    _startLine: number;
    _startColumn: number;
    _tokenType: unknown;
    constructor(offset: number, length: number, line: number, column: number, tokenType: unknown, hidden: boolean) {
        // `| 0` keeps the fields small integers, as Langium's `toSmi` does (Chevrotain's are doubles).
        this._offset = offset | 0;
        this._lengthHidden = (length * 2 + (hidden ? 1 : 0)) | 0;
        this._startLine = line | 0;
        this._startColumn = column | 0;
        this._tokenType = tokenType;
    }
    get length(): number {
        return this._lengthHidden >> 1;
    }
    get end(): number {
        return this._offset + (this._lengthHidden >> 1);
    }
    get hidden(): boolean {
        return (this._lengthHidden & 1) === 1;
    }
    get _endLine(): number {
        return this._startLine;
    }
    get _endColumn(): number {
        return this._startColumn + (this._lengthHidden >> 1);
    }
    get range(): CstNode['range'] {
        const line = this._startLine, character = this._startColumn;
        return { start: { line, character }, end: { line, character: character + (this._lengthHidden >> 1) } };
    }
}
Object.setPrototypeOf(OneLineLeaf.prototype, LeafCstNodeImpl.prototype);

/** A Chevrotain token's fields that a leaf is made from (positions 1-based, end column inclusive). */
interface LeafToken {
    image: string;
    startOffset: number;
    startLine?: number;
    startColumn?: number;
    endLine?: number;
    endColumn?: number;
    tokenType: unknown;
}

/**
 * A leaf syntax node (positions 0-based, end column exclusive, as Langium's): a
 * {@link OneLineLeaf} when the token ends on its start line, `length` columns on,
 * Langium's own leaf otherwise (NaN positions included). A length that does not
 * fit the field's 30 bits (a 500 MB token) keeps Langium's leaf too.
 */
export function newLeaf(offset: number, length: number, startLine: number, startColumn: number, endLine: number, endColumn: number, tokenType: unknown, hidden: boolean): CstNode {
    if (startLine === endLine && endColumn - startColumn === length && length < 2 ** 29) {
        return new OneLineLeaf(offset, length, startLine, startColumn, tokenType, hidden) as unknown as CstNode;
    }
    return new LeafCstNodeImpl(offset, length, startLine, startColumn, endLine, endColumn, tokenType as never, hidden);
}

/**
 * Makes a Langium parser's `CstNodeBuilder` build a {@link OneLineLeaf} for every token
 * that does not cross a line break, and Langium's own leaf for the others
 * (same positions as Langium's `createLeafNode`: Chevrotain's 1-based lines
 * and columns made 0-based, its inclusive end column the exclusive end).
 */
export function useOneLineLeaves<P extends object>(parser: P): P {
    const target = (parser as { nodeBuilder?: { createLeafNode?: (token: LeafToken, hidden: boolean) => CstNode } }).nodeBuilder;
    if (typeof target?.createLeafNode !== 'function') return parser;
    target.createLeafNode = (token, hidden) => {
        const { startLine = NaN, startColumn = NaN, endLine = NaN, endColumn = NaN } = token;
        return newLeaf(token.startOffset, token.image.length, startLine - 1, startColumn - 1, endLine - 1, endColumn, token.tokenType, hidden);
    };
    return parser;
}

/** Whether a leaf is a {@link OneLineLeaf} (for tests). */
export function isOneLineLeaf(node: CstNode): boolean {
    return node instanceof OneLineLeaf;
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
