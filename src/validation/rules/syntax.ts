/** Rule `syntax`: the text does not parse. */
import type { IRecognitionException } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { describeLexerError, describeParserError } from '../../language/syntax-messages.js';

type Token = IRecognitionException['token'];

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
    check({ document, report }) {
        const result = document.parseResult;
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
        for (const e of result.parserErrors) {
            const token = e.token;
            let range: Range;
            if (isPlaced(token)) {
                if (token.startOffset >= quietFrom || quietLines.has(token.startLine! - 1)) continue;
                range = {
                    start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
                    end: { line: (token.endLine ?? token.startLine!) - 1, character: token.endColumn ?? token.startColumn! },
                };
            } else {
                // A token the parser invented while recovering, or the end of the file: point after the last real token.
                const prev = (e as { previousToken?: Token }).previousToken;
                const at = isPlaced(prev)
                    ? { line: prev.endLine! - 1, character: prev.endColumn! }
                    : document.textDocument.positionAt(text.length);
                if (quietFrom !== Infinity) continue;
                range = { start: at, end: at };
            }
            report({ range, message: describeParserError(e) });
        }
    },
});
