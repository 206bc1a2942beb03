/**
 * The one-shot facts (`computeWorkspaceFacts`, what `coord check` uses) read a
 * declaration's name, memberships and references straight from it and make a
 * contribution only for `effects` blocks. They must give exactly what merging
 * every declaration's contribution gives (the plain path, written out below as
 * the facts were merged before), and the incremental facts of the language
 * server the same; and every finding read through them must be the same. On
 * the examples, every fixture (broken input among them), half-written
 * declarations and a generated workspace of the benchmark's shape.
 */
import { describe, expect, it } from 'vitest';
import { DocumentState, EmptyFileSystem, type AstNode, type LangiumDocument } from 'langium';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { computeWorkspaceFacts, IncrementalWorkspaceFacts, type DeclarationEntry, type WorkspaceFacts } from '../../src/analysis/workspace-facts.js';
import { cellKey, contributionOf, declaredName, evidenceKey, membershipsOf } from '../../src/analysis/contributions.js';
import { isCoordination, isNamedDeclaration, isProgramme, type Coordination, type Effect, type Model, type NamedDeclaration, type Programme } from '../../src/language/generated/ast.js';
import { isStdlibUri } from '../../src/language/stdlib.js';
import { compareUris } from '../../src/language/order.js';
import { runRules } from '../../src/validation/engine.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../bench/generate.mjs';

/** The facts merged from every declaration's contribution, as `computeWorkspaceFacts` did before it read declarations directly. */
function plainFacts(documents: readonly LangiumDocument[]): WorkspaceFacts {
    const byName = new Map<string, DeclarationEntry[]>();
    const referenced = new Set<AstNode>();
    const coordinations = new Map<Programme, Coordination[]>();
    const cells = new Map<string, Effect[]>(), across = new Map<string, Effect[]>();
    const docs = [...documents].sort((a, b) => compareUris(a.uri.toString(), b.uri.toString()));
    const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
    for (const document of docs) {
        const uri = document.uri.toString();
        for (const decl of (document.parseResult.value as Model).declarations ?? []) {
            const c = contributionOf(decl);
            if (c.declared.name) push(byName, c.declared.name, { node: decl as NamedDeclaration, uri, stdlib: isStdlibUri(uri) });
            const seen = new Set<Programme>();
            for (const m of c.memberships) {
                if (!m.ref || seen.has(m.ref)) continue;
                seen.add(m.ref);
                push(coordinations, m.ref, decl as Coordination);
            }
            for (const e of c.effects) {
                if (!e.cell.outcome) continue;
                push(cells, e.key, e.effect);
                push(across, e.evidence, e.effect);
            }
            if (document.state >= DocumentState.Linked) {
                for (const r of c.references) {
                    const target = r.reference.error ? undefined : r.reference.ref;
                    if (target && target !== decl) referenced.add(target);
                }
            }
        }
    }
    return {
        declarationsNamed: name => byName.get(name) ?? [],
        everyDeclaration: () => byName,
        isReferenced: d => referenced.has(d),
        coordinationsOf: p => coordinations.get(p) ?? [],
        effectsInCell: cell => cells.get(cellKey(cell)) ?? [],
        effectsAcrossSources: cell => across.get(evidenceKey(cell)) ?? [],
        documents: docs,
    };
}

const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);

async function workspace(files: Array<{ uri: string; text: string }>): Promise<LangiumDocument[]> {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    await buildWorkspace(Coord, files);
    return [...Coord.shared.workspace.LangiumDocuments.all];
}

/** Every answer of two sets of facts about every declaration, programme and effect of the documents. */
function expectSameFacts(actual: WorkspaceFacts, expected: WorkspaceFacts, documents: readonly LangiumDocument[]): number {
    let asked = 0;
    const entries = (list: readonly DeclarationEntry[]) => list.map(e => [e.node, e.uri, e.stdlib]);
    expect([...actual.everyDeclaration().keys()].sort()).toEqual([...expected.everyDeclaration().keys()].sort());
    for (const [name, list] of expected.everyDeclaration()) {
        expect(entries(actual.declarationsNamed(name))).toEqual(entries(list));
        asked++;
    }
    expect(actual.documents.map(d => d.uri.toString())).toEqual(expected.documents.map(d => d.uri.toString()));
    for (const document of documents) {
        for (const decl of (document.parseResult.value as Model).declarations ?? []) {
            expect(actual.isReferenced(decl)).toBe(expected.isReferenced(decl));
            if (isProgramme(decl)) expect(actual.coordinationsOf(decl)).toEqual(expected.coordinationsOf(decl));
            for (const e of contributionOf(decl).effects) {
                expect(actual.effectsInCell(e.cell)).toEqual(expected.effectsInCell(e.cell));
                expect(actual.effectsAcrossSources(e.cell)).toEqual(expected.effectsAcrossSources(e.cell));
            }
            asked++;
        }
    }
    return asked;
}

const examplesAndFixtures = (): Array<{ uri: string; text: string }> => {
    const dir = join(__dirname, '..', '..', 'examples');
    const files = readdirSync(dir).filter(f => f.endsWith('.coord')).map(f => ({ uri: `file:///ex/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    for (const path of walk(join(__dirname, '..', 'fixtures'))) files.push({ uri: `file:///fx/${files.length}.coord`, text: readFileSync(path, 'utf8') });
    files.push({ uri: 'file:///ex/broken.coord', text: 'coordination C { between A, B\n between A, P\n local { role "x" by ' });
    files.push({ uri: 'file:///ex/broken2.coord', text: 'evaluation E { }\neffects of A + B versus C from E { increase O size 1 } effects of' });
    files.push({ uri: 'file:///ex/unnamed.coord', text: 'programme { }\ncoordination { between }\neffects of { increase }' });
    return files;
};

describe('the one-shot workspace facts', () => {
    it('read names and memberships as the contributions give them', async () => {
        const documents = await workspace(examplesAndFixtures());
        let named = 0, coordinations = 0;
        for (const document of documents) {
            for (const decl of (document.parseResult.value as Model).declarations ?? []) {
                expect(declaredName(decl)).toBe(contributionOf(decl).declared.name);
                expect(declaredName(decl)).toBe((isNamedDeclaration(decl) && decl.name) || '');
                if (declaredName(decl)) named++;
                if (isCoordination(decl)) {
                    expect([...membershipsOf(decl)]).toEqual([...contributionOf(decl).memberships]);
                    coordinations++;
                }
            }
        }
        expect(named).toBeGreaterThan(100);
        expect(coordinations).toBeGreaterThan(10);
    });

    for (const [label, files, withFindings] of [
        ['the examples and fixtures', examplesAndFixtures, true],
        // The benchmark's workspaces are clean: no findings, but every fact is asked.
        ['a generated workspace (20 files × 100 lines)', () => generateWorkspace({ files: 20, linesPerFile: 100 }).map((f: { name: string; text: string }) => ({ uri: `file:///gen/${f.name}`, text: f.text })), false],
        ['a generated file of 2,000 lines', () => generateWorkspace({ files: 1, linesPerFile: 2000 }).map((f: { name: string; text: string }) => ({ uri: `file:///gen/${f.name}`, text: f.text })), false],
    ] as const) {
        it(`equal the merged contributions and the incremental facts, with the same findings: ${label}`, async () => {
            const documents = await workspace(files());
            const facts = computeWorkspaceFacts(documents);
            const plain = plainFacts(documents);
            expect(expectSameFacts(facts, plain, documents)).toBeGreaterThan(50);
            expectSameFacts(new IncrementalWorkspaceFacts().update(documents), plain, documents);
            const findings = (f: WorkspaceFacts) => documents.filter(d => !isStdlibUri(d.uri.toString()))
                .map(document => runRules({ document: document as LangiumDocument<Model>, facts: f, comments: [] }));
            const found = findings(facts);
            expect(found).toEqual(findings(plain));
            if (withFindings) expect(found.flat().length).toBeGreaterThan(0);
        });
    }
});
