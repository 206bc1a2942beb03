/**
 * The algorithmic shape of a build, without timing: deterministic work
 * counters for a workspace and for one twice its size. Linking looks each
 * reference up in the index's hash map (one lookup per reference, no scan of
 * all names), and the rules read the workspace facts by key (iterating a facts
 * map is allowed only a bounded number of times per build, not per node). If a
 * change makes either grow faster than the input, doubling the input more than
 * doubles a counter and these tests fail.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type ReferenceInfo, type Scope } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import { isStdlibUri } from '../../src/language/stdlib.js';
import { observeFacts, type WorkspaceFacts } from '../../src/analysis/workspace-facts.js';

/** A valid cohort whose coordination `link` joins the previous cohort, in another file when there are several. */
function cohort(i: number, prev: number): string {
    return `population pop${i} "Households ${i}"
programme prod${i} "Productive ${i}" { country Peru sector productive ministry agriculture targets pop${i} }
programme soc${i} "Social ${i}" { country Peru sector social-protection targets pop${i} }
body node${i} { level national }
coordination coord${i} {
  between prod${i}, soc${i}
  node node${i}
  political-support strong
  local { role "Refers households" by soc${i} capacity "Extension staff" }
  incentive budget "Co-financing"
}
coordination link${i} {
  between prod${i}, soc${prev}
  political-support moderate
  local { role "Refers households" by soc${prev} stakeholder "Producer associations" }
  incentive budget "Co-financing"
  incentive targeting "Shared list"
}
evaluation eval${i} { method rct risk-of-bias low }
effects of prod${i} + soc${i} from eval${i} { + income ~ savings }
effects of soc${prev} + prod${i} from eval${i} { + savings }
`;
}

/** `files` files of `perFile` cohorts each. */
function workspace(files: number, perFile: number): Array<{ uri: string; text: string }> {
    const n = files * perFile;
    return Array.from({ length: files }, (_, f) => ({
        uri: `file:///ws/f${f}.coord`,
        text: Array.from({ length: perFile }, (_, u) => cohort(f * perFile + u, (f * perFile + u + n - 1) % n)).join(''),
    }));
}

interface Counters {
    references: number;
    stdlibReferences: number;
    scopes: number;
    lookups: number;
    scans: number;
    factsLookups: number;
    factsIterationSteps: number;
    findings: number;
}

/** Counts a map's lookups and the entries its iterations visit. */
function countingMap<K, V>(map: ReadonlyMap<K, V>, counters: Counters): ReadonlyMap<K, V> {
    return new Proxy(map as Map<K, V>, {
        get(target, prop) {
            const value = Reflect.get(target, prop, target);
            if (prop === 'get' || prop === 'has') {
                return (key: K) => { counters.factsLookups++; return (value as (k: K) => unknown).call(target, key); };
            }
            if (prop === 'entries' || prop === 'values' || prop === 'keys' || prop === Symbol.iterator || prop === 'forEach') {
                return function* (this: unknown, ...args: unknown[]) {
                    for (const x of (value as (...a: unknown[]) => Iterable<unknown>).apply(target, args) ?? []) {
                        counters.factsIterationSteps++;
                        yield x;
                    }
                };
            }
            return typeof value === 'function' ? value.bind(target) : value;
        },
    }) as ReadonlyMap<K, V>;
}

async function count(files: number, perFile: number): Promise<Counters> {
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const counters: Counters = { references: 0, stdlibReferences: 0, scopes: 0, lookups: 0, scans: 0, factsLookups: 0, factsIterationSteps: 0, findings: 0 };
    const scopeProvider = Coord.references.ScopeProvider;
    const getScope = scopeProvider.getScope.bind(scopeProvider);
    scopeProvider.getScope = (context: ReferenceInfo): Scope => {
        counters.scopes++;
        const scope = getScope(context);
        return {
            getElement: name => { counters.lookups++; return scope.getElement(name); },
            getElements: name => { counters.lookups++; return scope.getElements(name); },
            getAllElements: () => scope.getAllElements().map(d => { counters.scans++; return d; }),
        };
    };
    // Linking looks most names up directly (CoordScopeProvider.resolveGlobal): one look-up by name too.
    const direct = scopeProvider as unknown as { resolveGlobal(type: string, name: string): unknown };
    const resolveGlobal = direct.resolveGlobal.bind(direct);
    direct.resolveGlobal = (type, name) => { counters.lookups++; return resolveGlobal(type, name); };
    const validator = Coord.validation.DocumentValidator;
    const facts = validator.workspaceFacts.bind(validator);
    const wrapped = new WeakMap<WorkspaceFacts, WorkspaceFacts>();
    validator.workspaceFacts = () => {
        const f = facts();
        let w = wrapped.get(f);
        if (!w) {
            const observed = observeFacts(f, read => { if (read.fact !== 'everyDeclaration') counters.factsLookups++; });
            w = { ...observed, everyDeclaration: () => countingMap(observed.everyDeclaration(), counters) };
            wrapped.set(f, w);
        }
        return w;
    };
    const built = await buildWorkspace(Coord, workspace(files, perFile));
    for (const doc of Coord.shared.workspace.LangiumDocuments.all) {
        counters.references += doc.references.length;
        if (isStdlibUri(doc.uri.toString())) counters.stdlibReferences += doc.references.length;
    }
    for (const doc of built.documents) counters.findings += built.findings(doc).length;
    return counters;
}

describe('linear work', () => {
    it('links each reference with one hash lookup and never scans all names', async () => {
        const small = await count(4, 10);
        const large = await count(8, 10);
        expect(small.findings).toBe(0);
        expect(large.findings).toBe(0);
        expect(small.scans).toBe(0);
        expect(large.scans).toBe(0);
        expect(small.lookups).toBe(small.references);
        expect(large.lookups).toBe(large.references);
        // Twice the workspace, twice the references (less the standard library's own), twice the lookups.
        expect(large.lookups - small.lookups).toBe(small.lookups - small.stdlibReferences);
    });

    it('doubles, not quadruples, the rules\' reads of the workspace facts when the workspace doubles', async () => {
        for (const [a, b] of [[await count(4, 10), await count(8, 10)], [await count(1, 40), await count(1, 80)]]) {
            expect(b.factsLookups).toBeLessThanOrEqual(2.1 * a.factsLookups);
            expect(b.factsIterationSteps).toBeLessThanOrEqual(2.1 * a.factsIterationSteps + 10);
        }
    });
});
