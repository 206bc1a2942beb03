/**
 * The server side of the summary preview over a real JSON-RPC connection:
 * `coord/summary` answers with the core's fragment and data, `coord/summaryExport`
 * with the same text as the CLI's renderers, an edit is followed by
 * `coord/summaryChanged` and a summary that reflects it, and bad parameters
 * are refused or ignored.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { registerSummaryHandlers } from '../../src/lsp/summary-handler.js';
import { renderSummaryCsv } from '../../src/analysis/summary-render/csv.js';
import { computeSummary, relativeFileNames } from '../../src/analysis/summary.js';
import {
    SummaryChangedNotification, SummaryExportRequest, SummaryRequest, type SummaryView,
} from '../../src/shared/summary-messages.js';

const MAIN = `programme FEST "Familias en su Tierra" { country Colombia sector productive }
programme UNIDOS { country Colombia sector social-protection }
coordination FEST_UNIDOS { between FEST, UNIDOS achieved low }
effects of FEST + UNIDOS { + savings - informal_loans }
`;

let cleanup: Array<() => void> = [];
afterEach(() => {
    cleanup.forEach(c => c());
    cleanup = [];
});

/**
 * Starts the Coord server on in-memory streams, initializes it and opens the
 * files, as VS Code does; resolves once the first build has been announced.
 */
async function serve(files: Record<string, string>): Promise<{ client: MessageConnection; shared: LangiumSharedServices; update: (name: string, text: string) => void }> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(toServer, toClient);
    const { shared, Coord } = createCoordLspServices({ connection, ...EmptyFileSystem });
    registerSummaryHandlers(shared, Coord, connection);
    startLanguageServer(shared);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    cleanup.push(() => client.dispose(), () => connection.dispose());
    await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
    await client.sendNotification('initialized', {});
    const versions = new Map<string, number>();
    for (const [name, text] of Object.entries(files)) {
        versions.set(name, 1);
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///ws/${name}`, languageId: 'coord', version: 1, text } });
    }
    const update = (name: string, text: string) => {
        const version = (versions.get(name) ?? 1) + 1;
        versions.set(name, version);
        void client.sendNotification('textDocument/didChange', { textDocument: { uri: `file:///ws/${name}`, version }, contentChanges: [{ text }] });
    };
    return { client, shared, update };
}

describe('coord/summary', () => {
    test('answers with the interactive fragment and the summary data', async () => {
        const { client } = await serve({ 'main.coord': MAIN });
        const view = await client.sendRequest<SummaryView>(SummaryRequest.method, {});
        expect(view.title).toBe('Effect summary — workspace');
        expect(view.html).toContain('data-uri="file:///ws/main.coord" data-line="4"');
        expect(view.html).toContain('<svg');
        expect(view.summary.counts).toMatchObject({ effects: 2, coordinations: 1 });
    });

    test('covers one file on request', async () => {
        const { client } = await serve({ 'main.coord': MAIN, 'other.coord': 'programme X { country P sector other }\neffects of X { + income }' });
        const view = await client.sendRequest<SummaryView>(SummaryRequest.method, { scope: 'file', uri: 'file:///ws/other.coord' });
        expect(view.title).toBe('Effect summary — other.coord');
        expect(view.summary.counts).toMatchObject({ effects: 1, coordinations: 0 });
    });

    test('follows an edit: a change notification, then the new summary', async () => {
        const { client, update } = await serve({ 'main.coord': MAIN });
        // The first answer comes after the first build and its notification.
        expect((await client.sendRequest<SummaryView>(SummaryRequest.method, {})).summary.counts).toMatchObject({ effects: 2 });
        const changed = new Promise<void>(resolve => client.onNotification(SummaryChangedNotification.method, () => resolve()));
        update('main.coord', MAIN.replace('- informal_loans', '- informal_loans ~ income'));
        await changed;
        const view = await client.sendRequest<SummaryView>(SummaryRequest.method, {});
        expect(view.summary.counts).toMatchObject({ effects: 3 });
        expect(view.html).toContain('no change');
    });

    test('ignores malformed parameters', async () => {
        const { client } = await serve({ 'main.coord': MAIN });
        const view = await client.sendRequest<SummaryView>(SummaryRequest.method, { scope: 42, uri: ['x'] });
        expect(view.title).toBe('Effect summary — workspace');
    });
});

describe('coord/summaryExport', () => {
    test('renders with the core renderers, as the CLI does', async () => {
        const { client, shared } = await serve({ 'main.coord': MAIN });
        const { text } = await client.sendRequest<{ text: string }>(SummaryExportRequest.method, { format: 'csv' });
        const documents = [...shared.workspace.LangiumDocuments.all];
        const expected = renderSummaryCsv(computeSummary(documents, { fileName: relativeFileNames(documents.map(d => d.uri.toString()).filter(u => u.startsWith('file:'))) }));
        expect(text).toBe(expected);
        expect(text.split('\r\n')[1]).toBe('main.coord,4,FEST+UNIDOS,finance,savings,+,desirable,,,,,,,,,,,,,very-low,');
    });

    test.each(['html', 'md', 'json', 'svg'])('exports %s', async format => {
        const { client } = await serve({ 'main.coord': MAIN });
        const { text } = await client.sendRequest<{ text: string }>(SummaryExportRequest.method, { format });
        expect(text.length).toBeGreaterThan(100);
        if (format === 'svg') expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        if (format === 'html') expect(text).toMatch(/^<!DOCTYPE html>/);
    });

    test('exports one forest plot by its index, and refuses an index out of range or on another format', async () => {
        const fictional = readFileSync(join(ROOT, 'examples', 'fictional-evidence.coord'), 'utf8');
        const { client } = await serve({ 'fictional.coord': fictional });
        const all = (await client.sendRequest<{ text: string }>(SummaryExportRequest.method, { format: 'forest' })).text;
        const second = (await client.sendRequest<{ text: string }>(SummaryExportRequest.method, { format: 'forest', index: 1 })).text;
        expect(second).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="forest-plot"/);
        expect((second.match(/<svg/g) ?? []).length).toBe(1);
        // The plot is one of the plots of the whole export (which stacks them).
        const title = /<title id="forest-title">([^<]*)<\/title>/.exec(second)![1];
        expect(all).toContain(`>${title}</title>`);
        expect((all.match(/class="forest-plot"/g) ?? []).length).toBeGreaterThan(1);
        await expect(client.sendRequest(SummaryExportRequest.method, { format: 'forest', index: 999 })).rejects.toThrow(/there is no forest plot 1000/);
        await expect(client.sendRequest(SummaryExportRequest.method, { format: 'csv', index: 0 })).rejects.toThrow(/only for format 'forest'/);
        await expect(client.sendRequest(SummaryExportRequest.method, { format: 'forest', index: -1 })).rejects.toThrow(/whole number/);
    });

    test('refuses an unknown format', async () => {
        const { client } = await serve({ 'main.coord': MAIN });
        await expect(client.sendRequest(SummaryExportRequest.method, { format: 'exe' })).rejects.toThrow(/unknown summary export format 'exe'/);
    });
});

describe('the live preview does not lay out a portfolio-sized network on the server thread', () => {
    const workspace = async (coordinations: number) => {
        const text = Array.from({ length: coordinations }, (_, i) =>
            `programme A${i} { country X sector productive }\nprogramme B${i} { country X sector social-protection }\ncoordination C${i} { between A${i}, B${i} }`).join('\n');
        const { Coord } = createCoordLspServices(EmptyFileSystem);
        const { buildWorkspace } = await import('../../src/language/coord-workspace-loader.js');
        return computeSummary((await buildWorkspace(Coord, [{ uri: 'file:///ws/ws.coord', text }])).documents);
    };

    test('above the limit the preview says how to draw it; below it, it draws it', async () => {
        const { summaryView, PREVIEW_NETWORK_LIMIT } = await import('../../src/lsp/summary-handler.js');
        const n = PREVIEW_NETWORK_LIMIT; // n coordinations of two programmes each: 3n nodes
        const big = await summaryView(await workspace(n), 'big');
        expect(big.html).toContain(`draws the network for up to ${PREVIEW_NETWORK_LIMIT} programmes and coordinations; this summary has ${3 * n}`);
        expect(big.html).not.toContain('<svg');
        const small = await summaryView(await workspace(2), 'small');
        expect(small.html).toContain('<svg');
        expect(small.html).not.toContain('draws the network');
    }, 120_000);
});
