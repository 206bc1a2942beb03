/**
 * The shapes of Langium's private syntax-node fields that
 * `src/language/langium-internals.ts` relies on. Each test fails when Langium
 * changes what the adapter touches: a position field renamed or no longer read
 * by the public getters, a composite range cached under another name, a root
 * whose children are linked differently; and the installed Langium must be the
 * version the adapter was written against (see "Upgrade Langium or Chevrotain"
 * in ARCHITECTURE.md).
 */
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, isLeafCstNode, LeafCstNodeImpl, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { isComposite, isOneLineLeaf, LANGIUM_SHAPES_OF, leafPosition, newRootCst, shiftCst } from '../../src/language/langium-internals.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const TEXT = 'domain d\nprogramme P {\n  country Peru\n  sector productive\n}\n';

function parse(): { model: AstNode & { declarations: AstNode[] }; root: CstNode & { content: CstNode[] } } {
    const model = Coord.parser.LangiumParser.parse(TEXT).value as AstNode & { declarations: AstNode[] };
    return { model, root: model.$cstNode as CstNode & { content: CstNode[] } };
}

function leaves(node: CstNode): CstNode[] {
    return isComposite(node) ? node.content.flatMap(leaves) : [node];
}

const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
const minor = (version: string) => version.replace(/^[~^]/, '').split('.').slice(0, 2).join('.');

describe('Langium internals the adapter relies on', () => {
    it('are those of the installed Langium, whose minor version (and Chevrotain\'s) package.json pins', () => {
        expect(installed('langium')).toBe(LANGIUM_SHAPES_OF);
        const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
        for (const name of ['langium', 'langium-cli', 'chevrotain']) {
            expect(pkg.devDependencies[name], name).toMatch(/^~\d+\.\d+\.\d+$/);
            expect(minor(pkg.devDependencies[name]), name).toBe(minor(installed(name)));
        }
    });

    it('reads a leaf\'s position from the fields the public getters read', () => {
        const { root } = parse();
        for (const leaf of leaves(root)) {
            const p = leafPosition(leaf);
            expect({ start: { line: p.startLine, character: p.startColumn }, end: { line: p.endLine, character: p.endColumn } }).toEqual(leaf.range);
        }
    });

    it('shifts a leaf: its offset and range (public getters) move', () => {
        const { root } = parse();
        const leaf = leaves(root).find(l => l.text === 'Peru')!;
        const before = { offset: leaf.offset, end: leaf.end, range: leaf.range };
        shiftCst(leaf, { offset: 7, lines: 2, line: before.range.start.line, columns: 3 }, true);
        expect(leaf.offset).toBe(before.offset + 7);
        expect(leaf.end).toBe(before.end + 7);
        expect(leaf.range).toEqual({
            start: { line: before.range.start.line + 2, character: before.range.start.character + 3 },
            end: { line: before.range.end.line + 2, character: before.range.end.character + 3 },
        });
        // A shift on another line moves lines and offsets, not columns.
        shiftCst(leaf, { offset: 1, lines: 1, line: 999, columns: 50 }, true);
        expect(leaf.range.start.character).toBe(before.range.start.character + 3);
        expect(leaf.range.start.line).toBe(before.range.start.line + 3);
    });

    it('drops the range a composite node cached, and only when asked', () => {
        const { model } = parse();
        const programme = model.declarations[1].$cstNode!;
        const cached = programme.range;
        expect(programme.range).toBe(cached); // Langium caches a composite's range
        shiftCst(programme, { offset: 0, lines: 5, line: -1, columns: 0 }, false);
        expect(programme.range).toBe(cached); // still the cached one: `ranges` was off
        shiftCst(programme, { offset: 0, lines: 5, line: -1, columns: 0 }, true);
        expect(programme.range.start.line).toBe(cached.start.line + 10);
    });

    it('moves syntax nodes into a new root: their root, text and AST node follow it', () => {
        const { model, root } = parse();
        const content = [...root.content];
        const text = TEXT.toUpperCase();
        const astNode = { ...model } as AstNode;
        const newRoot = newRootCst(text, content, astNode);
        expect(newRoot.content).toEqual(content);
        for (const child of content) {
            expect(child.container).toBe(newRoot);
            expect(child.root).toBe(newRoot);
            expect(child.text).toBe(text.substring(child.offset, child.end));
        }
        expect(newRoot.astNode).toBe(astNode);
        expect(newRoot.fullText).toBe(text);
    });
});

describe('one-line leaves (the syntax tree without end fields for tokens on one line, issue 15)', () => {
    // CRLF and LF line ends, a block comment across lines and one on one line, a line comment, a
    // string across lines, an escaped quote, characters outside the BMP (two UTF-16 units), tabs.
    const text = 'domain d\r\n/* a\r\n   block */ programme P {\n\tcountry Peru // \u{1F600} x\n'
        + '  sector productive /* one line \u{1F600} */\n  note "two\nlines \\" \u{1F600}"\n}\r\n';
    const doc = TextDocument.create('file:///t.coord', 'coord', 1, text);
    const parsed = Coord.parser.LangiumParser.parse(text);
    const all = leaves(parsed.value.$cstNode!);

    it('parses the text without errors, so every token below is a leaf', () => {
        expect(parsed.lexerErrors).toEqual([]);
        expect(parsed.parserErrors).toEqual([]);
        expect(all.map(l => l.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    });

    it('gives every leaf the range of its text, whatever its class', () => {
        for (const leaf of all) {
            expect(leaf.range, leaf.text).toEqual({ start: doc.positionAt(leaf.offset), end: doc.positionAt(leaf.end) });
            expect(leaf.text).toBe(text.substring(leaf.offset, leaf.end));
            expect(isLeafCstNode(leaf)).toBe(true);
            expect(leaf).toBeInstanceOf(LeafCstNodeImpl);
        }
    });

    it('keeps no end fields on a leaf on one line, and both ends on a leaf across lines', () => {
        const across = all.filter(l => l.text.includes('\n'));
        expect(across.map(l => l.text)).toEqual(['/* a\r\n   block */', '"two\nlines \\" \u{1F600}"']);
        for (const leaf of all) {
            expect(isOneLineLeaf(leaf), leaf.text).toBe(!across.includes(leaf));
            const own = Object.keys(leaf);
            expect(own.includes('_endLine') || own.includes('_endColumn') || own.includes('_hidden'), leaf.text).toBe(across.includes(leaf));
        }
        // The saving: a one-line leaf has three fields fewer than Langium's.
        expect(Object.keys(all.find(l => isOneLineLeaf(l))!).length).toBe(Object.keys(across[0]).length - 3);
    });

    it('keeps each leaf\'s hidden flag (the comments), length and end', () => {
        expect(all.filter(l => l.hidden).map(l => l.text)).toEqual(['/* a\r\n   block */', '// \u{1F600} x', '/* one line \u{1F600} */']);
        for (const leaf of all) expect([leaf.length, leaf.end]).toEqual([leaf.text.length, leaf.offset + leaf.text.length]);
    });

    it('answers every getter of Langium\'s leaf as Langium\'s leaf of the same token does (fails when Langium adds one that reads a field it lacks)', () => {
        const getters = [LeafCstNodeImpl.prototype, Object.getPrototypeOf(LeafCstNodeImpl.prototype) as object]
            .flatMap(proto => Object.entries(Object.getOwnPropertyDescriptors(proto)).filter(([, d]) => d.get).map(([name]) => name));
        expect(getters).toEqual(expect.arrayContaining(['offset', 'length', 'end', 'hidden', 'tokenType', 'range', 'astNode', 'root', 'text']));
        for (const leaf of all.filter(l => isOneLineLeaf(l))) {
            const r = leaf.range;
            const langium = new LeafCstNodeImpl(leaf.offset, leaf.length, r.start.line, r.start.character, r.end.line, r.end.character, (leaf as LeafCstNode).tokenType, leaf.hidden);
            Object.assign(langium, { container: leaf.container, grammarSource: leaf.grammarSource });
            for (const name of getters) {
                expect((leaf as unknown as Record<string, unknown>)[name], `${name} of ${leaf.text}`).toEqual((langium as unknown as Record<string, unknown>)[name]);
            }
        }
    });

    it('shifts a leaf across lines: both ends move', () => {
        const comment = leaves(Coord.parser.LangiumParser.parse(text).value.$cstNode!).find(l => l.text.startsWith('/* a'))!;
        const before = comment.range;
        shiftCst(comment, { offset: 4, lines: 3, line: before.start.line, columns: 2 }, true);
        expect(comment.range).toEqual({
            start: { line: before.start.line + 3, character: before.start.character + 2 },
            end: { line: before.end.line + 3, character: before.end.character },
        });
    });
});
