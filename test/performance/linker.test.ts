/**
 * The fast reference walk of CoordLinker and CoordReferenceDescriptionProvider
 * finds the same references, in the same order, as Langium's streams, so that
 * linking and the reference index are unchanged by it.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, type Reference } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { collectReferences, linkedTarget, linkFailed, referenceFreeTypes, skippedTypes, someLinkFailed } from '../../src/language/coord-linker.js';
import { isProgramme, type Model } from '../../src/language/generated/ast.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('collectReferences', () => {
    it('lists the references of every example in the order of streamAst and streamReferences', async () => {
        const dir = join(__dirname, '..', '..', 'examples');
        const files = readdirSync(dir).filter(f => f.endsWith('.coord')).map(f => ({ uri: `file:///ex/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
        // The test fixtures (broken input among them), and half-written declarations, as the parser recovers from them.
        const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
            .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);
        for (const path of walk(join(__dirname, '..', 'fixtures'))) files.push({ uri: `file:///fx/${files.length}.coord`, text: readFileSync(path, 'utf8') });
        files.push({ uri: 'file:///ex/broken.coord', text: 'coordination C { between A, B\n local { role "x" by ' });
        files.push({ uri: 'file:///ex/broken2.coord', text: 'evaluation E { effects of A + B versus C from E { outcome O size 1 ci 0..2 n 5 followup 3 months } effects of' });
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const built = await buildWorkspace(Coord, files);
        // The walk compared below skipped the reference-free types (it does past 16 documents).
        expect([...skippedTypes()]).toEqual([...referenceFreeTypes(Coord.Grammar)]);
        expect(skippedTypes().size).toBeGreaterThan(10);
        let total = 0, unresolved = 0, linkedRefs = 0, failing = 0;
        const resolver = (Coord.references.Linker as unknown as { referenceResolver: { resolveReference(ref: unknown, node: unknown, property: string): unknown } }).referenceResolver;
        for (const doc of built.documents) {
            const root = doc.parseResult.value;
            const expected = AstUtils.streamAst(root).flatMap(n => AstUtils.streamReferences(n)).toArray();
            const actual = collectReferences(root);
            expect(actual.map(r => [r.container.$type, r.property, r.index, r.reference.$refText]))
                .toEqual(expected.map(r => [r.container.$type, r.property, r.index, r.reference.$refText]));
            expect(actual.every((r, i) => r.reference === expected[i].reference && r.container === expected[i].container)).toBe(true);
            expect(doc.references.length).toBe(actual.length);
            // linkFailed says what Langium's own `error` says, and what the facts read of a reference
            // straight from it is what the plain path reads.
            expect(actual.map(r => linkFailed(r.reference as Reference))).toEqual(actual.map(r => (r.reference as Reference).error !== undefined));
            expect(actual.map(r => linkedTarget(r.reference as Reference))).toEqual(actual.map(r => linkFailed(r.reference as Reference) ? undefined : (r.reference as Reference).ref));
            // someLinkFailed answers what `some` of linkFailed answers, for every declaration's references and the whole list.
            for (const declaration of (root as Model).declarations ?? []) {
                const own = collectReferences(declaration);
                expect(someLinkFailed(own), declaration.$type).toBe(own.some(r => linkFailed(r.reference as Reference)));
                if (someLinkFailed(own)) failing++;
            }
            expect(someLinkFailed(actual)).toBe(actual.some(r => linkFailed(r.reference as Reference)));
            // A Coord reference's `ref` reads a linked target itself: the same object as Langium's resolver answers.
            const refs = actual.map(r => (r.reference as Reference).ref);
            const resolved = actual.map(r => resolver.resolveReference(r.reference, r.container, r.property));
            expect(refs.every((target, i) => target === resolved[i])).toBe(true);
            linkedRefs += refs.filter(target => target !== undefined).length;
            unresolved += actual.filter(r => linkFailed(r.reference as Reference)).length;
            total += actual.length;
        }
        expect(total).toBeGreaterThan(50);
        expect(unresolved).toBeGreaterThan(0);
        expect(linkedRefs).toBeGreaterThan(50);
        expect(failing).toBeGreaterThan(0);
    });
});

describe('the reference index', () => {
    it('can be left out for a one-shot build, with the same findings', async () => {
        const dir = join(__dirname, '..', '..', 'examples');
        const files = readdirSync(dir).filter(f => f.endsWith('.coord')).map(f => ({ uri: `file:///ex/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
        const findings = async (referenceIndex: boolean) => {
            const { Coord, shared } = createCoordCoreServices(EmptyFileSystem, { referenceIndex });
            const built = await buildWorkspace(Coord, files);
            const programme = built.documents.flatMap(d => (d.parseResult.value as Model).declarations).find(isProgramme)!;
            const path = Coord.workspace.AstNodeLocator.getAstNodePath(programme);
            const indexed = shared.workspace.IndexManager.findAllReferences(programme, path).count();
            const all = built.documents.flatMap(d => built.findings(d).map(f => `${d.uri.path}:${f.range.start.line}:${f.rule}:${f.message}`));
            return { all, indexed };
        };
        const withIndex = await findings(true);
        const without = await findings(false);
        expect(without.all).toEqual(withIndex.all);
        expect(withIndex.all.length).toBeGreaterThan(0);
        expect(withIndex.indexed).toBeGreaterThan(0);
        expect(without.indexed).toBe(0);
    });
});

describe('the walk skips reference-free nodes', () => {
    it('names, from the grammar, only types whose nodes hold no reference and no child node', async () => {
        const { Coord } = createCoordCoreServices(EmptyFileSystem);
        const leaves = referenceFreeTypes(Coord.Grammar);
        // The property nodes and effect details that are the bulk of a workspace, and none of the types that hold references or children.
        for (const type of ['CountryProperty', 'BudgetProperty', 'SizeDetail', 'CiDetail', 'Capacity', 'Domain', 'Population']) expect(leaves).toContain(type);
        for (const type of ['Model', 'Programme', 'Coordination', 'Effects', 'Effect', 'Comparator', 'TargetsProperty', 'BetweenProperty', 'NodeProperty', 'Role', 'LevelBlock', 'SubgroupDetail', 'Outcome']) {
            expect(leaves).not.toContain(type);
        }
        // Checked on every node of the examples and the fixtures: a node of a listed type has neither.
        const dir = join(__dirname, '..', '..', 'examples');
        const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
            .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);
        const files = [...walk(dir), ...walk(join(__dirname, '..', 'fixtures'))].map((path, i) => ({ uri: `file:///l/${i}.coord`, text: readFileSync(path, 'utf8') }));
        const built = await buildWorkspace(Coord, files);
        let checked = 0;
        for (const doc of built.documents) {
            for (const node of AstUtils.streamAst(doc.parseResult.value)) {
                if (!leaves.has(node.$type)) continue;
                checked++;
                expect(AstUtils.streamReferences(node).count(), node.$type).toBe(0);
                expect(AstUtils.streamContents(node).count(), node.$type).toBe(0);
            }
        }
        expect(checked).toBeGreaterThan(500);
    });
});
