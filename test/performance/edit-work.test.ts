/**
 * An edit's cross-file bookkeeping does not grow with the workspace (issue 21:
 * in the 1,000-file workspace, merging every document's share of the workspace
 * facts and scanning every document for the changed names were a third of the
 * time from an edit to its diagnostics). Counted, not timed: the declarations
 * the workspace facts and the change tracker's index take out and put in, and
 * the contributions the tracker scans, for the same edit in a workspace of 20
 * and of 80 files (after a first edit, which builds the tracker's index).
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';
import type { CoordChangeTracker } from '../../src/analysis/change-tracker.js';
import { editableServices } from '../helpers.js';

/** A file of the workspace: a programme, a population it targets, and a coordination with the next file's programme. */
function file(i: number, n: number, target = `pop${i}`): string {
    return `population pop${i} "Population ${i}"\nprogramme P${i} { country Peru sector productive targets ${target} }\n` +
        `coordination C${i} { between P${i}, P${(i + 1) % n} }\n`;
}

async function editWork(n: number) {
    const files = Object.fromEntries(Array.from({ length: n }, (_, i) => [`file:///ws/f${String(i).padStart(3, '0')}.coord`, file(i, n)]));
    const { Coord, shared, files: initial, edit } = editableServices(files);
    await buildWorkspace(Coord, initial);
    // A first edit: the tracker builds its index of names on the first question that needs it.
    await edit('file:///ws/f005.coord', file(5, n, 'pop4'));
    const facts = Coord.validation.DocumentValidator.incrementalFacts.sync.counts;
    const tracker = shared.workspace.ChangeTracker as CoordChangeTracker;
    const before = { facts: { ...facts }, index: { ...tracker.indexCounts }, scans: { ...tracker.scans } };
    // An edit that changes what another file can see: P5 now targets the next file's population.
    await edit('file:///ws/f005.coord', file(5, n, 'pop6'));
    return {
        facts: { added: facts.added - before.facts.added, removed: facts.removed - before.facts.removed },
        index: { added: tracker.indexCounts.added - before.index.added, removed: tracker.indexCounts.removed - before.index.removed },
        scans: tracker.scans.declarations - before.scans.declarations + tracker.scans.documents - before.scans.documents,
    };
}

describe('the work of an edit', () => {
    it('takes out and puts in the edited declarations only, whatever the number of files', async () => {
        const small = await editWork(20);
        const large = await editWork(80);
        // The edited file is parsed again whole (three declarations out, three in).
        expect(small.facts).toEqual({ added: 3, removed: 3 });
        expect(small.index).toEqual({ added: 3, removed: 3 });
        expect(large).toEqual(small);
        expect(large.scans).toBe(0);
    }, 60_000);
});
