/**
 * The custom LSP messages of the effect summary preview, between the Coord
 * language server (`src/lsp/summary-handler.ts`) and the VS Code extension
 * (`src/extension/preview.ts`). Each message has a doc comment saying who sends
 * it and what it carries. Only `vscode-jsonrpc` is imported, so that both sides
 * can use this file.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import { SUMMARY_CHANGED_METHOD, SUMMARY_EXPORT_METHOD, SUMMARY_METHOD } from './message-names.js';

/**
 * What a summary covers: the whole workspace (the default), or one file with
 * the declarations it references (`scope: 'file'` and its `uri`).
 */
export interface SummaryParams {
    uri?: string;
    scope?: 'workspace' | 'file';
}

/** The effect summary as the preview shows it. */
export interface SummaryView {
    /** A heading for the view: the file's or the workspace's name. */
    title: string;
    /**
     * The summary as an HTML fragment rendered by the core (every string from
     * the user's files escaped; effects, coordinations and network nodes carry
     * `data-uri`/`data-line` for revealing the source; no script, no style).
     */
    html: string;
    /** The summary data of §5 (`Summary` in src/analysis/summary.ts), for other clients. */
    summary: { counts: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * `coord/summary` (client → server): the effect summary of the workspace or of
 * one file, computed from the server's current documents (what the user is
 * typing, not what is saved).
 */
export const SummaryRequest = new RequestType<SummaryParams, SummaryView, void>(SUMMARY_METHOD);

/** The formats the preview can export. */
export const SUMMARY_EXPORT_FORMATS = ['html', 'md', 'csv', 'json', 'svg', 'forest'] as const;
export type SummaryExportFormat = (typeof SUMMARY_EXPORT_FORMATS)[number];

/**
 * `coord/summaryExport` (client → server): the summary rendered by the same
 * core renderers as `coord summary --format …`, the coordination network as
 * a standalone SVG (`svg`), or (v2) the forest plots as one SVG (`forest`),
 * or one of them (`forest` with its `index`).
 */
export const SummaryExportRequest = new RequestType<SummaryExportParams, { text: string }, void>(SUMMARY_EXPORT_METHOD);

/** What to export: a format, and for `forest` optionally one plot by its index in the summary's `forestPlots`. */
export type SummaryExportParams = SummaryParams & { format: SummaryExportFormat; index?: number };

/**
 * `coord/summaryChanged` (server → client): sent after every build of the
 * workspace (an edit, a saved or deleted file), so that an open preview asks
 * for the summary again.
 */
export const SummaryChangedNotification = new NotificationType<Record<string, never>>(SUMMARY_CHANGED_METHOD);
