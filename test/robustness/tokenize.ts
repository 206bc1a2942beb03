/** Token spans of a text, comments included, from Coord's own lexer (for the mutation arbitraries). */
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import type { Tokenize } from './arbitraries.js';

const lexer = createCoordCoreServices(EmptyFileSystem).Coord.parser.Lexer;

export const tokenize: Tokenize = text => {
    const result = lexer.tokenize(text);
    return [...result.tokens, ...result.hidden]
        .map(t => [t.startOffset, t.startOffset + t.image.length] as [number, number])
        .sort((a, b) => a[0] - b[0]);
};
