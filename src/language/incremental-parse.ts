/**
 * Incremental re-parsing of a Coord document after an edit. Langium re-parses
 * the whole text on every change; in a file of 100,000 lines that is most of
 * the time between a keystroke and its diagnostics. But a Coord document is a
 * flat sequence of top-level declarations, each of which the parser reads
 * without looking at its neighbours, so an edit only needs the declarations it
 * touched parsed again:
 *
 * 1. The edit is found by comparing the old and the new text (common prefix
 *    and suffix).
 * 2. The region to re-parse runs from the start of the last declaration that
 *    ends before the edit (a leading sentinel: whatever the edit does right
 *    after it, e.g. opening a brace that belongs to it, is read as a full parse
 *    would) to the end of the first declaration that starts after the edit (a
 *    trailing sentinel), or to the start or the end of the file when there is none.
 * 3. That text alone is parsed. The trailing sentinel must come out of it
 *    exactly as before — one declaration with the same extent — which shows
 *    the parser is back in step (error recovery did not run into it); if not,
 *    or anything else is unusual, the caller parses the whole text.
 * 4. The new declarations and their syntax nodes replace the old ones in a new
 *    root; the nodes after the region keep their objects and have their
 *    offsets, lines and (on the line where the region ends) columns shifted.
 *    Syntax and lexical errors outside the region are kept (shifted), those
 *    inside are replaced by the region's.
 *
 * The result is the same tree, the same positions and the same errors as a
 * full parse of the new text; `test/language/incremental-parse.test.ts`
 * compares the two after thousands of random edits, broken ones included.
 * A new root node is built for every edit: the old root keeps its
 * declarations array, so code comparing the trees before and after an edit
 * (the change tracker's `contributionChange`) sees both.
 */
import { CstUtils, RootCstNodeImpl, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import { isComposite, leafPosition, newRootCst, shiftCst, type CompositeCst, type Shift } from './langium-internals.js';

/** What a re-parse did, for tests and the benchmark. */
export interface ReparseInfo {
    /** The region of the new text that was parsed again, and the declarations it held. */
    readonly start: number;
    readonly end: number;
    readonly declarations: number;
}

/** The outcome of {@link reparse}: a parse result, or why the whole text must be parsed. */
export type Reparse =
    | { readonly result: ParseResult<AstNode>; readonly info: ReparseInfo; readonly reason?: undefined }
    | { readonly result?: undefined; readonly info?: undefined; readonly reason: string };

type ParserError = ParseResult['parserErrors'][number];
type LexerError = ParseResult['lexerErrors'][number];
type Token = ParserError['token'];
type Services = Pick<LangiumCoreServices['parser'], 'LangiumParser' | 'LexerErrorMessageProvider'>;

/** The old parse, read once: its tree, its text and where each declaration sits among the root's items. */
interface OldParse {
    readonly old: ParseResult<AstNode>;
    readonly model: AstNode & { declarations: AstNode[] };
    readonly oldText: string;
    readonly newText: string;
    /** The root's syntax items (declarations and hidden tokens between them). */
    readonly items: readonly CstNode[];
    /** The index in `items` of each declaration. */
    readonly declItems: readonly number[];
    /** The edit: [changeStart, changeEndOld) of the old text became [changeStart, changeEndOld + delta). */
    readonly changeStart: number;
    readonly changeEndOld: number;
    readonly delta: number;
}

/** A region that parses as a full parse would: the region's parse and where it sits. */
interface Region {
    readonly part: ParseResult<AstNode>;
    readonly partRoot: RootCstNodeImpl;
    readonly partDeclarations: AstNode[];
    readonly oldErrors: PartitionedErrors;
    /** The first declaration of the region (the leading sentinel; -1: from the start of the file). */
    readonly lo: number;
    /** The last declaration of the region (the trailing sentinel; n: to the end of the file). */
    readonly hi: number;
    readonly regionStart: number;
    readonly regionEndOld: number;
    /** Where the region starts (0-based line and column; the text before it did not change). */
    readonly startLine: number;
    readonly startColumn: number;
}

/**
 * Parses again only the part of `newText` an edit touched, reusing the rest of
 * `old`; see the module comment. Never changes `old`'s root or its declarations
 * array, but the syntax nodes after the edited region move to the new tree
 * (shifted): after a successful re-parse, `old` must not be re-parsed again.
 * Two steps: {@link findRegion} (steps 1–3) and {@link splice} (step 4).
 */
export function reparse(services: Services, old: ParseResult<AstNode>, newText: string): Reparse {
    const model = old.value as AstNode & { declarations?: AstNode[] };
    const root = model.$cstNode;
    if (!(root instanceof RootCstNodeImpl) || !Array.isArray(model.declarations)) return { reason: 'no syntax tree' };
    if (old.lexerReport?.diagnostics.length) return { reason: 'lexer report' };
    // A repaired parse (validation/syntax-repair.ts) reads each declaration in the light of the whole
    // text (where declarations start, which strings close), which a region alone cannot see.
    if (old.parserErrors.some(isRepair)) return { reason: 'repaired syntax' };
    const oldText = root.fullText;
    if (oldText === newText) return { reason: 'unchanged' };
    const declItems = topLevelItems(root, model.declarations);
    if (!declItems || declItems.length === 0) return { reason: 'no declarations' };
    // 1. The edit.
    const changeStart = commonPrefix(oldText, newText);
    const changeEndOld = oldText.length - commonSuffix(oldText, newText, changeStart);
    const parse: OldParse = {
        old, model: model as OldParse['model'], oldText, newText, items: root.content, declItems,
        changeStart, changeEndOld, delta: newText.length - oldText.length,
    };
    const region = findRegion(services, parse);
    return 'reason' in region ? region : splice(services, parse, region);
}

/**
 * Steps 2 and 3: the smallest region around the edit, one declaration on each
 * side as sentinels, whose parse alone gives what a full parse gives there;
 * it grows while it does not, or gives up (the reason why).
 */
function findRegion(services: Services, parse: OldParse): Region | { readonly reason: string } {
    const { old, oldText, newText, items, declItems, changeStart, changeEndOld, delta } = parse;
    const len0 = oldText.length;
    // 2. The declarations the edit touches (touching counts), and one more on each side.
    const n = declItems.length;
    const first = lowerBound(n, k => items[declItems[k]].end >= changeStart);
    const last = lowerBound(n, k => items[declItems[k]].offset > changeEndOld) - 1;
    let lo = first - 1;
    let hi = last + 1;
    // A syntax error on the first token of the leading sentinel was raised while reading the
    // declaration before it (which expected more): take that one into the region too.
    const errorOffsets = new Set(old.parserErrors.map(errorOffset));
    while (lo >= 0 && errorOffsets.has(items[declItems[lo]].offset)) lo--;
    const regionStart = lo >= 0 ? items[declItems[lo]].offset : 0;
    const startLeaf = lo >= 0 ? firstLeaf(items[declItems[lo]]) : undefined;
    const start = startLeaf ? leafPosition(startLeaf) : undefined;
    const startLine = start?.startLine ?? 0, startColumn = start?.startColumn ?? 0;

    // 3. Parse the region alone; if its end is not a point where a full parse would be
    // in step, take in more declarations after it and try again.
    let attempts = 0;
    for (;;) {
        const regionEndOld = hi < n ? items[declItems[hi]].end : len0;
        if (regionStart > changeStart || regionEndOld < changeEndOld) return { reason: 'edit outside the region' };
        // Errors outside the region are kept; those inside it are parsed again. A character
        // the lexer could not read before the region might now start a string or comment
        // that ends in it (a quote whose closing quote was just typed), so it needs a full parse.
        const oldErrors = partitionErrors(old, regionStart, regionEndOld);
        if (!oldErrors) return { reason: 'error without a position' };
        if (oldErrors.lexerBefore.some(e => mayOpenToken(oldText, e))) return { reason: 'lexical error before the region' };
        const slice = newText.substring(regionStart, regionEndOld + delta);
        const part = services.LangiumParser.parse(slice);
        /** Takes in declarations up to index `next` (at least one more; all to the end at most), or gives up. */
        const extend = (reason: string, next: number): { reason: string } | undefined => {
            if (hi >= n || ++attempts > MAX_EXTENSIONS) return { reason };
            hi = Math.min(n, Math.max(next, hi + 1));
            return undefined;
        };
        if (hi < n) {
            // A string or comment opened in the region may close after it (its closing quote
            // further down): take in the declarations up to where it closes, or to the end.
            const opened = part.lexerErrors.filter(e => mayOpenToken(slice, e));
            if (opened.length > 0) {
                const closes = Math.max(...opened.map(e => closingOf(newText, regionStart + e.offset, e.length)));
                const limitOld = Math.max(changeEndOld, closes - delta);
                const giveUp = extend('lexical error in the region', Number.isFinite(closes) ? lowerBound(n, k => items[declItems[k]].offset >= limitOld) : n);
                if (giveUp) return giveUp;
                continue;
            }
        }
        const partModel = part.value as AstNode & { declarations?: AstNode[] };
        const partRoot = partModel.$cstNode;
        if (!(partRoot instanceof RootCstNodeImpl) || !Array.isArray(partModel.declarations)) return { reason: 'region has no syntax tree' };
        if (part.lexerReport?.diagnostics.length) return { reason: 'lexer report' };
        // A region that needed repairs (validation/syntax-repair.ts) was read without the text around
        // it (where declarations start, which strings close), which the repairs depend on.
        if (part.parserErrors.some(isRepair)) return { reason: 'repaired syntax' };
        const partItems = topLevelItems(partRoot, partModel.declarations);
        if (!partItems) return { reason: 'region does not map to declarations' };
        if (hi < n) {
            // The trailing sentinel must be the region's last item, with the same extent as
            // before, and without a syntax error, before or after the edit: an error at its
            // end may depend on what follows it, which the region's parse did not see.
            const lastItem = partRoot.content[partRoot.content.length - 1];
            const sentinelStartOld = items[declItems[hi]].offset;
            const sentinelStart = sentinelStartOld + delta - regionStart;
            if (partItems.length === 0 || partItems[partItems.length - 1] !== partRoot.content.length - 1
                || lastItem.offset !== sentinelStart || lastItem.end !== slice.length) {
                const giveUp = extend('parser did not resynchronise', hi + (hi - last));
                if (giveUp) return giveUp;
                continue;
            }
            if (part.parserErrors.some(e => (errorOffset(e) ?? Infinity) >= sentinelStart)
                || oldErrors.parserInside.some(at => at >= sentinelStartOld)) {
                const giveUp = extend('syntax error in the declaration after the edit', hi + (hi - last));
                if (giveUp) return giveUp;
                continue;
            }
        }
        return { part, partRoot, partDeclarations: partModel.declarations, oldErrors, lo, hi, regionStart, regionEndOld, startLine, startColumn };
    }
}

/**
 * Step 4: puts the region's declarations in place of the old ones in a new
 * root, shifting the positions of the region's nodes and errors into the
 * document, and those of the nodes and errors after it by the edit.
 */
function splice(services: Services, parse: OldParse, region: Region): Reparse {
    const { old, model, newText, items, declItems, delta } = parse;
    const { part, partRoot, partDeclarations, oldErrors, lo, hi, regionStart, regionEndOld } = region;
    const n = declItems.length;
    const decls = model.declarations;
    const prefixItems = lo >= 0 ? declItems[lo] : 0;
    const suffixItems = hi < n ? declItems[hi] + 1 : items.length;
    const into: Shift = { offset: regionStart, lines: region.startLine, line: 0, columns: region.startColumn };
    for (const item of partRoot.content) shiftCst(item, into, true);
    const partParserErrors = part.parserErrors.map(e => shiftParserError(e, into, 1));

    let after: Shift | undefined;
    if (hi < n) {
        const oldLast = lastLeaf(items[declItems[hi]]);
        const newLast = lastLeaf(partRoot.content[partRoot.content.length - 1]);
        if (!oldLast || !newLast) return { reason: 'no leaf at the end of the region' };
        const oldEnd = leafPosition(oldLast), newEnd = leafPosition(newLast);
        after = { offset: delta, lines: newEnd.endLine - oldEnd.endLine, line: oldEnd.endLine, columns: newEnd.endColumn - oldEnd.endColumn };
        if (after.offset !== 0 || after.lines !== 0 || after.columns !== 0) {
            const ranges = after.lines !== 0 || after.columns !== 0;
            for (let i = suffixItems; i < items.length; i++) shiftCst(items[i], after, ranges);
        }
    }

    // The new root: the old items before the region, the region's, the old items after it.
    const firstDecl = lo >= 0 ? lo : 0, endDecl = hi < n ? hi + 1 : n;
    const declarations = [...decls.slice(0, firstDecl), ...partDeclarations, ...decls.slice(endDecl)];
    const newModel = { ...model, declarations } as AstNode & { declarations: AstNode[] };
    const newRoot = newRootCst(newText, [...items.slice(0, prefixItems), ...partRoot.content, ...items.slice(suffixItems)], newModel);
    (newModel as { $cstNode?: CstNode }).$cstNode = newRoot;
    for (let i = 0; i < declarations.length; i++) {
        const decl = declarations[i] as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        decl.$container = newModel;
        decl.$containerProperty = 'declarations';
        decl.$containerIndex = i;
    }

    const shiftAfter = (e: ParserError) => (after ? shiftParserError(e, after, 1) : e);
    // Lexer messages name the offset: build them again where they now are.
    const messages = services.LexerErrorMessageProvider;
    const relocate = (e: LexerError) => {
        e.message = messages.buildUnexpectedCharactersMessage(newText, e.offset, e.length, e.line, e.column);
        return e;
    };
    const shiftLexAfter = (error: LexerError) => (after ? relocate(shiftLexerError(error, after, 1)) : error);
    return {
        result: {
            value: newModel,
            parserErrors: [...oldErrors.parserBefore, ...partParserErrors, ...oldErrors.parserAfter.map(shiftAfter)],
            lexerErrors: [
                ...oldErrors.lexerBefore,
                ...part.lexerErrors.map(e => relocate(shiftLexerError(e, into, 1))),
                ...oldErrors.lexerAfter.map(shiftLexAfter),
            ],
            lexerReport: part.lexerReport ?? old.lexerReport,
        },
        info: { start: regionStart, end: regionEndOld + delta, declarations: partDeclarations.length },
    };
}

/** A mistake the parser repaired (validation/syntax-repair.ts `SyntaxMistake`). */
function isRepair(error: ParserError): boolean {
    return error.name === 'SyntaxMistake';
}

/** How many times the region may grow past its first trailing sentinel before the whole text is parsed. */
const MAX_EXTENSIONS = 6;

/** Strings and block comments, as the grammar's STRING and ML_COMMENT terminals (test/language/incremental-parse.test.ts compares them). */
export const STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
export const ML_COMMENT = /\/\*[\s\S]*?\*\//y;

/**
 * Where the strings and block comments that characters skipped by a lexical
 * error at `offset` could open would close in `text` (the largest end), or
 * Infinity if one never closes.
 */
function closingOf(text: string, offset: number, length: number): number {
    let end = offset;
    for (let i = offset; i < offset + Math.max(1, length); i++) {
        const c = text.charCodeAt(i);
        const re = c === 34 /* " */ ? STRING : c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */ ? ML_COMMENT : undefined;
        if (!re) continue;
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m) return Infinity;
        end = Math.max(end, i + m[0].length);
    }
    return end;
}

/** Characters compared at once: comparing substrings is a memory comparison, many times faster than a loop over characters. */
const CHUNK = 4096;

/** The length of the longest common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
    const max = Math.min(a.length, b.length);
    let p = 0;
    while (p + CHUNK <= max && a.substring(p, p + CHUNK) === b.substring(p, p + CHUNK)) p += CHUNK;
    while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
    return p;
}

/** The length of the longest common suffix of two strings that does not overlap their first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
    const max = Math.min(a.length, b.length) - prefix;
    const la = a.length, lb = b.length;
    let s = 0;
    while (s + CHUNK <= max && a.substring(la - s - CHUNK, la - s) === b.substring(lb - s - CHUNK, lb - s)) s += CHUNK;
    while (s < max && a.charCodeAt(la - 1 - s) === b.charCodeAt(lb - 1 - s)) s++;
    return s;
}

/**
 * The indices in `root.content` of the items holding each declaration, in
 * order, when every non-hidden item holds exactly one declaration and every
 * declaration sits in one item; otherwise undefined.
 */
function topLevelItems(root: CompositeCst, declarations: readonly AstNode[]): number[] | undefined {
    const out: number[] = [];
    for (let i = 0; i < root.content.length; i++) {
        const item = root.content[i];
        if (item.hidden) continue;
        if (!isComposite(item)) return undefined;
        out.push(i);
    }
    if (out.length !== declarations.length) return undefined;
    for (let k = 0; k < declarations.length; k++) {
        let node: CstNode | undefined = declarations[k].$cstNode;
        while (node && node.container !== root) node = node.container;
        if (!node || node !== root.content[out[k]]) return undefined;
    }
    return out;
}

/** The smallest k in [0, n) for which `test` holds (it must hold from some k on), or n. */
function lowerBound(n: number, test: (k: number) => boolean): number {
    let lo = 0, hi = n;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(mid)) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

function firstLeaf(node: CstNode): CstNode | undefined {
    if (!isComposite(node)) return node;
    for (const child of node.content) {
        if (child.hidden) continue;
        const leaf = firstLeaf(child);
        if (leaf) return leaf;
    }
    return undefined;
}

function lastLeaf(node: CstNode): CstNode | undefined {
    if (!isComposite(node)) return node;
    for (let i = node.content.length - 1; i >= 0; i--) {
        const child = node.content[i];
        if (child.hidden) continue;
        const leaf = lastLeaf(child);
        if (leaf) return leaf;
    }
    return undefined;
}

/** A copy of a token, shifted; tokens without a position (end of input, inserted by error recovery) are shared as they are. */
function shiftToken<T extends Token | undefined>(token: T, shift: Shift, base: number): T {
    if (!token || !CstUtils.isValidTokenRange(token)) return token;
    const t = { ...token } as Token;
    const line = shift.line + base;
    if (t.startLine === line && t.startColumn !== undefined) t.startColumn += shift.columns;
    if (t.endLine === line && t.endColumn !== undefined) t.endColumn += shift.columns;
    if (t.startLine !== undefined) t.startLine += shift.lines;
    if (t.endLine !== undefined) t.endLine += shift.lines;
    t.startOffset += shift.offset;
    if (t.endOffset !== undefined) t.endOffset += shift.offset;
    return t as T;
}

/** A copy of a syntax error (same class, message and context) with its tokens shifted. */
function shiftParserError(error: ParserError, shift: Shift, base: number): ParserError {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(error)) as ParserError, error);
    for (const key of ['message', 'name', 'stack'] as const) {
        const own = Object.getOwnPropertyDescriptor(error, key);
        if (own) Object.defineProperty(copy, key, own);
    }
    copy.token = shiftToken(error.token, shift, base);
    const previous = (error as { previousToken?: Token }).previousToken;
    if (previous) (copy as { previousToken?: Token }).previousToken = shiftToken(previous, shift, base);
    if (error.resyncedTokens) copy.resyncedTokens = error.resyncedTokens.map(t => shiftToken(t, shift, base));
    return copy;
}

/** A copy of a lexical error, shifted. */
function shiftLexerError(error: LexerError, shift: Shift, base: number): LexerError {
    const e = { ...error };
    if (e.line === shift.line + base && e.column !== undefined) e.column += shift.columns;
    if (e.line !== undefined) e.line += shift.lines;
    e.offset += shift.offset;
    return e;
}

/**
 * Whether the characters a lexical error skipped include one that can open a
 * string or a comment (`"` or `/`): with more text after it (the rest of the
 * document), that string or comment might close and be read as one token.
 * Any other character is skipped whatever follows it.
 */
function mayOpenToken(text: string, error: LexerError): boolean {
    const skipped = text.substring(error.offset, error.offset + Math.max(1, error.length));
    return skipped.includes('"') || skipped.includes('/');
}

/** Where a syntax error is reported: its token, or the end of the token before it. */
function errorOffset(error: ParserError): number | undefined {
    if (error.token && CstUtils.isValidTokenRange(error.token)) return error.token.startOffset;
    const previous = (error as { previousToken?: Token }).previousToken;
    if (previous && CstUtils.isValidTokenRange(previous)) return previous.startOffset;
    return undefined;
}

/** The old errors before and after the region, and where those inside it were (they are parsed again). */
interface PartitionedErrors {
    readonly parserBefore: ParserError[];
    readonly parserAfter: ParserError[];
    readonly parserInside: number[];
    readonly lexerBefore: LexerError[];
    readonly lexerAfter: LexerError[];
}

/** The old errors before and after the region (those inside it are parsed again), or undefined if one has no position. */
function partitionErrors(old: ParseResult<AstNode>, start: number, end: number): PartitionedErrors | undefined {
    const parserBefore: ParserError[] = [], parserAfter: ParserError[] = [], parserInside: number[] = [];
    const lexerBefore: LexerError[] = [], lexerAfter: LexerError[] = [];
    for (const error of old.parserErrors) {
        const at = errorOffset(error);
        if (at === undefined) return undefined;
        if (at < start) parserBefore.push(error);
        else if (at >= end) parserAfter.push(error);
        else parserInside.push(at);
    }
    for (const error of old.lexerErrors) {
        if (error.offset < start) lexerBefore.push(error);
        else if (error.offset >= end) lexerAfter.push(error);
    }
    return { parserBefore, parserAfter, parserInside, lexerBefore, lexerAfter };
}
