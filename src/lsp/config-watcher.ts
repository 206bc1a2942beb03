/**
 * Keeps the language server's rule configuration in step with the files on
 * disk: when a `coord.config.json` is created, changed or deleted, the cached
 * configurations are dropped before Langium's update revalidates every
 * document (the workspace-wide revalidation of `CoordDocumentBuilder`), so
 * what the editor shows follows the file as the CLI would read it.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { CoordCoreServices } from '../language/coord-module.js';
import { CONFIG_FILE_NAME } from '../validation/config.js';

/** Reloads the configuration of `coord` whenever a watched `coord.config.json` changes. */
export function watchConfigFiles(shared: LangiumSharedServices, coord: CoordCoreServices): void {
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.(params => {
        if (params.changes.some(c => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            coord.validation.ConfigProvider.reload();
        }
    });
}
