/**
 * Keeps the language server's rule configuration in step with the files on
 * disk: when the client reports a `coord.config.json` created, changed or
 * deleted, the cached configurations are dropped at once, and the update that
 * Langium runs for that report sends every validated document back to
 * validation (a config file is not a document, so nothing else would), so
 * what the editor shows follows the file as the CLI would read it.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CoordCoreServices } from '../language/coord-module.js';
import { CONFIG_FILE_NAME } from '../validation/config.js';

/** Reloads the configuration of `coord` and revalidates whenever a watched `coord.config.json` changes. */
export function watchConfigFiles(shared: LangiumSharedServices, coord: CoordCoreServices): void {
    let configChanged = false;
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.(params => {
        if (params.changes.some(c => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            coord.validation.ConfigProvider.reload();
            configChanged = true;
        }
    });
    const builder = shared.workspace.DocumentBuilder;
    // Update listeners run inside the workspace lock, before the update picks the documents to rebuild.
    builder.onUpdate(() => {
        if (!configChanged) return;
        configChanged = false;
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
        }
    });
}
