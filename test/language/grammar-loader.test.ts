/**
 * The CLI bundle's grammar loader (src/language/grammar-loader.ts) gives the
 * graph Langium's `loadGrammarFromJson` gives for Coord's generated grammar:
 * object for object, the same properties in the same order, the same
 * container links and references, the same kind of document; and JSON it does
 * not expect goes to Langium's loader.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGrammarFromJson } from 'langium';
import { loadGrammarFast } from '../../src/language/grammar-loader.js';

const ROOT = resolve(__dirname, '../..');

/** The JSON text generated/grammar.ts gives Langium's loader. */
function generatedJson(): string {
    const source = readFileSync(resolve(ROOT, 'src/language/generated/grammar.ts'), 'utf8');
    const literal = /loadGrammarFromJson\(('(?:[^'\\]|\\.)*')\)/s.exec(source)?.[1];
    if (!literal) throw new Error('no loadGrammarFromJson call in src/language/generated/grammar.ts');
    return new Function(`return ${literal};`)() as string;
}

/** Walks two graphs side by side; returns the number of objects, or throws at the first difference, with its path. */
function expectSameGraph(ours: unknown, theirs: unknown): number {
    const seen = new Map<object, object>();
    // Both ways: a copy of a rule where the other graph has the rule itself is a difference too.
    const back = new Map<object, object>();
    const stack: Array<[unknown, unknown, string]> = [[ours, theirs, '']];
    const differ = (path: string, what: string) => {
        throw new Error(`${path || '/'}: ${what}`);
    };
    while (stack.length > 0) {
        const [a, b, path] = stack.pop()!;
        if (typeof a !== 'object' || a === null) {
            if (a !== b) differ(path, `${String(a)} against ${String(b)}`);
            continue;
        }
        if (typeof b !== 'object' || b === null) differ(path, 'an object against none');
        if (seen.has(a)) {
            if (seen.get(a) !== b) differ(path, 'the same object in one graph, not in the other');
            continue;
        }
        if (back.has(b as object)) differ(path, 'one object in the other graph, two in this one');
        seen.set(a, b as object);
        back.set(b as object, a);
        if (Array.isArray(a) !== Array.isArray(b)) differ(path, 'an array against an object');
        const keys = Object.keys(a), otherKeys = Object.keys(b as object);
        if (keys.join() !== otherKeys.join()) differ(path, `properties ${keys.join()} against ${otherKeys.join()}`);
        for (const key of keys) {
            const va: unknown = (a as Record<string, unknown>)[key];
            const vb: unknown = (b as Record<string, unknown>)[key];
            if (key === '$document') {
                expectSameDocument(va, vb, a, b, path);
                continue;
            }
            stack.push([va, vb, `${path}/${key}`]);
        }
    }
    return seen.size;
}

/**
 * The grammar's in-memory document as Langium's `LangiumDocumentFactory.fromModel` makes it: the same
 * properties in the same order (the text document a getter in both), the same parse result and state,
 * no references, and a text document of the same URI, language, version and text.
 */
function expectSameDocument(ours: unknown, theirs: unknown, grammar: unknown, theirGrammar: unknown, path: string): void {
    type Doc = {
        uri: unknown; state: unknown; references: unknown[];
        parseResult: { value: unknown; parserErrors: unknown[]; lexerErrors: unknown[] };
        textDocument: { uri: string; languageId: string; version: number; getText(): string };
    };
    const da = ours as Doc;
    const db = theirs as Doc;
    const shape = (doc: object) => Object.keys(doc).map(key => `${key}:${typeof Object.getOwnPropertyDescriptor(doc, key)?.get}`).join();
    const differ = (what: string) => {
        throw new Error(`${path}/$document: ${what}`);
    };
    if (shape(da) !== shape(db)) differ(`properties ${shape(da)} against ${shape(db)}`);
    if (Object.keys(da.parseResult).join() !== Object.keys(db.parseResult).join()) differ('another parse result');
    if (String(da.uri) !== String(db.uri) || da.state !== db.state) differ('another URI or state');
    if (da.parseResult.value !== grammar || db.parseResult.value !== theirGrammar) differ('the document of another model');
    if (da.parseResult.parserErrors.length + da.parseResult.lexerErrors.length + da.references.length !== 0) differ('errors or references');
    if (!Array.isArray(da.references) || !Array.isArray(da.parseResult.parserErrors) || !Array.isArray(da.parseResult.lexerErrors)) differ('not arrays');
    const ta = da.textDocument;
    const tb = db.textDocument;
    if (ta.uri !== tb.uri || ta.languageId !== tb.languageId || ta.version !== tb.version || ta.getText() !== tb.getText()) {
        differ(`text document ${ta.uri} ${ta.languageId} ${ta.version} against ${tb.uri} ${tb.languageId} ${tb.version}`);
    }
    if (da.textDocument !== ta) differ('a new text document on every read');
}

describe('the grammar loader of the CLI bundle', () => {
    test('gives Langium\'s graph for Coord\'s generated grammar, object for object', () => {
        const json = generatedJson();
        const ours = loadGrammarFast(json);
        const theirs = loadGrammarFromJson(json);
        expect(ours === theirs).toBe(false);
        const objects = expectSameGraph(ours, theirs);
        expect(objects).toBeGreaterThan(1000);
        // References are linked: a rule call's rule is the grammar's own rule object.
        const name = ours.rules.find(rule => rule.name === 'Name');
        expect(name).toBeDefined();
        const calls: unknown[] = [];
        const visited = new Set<object>();
        const walk = (node: unknown): void => {
            if (typeof node !== 'object' || node === null || visited.has(node)) return;
            visited.add(node);
            const record = node as Record<string, unknown>;
            if (record.$type === 'RuleCall') calls.push((record.rule as { ref?: unknown }).ref);
            for (const [key, value] of Object.entries(record)) if (!key.startsWith('$')) walk(value);
        };
        walk(ours.rules);
        expect(calls.filter(ref => ref === name).length).toBeGreaterThan(10);
        expect(ours.$document?.uri.toString()).toBe('memory:/Coord.langium');
    });

    test('hands JSON it does not expect to Langium\'s loader', () => {
        const json = JSON.stringify({
            $type: 'Grammar', name: 'G', isDeclared: true, imports: [], interfaces: [], types: [],
            rules: [{ $type: 'ParserRule', name: 'A', entry: true, fragment: false, parameters: [], definition: { $type: 'RuleCall', arguments: [], rule: { $ref: '#/rules@7' } } }],
        });
        const ours = loadGrammarFast(json);
        const theirs = loadGrammarFromJson(json);
        expectSameGraph(ours, theirs);
        const call = (ours.rules[0] as unknown as { definition: { rule: { ref: unknown; error?: { message: string } } } }).definition;
        expect(call.rule.ref).toBeUndefined();
        expect(call.rule.error?.message).toMatch(/Could not resolve path/);
    });
});
