/**
 * An incremental update equals a fresh build: random edit sequences on a
 * two-file workspace, sent as the language server sends them (incremental
 * content changes into its TextDocuments, then DocumentBuilder.update through
 * the workspace lock, which cancels an update still running when the next edit
 * arrives), end with exactly the findings of building the final texts from
 * scratch — including across files: renaming or deleting a declaration in one
 * file changes the findings of the other.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { createStdlibDocument } from '../../src/language/coord-workspace.js';
import type { Finding } from '../../src/validation/rule.js';
import { applyMutation, mutationArb, specTokens, layout, type Mutation } from './arbitraries.js';
import { fuzzTotals, runProperty, timeoutFor, Workbench } from './harness.js';
import { tokenize } from './tokenize.js';
import { computeWorkspaceFacts, type WorkspaceFacts } from '../../src/analysis/workspace-facts.js';
import { contributionOf, declarationMentions, documentMentions, effectCell, mentionedNames } from '../../src/analysis/contributions.js';
import type { CoordChangeTracker } from '../../src/analysis/change-tracker.js';
import { isEffects, isProgramme, type Model } from '../../src/language/generated/ast.js';
import type { AstNode, LangiumDocument } from 'langium';

const FILES = ['a.coord', 'b.coord'] as const;
const uriOf = (name: string) => `file:///ws/${name}`;

type Edit =
    | { kind: 'mutate'; file: number; mutation: Mutation }
    | { kind: 'rename'; file: number; which: number }
    | { kind: 'delete'; file: number }
    | { kind: 'wait' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('mutate' as const), file: fc.nat(1), mutation: mutationArb }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), file: fc.nat(1), which: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.nat(1) }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

/** Two files declaring and referring to names from one pool, so that each refers into the other. */
const pairArb = fc.tuple(specTokens, specTokens).chain(([a, b]) => fc.tuple(layout(a), layout(b)));

/** The smallest single change turning `before` into `after`, as an LSP incremental change. */
function contentChange(document: TextDocument, after: string) {
    const before = document.getText();
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let end = 0;
    while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    // An LSP position cannot point between the \r and the \n of a line break, and no editor sends
    // such a change: widen the change to take the whole line break.
    let from = start;
    let to = before.length - end;
    let afterTo = after.length - end;
    if (from > 0 && before[from - 1] === '\r' && before[from] === '\n') from--;
    if (to > 0 && to < before.length && before[to - 1] === '\r' && before[to] === '\n') {
        to++;
        afterTo++;
    }
    return { range: { start: document.positionAt(from), end: document.positionAt(to) }, text: after.slice(from, afterTo) };
}

/**
 * Everything the workspace facts answer about the documents' declarations, as
 * comparable data (nodes by identity: their index in `nodes`).
 */
function factsDigest(facts: WorkspaceFacts, documents: readonly LangiumDocument[]): unknown {
    const ids = new Map<AstNode, number>();
    const id = (node: AstNode) => (ids.has(node) ? ids.get(node)! : (ids.set(node, ids.size), ids.size - 1));
    const declarations = documents.flatMap(d => (d.parseResult.value as Model).declarations ?? []);
    declarations.forEach(id);
    const names = new Set<string>([...facts.everyDeclaration().keys()]);
    for (const d of declarations) for (const r of contributionOf(d).references) names.add(r.name);
    const cells = declarations.filter(isEffects).flatMap(block => block.effects.map(e => effectCell(block, e)));
    return {
        documents: facts.documents.map(d => d.uri.toString()),
        every: [...facts.everyDeclaration()].map(([name, entries]) => [name, entries.map(e => [id(e.node), e.uri, e.stdlib])]).sort(),
        named: [...names].sort().map(name => [name, facts.declarationsNamed(name).map(e => [id(e.node), e.uri, e.stdlib])]),
        referenced: declarations.map(d => facts.isReferenced(d)),
        coordinations: declarations.filter(isProgramme).map(p => facts.coordinationsOf(p).map(id)),
        cells: cells.map(c => [facts.effectsInCell(c).map(id), facts.effectsAcrossSources(c).map(id)]),
    };
}

/** Findings as comparable data (message, place, severity, suppression, related places). */
function normalise(findings: readonly Finding[] | undefined): string[] {
    return (findings ?? []).map(f => JSON.stringify([f.rule, f.severity, f.message, f.range, f.suppressed ?? null, f.related.map(r => [r.uri, r.range, r.message])])).sort();
}

const fresh = new Workbench();

/** One server's services for every sequence: each sequence starts by deleting the previous one's files. */
const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
shared.workspace.LangiumDocuments.addDocument(createStdlibDocument(shared.workspace.LangiumDocumentFactory));

/** An editor does not hand a byte-order mark to the server (VS Code and Neovim keep it outside the buffer). */
const withoutBom = (text: string) => text.replace(/^\ufeff+/, '');

async function runSequence(initial: [string, string], edits: readonly Edit[]): Promise<void> {
    const documents = shared.workspace.TextDocuments!;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const lock = shared.workspace.WorkspaceLock;
    for (const name of FILES) documents.delete(uriOf(name));
    await lock.write(token => builder.update([], FILES.map(n => URI.parse(uriOf(n))), token));
    const texts: Array<string | undefined> = initial.map(withoutBom);
    const versions = [1, 1];
    FILES.forEach((name, i) => documents.set(TextDocument.create(uriOf(name), 'coord', 1, texts[i]!)));
    await lock.write(token => builder.update(FILES.map(n => URI.parse(uriOf(n))), [], token));
    let pending: Promise<void> = Promise.resolve();
    for (const edit of edits) {
        if (edit.kind === 'wait') {
            await pending;
            continue;
        }
        const i = edit.file;
        const uri = uriOf(FILES[i]);
        if (edit.kind === 'delete') {
            if (texts[i] === undefined) continue;
            texts[i] = undefined;
            documents.delete(uri);
            pending = lock.write(token => builder.update([], [URI.parse(uri)], token));
            continue;
        }
        const current = texts[i] ?? '';
        let next: string;
        if (edit.kind === 'rename') {
            // Rename one declared name (the word after a declaration keyword) wherever it is written in this file.
            const declared = [...current.matchAll(/\b(?:domain|outcome|population|programme|body|coordination|evaluation)\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map(m => m[1]);
            if (declared.length === 0) continue;
            const name = declared[edit.which % declared.length];
            next = current.replace(new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g'), `${name}_renamed`);
        } else {
            next = applyMutation(current, edit.mutation, tokenize);
        }
        next = withoutBom(next);
        const existing = documents.get(uri);
        versions[i]++;
        documents.set(existing
            ? TextDocument.update(existing as TextDocument, [contentChange(existing as TextDocument, next)], versions[i])
            : TextDocument.create(uri, 'coord', versions[i], next));
        texts[i] = next;
        // Not awaited: the next edit's update cancels this one if it is still running, as in the server.
        pending = lock.write(token => builder.update([URI.parse(uri)], [], token));
    }
    await pending;
    await lock.write(() => undefined);
    const validator = Coord.validation.DocumentValidator;
    // The facts kept declaration by declaration equal the facts computed from scratch.
    const all = langiumDocuments.all.toArray();
    const kept = factsDigest(validator.incrementalFacts.update(all), all);
    const scratch = factsDigest(computeWorkspaceFacts(all), all);
    if (JSON.stringify(kept) !== JSON.stringify(scratch)) {
        throw new Error(`the incremental workspace facts differ from facts computed from scratch\nincremental: ${JSON.stringify(kept)}\nfrom scratch: ${JSON.stringify(scratch)}`);
    }
    // The change tracker's index of names answers as a scan of every contribution would, for each name alone.
    const tracker = shared.workspace.ChangeTracker as CoordChangeTracker;
    const scans = { ...tracker.scans };
    const declarations = all.flatMap(d => (d.parseResult.value as Model).declarations ?? []);
    const names = new Set(declarations.flatMap(d => [...mentionedNames(contributionOf(d))]));
    for (const name of [...names, 'nowhere']) {
        const change = { all: false, names: new Set([name]), uris: new Set<string>() };
        for (const d of declarations) {
            if (tracker.stale(d, change) !== declarationMentions(d, change.names)) throw new Error(`the tracker's index and the contributions disagree on whether a declaration mentions '${name}'`);
        }
        for (const doc of all) {
            if (tracker.affects(doc, change) !== documentMentions(doc.parseResult.value, change.names)) throw new Error(`the tracker's index and the contributions disagree on whether ${doc.uri} mentions '${name}'`);
        }
    }
    if (tracker.scans.declarations !== scans.declarations || tracker.scans.documents !== scans.documents) throw new Error('the tracker scanned contributions instead of reading its index');
    const present = FILES.flatMap((name, i) => (texts[i] === undefined ? [] : [[name, texts[i]!] as [string, string]]));
    const incremental = new Map(present.map(([name]) => {
        const doc = langiumDocuments.getDocument(URI.parse(uriOf(name)));
        if (!doc) throw new Error(`${name} is missing from the incremental workspace`);
        if (doc.textDocument.getText() !== texts[FILES.indexOf(name as typeof FILES[number])]) throw new Error(`${name}: the incremental document's text is stale`);
        return [name, normalise(validator.getFindings(doc))];
    }));
    if (present.length === 0) return;
    const built = await fresh.build(Object.fromEntries(present));
    for (const b of built) {
        const got = incremental.get(b.name)!;
        const want = normalise(b.findings);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
            throw new Error(`${b.name}: incremental findings differ from a fresh build\nincremental: ${got.join('\n  ')}\nfresh:       ${want.join('\n  ')}`);
        }
    }
}

describe('an incremental update equals a fresh build', () => {
    test('random edit sequences on two files, with cancelled updates', async () => {
        const arb = fc.tuple(pairArb, fc.array(editArb, { minLength: 1, maxLength: 12 }));
        await runProperty('incremental equals fresh', arb, async ([initial, edits]) => {
            await runSequence(initial, edits);
        }, {
            runs: 120,
            saveAs: ([initial]) => ({ 'a.coord': initial[0], 'b.coord': initial[1] }),
        });
    }, timeoutFor(120, 300));

    test('renaming a programme in one file changes the findings of the other', async () => {
        const a = 'programme P { country Peru sector productive }\nprogramme Q { country Peru sector social-protection }\n';
        const b = 'coordination C {\n  between P, Q\n}\n';
        // Before: nothing unresolved in b. After the rename in a: `P` in b no longer resolves.
        await runSequence([a, b], [{ kind: 'rename', file: 0, which: 0 }]);
        // The same by hand, watching b's findings change when only a changes.
        await runSequence([a, b], []);
        const docs = shared.workspace.TextDocuments!;
        const bDoc = shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('b.coord')))!;
        const unresolved = () => (Coord.validation.DocumentValidator.getFindings(bDoc) ?? []).filter(f => f.rule === 'unresolved-reference').length;
        expect(unresolved()).toBe(0);
        const aDoc = docs.get(uriOf('a.coord')) as TextDocument;
        docs.set(TextDocument.update(aDoc, [contentChange(aDoc, a.replace('programme P ', 'programme P2 '))], 2));
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([URI.parse(uriOf('a.coord'))], [], token));
        expect(unresolved()).toBe(1);
    });

    test('removing the only reference in one file makes a declaration of the other unused', async () => {
        const a = 'population poor "Poor households"\n';
        const b = 'programme P { country Peru sector productive targets poor }\n';
        await runSequence([a, b], []);
        const aDoc = shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('a.coord')))!;
        const unused = () => (Coord.validation.DocumentValidator.getFindings(aDoc) ?? []).filter(f => f.rule === 'unused').length;
        expect(unused()).toBe(0);
        // a.coord itself does not change and refers to nothing: only the workspace-wide revalidation can update it.
        await runSequence([a, b], [{ kind: 'mutate', file: 1, mutation: { kind: 'delete-range', at: b.indexOf(' targets'), length: ' targets poor'.length } }]);
        const aAfter = shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('a.coord')))!;
        expect((Coord.validation.DocumentValidator.getFindings(aAfter) ?? []).filter(f => f.rule === 'unused').length).toBe(1);
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] incremental: ${runs} random cases in ${properties} properties`);
});
