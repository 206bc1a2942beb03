/**
 * A property test of the formatter: comments inserted at random places
 * between the tokens of every example (line comments, block comments, on
 * their own line or after code) are all kept, in the same order, between the
 * same tokens, still ending a line when they did; and formatting twice
 * changes nothing.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText } from '../../src/analysis/format.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const root = path.resolve(__dirname, '../..');

const sources: Array<[string, string]> = [
    ['comments.coord', fs.readFileSync(path.join(root, 'test/fixtures/format/comments.coord'), 'utf8')],
    ...(fs.existsSync(path.join(root, 'examples'))
        ? fs.readdirSync(path.join(root, 'examples')).filter(f => f.endsWith('.coord'))
            .map((f): [string, string] => [f, fs.readFileSync(path.join(root, 'examples', f), 'utf8')])
        : []),
];

/** Offsets between two code tokens (outside strings and comments), where a comment may go. */
function gaps(text: string): number[] {
    const lexed = Coord.parser.Lexer.tokenize(text);
    return lexed.tokens.map(t => t.startOffset);
}

function layout(text: string) {
    const lexed = Coord.parser.Lexer.tokenize(text);
    const all = [...lexed.tokens.map(t => ({ t, c: false })), ...lexed.hidden.filter(t => /COMMENT/.test(t.tokenType.name)).map(t => ({ t, c: true }))]
        .sort((a, b) => a.t.startOffset - b.t.startOffset);
    const tokens: string[] = [];
    const comments: Array<[string, number, boolean]> = [];
    let line = -1;
    for (const { t, c } of all) {
        if (c) comments.push([t.image, tokens.length, t.startLine === line]);
        else tokens.push(t.image);
        line = t.endLine ?? -1;
    }
    return { tokens, comments };
}

describe('formatting keeps comments wherever they are', () => {
    test.each(sources)('%s with random comments', (_name, source) => {
        const offsets = gaps(source);
        const insertion = fc.record({
            at: fc.integer({ min: 0, max: offsets.length - 1 }),
            kind: fc.constantFrom('line-after', 'line-own', 'block-inline', 'block-own'),
        });
        fc.assert(fc.property(fc.array(insertion, { minLength: 1, maxLength: 8 }), inserts => {
            let text = source;
            const sorted = [...inserts].sort((a, b) => offsets[b.at] - offsets[a.at]);
            sorted.forEach((ins, i) => {
                const at = offsets[ins.at];
                const comment = ins.kind === 'line-after' ? ` // c${i}\n`
                    : ins.kind === 'line-own' ? `\n// c${i}\n`
                    : ins.kind === 'block-inline' ? ` /* c${i} */ `
                    : `\n/* c${i} */\n`;
                text = text.slice(0, at) + comment + text.slice(at);
            });
            const once = formatText(text, Coord);
            if (!once.ok) throw new Error(`does not parse: ${once.error.message}\n${text}`);
            const twice = formatText(once.text, Coord);
            expect(twice.ok && twice.text).toBe(once.text);
            expect(layout(once.text)).toEqual(layout(text));
        }), { numRuns: 60, seed: 4242 });
    });
});
