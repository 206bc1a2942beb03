/**
 * CoordLinker resolves each reference of a document without local symbols by
 * looking its name up in the index directly (`CoordScopeProvider.resolveGlobal`),
 * instead of `getScope(info).getElement(name)` for each of a workspace's 40,000
 * references (linking, seventh round). Checked against Langium's own
 * `DefaultScopeProvider` (its walk up the containers and its `MultiMapScope`
 * over `allElements`), and against the same services linking through
 * `doLink`, reference by reference: the target, the description, and the
 * linking error's message, on the examples, every fixture, broken input, a
 * bench workspace, duplicate names across files and a name of the wrong type;
 * and in a language-server-like session after edits, renames and deletions.
 */
import { describe, expect, it, vi } from 'vitest';
import { DefaultScopeProvider, EmptyFileSystem, URI, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { collectReferences } from '../../src/language/coord-linker.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../bench/generate.mjs';
import { editableServices } from '../helpers.js';

type Services = ReturnType<typeof createCoordCoreServices>;
type RawReference = Reference & { _ref?: unknown; _nodeDescription?: unknown };

/** Every reference of the documents: where it sits, and what it resolved to (target, description, error). */
function resolutions(documents: readonly LangiumDocument[]): string[] {
    const out: string[] = [];
    for (const doc of documents) {
        for (const info of collectReferences(doc.parseResult.value)) {
            const ref = info.reference as RawReference;
            const target = ref._ref as (AstNode & { name?: string }) | { message: string } | undefined;
            const description = ref.$nodeDescription;
            const at = `${doc.uri.path} ${info.container.$type}.${info.property}[${info.index ?? '-'}] '${ref.$refText}'`;
            const where = description ? `${description.documentUri.path}#${description.path} ${description.type} ${description.name}` : '-';
            const what = target === undefined ? 'unlinked' : '$type' in target ? `${target.$type} ${target.name}` : `error: ${target.message}`;
            out.push(`${at} -> ${what} | ${where}`);
        }
    }
    return out;
}

/** What Langium's own scope provider answers for every reference of the documents, as {@link resolutions} prints it. */
function langiumResolutions(services: Services, documents: readonly LangiumDocument[]): string[] {
    const plain = new DefaultScopeProvider(services.Coord);
    const reflection = services.shared.AstReflection;
    const out: string[] = [];
    for (const doc of documents) {
        for (const info of collectReferences(doc.parseResult.value)) {
            const ref = info.reference as RawReference;
            const description = plain.getScope(info).getElement(ref.$refText);
            const at = `${doc.uri.path} ${info.container.$type}.${info.property}[${info.index ?? '-'}] '${ref.$refText}'`;
            const where = description ? `${description.documentUri.path}#${description.path} ${description.type} ${description.name}` : '-';
            const target = description?.node as (AstNode & { name?: string }) | undefined;
            const what = description
                ? `${target!.$type} ${target!.name}`
                : `error: Could not resolve reference to ${reflection.getReferenceType(info)} named '${ref.$refText}'.`;
            out.push(`${at} -> ${what} | ${where}`);
            // The same description object, not merely an equal one.
            if (description) expect(ref.$nodeDescription).toBe(description);
        }
    }
    return out;
}

/** The same services, linking every reference through Langium's `doLink` (the scope provider declines to answer directly). */
function plainServices(): Services {
    const services = createCoordCoreServices(EmptyFileSystem);
    (services.Coord.references.ScopeProvider as unknown as { resolvesDirectly(): boolean }).resolvesDirectly = () => false;
    return services;
}

function corpus(): Array<{ uri: string; text: string }> {
    const root = join(__dirname, '..', '..');
    const files = readdirSync(join(root, 'examples')).filter(f => f.endsWith('.coord'))
        .map(f => ({ uri: `file:///ex/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8') }));
    const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
        .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.coord') ? [join(folder, e.name)] : []);
    for (const path of walk(join(root, 'test', 'fixtures'))) files.push({ uri: `file:///fx/${String(files.length).padStart(4, '0')}.coord`, text: readFileSync(path, 'utf8') });
    files.push({ uri: 'file:///ex/broken.coord', text: 'coordination C { between A, B\n local { role "x" by ' });
    files.push({ uri: 'file:///ex/broken2.coord', text: 'evaluation E { effects of A + B versus C from E { outcome O size 1 ci 0..2 n 5 followup 3 months } effects of' });
    // Duplicates across files (the first by URI wins), a name of the wrong type, a missing name.
    files.push({ uri: 'file:///dup/a.coord', text: 'population twin "A"\nprogramme Twin { country Peru sector productive targets twin }\ndomain d1\n' });
    files.push({ uri: 'file:///dup/b.coord', text: 'programme Twin { country Chile sector other targets d1 }\npopulation twin "B"\ncoordination co { between Twin, Twin, Nobody node twin }\n' });
    for (const { name, text } of (generateWorkspace as (spec: { files: number; linesPerFile: number }) => Array<{ name: string; text: string }>)({ files: 12, linesPerFile: 100 })) files.push({ uri: `file:///bench/${name}`, text });
    return files;
}

describe('direct resolution of references', () => {
    it('resolves every reference as Langium\'s scope provider and doLink do', async () => {
        const files = corpus();
        const ours = createCoordCoreServices(EmptyFileSystem);
        const direct = vi.spyOn(ours.Coord.references.ScopeProvider as unknown as { resolveGlobal(type: string, name: string): unknown }, 'resolveGlobal');
        const built = await buildWorkspace(ours.Coord, files);
        // The direct path is the one taken (at least once per reference of the workspace; the standard library is linked too), not Langium's.
        expect(direct.mock.calls.length).toBeGreaterThanOrEqual(built.documents.reduce((n, d) => n + collectReferences(d.parseResult.value).length, 0));
        const actual = resolutions(built.documents);
        expect(actual).toEqual(langiumResolutions(ours, built.documents));

        const plain = plainServices();
        const builtPlain = await buildWorkspace(plain.Coord, files);
        expect(actual).toEqual(resolutions(builtPlain.documents));

        // The corpus exercises what it should: many references, unresolved ones, duplicates resolved to the first by URI.
        expect(actual.length).toBeGreaterThan(500);
        expect(actual.filter(l => l.includes('error: Could not resolve')).length).toBeGreaterThan(5);
        expect(actual).toContain('/dup/b.coord BetweenProperty.programmes[1] \'Twin\' -> Programme Twin | /dup/a.coord#/declarations@1 Programme Twin');
        expect(actual).toContain('/dup/b.coord NodeProperty.body[-] \'twin\' -> error: Could not resolve reference to Body named \'twin\'. | -');
        expect(actual.some(l => l.startsWith('/dup/b.coord TargetsProperty.populations') && l.includes('error: Could not resolve reference to Population named \'d1\''))).toBe(true);
    });

    it('resolves as Langium does after edits, renames and deletions', async () => {
        const A = 'file:///ws/a.coord', B = 'file:///ws/b.coord', C = 'file:///ws/c.coord';
        const steps: Array<Record<string, string>> = [
            {
                [A]: 'population pop "P"\nprogramme P1 { country Peru sector productive targets pop }\nbody hub { level national }\n',
                [B]: 'programme P2 { country Peru sector productive }\ncoordination co { between P1, P2 node hub }\n',
                [C]: 'domain d0\noutcome income in d0\n',
            },
            // b declares P1 again (a's stays first), the body is renamed (the reference breaks).
            { [B]: 'programme P1 { country Chile sector other }\nprogramme P2 { country Peru sector productive }\ncoordination co { between P1, P2 node hub }\n', [A]: 'population pop "P"\nprogramme P1 { country Peru sector productive targets pop }\nbody centre { level national }\n' },
            // a's P1 goes: b's now wins; the reference follows the renamed body.
            { [A]: 'population pop "P"\nbody centre { level national }\n', [B]: 'programme P1 { country Chile sector other targets pop }\nprogramme P2 { country Peru sector productive }\ncoordination co { between P1, P2 node centre }\n' },
        ];
        const ours = editableServices(steps[0]);
        const plain = editableServices(steps[0]);
        (plain.Coord.references.ScopeProvider as unknown as { resolvesDirectly(): boolean }).resolvesDirectly = () => false;
        await buildWorkspace(ours.Coord, ours.files);
        await buildWorkspace(plain.Coord, plain.files);
        const docs = (s: typeof ours) => s.shared.workspace.LangiumDocuments.all.toArray().sort((x, y) => x.uri.toString().localeCompare(y.uri.toString()));
        const compare = () => {
            const actual = resolutions(docs(ours));
            expect(actual).toEqual(langiumResolutions(ours, docs(ours)));
            expect(actual).toEqual(resolutions(docs(plain)));
            return actual;
        };
        const seen = [compare()];
        for (const step of steps.slice(1)) {
            for (const [uri, text] of Object.entries(step)) { await ours.edit(uri, text); await plain.edit(uri, text); }
            seen.push(compare());
        }
        // Delete c.coord: its names go with it.
        for (const s of [ours, plain]) await s.shared.workspace.DocumentBuilder.update([], [URI.parse(C)]);
        await ours.edit(B, steps[2][B] + 'outcome gone in d0\n');
        await plain.edit(B, steps[2][B] + 'outcome gone in d0\n');
        seen.push(compare());
        expect(seen[1].some(l => l.includes('\'hub\' -> error'))).toBe(true);
        expect(seen[2].some(l => l.includes('BetweenProperty.programmes[0] \'P1\' -> Programme P1 | /ws/b.coord'))).toBe(true);
        expect(seen[3].some(l => l.includes('\'d0\' -> error'))).toBe(true);
    });
});
