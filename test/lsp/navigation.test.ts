/**
 * Navigation and structure: go to definition (across files and into the
 * standard library), find references, rename across files (refusing the
 * standard library, illegal and taken names), outline and workspace symbols,
 * folding, document highlights, semantic tokens and code lenses.
 */
import { describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-jsonrpc';
import { STDLIB_URI } from '../../src/language/stdlib.js';
import { LIBRARY, lspWorkspace, withCursor } from './lsp-helpers.js';

const MAIN = `coordination FEST_UNIDOS "FEST + UNIDOS" {
  between FEST, UNIDOS
  local {
    role "Refers households" by UNIDOS
  }
  incentive budget "Co-financing"
}

effects of FEST + UNIDOS from EvalFEST {
  + savings
  - severe_food_insecurity
}
`;

function position(text: string, needle: string, delta = 1) {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function workspace() {
    const ws = await lspWorkspace({ 'lib.coord': LIBRARY, 'main.coord': MAIN });
    const main = ws.documents['main.coord'];
    const lib = ws.documents['lib.coord'];
    const at = (needle: string, delta = 1) => ({ textDocument: { uri: main.uri.toString() }, position: position(MAIN, needle, delta) });
    return { ...ws, main, lib, at };
}

describe('navigation', () => {
    test('go to definition across files and into the standard library', async () => {
        const { services, main, lib, at } = await workspace();
        const toFest = await services.lsp.DefinitionProvider!.getDefinition(main, at('FEST,'));
        expect(toFest?.[0].targetUri).toBe(lib.uri.toString());
        expect(toFest?.[0].targetSelectionRange.start.line).toBe(position(LIBRARY, 'FEST "').line);
        const toSavings = await services.lsp.DefinitionProvider!.getDefinition(main, at('savings'));
        expect(toSavings?.[0].targetUri).toBe(STDLIB_URI);
    });

    test('find references across files, with the declaration', async () => {
        const { services, lib } = await workspace();
        const refs = await services.lsp.ReferencesProvider!.findReferences(lib, {
            textDocument: { uri: lib.uri.toString() }, position: position(LIBRARY, 'UNIDOS "'), context: { includeDeclaration: true },
        });
        expect(refs.map(r => r.uri.split('/').pop()).sort()).toEqual(['lib.coord', 'main.coord', 'main.coord', 'main.coord']);
    });

    test('rename edits the declaration and every reference in every file', async () => {
        const { services, main, at } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(main, { ...at('UNIDOS\n'), newName: 'RED_UNIDOS' });
        const changes = edit?.changes ?? {};
        const counts = Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [uri.split('/').pop(), edits.length]));
        expect(counts).toEqual({ 'lib.coord': 1, 'main.coord': 3 });
        expect(Object.values(changes).flat().every(e => e.newText === 'RED_UNIDOS')).toBe(true);
    });

    test('rename refuses standard-library names, illegal names and taken names with a message', async () => {
        const { services, main, at } = await workspace();
        const rename = (params: ReturnType<typeof at>, newName: string) => services.lsp.RenameProvider!.rename(main, { ...params, newName });
        await expect(rename(at('savings'), 'thrift')).rejects.toThrow(/'savings' belongs to the Coord standard library/);
        await expect(services.lsp.RenameProvider!.prepareRename(main, at('savings'))).rejects.toBeInstanceOf(ResponseError);
        await expect(rename(at('FEST,'), '2FEST')).rejects.toThrow(/not a valid Coord name/);
        await expect(rename(at('FEST,'), 'FEST UNIDOS')).rejects.toThrow(/not a valid Coord name/);
        await expect(rename(at('FEST,'), 'UNIDOS')).rejects.toThrow(/'UNIDOS' is already the name of a programme/);
        await expect(rename(at('FEST,'), 'income')).rejects.toThrow(/already the name of an outcome of the standard library/);
        // A keyword is a legal name.
        await expect(rename(at('FEST,'), 'local')).resolves.toBeDefined();
    });

    test('document symbols: declarations with their kinds, effects blocks with their effects', async () => {
        const { services, main } = await workspace();
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(main, { textDocument: { uri: main.uri.toString() } });
        expect(symbols.map(s => s.name)).toEqual(['FEST_UNIDOS', 'effects of FEST + UNIDOS']);
        expect(symbols[1].children?.map(c => c.name)).toEqual(['+ savings', '- severe_food_insecurity']);
    });

    test('workspace symbols find declarations of every file', async () => {
        const { services } = await workspace();
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Eval' }, CancellationToken.None);
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['EvalFEST', 'EvalUNIDOS']));
    });

    test('folding ranges for blocks', async () => {
        const { services, main } = await workspace();
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(main, { textDocument: { uri: main.uri.toString() } });
        expect(ranges.map(r => r.startLine)).toEqual(expect.arrayContaining([0, 2, 8]));
    });

    test('document highlights mark every use of a name in the file', async () => {
        const { services, main, at } = await workspace();
        const highlights = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(main, at('UNIDOS\n'));
        expect(highlights?.length).toBe(3);
    });

    test('semantic tokens tell declarations, references, enum values and keywords apart', async () => {
        const { services, main } = await workspace();
        const provider = services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(main, { textDocument: { uri: main.uri.toString() } });
        const types = Object.keys(provider.tokenTypes);
        const modifiers = Object.keys(provider.tokenModifiers);
        const decoded: string[] = [];
        let line = 0;
        let char = 0;
        const lines = MAIN.split('\n');
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [dl, dc, length, type, mods] = tokens.data.slice(i, i + 5);
            line += dl;
            char = dl === 0 ? char + dc : dc;
            const names = modifiers.filter((_, bit) => mods & (1 << bit));
            decoded.push(`${lines[line].slice(char, char + length)}:${types[type]}${names.length ? '.' + names.join('.') : ''}`);
        }
        expect(decoded).toEqual(expect.arrayContaining([
            'coordination:keyword', 'FEST_UNIDOS:interface.declaration', 'between:property', 'FEST:class', 'local:property',
            'role:property', 'UNIDOS:class', 'incentive:property', 'budget:enumMember', 'effects:keyword', 'of:keyword',
            'from:keyword', 'EvalFEST:function', '+:operator', 'savings:variable.defaultLibrary',
        ]));
    });

    test('code lenses: effect and finding counts, and the summary lens only for a client that announces its command', async () => {
        const { services, main } = await workspace();
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(main, { textDocument: { uri: main.uri.toString() } });
        const inCoordination = (main.diagnostics ?? []).filter(d => d.range.start.line <= 6);
        // The coordination has one warning (target-mismatch) and three hints, which the lens, like the Problems panel, leaves out.
        expect(inCoordination.map(d => d.severity).sort()).toEqual([2, 4, 4, 4]);
        expect(lenses?.map(l => l.command?.title)).toEqual(['2 effects · 1 warning']);
        const w = await withCursor('|programme P {\n  country Peru\n  sector other\n  targets nobody\n}\n');
        const single = await w.services.lsp.CodeLensProvider!.provideCodeLens(w.document, { textDocument: { uri: w.document.uri.toString() } });
        expect(single?.map(l => l.command?.title)).toEqual(['0 effects · 1 error']);
    });
});

/** The semantic tokens of a one-file workspace, decoded: 0-based line and character, the text covered, the type. */
async function semanticTokens(text: string): Promise<Array<{ line: number; char: number; text: string; type: string }>> {
    const ws = await lspWorkspace({ 'main.coord': text });
    const document = ws.documents['main.coord'];
    const provider = ws.services.lsp.SemanticTokenProvider!;
    const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const types = Object.keys(provider.tokenTypes);
    const lines = text.split('\n');
    const decoded: Array<{ line: number; char: number; text: string; type: string }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
        const [dl, dc, length, type] = tokens.data.slice(i, i + 5);
        line += dl;
        char = dl === 0 ? char + dc : dc;
        decoded.push({ line, char, text: lines[line].slice(char, char + length), type: types[type] });
    }
    return decoded;
}

describe('semantic tokens of the §8 additions', () => {
    test('both sectors of an integrated programme are enum values; capacity, stakeholder and resistance are properties', async () => {
        const text = 'programme P {\n  sector productive, social-protection\n}\ncoordination C {\n  local {\n    capacity "a"\n    stakeholder "b"\n    resistance "c"\n  }\n}\n';
        const decoded = (await semanticTokens(text)).map(t => `${t.text}:${t.type}`);
        expect(decoded).toEqual(expect.arrayContaining([
            'sector:property', 'productive:enumMember', 'social-protection:enumMember',
            'local:property', 'capacity:property', 'stakeholder:property', 'resistance:property',
        ]));
    });
});

describe('semantic tokens of keywords used as names', () => {
    test('a domain called `domain` is one keyword and one name, without overlap', async () => {
        const text = 'domain domain "D"\noutcome in in domain desirable increase\n';
        const decoded = (await semanticTokens(text)).map(t => `${t.line}:${t.char}:${t.text}:${t.type}`);
        expect(decoded).toEqual([
            '0:0:domain:keyword', '0:7:domain:namespace',
            '1:0:outcome:keyword', '1:8:in:variable', '1:11:in:keyword', '1:14:domain:namespace', '1:21:desirable:keyword', '1:31:increase:enumMember',
        ]);
    });
});
