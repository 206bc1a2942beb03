/**
 * Completion parses only the declarations around the cursor
 * (WindowedCompletionProvider), and still proposes exactly what Langium's
 * whole-text completion proposes. The first test compares both providers at
 * many positions of a varied file; the second counts the characters handed to
 * the completion parser and the lexer, which must not grow with the file.
 */
import { describe, expect, it } from 'vitest';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { LangiumDocument } from 'langium';
import { MAX_REFERENCE_CANDIDATES, WindowedCompletionProvider } from '../../src/lsp/completion-window.js';
import { lspWorkspace } from '../lsp/lsp-helpers.js';

function cohort(i: number): string {
    return `population pop${i} "Households ${i}"
programme prod${i} "Productive ${i}" {
  country Peru
  sector productive
  ministry agriculture
  targets pop${i}
}
programme soc${i} { country Peru sector social-protection targets pop${i} }
body node${i} { level national }
coordination coord${i} "Arrangement ${i}" {
  between prod${i}, soc${i}
  node node${i}
  local {
    role "Refers households" by soc${i}
  }
  incentive budget "Co-financing"
  achieved medium
}
evaluation eval${i} { method rct sample 100 households }
effects of prod${i} + soc${i} from eval${i} {
  + income size 0.1 sd
  ~ savings
}
`;
}

async function labels(provider: DefaultCompletionProvider, document: LangiumDocument, line: number, character: number) {
    const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: { line, character } });
    return (list?.items ?? []).map(i => `${i.kind}:${i.label}`).sort();
}

describe('windowed completion', () => {
    it('proposes what whole-text completion proposes, at every kind of position', async () => {
        // A half-typed declaration in the middle and a trailing one test recovery too.
        const text = cohort(1) + cohort(2) + 'coordination half {\n  between prod1, \n' + cohort(3) + 'programme tail { country ';
        const ws = await lspWorkspace({ 'main.coord': text });
        const services = ws.services;
        const document = ws.documents['main.coord'];
        const whole = new DefaultCompletionProvider(services);
        const windowed = new WindowedCompletionProvider(services);
        const lines = text.split('\n');
        let compared = 0;
        for (let line = 0; line < lines.length; line++) {
            const l = lines[line];
            const columns = new Set([0, l.length, l.indexOf(' ') + 1, l.search(/\S/), l.lastIndexOf(' ') + 1].filter(c => c >= 0 && c <= l.length));
            for (const character of columns) {
                expect(await labels(windowed, document, line, character), `line ${line + 1}, column ${character + 1}`)
                    .toEqual(await labels(whole, document, line, character));
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(100);
    });

    it('parses and lexes only the declarations around the cursor, however long the file', async () => {
        const handed = async (cohorts: number) => {
            const text = Array.from({ length: cohorts }, (_, i) => cohort(i)).join('');
            const ws = await lspWorkspace({ 'main.coord': text });
            const services = ws.services;
            const parser = services.parser.CompletionParser;
            const lexer = services.parser.Lexer;
            let parsed = 0, lexed = 0;
            const parse = parser.parse.bind(parser);
            const tokenize = lexer.tokenize.bind(lexer);
            parser.parse = ((input: string) => { parsed += input.length; return parse(input); }) as typeof parser.parse;
            lexer.tokenize = ((input: string, options?: never) => { lexed += input.length; return tokenize(input, options); }) as typeof lexer.tokenize;
            const provider = new WindowedCompletionProvider(services);
            const middle = text.split('\n').findIndex(l => l.startsWith(`coordination coord${cohorts >> 1} `)) + 2;
            const end = text.split('\n').length - 1;
            const doc = ws.documents['main.coord'];
            const items = [...await labels(provider, doc, middle, 2), ...await labels(provider, doc, end, 0)];
            expect(items.length).toBeGreaterThan(0);
            return { parsed, lexed };
        };
        const small = await handed(20);
        const large = await handed(80);
        // The same work for a file four times as long: the window does not grow with the file.
        expect(large.parsed).toBeLessThanOrEqual(small.parsed * 1.1);
        expect(large.lexed).toBeLessThanOrEqual(small.lexed * 1.1);
        expect(small.parsed).toBeLessThan(cohort(10).length * 8);
    });

    it('proposes a bounded number of names for a reference, those matching what is typed first', async () => {
        const populations = Array.from({ length: 3 * MAX_REFERENCE_CANDIDATES }, (_, i) => `population pop${i}`).join('\n');
        for (const [typed, expected] of [['', undefined], ['pop29', ['pop29', 'pop290', 'pop299']]] as const) {
            const text = `${populations}\nprogramme p { country X sector other targets ${typed}`;
            const ws = await lspWorkspace({ 'main.coord': text });
            const provider = new WindowedCompletionProvider(ws.services);
            const lines = text.split('\n');
            const items = await labels(provider, ws.documents['main.coord'], lines.length - 1, lines[lines.length - 1].length);
            expect(items.length).toBeLessThanOrEqual(MAX_REFERENCE_CANDIDATES);
            expect(items.length).toBeGreaterThan(expected ? 10 : MAX_REFERENCE_CANDIDATES - 1);
            for (const name of expected ?? []) expect(items.some(i => i.endsWith(`:${name}`)), name).toBe(true);
        }
    });
});
