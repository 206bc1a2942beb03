/**
 * A language-server session for incremental-update tests: open files, edit them
 * as an editor does (one incremental change per edit, through the workspace
 * lock; an edit not awaited is cancelled by the next, as when typing), and
 * compare every file's findings with a fresh build of the same texts.
 */
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { createStdlibDocument } from '../../src/language/coord-workspace.js';
import type { Finding } from '../../src/validation/rule.js';
import { Workbench } from './harness.js';

export const uriOf = (name: string) => `file:///ws/${name}`;
const normalise = (findings: readonly Finding[] | undefined) =>
    (findings ?? []).map(f => JSON.stringify([f.rule, f.severity, f.message, f.range, f.related.map(r => [r.uri, r.range, r.message])])).sort();

/** A language-server session: open files, then whole-text edits sent as one incremental change each. */
export function session() {
    const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
    shared.workspace.LangiumDocuments.addDocument(createStdlibDocument(shared.workspace.LangiumDocumentFactory));
    const docs = shared.workspace.TextDocuments!;
    const texts = new Map<string, string>();
    const update = (changed: string[], deleted: string[] = []) => shared.workspace.WorkspaceLock.write(token =>
        shared.workspace.DocumentBuilder.update(changed.map(n => URI.parse(uriOf(n))), deleted.map(n => URI.parse(uriOf(n))), token));
    return {
        shared,
        Coord,
        texts,
        async open(files: Record<string, string>) {
            for (const [name, text] of Object.entries(files)) {
                docs.set(TextDocument.create(uriOf(name), 'coord', 1, text));
                texts.set(name, text);
            }
            await update(Object.keys(files));
        },
        /** Replaces the text of a file (one change spanning what differs); `await` for the build, or not (the next edit cancels it). */
        edit(name: string, next: string): Promise<void> {
            const doc = docs.get(uriOf(name)) as TextDocument;
            const before = doc.getText();
            let s = 0;
            while (s < before.length && s < next.length && before[s] === next[s]) s++;
            let e = 0;
            while (e < before.length - s && e < next.length - s && before[before.length - 1 - e] === next[next.length - 1 - e]) e++;
            docs.set(TextDocument.update(doc, [{ range: { start: doc.positionAt(s), end: doc.positionAt(before.length - e) }, text: next.slice(s, next.length - e) }], doc.version + 1));
            texts.set(name, next);
            return update([name]);
        },
        async remove(name: string) {
            docs.delete(uriOf(name));
            texts.delete(name);
            await update([], [name]);
        },
        /** Each file's findings here and in a fresh build of the same texts. */
        async compare() {
            await shared.workspace.WorkspaceLock.write(() => undefined);
            const built = await new Workbench().build(Object.fromEntries([...texts].sort(([a], [b]) => (a < b ? -1 : 1))));
            const incremental: Record<string, string[]> = {}, fresh: Record<string, string[]> = {};
            for (const b of built) {
                fresh[b.name] = normalise(b.findings);
                incremental[b.name] = normalise(Coord.validation.DocumentValidator.getFindings(shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf(b.name)))!));
            }
            return { incremental, fresh };
        },
    };
}

