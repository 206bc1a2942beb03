/**
 * The names of Coord's custom messages and of the command the server's code
 * lens runs, as plain strings with no import: the typed messages
 * (`custom-messages.ts`, `summary-messages.ts`) are built from them, and the
 * extension's entry bundle, which must stay small so that VS Code can hand it
 * a restored preview early (`src/extension/extension.ts`), sends and
 * registers by these names without loading `vscode-jsonrpc`.
 */

/** `coord/stdlib`: see `StdlibRequest`. */
export const STDLIB_METHOD = 'coord/stdlib';
/** `coord/summary`: see `SummaryRequest`. */
export const SUMMARY_METHOD = 'coord/summary';
/** `coord/summaryExport`: see `SummaryExportRequest`. */
export const SUMMARY_EXPORT_METHOD = 'coord/summaryExport';
/** `coord/summaryChanged`: see `SummaryChangedNotification`. */
export const SUMMARY_CHANGED_METHOD = 'coord/summaryChanged';

/** The command the "Open effect summary" code lens runs (implemented by the extension's preview). */
export const OPEN_SUMMARY_TO_SIDE_COMMAND = 'coord.openSummaryToSide';
