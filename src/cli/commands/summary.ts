/**
 * `coord summary [paths…]`: the effect summary of a workspace (§5) as a report
 * — Markdown (the default: tables that paste into a report or a CI job
 * summary), one self-contained HTML file, CSV (one row per effect, for
 * evidence-gap-map tools) or JSON. The model and the renderers live in the core
 * (`src/analysis/summary*.ts`), shared with the VS Code preview.
 */
import { t } from '../../i18n/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError } from '../files.js';
import { hasFormat, isStdout, refuseInputAsOutput } from '../report-file.js';
import { loadWorkspace, reportFileProblems } from '../workspace.js';
import { PROJECT_OPTIONS, projectUsage, resolveProject } from '../project.js';
import { watchRuns, watchUsage } from '../watch.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { computeSummary, type Summary } from '../../analysis/summary.js';
import { renderSummaryCsv } from '../../analysis/summary-render/csv.js';
import { renderSummaryHtml } from '../../analysis/summary-render/html.js';
import { renderSummaryJson } from '../../analysis/summary-render/json.js';
import { renderSummaryMarkdown } from '../../analysis/summary-render/markdown.js';
import { layoutNetwork, renderNetworkSvg } from '../../analysis/summary-render/network.js';

interface RenderOptions {
    title: string;
}

/** Output formats of `coord summary`: name → renderer. */
export const SUMMARY_FORMATS: Record<string, (summary: Summary, options: RenderOptions) => Promise<string> | string> = {
    md: (summary, o) => renderSummaryMarkdown(summary, o.title),
    html: async (summary, o) => renderSummaryHtml(summary, {
        title: o.title,
        networkSvg: summary.coordinations.length > 0 ? renderNetworkSvg(await layoutNetwork(summary)) : undefined,
        generator: t('report.generated', { tool: TOOL_NAME, version: TOOL_VERSION }),
    }),
    csv: summary => renderSummaryCsv(summary),
    json: summary => renderSummaryJson(summary, { name: TOOL_NAME, version: TOOL_VERSION }),
};

export const summaryCommand: Command = {
    name: 'summary',
    get summary() { return t('cli.front.summary.summary'); },
    get usage() {
        return t('cli.usage.summary', { formats: Object.keys(SUMMARY_FORMATS).join(' | '), project: projectUsage(), watch: watchUsage() });
    },
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('summary', args, {
            format: { type: 'string' },
            output: { type: 'string', short: 'o' },
            title: { type: 'string' },
            config: { type: 'string' },
            rule: { type: 'string', multiple: true },
            ...PROJECT_OPTIONS,
            watch: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        const format = values.format ?? 'md';
        const render = hasFormat(SUMMARY_FORMATS, format) ? SUMMARY_FORMATS[format] : undefined;
        if (!render) throw new CliError(`coord summary: ${t('cli.unknown-format', { format, formats: Object.keys(SUMMARY_FORMATS).join(', ') })}`);
        const project = resolveProject('summary', values, io.cwd);
        const once = async () => {
            const ws = await loadWorkspace({ paths: positionals, project, config: values.config, rules: values.rule, cwd: io.cwd });
            refuseInputAsOutput('summary', [values.output], [...ws.files, ...ws.context], io.cwd, ws.realPath);
            // Keyed by the document's own URI string: pathToFileURL spells some characters (a quote) differently.
            const display = new Map([...ws.context, ...ws.files].map(f => [f.document.uri.toString(), f.display]));
            const findings = new Map(ws.files.map(f => [f.document, f.findings]));
            const summary = computeSummary(ws.services.shared.workspace.LangiumDocuments.all, {
                fileName: uri => display.get(uri) ?? uri,
                findings: document => findings.get(document),
                // The project's other files resolve names; the summary covers the files named.
                ...(ws.context.length > 0 ? { focus: new Set(ws.files.map(f => f.document.uri.toString())) } : {}),
            });
            const text = await render(summary, { title: values.title ?? t('report.title') });
            if (!isStdout(values.output)) {
                try {
                    fs.writeFileSync(path.resolve(io.cwd, values.output!), text);
                } catch (e) {
                    throw new CliError(t('cli.summary.cannot-write', { file: values.output ?? '', cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
                }
            } else {
                io.stdout.write(text);
            }
            // Files that could not be read are named on stderr; the summary covers the others.
            return { ws, summary };
        };
        if (values.watch) {
            if (isStdout(values.output)) throw new CliError(`coord summary: ${t('cli.summary.watch-stdout')}`);
            return watchRuns('summary', { paths: positionals, project, cwd: io.cwd, io, outputs: [path.resolve(io.cwd, values.output!)] }, async () => {
                const { ws, summary } = await once();
                reportFileProblems(ws.problems, io);
                const c = summary.counts;
                return `${values.output} written (${ws.files.length} file${ws.files.length === 1 ? '' : 's'}, ${c.effects} effect${c.effects === 1 ? '' : 's'}, ${c.coordinations} coordination${c.coordinations === 1 ? '' : 's'})`;
            });
        }
        const { ws } = await once();
        return reportFileProblems(ws.problems, io) ? 2 : 0;
    },
};
