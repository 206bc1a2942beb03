/**
 * What the language server keeps per declaration of an open document (issue
 * 21, fault 7: one 20 MB didChange left the process at 2 GB; measured here,
 * 518,519 declarations held 3.6 GB, about 6 KB each). A third of it was the
 * validator's cache of reused findings: for every declaration, a map with an
 * empty list for each of the ~30 rules. The cache now holds only the rules
 * that reported, and declarations with nothing reported share one empty map.
 * Counted, not timed: the cache entries of a 5,000-declaration document.
 */
import { EmptyFileSystem, URI, type AstNode } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import type { CachedDeclaration } from '../../src/validation/engine.js';
import type { Model } from '../../src/language/generated/ast.js';

describe('the validator\'s cache of a large open document', () => {
    test('holds no empty list per rule, and one shared map for the declarations that reported nothing', async () => {
        const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uri = 'file:///ws/large.coord';
        const n = 5000;
        // Populations (each reported: never targeted) and programmes that target them (nothing to report on most).
        const text = Array.from({ length: n / 2 }, (_, i) => `population p${i} "Population ${i}"\nprogramme P${i} "P ${i}" {\n  country Peru\n  sector other\n  targets p${i}\n}\n`).join('');
        const document = TextDocument.create(uri, 'coord', 1, text);
        shared.workspace.TextDocuments!.set(document);
        shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
        await shared.workspace.DocumentBuilder.waitUntil(6 /* Validated */, URI.parse(uri));
        await shared.workspace.WorkspaceLock.read(() => undefined);
        const validator = Coord.validation.DocumentValidator as unknown as { reports: WeakMap<AstNode, CachedDeclaration> };
        const model = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.parseResult.value as Model;
        expect(model.declarations).toHaveLength(n);
        const maps = new Set<unknown>();
        let cached = 0;
        let lists = 0;
        for (const declaration of model.declarations) {
            const entry = validator.reports.get(declaration);
            if (!entry) continue;
            cached++;
            maps.add(entry.reports);
            for (const list of entry.reports.values()) {
                lists++;
                expect(list.length).toBeGreaterThan(0);
            }
        }
        expect(cached).toBe(n);
        // The declarations that reported something have a map of their own; all the others share one.
        const reporting = model.declarations.filter(d => (validator.reports.get(d)?.reports.size ?? 0) > 0).length;
        expect(maps.size).toBe(reporting + 1);
        expect(reporting).toBeLessThan(n);
        // About one list per reporting declaration, not one per rule and declaration (~30 × 5,000).
        expect(lists).toBeLessThan(3 * reporting + 1);
    }, 120_000);
});

describe('a document larger than Coord reads', () => {
    test('is not parsed: one finding says so, as coord check refuses the file, and it is parsed again once small', async () => {
        const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uri = 'file:///ws/huge.coord';
        const open = async (version: number, text: string) => {
            const document = TextDocument.create(uri, 'coord', version, text);
            shared.workspace.TextDocuments!.set(document);
            shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
            await shared.workspace.DocumentBuilder.waitUntil(6 /* Validated */, URI.parse(uri));
            await shared.workspace.WorkspaceLock.read(() => undefined);
            const doc = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
            return { model: doc.parseResult.value as Model, findings: Coord.validation.DocumentValidator.getFindings(doc) ?? [] };
        };
        const line = 'population p "A population"\n';
        const small = await open(1, line);
        expect(small.model.declarations).toHaveLength(1);
        // 17 MB of declarations (issue 21: one 20 MB didChange took the server to 2 GB).
        const huge = await open(2, line.repeat(Math.ceil(17 * 1048576 / line.length)));
        expect(huge.model.declarations).toEqual([]);
        expect(huge.findings.map(f => [f.rule, f.severity, f.range.start.line])).toEqual([['syntax', 'error', 0]]);
        expect(huge.findings[0].message).toMatch(/^file too large \(17\.0 MB; Coord reads files up to 16 MB\)/);
        // Multi-byte characters count as the CLI counts a file's bytes: 6 M characters of 3 bytes is 18 MB.
        const wide = await open(3, `population p "${'€'.repeat(6 * 1048576)}"\n`);
        expect(wide.findings[0]?.message).toMatch(/^file too large \(18\.0 MB/);
        const again = await open(4, `${line}population q "B"\n`);
        expect(again.model.declarations).toHaveLength(2);
        expect(again.findings.map(f => f.rule)).not.toContain('syntax');
    }, 120_000);
});
