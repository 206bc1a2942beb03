/**
 * Completion offers each thing once. At every token boundary of every example
 * (where a user asks for completion: before a token, after it, and after the
 * space that follows it), the list VS Code shows — the server's items plus the
 * snippets the extension contributes — has no two items with the same label,
 * and no two that insert the same text. A declaration keyword and its snippet
 * are one item: the keyword that inserts the snippet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { lspWorkspace } from './lsp-helpers.js';
import { tokenize } from '../robustness/tokenize.js';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The snippets VS Code itself adds to every completion list of a Coord file (contributed by the extension). */
function contributedSnippets(): CompletionItem[] {
    const items: CompletionItem[] = [];
    for (const contribution of manifest.contributes.snippets ?? []) {
        const file = JSON.parse(fs.readFileSync(path.join(ROOT, contribution.path), 'utf8')) as Record<string, { prefix: string | string[]; body: string[] }>;
        for (const snippet of Object.values(file)) {
            for (const prefix of [snippet.prefix].flat()) {
                items.push({ label: prefix, insertText: snippet.body.join('\n'), insertTextFormat: InsertTextFormat.Snippet });
            }
        }
    }
    return items;
}

/** What an item inserts, as the editor would: its text edit, its insert text, else its label. */
function inserted(item: CompletionItem): string {
    const edit = item.textEdit;
    return edit ? edit.newText : item.insertText ?? item.label;
}

/** The duplicates of a list: labels and inserted texts offered more than once. */
function duplicates(items: readonly CompletionItem[]): string[] {
    const found: string[] = [];
    const seen = (key: (i: CompletionItem) => string, what: string) => {
        const count = new Map<string, number>();
        for (const i of items) count.set(key(i), (count.get(key(i)) ?? 0) + 1);
        for (const [k, n] of count) if (n > 1) found.push(`${what} ${JSON.stringify(k)} ×${n}`);
    };
    seen(i => i.label, 'label');
    seen(inserted, 'insertion');
    return found;
}

describe('completion without duplicates', () => {
    test('the duplicate finder finds a keyword beside its snippet', () => {
        expect(duplicates([{ label: 'programme' }, { label: 'programme', insertText: 'programme ${1:NAME} {\n}', insertTextFormat: 2 }]))
            .toEqual(['label "programme" ×2']);
        expect(duplicates([{ label: 'a', insertText: 'x' }, { label: 'b', insertText: 'x' }])).toEqual(['insertion "x" ×2']);
    });

    test('at every token boundary of the examples, with a client that takes snippets', async () => {
        const files = Object.fromEntries(fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.coord')).sort()
            .map(f => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]));
        const ws = await lspWorkspace(files);
        await ws.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
        } as never);
        const snippets = contributedSnippets();
        const provider = ws.services.lsp.CompletionProvider!;
        const faults: string[] = [];
        let positions = 0;
        let lists = 0;
        for (const [name, document] of Object.entries(ws.documents)) {
            const text = document.textDocument.getText();
            const offsets = new Set<number>();
            for (const [start, end] of tokenize(text)) {
                offsets.add(start);
                offsets.add(end);
                if (text[end] === ' ') offsets.add(end + 1);
            }
            for (const offset of [...offsets].sort((a, b) => a - b)) {
                const position = document.textDocument.positionAt(offset);
                const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
                positions++;
                const items = list?.items ?? [];
                if (items.length === 0) continue;
                lists++;
                // VS Code adds the contributed snippets whose prefix matches the word typed so far.
                const word = /[A-Za-z0-9_-]*$/.exec(text.slice(0, offset))![0];
                const shown = [...items, ...snippets.filter(s => s.label.startsWith(word))];
                for (const d of duplicates(shown)) faults.push(`${name} ${position.line + 1}:${position.character + 1}: ${d}`);
            }
        }
        console.log(`[completion] ${positions} positions of the examples, ${lists} non-empty lists, ${faults.length} with duplicates`);
        expect(lists).toBeGreaterThan(500);
        expect(faults.slice(0, 20)).toEqual([]);
    }, 120_000);
});
