/** Rule `syntax`: the text does not parse. */
import type { IRecognitionException } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { describeLexerError, describeParserError } from '../../language/syntax-messages.js';

type Token = IRecognitionException['token'];

/**
 * How many syntax errors a file reports; the rest are counted in one last
 * finding. A file pasted from another format can hold 100,000 errors, and after
 * the first few they are echoes of the same mistake.
 */
export const MAX_SYNTAX_FINDINGS = 100;

/** Whether a token has a real place in the text (recovery inserts tokens at -1 or NaN). */
function isPlaced(token: Token | undefined): token is Token {
    return token !== undefined && Number.isFinite(token.startOffset) && token.startOffset >= 0
        && Number.isFinite(token.startLine) && token.startLine! >= 1 && Number.isFinite(token.startColumn) && token.startColumn! >= 1;
}

export const syntaxRule = defineRule({
    id: RuleId.syntax,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'The text does not parse.',
    doc: 'The file does not follow the grammar of the language reference: a keyword is misspelt, a brace or a quote is missing, or a value has the wrong form. Nothing after the error is checked reliably until it is fixed.',
    scope: 'document',
    check({ document, report: reportAll }) {
        const result = document.parseResult;
        let reported = 0;
        let more = 0;
        let moreAt: Range | undefined;
        const report = (r: { range: Range; message: string }) => {
            if (reported++ < MAX_SYNTAX_FINDINGS) reportAll(r);
            else if (more++ === 0) moreAt = r.range;
        };
        const text = document.textDocument.getText();
        // After a character no token starts with, the parser's complaints about the rest of
        // that line (or, after an unterminated string or comment, the rest of the file) are
        // echoes of the same mistake: report the cause alone.
        let quietFrom = Infinity;
        const quietLines = new Set<number>();
        for (const e of result.lexerErrors) {
            const line = Math.max(0, (e.line ?? 1) - 1);
            const character = Math.max(0, (e.column ?? 1) - 1);
            const range: Range = { start: { line, character }, end: { line, character: character + Math.max(1, e.length) } };
            const offset = e.offset ?? document.textDocument.offsetAt(range.start);
            const message = describeLexerError(text, offset);
            if (message.startsWith('unterminated')) quietFrom = Math.min(quietFrom, offset);
            quietLines.add(line);
            report({ range, message });
        }
        // One complaint per declaration: the parser's later ones there are echoes of the first.
        const declarations = (result.value as { declarations?: Array<{ $cstNode?: { offset: number; end: number } }> }).declarations ?? [];
        const complained = new Set<number>();
        // The declaration around an offset, by binary search (declarations are in text order): linear in the errors.
        const placed = declarations.filter(d => d.$cstNode !== undefined).map(d => d.$cstNode!);
        const declarationAt = (offset: number) => {
            let lo = 0, hi = placed.length - 1;
            while (lo <= hi) {
                const mid = (lo + hi) >> 1;
                if (placed[mid].end <= offset) lo = mid + 1;
                else if (placed[mid].offset > offset) hi = mid - 1;
                else return mid;
            }
            return -1;
        };
        for (const e of result.parserErrors) {
            const token = e.token;
            let range: Range;
            if (isPlaced(token)) {
                if (token.startOffset >= quietFrom || quietLines.has(token.startLine! - 1)) continue;
                // A repaired mistake is reported as it is; of the parser's own complaints, the first of each declaration.
                if (e.name !== 'SyntaxMistake') {
                    // (An error outside every declaration is a mistake of its own.)
                    const declaration = declarationAt(token.startOffset);
                    if (declaration >= 0 && complained.has(declaration)) continue;
                    complained.add(declaration);
                }
                range = {
                    start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
                    end: { line: (token.endLine ?? token.startLine!) - 1, character: token.endColumn ?? token.startColumn! },
                };
                if (token.image === '') range.end = range.start;
            } else {
                // A token the parser invented while recovering, or the end of the file: point after the last real token.
                const prev = (e as { previousToken?: Token }).previousToken;
                const at = isPlaced(prev)
                    ? { line: prev.endLine! - 1, character: prev.endColumn! }
                    : document.textDocument.positionAt(text.length);
                if (quietFrom !== Infinity) continue;
                range = { start: at, end: at };
            }
            // Inside the text whatever the token says (tokens a repair inserted sit past a line's end).
            const doc = document.textDocument;
            range = { start: doc.positionAt(doc.offsetAt(range.start)), end: doc.positionAt(doc.offsetAt(range.end)) };
            report({ range, message: describeParserError(e) });
        }
        if (moreAt) {
            reportAll({ range: moreAt, message: `${more.toLocaleString('en-US')} more syntax error${more === 1 ? '' : 's'} in this file, not listed (Coord lists the first ${MAX_SYNTAX_FINDINGS}); fix those first` });
        }
    },
});
