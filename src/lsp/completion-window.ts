/**
 * Completion that costs the size of a declaration, not of the file. Langium's
 * completion provider lexes the whole document and parses it from its first
 * character up to the cursor, up to three times per request: at 100,000 lines
 * that is seconds. In Coord, top-level declarations are independent — the
 * parser is in the same state at the start of every one of them — so parsing
 * from the start of the declaration before the one at the cursor finds the same
 * next features. {@link WindowedCompletionProvider} does that, and lexes only
 * the declarations around the cursor. It falls back to Langium's whole-text
 * behaviour when the parsed document does not match the text (an edit not yet
 * parsed) or the cursor lies outside the window. It also proposes at most
 * {@link MAX_REFERENCE_CANDIDATES} names for a reference — those that match
 * what is typed, exact prefixes first — rather than building an item for
 * every one of thousands of programmes; the list is marked incomplete (as
 * Langium always does), so the editor asks again as the user types.
 */
import { stream, type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type NextFeature } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../language/generated/ast.js';

/** The most names proposed for one reference. */
export const MAX_REFERENCE_CANDIDATES = 200;

/** The part of a document that completion looks at: whole top-level declarations around the cursor. */
export interface CompletionWindow {
    start: number;
    end: number;
}

/** The index of the last top-level declaration that starts at or before `offset` (-1 when none does). */
export function declarationIndexAt(model: Model, offset: number): number {
    const decls = model.declarations ?? [];
    let lo = 0, hi = decls.length - 1, found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const start = decls[mid].$cstNode?.offset;
        if (start === undefined) return -2; // a declaration without text: do not guess
        if (start <= offset) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

/** The top-level declaration whose text contains `offset`, if any. */
export function declarationAt(model: Model, offset: number): AstNode | undefined {
    const i = declarationIndexAt(model, offset);
    const decl = i >= 0 ? model.declarations[i] : undefined;
    return decl?.$cstNode && offset <= decl.$cstNode.end ? decl : undefined;
}

/**
 * The window for a completion at `offset`: from the start of the declaration
 * before the one at the cursor to the start of the second declaration after it.
 * Both ends are token boundaries of the current text, so lexing or parsing the
 * window gives the same tokens as the whole text there.
 */
export function completionWindow(document: LangiumDocument, offset: number): CompletionWindow | undefined {
    const model = document.parseResult?.value as Model | undefined;
    const root = model?.$cstNode?.root;
    const text = document.textDocument.getText();
    if (!model || !root || root.fullText !== text) return undefined;
    // A repaired parse (validation/syntax-repair.ts) places declarations where the completion
    // parser, which reads the text as written, may not be between two: complete on the whole text.
    if (document.parseResult.parserErrors.some(e => e.name === 'SyntaxMistake')) return undefined;
    const i = declarationIndexAt(model, offset);
    if (i < -1) return undefined;
    const decls = model.declarations;
    const start = i >= 1 ? decls[i - 1].$cstNode!.offset : 0;
    const end = decls[i + 2]?.$cstNode?.offset ?? text.length;
    return { start, end };
}

export class WindowedCompletionProvider extends DefaultCompletionProvider {
    /** The window of the completion being computed; set only while Langium's context generator runs synchronously. */
    private window: CompletionWindow | undefined;

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const window = completionWindow(document, document.textDocument.offsetAt(position));
        const inner = super.buildContexts(document, position);
        for (;;) {
            // Each step of the inner generator runs synchronously, so no other request can see this window.
            this.window = window;
            let step: IteratorResult<CompletionContext>;
            try {
                step = inner.next();
            } finally {
                this.window = undefined;
            }
            if (step.done) return;
            yield step.value;
        }
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const w = this.window;
        if (!w || offset < w.start || offset > w.end) return super.findFeaturesAt(document, offset);
        const text = document.getText().substring(w.start, offset);
        return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, text), offset - w.start);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        let candidates = super.getReferenceCandidates(refInfo, context);
        if (typed) candidates = candidates.filter(d => this.fuzzyMatcher.match(typed, d.name));
        const all = candidates.toArray();
        if (all.length <= MAX_REFERENCE_CANDIDATES) return stream(all);
        const rank = (d: AstNodeDescription) => (d.name.startsWith(typed) ? 0 : 1);
        all.sort((x, y) => rank(x) - rank(y) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
        return stream(all.slice(0, MAX_REFERENCE_CANDIDATES));
    }

    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        const w = this.window;
        if (!w || offset < w.start || offset > w.end) return super.backtrackToAnyToken(text, offset);
        const r = super.backtrackToAnyToken(text.substring(w.start, w.end), offset - w.start);
        const shift = (n: number | undefined) => (n === undefined ? undefined : n + w.start);
        return {
            nextTokenStart: r.nextTokenStart + w.start,
            nextTokenEnd: r.nextTokenEnd + w.start,
            previousTokenStart: shift(r.previousTokenStart),
            previousTokenEnd: shift(r.previousTokenEnd),
        };
    }
}
