/**
 * The global scope reads names from the index as it is kept up to date
 * (CoordIndexManager's names, CoordScopeProvider), instead of building a hash
 * map of every symbol of the workspace again after every edit (issue 21: a
 * quarter of an edit's time in a workspace of 1,000 files). Checked two ways:
 * it answers exactly as Langium's `MultiMapScope` over `allElements` does, for
 * every name and reference type, after edits that add, rename, duplicate and
 * remove declarations across files (the first declaration by URI wins); and
 * linking after an edit never enumerates the index (counted).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MultiMapScope, URI } from 'langium';
import { editableServices } from '../helpers.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import type { CoordIndexManager } from '../../src/language/coord-workspace.js';

const A = 'file:///ws/a.coord', B = 'file:///ws/b.coord', C = 'file:///ws/c.coord';
const TYPES = ['Programme', 'Population', 'Body', 'Actor', 'Evaluation', 'Outcome', 'Domain', 'NamedDeclaration'];

function texts(step: number): Record<string, string> {
    return {
        [A]: `population pop "P"\nprogramme P1 { country Peru sector productive targets pop }\nbody node${step} { level national }\n`,
        // b.coord declares P1 again from step 1 (a duplicate: a.coord's comes first by URI).
        [B]: `${step >= 1 ? 'programme P1 { country Peru sector social-protection }\n' : ''}programme P2 { country Peru sector productive }\n`
            + `coordination co { between P1, P2 node node${step} }\n`,
        [C]: step >= 2 ? 'domain d0\noutcome income in d0\nprogramme P2 { country Chile sector other }\n' : 'domain d0\n',
    };
}

function describeAll(index: CoordIndexManager, scopeOf: (type: string) => ReturnType<typeof scopeFor>) {
    const names = new Set(index.allElements().map(d => d.name).toArray());
    names.add('nothing-of-the-kind');
    const out: string[] = [];
    for (const type of TYPES) {
        const ours = scopeOf(type);
        const theirs = new MultiMapScope(index.allElements(type));
        for (const name of [...names].sort()) {
            const a = ours.getElement(name), b = theirs.getElement(name);
            expect(a).toBe(b);
            expect(ours.getElements(name).toArray()).toEqual(theirs.getElements(name).toArray());
            out.push(`${type} ${name} ${b ? b.documentUri.path : '-'}`);
        }
        expect(ours.getAllElements().toArray()).toEqual(theirs.getAllElements().toArray());
    }
    return out;
}

function scopeFor(services: ReturnType<typeof editableServices>, type: string) {
    const provider = services.Coord.references.ScopeProvider as unknown as { getGlobalScope(type: string, context: unknown): import('langium').Scope };
    return provider.getGlobalScope(type, {});
}

describe('the global scope reads the index as it is', () => {
    afterEach(() => vi.restoreAllMocks());

    it('answers as a MultiMapScope over allElements would, after every edit', async () => {
        const services = editableServices(texts(0));
        await buildWorkspace(services.Coord, services.files);
        const index = services.shared.workspace.IndexManager as CoordIndexManager;
        const snapshots = [describeAll(index, type => scopeFor(services, type))];
        for (const step of [1, 2, 3]) {
            for (const [uri, text] of Object.entries(texts(step))) await services.edit(uri, text);
            snapshots.push(describeAll(index, type => scopeFor(services, type)));
        }
        // A file removed from the workspace takes its names with it.
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse(C)]);
        const after = describeAll(index, type => scopeFor(services, type));
        expect(after.some(line => line.includes('c.coord'))).toBe(false);
        // The duplicate P1 resolves to a.coord's (first by URI), and the renamed body to its new name.
        expect(snapshots[1]).toContain('Programme P1 /ws/a.coord');
        expect(snapshots[1]).toContain('Body node1 /ws/a.coord');
        expect(snapshots[1]).not.toContain('Body node0 /ws/a.coord');
        expect(snapshots[2]).toContain('Programme P2 /ws/b.coord');
    });

    it('links after an edit without enumerating the index', async () => {
        const services = editableServices(texts(1));
        await buildWorkspace(services.Coord, services.files);
        const index = services.shared.workspace.IndexManager as CoordIndexManager;
        const enumerations = vi.spyOn(index, 'allElements');
        const lookups = vi.spyOn(index, 'elementsNamed');
        await services.edit(B, texts(1)[B].replace('between P1, P2', 'between P2, P1'));
        expect(lookups).toHaveBeenCalled();
        // Only the standard library's and the rules' own reads, never one per reference type and build for the scope.
        const fromScope = enumerations.mock.calls.filter(([type]) => TYPES.includes(type as string));
        expect(fromScope).toEqual([]);
    });
});
