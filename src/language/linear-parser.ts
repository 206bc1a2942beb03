/**
 * Patches to the parser Langium builds, so that no input overflows the stack
 * and parsing stays linear in the size of the text ({@link makeParserLinear}).
 *
 * 1. Chevrotain's in-repetition error recovery, without recursion. When a
 * repetition (`Declaration*`, say) meets a token it cannot start an iteration
 * with, Chevrotain skips tokens until one can, then *calls the repetition again*
 * (`tryInRepetitionRecovery` → `manyInternal` → `manyInternalLogic` →
 * `attemptInRepetitionRecovery` → `tryInRepetitionRecovery` …). Each re-sync is
 * four stack frames that stay until the repetition ends, so a file with a few
 * thousand mistakes in one list (`domain d0 x` lines, a stray `,` after every
 * `}`) overflowed the stack and no file of the workspace got a report.
 *
 * Every call in that chain is in tail position (checked against Chevrotain
 * 11–13: nothing runs after `grammarRule.apply` in `tryInRepetitionRecovery`,
 * after it in `attemptInRepetitionRecovery`, nor after that in the
 * `*InternalLogic` and `repetitionSepSecondInternal` methods that call it). So
 * the re-entry can be deferred to a loop in the outermost recovery of the same
 * repetition: same method, same occurrence, same depth in the rule stack — a
 * repetition of the same occurrence at the same rule depth can only be reached
 * again through that tail call. The parse and its errors are exactly those of
 * the recursive version; only the stack stays flat.
 *
 * 2. Each re-sync also asks `findReSyncTokenType` for the first token ahead that
 * may follow the rules being parsed; for the top-level list that is the end of
 * the file, so every re-sync scanned the rest of the file (quadratic: 100,000
 * bad lines took 520 s). The answer for a follow set is remembered with the
 * stretch of tokens it was found across, so a later re-sync inside that stretch
 * with the same follow set gets it without scanning again.
 *
 * 3. Langium's CST builder, on every token consumed, looks for where to put the
 *    comments before it, even when there are none; at the first token of a
 *    declaration that search is `indexOf` over all the declarations before it
 *    (100,000 declarations: 7 s of a 30 s check). Here it returns at once when
 *    there is no comment, and searches from the end (the new node is the last
 *    child) when there is one.
 */

/** Applies the three patches to a Langium parser (`LangiumParser`); returns it. */
export function makeParserLinear<P extends object>(parser: P): P {
    const inner = parser as unknown as { wrapper?: object; nodeBuilder?: object };
    if (inner.wrapper) makeRepetitionRecoveryIterative(inner.wrapper);
    if (inner.nodeBuilder) makeHiddenNodesLinear(inner.nodeBuilder);
    return parser;
}

type RepetitionMethod = (this: unknown, ...args: unknown[]) => unknown;

/** The part of a Chevrotain parser (Langium's `ChevrotainWrapper`) this patches. */
interface RecoveringParser {
    RULE_STACK_IDX: number;
    tokVector: unknown[];
    exportLexerState(): number;
    LA(k: number): unknown;
    tokenMatcher(token: unknown, tokenType: unknown): boolean;
    flattenFollowSet(): unknown[];
    findReSyncTokenType(): unknown;
    tryInRepetitionRecovery(grammarRule: RepetitionMethod, grammarRuleArgs: unknown[], lookAheadFunc: () => boolean, expectedTokType: unknown): void;
}

interface Frame {
    rule: RepetitionMethod;
    occurrence: unknown;
    depth: number;
    /** The re-entry the innermost recovery of this repetition asked for, run by the loop of the outermost one. */
    pending?: unknown[];
}

/** Makes the parser's in-repetition recovery iterative (see the module's comment). Returns the parser. */
function makeRepetitionRecoveryIterative<P extends object>(parser: P): P {
    const target = parser as unknown as RecoveringParser;
    const original = target.tryInRepetitionRecovery;
    if (typeof original !== 'function' || typeof target.findReSyncTokenType !== 'function') return parser;
    rememberReSyncTokens(target);
    const frames: Frame[] = [];
    target.tryInRepetitionRecovery = function (this: RecoveringParser, grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType) {
        const top = frames[frames.length - 1];
        const capture = (frame: Frame) => function (this: unknown, ...args: unknown[]) {
            frame.pending = args;
        };
        if (top && top.rule === grammarRule && top.occurrence === grammarRuleArgs[0] && top.depth === this.RULE_STACK_IDX) {
            // The tail re-entry of the repetition the loop below runs: hand it back to that loop.
            original.call(this, capture(top), grammarRuleArgs, lookAheadFunc, expectedTokType);
            return;
        }
        const frame: Frame = { rule: grammarRule, occurrence: grammarRuleArgs[0], depth: this.RULE_STACK_IDX };
        frames.push(frame);
        try {
            original.call(this, capture(frame), grammarRuleArgs, lookAheadFunc, expectedTokType);
            while (frame.pending) {
                const args = frame.pending;
                frame.pending = undefined;
                grammarRule.apply(this, args);
            }
        } finally {
            frames.pop();
        }
    };
    return parser;
}

/** A re-sync token found: for `follow`, the tokens from `from` up to `to` hold none of it but the last, which matches `result`. */
interface ReSyncAnswer {
    /** Weak, so that the parser does not keep the last document's tokens alive. */
    tokens: WeakRef<unknown[]>;
    follow: unknown[];
    from: number;
    to: number;
    result: unknown;
}

/** `findReSyncTokenType` with the last answer remembered (see the module's comment); the same answers, without the rescans. */
function rememberReSyncTokens(target: RecoveringParser): void {
    let last: ReSyncAnswer | undefined;
    target.findReSyncTokenType = function (this: RecoveringParser) {
        const follow = this.flattenFollowSet();
        // Index of LA(1) in the token vector.
        const from = this.exportLexerState() + 1;
        if (last && last.tokens.deref() === this.tokVector && last.from <= from && from <= last.to && sameTypes(last.follow, follow)) return last.result;
        // As Chevrotain does: EOF is always in the follow set and (virtually) at the end of the input, so this ends.
        for (let k = 1; ; k++) {
            const token = this.LA(k);
            const match = follow.find(type => this.tokenMatcher(token, type));
            if (match !== undefined) {
                last = { tokens: new WeakRef(this.tokVector), follow, from, to: from + k - 1, result: match };
                return match;
            }
        }
    };
}

function sameTypes(a: unknown[], b: unknown[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

interface CstContainer {
    container?: CstContainer;
    content: CstContainer[];
}

/** The part of Langium's `CstNodeBuilder` that {@link makeHiddenNodesLinear} uses. */
interface HiddenNodeBuilder {
    current: CstContainer;
    rootNode: CstContainer;
    createLeafNode(token: unknown, hidden: boolean): CstContainer;
    appendChildren(parent: CstContainer, nodes: CstContainer[]): void;
    insertChildren(parent: CstContainer, index: number, nodes: CstContainer[]): void;
    addHiddenNodes(tokens: unknown[]): void;
}

/** Langium 4.4's `addHiddenNodes`, with an early return and a search from the end (see the module's comment). */
function makeHiddenNodesLinear(builder: object): void {
    const target = builder as HiddenNodeBuilder;
    if (typeof target.addHiddenNodes !== 'function' || typeof target.insertChildren !== 'function') return;
    target.addHiddenNodes = function (this: HiddenNodeBuilder, tokens: unknown[]) {
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current = this.current;
        // Within a composite node that has content, the hidden nodes go at its end.
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A new node: put them before it, in the first ancestor where it is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // The first nodes of the tree.
        this.insertChildren(this.rootNode, 0, nodes);
    };
}
