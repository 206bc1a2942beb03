/**
 * The incremental re-parse gives exactly what a full parse of the new text
 * gives: the same syntax tree (every AST node, value, reference text and
 * container link), the same concrete syntax tree (every leaf and composite
 * node with its offset, range, hidden flag and token type, in the same order
 * and under the same parent) and the same syntax and lexical errors at the
 * same places — after single random edits and after chains of edits, each
 * applied to the previous incremental result, broken text included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLangiumParser, EmptyFileSystem, GrammarAST, GrammarUtils, isAstNode, isReference, type AstNode, type CstNode, type LangiumParser, type ParseResult } from 'langium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { commonPrefix, commonSuffix, ML_COMMENT, reparse as reparseWith, STRING } from '../../src/language/incremental-parse.js';
import { runsFor, seedFor, timeoutFor } from '../robustness/harness.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../bench/generate.mjs';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
/**
 * The parser as Langium builds it, without Coord's syntax repair: its recovery leaves the
 * syntax errors on which the incremental machinery works (keeping, shifting, growing the region).
 */
const parser: LangiumParser = createLangiumParser(Coord);
const plain = { LangiumParser: parser, LexerErrorMessageProvider: Coord.parser.LexerErrorMessageProvider };
const reparse = (old: ParseResult<AstNode>, text: string) => reparseWith(plain, old, text);
/** Coord's parser, which repairs syntax mistakes (validation/syntax-repair.ts): re-parsing it must equal a full parse too. */
const repairing: LangiumParser = Coord.parser.LangiumParser;
const examples = readdirSync('examples').filter(f => f.endsWith('.coord')).map(f => readFileSync(join('examples', f), 'utf8'));
const generated = (generateWorkspace({ files: 1, linesPerFile: 300 }) as Array<{ text: string }>)[0].text;
/** Broken specs that the robustness tests found or keep: error recovery at every turn. */
const regressions = readdirSync('test/fixtures/regressions', { recursive: true, withFileTypes: true })
    .filter(f => f.isFile() && f.name.endsWith('.coord'))
    .map(f => readFileSync(join(f.parentPath, f.name), 'utf8'))
    .filter(t => t.length < 20_000 && !t.includes('\u0000'));
const bases = [...examples, generated, ...regressions];

/** Everything a consumer of a parse result can see, as plain data. */
function snapshot(result: ParseResult<AstNode>): unknown {
    const root = result.value.$cstNode!;
    const cstIds = new Map<CstNode, number>();
    const cst: unknown[] = [];
    const walkCst = (node: CstNode, parent: number) => {
        const id = cst.length;
        cstIds.set(node, id);
        const entry: Record<string, unknown> = {
            parent, offset: node.offset, end: node.end, range: node.range, hidden: node.hidden, text: node.text,
            grammar: grammarKey(node.grammarSource),
        };
        cst.push(entry);
        if ('content' in node) {
            for (const child of (node as { content: CstNode[] }).content) {
                expect(child.container).toBe(node);
                walkCst(child, id);
            }
        } else {
            entry.token = (node as { tokenType?: { name: string } }).tokenType?.name;
        }
    };
    walkCst(root, -1);
    const ast = (node: AstNode, container: AstNode | undefined): unknown => {
        expect(node.$container).toBe(container);
        const out: Record<string, unknown> = {
            $type: node.$type, $containerProperty: node.$containerProperty, $containerIndex: node.$containerIndex,
            $cstNode: node.$cstNode ? cstIds.get(node.$cstNode) ?? 'detached' : undefined,
        };
        if (node.$cstNode) expect(node.$cstNode.astNode).toBe(node);
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            out[key] = value === undefined ? undefined : convert(value, node);
        }
        return out;
    };
    const convert = (value: unknown, container: AstNode): unknown => {
        if (Array.isArray(value)) return value.map(v => convert(v, container));
        if (isReference(value)) return { ref: value.$refText, node: value.$refNode ? cstIds.get(value.$refNode) ?? 'detached' : undefined };
        if (isAstNode(value)) return ast(value, container);
        return value;
    };
    const token = (t: { startOffset: number; endOffset?: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number; image: string } | undefined) =>
        t && [t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];
    return {
        cst,
        ast: ast(result.value, undefined),
        parserErrors: result.parserErrors.map(e => ({ name: e.name, message: e.message, token: token(e.token), previous: token((e as { previousToken?: never }).previousToken) })),
        lexerErrors: result.lexerErrors.map(e => ({ ...e })),
        lexerReport: result.lexerReport?.diagnostics ?? [],
    };
}

function grammarKey(source: unknown): string | undefined {
    if (!source) return undefined;
    const s = source as { $type: string; value?: string; feature?: string; rule?: { $refText?: string } };
    return `${s.$type}:${s.value ?? s.feature ?? s.rule?.$refText ?? ''}`;
}

/** An edit: replace `remove` characters at a relative position with `insert`. */
interface Edit { at: number; remove: number; insert: string }

const vocabulary = [
    'x', 'X', ' ', '\n', '\r\n', '{', '}', '"', '/*', '*/', '//', '//c\n', ',', '+', '-', '~', '1', '2.5', '..',
    'programme', 'coordination', 'domain', 'outcome', 'body', 'effects of', 'between', 'node', 'level', 'local {',
    'programme P { sector productive }\n', 'coordination C { between P }\n', 'domain d\n', 'body B\n', 'body B {',
    'outcome o in d desirable increase\n', 'effects of P { + o }\n', '"text"', '"open', 'é', '😀', '#', '@',
];

const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 80 })),
    insert: fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 4 }), fc.constant('')),
});

function apply(text: string, e: Edit): string {
    const at = Math.floor(e.at * text.length);
    return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Replaces `from` by `to` in `text`, re-parses incrementally, and checks that it worked and equals a full parse. */
function reparsed(text: string, from: string, to: string, old = parser.parse(text)) {
    const next = text.replace(from, to);
    const again = reparse(old, next);
    expect(again.reason).toBeUndefined();
    expect(snapshot(again.result!)).toEqual(snapshot(parser.parse(next)));
    return { next, info: again.info! };
}

describe('incremental re-parse', () => {
    it('equals a full parse after chains of random edits', { timeout: timeoutFor(120, 1000) }, () => {
        let incremental = 0, total = 0;
        /** Why the others were parsed in full (kept for debugging a failure). */
        const reasons = new Map<string, number>();
        fc.assert(fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (base, edits) => {
            let text = bases[base];
            let current = parser.parse(text);
            let repaired = repairing.parse(text);
            for (const e of edits) {
                const next = apply(text, e);
                if (next === text) continue;
                text = next;
                const again = reparse(current, text);
                total++;
                if (again.result) incremental++;
                else reasons.set(again.reason, (reasons.get(again.reason) ?? 0) + 1);
                current = again.result ?? parser.parse(text);
                expect(snapshot(current)).toEqual(snapshot(parser.parse(text)));
                // With repairs, the incremental path is taken only where no repair was needed.
                repaired = reparseWith(Coord.parser, repaired, text).result ?? repairing.parse(text);
                expect(snapshot(repaired)).toEqual(snapshot(repairing.parse(text)));
            }
        }), { numRuns: runsFor(120), seed: seedFor('incremental re-parse') });
        // Most random edits must take the incremental path, or this test proves little.
        expect(incremental / total, JSON.stringify([...reasons])).toBeGreaterThan(0.5);
    });

    it('re-parses only the declarations around a typed character, and keeps the others', () => {
        const text = generated;
        const old = parser.parse(text);
        const at = text.indexOf('between', text.length / 2) + 'between '.length;
        const again = reparse(old, text.slice(0, at) + 'x' + text.slice(at));
        expect(again.reason).toBeUndefined();
        const before = (old.value as unknown as { declarations: AstNode[] }).declarations;
        const after = (again.result!.value as unknown as { declarations: AstNode[] }).declarations;
        expect(after.length).toBe(before.length);
        // The edited declaration and one on each side are new; all others are the same objects.
        const reused = after.filter((d, i) => d === before[i]).length;
        expect(reused).toBe(before.length - 3);
        expect(again.info!.declarations).toBe(3);
        // The old tree is left as it was: its root still holds the old declarations.
        expect(before.every(d => d.$cstNode!.root === old.value.$cstNode || d.$container !== old.value)).toBe(true);
    });

    it('keeps errors outside the region, shifted, and re-parses those inside', () => {
        const text = 'domain d\nprogramme P { sector }\ndomain e\ndomain f\ndomain g\nprogramme Q { budget }\n';
        const old = parser.parse(text);
        expect(old.parserErrors.length).toBe(2);
        reparsed(text, 'domain f', 'domain ff\n\n', old);
    });

    it('takes in the declaration before when its syntax error sits on the first token of the region', () => {
        // `desirable` expects a value; the error is reported on `evaluation`, where the next declaration starts.
        const text = 'domain d\noutcome o in d desirable\nevaluation E { method rct }\ndomain e\ndomain f\n';
        const old = parser.parse(text);
        expect(old.parserErrors.length).toBeGreaterThan(0);
        // The edit is in `domain e`, so the evaluation would be the leading sentinel; the outcome comes in too.
        expect(reparsed(text, 'domain e', 'domain ee', old).info.start).toBe(text.indexOf('outcome'));
    });

    it('takes in declarations up to where a string or comment opened in the region closes', () => {
        const text = 'domain d\nprogramme P { sector productive }\ndomain e\ndomain f\n// a */ in a comment\ndomain g "G"\ndomain h\ndomain i\n';
        for (const [opener, closer] of [['/*', '*/'], ['"', '"G']]) {
            const { next, info } = reparsed(text, 'sector productive', `sector ${opener} productive`);
            // The region runs past the closing characters, to the end of the declaration after them.
            expect(info.end).toBeGreaterThan(next.indexOf(closer) + closer.length);
        }
        // A quote that closes nowhere: the region runs to the end of the text.
        const { next, info } = reparsed(text.replace('domain g "G"', 'domain g'), 'sector productive', 'sector " productive');
        expect(info.end).toBe(next.length);
    });

    it('takes in more declarations when the parser does not resynchronise at the next one', () => {
        const text = 'domain d\ncoordination C { between P }\nprogramme Q { sector productive }\ndomain e\ndomain f\n';
        // A keyword may be a name, so after `between P,` the next declaration's keyword is
        // read as a second programme: the declaration after the edit is no longer read as it was.
        const { next, info } = reparsed(text, 'between P }', 'between P,');
        // The region was extended to `domain e` (the first trailing sentinel, Q, was swallowed).
        expect(info.end).toBe(next.indexOf('domain e') + 'domain e'.length);
    });

    it('with syntax repair, a text that needed a repair is parsed whole, and one that did not, incrementally', () => {
        const broken = 'domain d\nprogramme P { sector productive }\nevalution E { method rct }\ndomain e\ndomain f\n';
        const old = repairing.parse(broken);
        expect(old.parserErrors.map(e => e.name)).toEqual(['SyntaxMistake']);
        expect(reparseWith(Coord.parser, old, broken.replace('domain f', 'domain ff')).reason).toBe('repaired syntax');
        const clean = broken.replace('evalution', 'evaluation');
        const fixed = reparseWith(Coord.parser, repairing.parse(clean), clean.replace('domain f', 'domain ff'));
        expect(fixed.reason).toBeUndefined();
        // An edit that breaks a region: the region needed a repair, so the whole text is parsed.
        expect(reparseWith(Coord.parser, repairing.parse(clean), clean.replace('domain f', 'domian f')).reason).toBe('repaired syntax');
    });

    it('knows strings and block comments as the grammar does', () => {
        const rules = Coord.Grammar.rules.filter(GrammarAST.isTerminalRule);
        const source = (name: string) => new RegExp(GrammarUtils.terminalRegex(rules.find(r => r.name === name)!)).source;
        expect(STRING.source).toBe(source('STRING'));
        expect(ML_COMMENT.source).toBe(source('ML_COMMENT'));
    });

    it('finds the edited span of long texts chunk by chunk, exactly', () => {
        fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.nat(20_000), fc.string({ maxLength: 3 }), fc.nat(3), (fill, at, insert, remove) => {
            const a = (fill || 'ab').repeat(Math.ceil(20_000 / (fill.length || 2))).slice(0, 20_000);
            const b = a.slice(0, at) + insert + a.slice(at + remove);
            const p = commonPrefix(a, b), s = commonSuffix(a, b, p);
            let p2 = 0;
            while (p2 < Math.min(a.length, b.length) && a[p2] === b[p2]) p2++;
            let s2 = 0;
            while (s2 < Math.min(a.length, b.length) - p2 && a[a.length - 1 - s2] === b[b.length - 1 - s2]) s2++;
            expect([p, s]).toEqual([p2, s2]);
        }), { numRuns: 200, seed: seedFor('common prefix and suffix') });
    });
});
