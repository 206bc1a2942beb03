/**
 * The language server's side of the effect summary preview: answers
 * `coord/summary` (the summary of the current documents as an HTML fragment
 * plus the data) and `coord/summaryExport` (the same core renderers as
 * `coord summary`, and the network as SVG), and sends `coord/summaryChanged`
 * after every build so that an open preview follows the user's typing. The
 * summary is computed under the workspace read lock, so it always sees a
 * finished build; the ELK layout runs after, on plain data.
 */
import { t } from '../i18n/index.js';
import { renderForestPlotsSvg, renderForestSvg } from '../analysis/summary-render/forest.js';
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { computeSummary, relativeFileNames, type Summary } from '../analysis/summary.js';
import { renderSummaryCsv } from '../analysis/summary-render/csv.js';
import { renderSummaryBody, renderSummaryHtml } from '../analysis/summary-render/html.js';
import { renderSummaryJson } from '../analysis/summary-render/json.js';
import { renderSummaryMarkdown } from '../analysis/summary-render/markdown.js';
import { layoutNetwork, renderNetworkSvg } from '../analysis/summary-render/network.js';
import { isStdlibUri } from '../language/stdlib.js';
import type { CoordCoreServices } from '../language/coord-module.js';
import {
    SUMMARY_EXPORT_FORMATS, SummaryChangedNotification, SummaryExportRequest, SummaryRequest,
    type SummaryExportFormat, type SummaryExportParams, type SummaryParams, type SummaryView,
} from '../shared/summary-messages.js';

/** The summary of the given documents as the preview asks for it (pure; exported for tests). */
export function summaryOf(documents: readonly LangiumDocument[], Coord: CoordCoreServices, params: SummaryParams): { summary: Summary; title: string } {
    const userUris = documents.map(d => d.uri.toString()).filter(u => !isStdlibUri(u));
    const fileName = relativeFileNames(userUris);
    const focus = params.scope === 'file' && params.uri ? params.uri : undefined;
    const summary = computeSummary(documents, {
        fileName,
        findings: document => Coord.validation.DocumentValidator.getFindings(document),
        focus,
    });
    const title = focus ? t('report.title.file', { file: fileName(focus) }) : t('report.title.workspace');
    return { summary, title };
}

/** The preview's view of a summary: the interactive HTML fragment with the laid-out network. */
/**
 * The live preview lays the network out only up to this many programmes and
 * coordinations: ELK runs on the server's one thread, and a portfolio-sized
 * layout (seconds to minutes) would stall every other request while the user
 * types. The SVG export and `coord summary` still draw any size on demand.
 */
export const PREVIEW_NETWORK_LIMIT = 300;

export async function summaryView(summary: Summary, title: string): Promise<SummaryView> {
    const size = summary.coordinations.length + summary.programmes.length;
    const networkSvg = summary.coordinations.length === 0 ? undefined
        : size > PREVIEW_NETWORK_LIMIT
            ? `<p class="note">The live preview draws the network for up to ${PREVIEW_NETWORK_LIMIT} programmes and coordinations; this summary has ${size}. Export the diagram as SVG, or run <code>coord summary --format html</code>, to draw it.</p>`
            : renderNetworkSvg(await layoutNetwork(summary), { interactive: true });
    return {
        title,
        html: renderSummaryBody(summary, { interactive: true, networkSvg }),
        summary: summary as unknown as SummaryView['summary'],
    };
}

/** The text of an export, rendered by the core renderers. */
export async function summaryExport(summary: Summary, title: string, format: SummaryExportFormat, index?: number): Promise<string> {
    switch (format) {
        case 'md': return renderSummaryMarkdown(summary, title);
        case 'csv': return renderSummaryCsv(summary);
        case 'json': return renderSummaryJson(summary);
        case 'forest': {
            if (index === undefined) return renderForestPlotsSvg(summary.forestPlots);
            const plot = summary.forestPlots[index];
            if (!plot) throw new Error(`there is no forest plot ${index + 1} (the summary has ${summary.forestPlots.length})`);
            return renderForestSvg(plot) + '\n';
        }
        case 'svg': return renderNetworkSvg(await layoutNetwork(summary), { title: t('report.network.of', { title }) }) + '\n';
        case 'html': return renderSummaryHtml(summary, {
            title,
            networkSvg: summary.coordinations.length > 0 ? renderNetworkSvg(await layoutNetwork(summary)) : undefined,
        });
    }
}

/** Registers the summary requests and the change notification on the server's connection. */
export function registerSummaryHandlers(shared: LangiumSharedCoreServices, Coord: CoordCoreServices, connection: Connection): void {
    const compute = async (params: SummaryParams) => {
        await shared.workspace.WorkspaceManager.ready;
        return shared.workspace.WorkspaceLock.read(() => summaryOf([...shared.workspace.LangiumDocuments.all], Coord, validParams(params)));
    };
    // The method names, not the RequestType objects: vscode-languageserver bundles its own vscode-jsonrpc.
    connection.onRequest(SummaryRequest.method, async (params: SummaryParams): Promise<SummaryView> => {
        const { summary, title } = await compute(params);
        return summaryView(summary, title);
    });
    connection.onRequest(SummaryExportRequest.method, async (params: SummaryExportParams): Promise<{ text: string }> => {
        const format = params?.format;
        if (!SUMMARY_EXPORT_FORMATS.includes(format)) throw new Error(`unknown summary export format '${String(format)}'`);
        const index = params.index;
        if (index !== undefined && (format !== 'forest' || typeof index !== 'number' || !Number.isInteger(index) || index < 0)) {
            throw new Error('an export index is a whole number, and only for format \'forest\'');
        }
        const { summary, title } = await compute(params);
        return { text: await summaryExport(summary, title, format, index) };
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(SummaryChangedNotification.method, {});
    });
}

/** Keeps only well-formed parameters (a client may send anything). */
function validParams(params: unknown): SummaryParams {
    const p = (params ?? {}) as Record<string, unknown>;
    const uri = typeof p.uri === 'string' ? p.uri : undefined;
    const scope = p.scope === 'file' && uri !== undefined ? 'file' : 'workspace';
    return uri !== undefined ? { uri: URI.parse(uri).toString(), scope } : { scope };
}
