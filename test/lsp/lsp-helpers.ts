/**
 * Helpers for the language-server tests: an in-memory workspace (standard
 * library included) built with the full LSP services, and the cursor marker
 * `|` to place a position in a snippet.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createCoordLspServices, type CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { createStdlibDocument } from '../../src/language/coord-workspace.js';
import type { Position } from 'vscode-languageserver';

export interface LspWorkspace {
    services: CoordLspServices;
    /** The documents by file name (`main.coord` → its document). */
    documents: Record<string, LangiumDocument>;
}

/** Builds and validates files (name → text) as one workspace with the standard library. */
export async function lspWorkspace(files: Record<string, string>): Promise<LspWorkspace> {
    const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    langiumDocuments.addDocument(createStdlibDocument(factory));
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = factory.fromString(text, URI.parse(`file:///ws/${name}`));
        langiumDocuments.addDocument(document);
        documents[name] = document;
    }
    await shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: true });
    return { services: Coord, documents };
}

/** Removes the cursor marker `|` from a snippet and returns the text and the cursor's position. */
export function cursor(snippet: string): { text: string; position: Position } {
    const offset = snippet.indexOf('|');
    if (offset < 0) throw new Error('no | cursor marker in the snippet');
    const text = snippet.slice(0, offset) + snippet.slice(offset + 1);
    const before = text.slice(0, offset).split('\n');
    return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** A workspace with one file holding a snippet with a cursor, plus other files. */
export async function withCursor(snippet: string, others: Record<string, string> = {}) {
    const { text, position } = cursor(snippet);
    const ws = await lspWorkspace({ ...others, 'main.coord': text });
    const document = ws.documents['main.coord'];
    return { ...ws, document, position, params: { textDocument: { uri: document.uri.toString() }, position } };
}

/** A small workspace used by several tests. */
export const LIBRARY = `population extreme_poor "Households in extreme poverty"
population displaced "Displaced households"

programme FEST "Familias en su Tierra" {
  country Colombia
  sector productive
  agency "Prosperidad Social"
  targets displaced
}

programme UNIDOS "Red Unidos" {
  country Colombia
  sector social-protection
  targets extreme_poor
}

body SNARIV "Victims' system" {
  level national
}

evaluation EvalFEST "FEST evaluation" {
  method quasi-experimental
}

evaluation EvalUNIDOS {
  method rct
}
`;

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: Position; end: Position }; newText: string }>): string {
    const lines = text.split('\n');
    const offsetAt = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
    let out = text;
    for (const e of sorted) out = out.slice(0, offsetAt(e.range.start)) + e.newText + out.slice(offsetAt(e.range.end));
    return out;
}
