/** Rule `syntax`: the text does not parse. */
import type { Range } from 'vscode-languageserver-types';
import { defineRule } from '../rule.js';
import { describeParserError } from '../../language/syntax-messages.js';

export const syntaxRule = defineRule({
    id: 'syntax',
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'The text does not parse.',
    doc: 'The file does not follow the grammar of the language reference: a keyword is misspelt, a brace or a quote is missing, or a value has the wrong form. Nothing after the error is checked reliably until it is fixed.',
    check({ document, report }) {
        const result = document.parseResult;
        for (const e of result.lexerErrors) {
            const line = Math.max(0, (e.line ?? 1) - 1);
            const character = Math.max(0, (e.column ?? 1) - 1);
            const range: Range = { start: { line, character }, end: { line, character: character + Math.max(1, e.length) } };
            const text = document.textDocument.getText(range);
            report({ range, message: `unexpected character ${JSON.stringify(text)}` });
        }
        for (const e of result.parserErrors) {
            const token = e.token;
            let range: Range;
            if (token && Number.isFinite(token.startLine) && Number.isFinite(token.startColumn)) {
                range = {
                    start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
                    end: { line: (token.endLine ?? token.startLine!) - 1, character: token.endColumn ?? token.startColumn! },
                };
            } else {
                const prev = (e as { previousToken?: typeof token }).previousToken;
                const end = document.textDocument.positionAt(document.textDocument.getText().length);
                const at = prev && Number.isFinite(prev.endLine) && Number.isFinite(prev.endColumn)
                    ? { line: prev.endLine! - 1, character: prev.endColumn! }
                    : end;
                range = { start: at, end: at };
            }
            report({ range, message: describeParserError(e) });
        }
    },
});
