/**
 * Loads the files a CLI command was given as one Coord workspace: discovers
 * and reads them (refusing binary and non-UTF-8 files), applies `--config` and
 * `--rule`, checks every configuration file that applies, and builds (parse,
 * link, validate) with the same services the language server uses.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCoordCoreServices, type CoordCoreServices } from '../language/coord-module.js';
import { buildWorkspace } from '../language/coord-workspace-loader.js';
import { ConfigError, parseRuleOverride } from '../validation/config.js';
import { RULE_IDS } from '../validation/registry.js';
import type { RuleId } from '../validation/rule-ids.js';
import type { Finding, SeveritySetting } from '../validation/rule.js';
import { CliError, discoverFiles, readSourceFile, type DiscoveredFile } from './files.js';
import { escapeControls } from '../analysis/summary-render/escape.js';

export interface WorkspaceOptions {
    paths: readonly string[];
    config?: string;
    rules?: readonly string[];
    cwd?: string;
    /** Called as files are read and documents reach each build phase (for a progress line). */
    onProgress?: (phase: 'reading' | 'indexing' | 'linking' | 'validating', done: number, total: number) => void;
}

export interface LoadedFile extends DiscoveredFile {
    text: string;
    document: LangiumDocument;
    findings: Finding[];
}

export interface LoadedWorkspace {
    services: CoordCoreServices;
    files: LoadedFile[];
    /**
     * Paths that could not be checked (missing, unreadable, binary, not UTF-8, not a
     * regular file…), one line each naming the path and the cause. The other files
     * were still checked; a command reports these on stderr and exits 2.
     */
    problems: string[];
}

export async function loadWorkspace(options: WorkspaceOptions): Promise<LoadedWorkspace> {
    // One build, no edits, no find-references: no reference index.
    const { Coord } = createCoordCoreServices(NodeFileSystem, { referenceIndex: false, reuseFindings: false });
    const provider = Coord.validation.ConfigProvider;
    try {
        if (options.config) provider.setExplicitConfigFile(path.resolve(options.cwd ?? process.cwd(), options.config), options.config);
        const overrides: Partial<Record<RuleId, SeveritySetting>> = {};
        for (const r of options.rules ?? []) {
            const [id, severity] = parseRuleOverride(r, RULE_IDS);
            overrides[id] = severity;
        }
        provider.setOverrides(overrides);
    } catch (e) {
        throw configCliError(e);
    }
    const problems: string[] = [];
    const discovered = await discoverFiles(options.paths, options.cwd, problems);
    const progress = options.onProgress;
    const texts: Array<{ file: DiscoveredFile; text: string }> = [];
    discovered.forEach((f, i) => {
        progress?.('reading', i, discovered.length);
        try {
            texts.push({ file: f, text: readSourceFile(f) });
        } catch (e) {
            if (!(e instanceof CliError)) throw e;
            problems.push(e.message);
        }
    });
    // Nothing left to check: the command cannot run (every problem on its own line).
    if (texts.length === 0) throw new CliError(problems.map(escapeControls).join('\ncoord: '));
    if (progress) {
        const total = discovered.length;
        const phases = [[DocumentState.IndexedContent, 'indexing'], [DocumentState.Linked, 'linking'], [DocumentState.Validated, 'validating']] as const;
        for (const [state, phase] of phases) {
            let done = 0;
            Coord.shared.workspace.DocumentBuilder.onDocumentPhase(state, document => {
                if (document.uri.scheme === 'file') progress(phase, ++done, total);
            });
        }
    }
    // Every config file that applies must be valid before anything is reported.
    for (const { file } of texts) {
        const { error } = provider.configFor(pathToFileURL(file.absolute).toString());
        if (error) throw configCliError(error);
    }
    const built = await buildWorkspace(Coord, texts.map(({ file, text }) => ({ uri: pathToFileURL(file.absolute).toString(), text })));
    const files = texts.map(({ file, text }, i) => ({
        ...file, text, document: built.documents[i], findings: built.findings(built.documents[i]),
    }));
    return { services: Coord, files, problems };
}

/**
 * Writes the paths that could not be checked to stderr, one line each; returns
 * true when there were any, and the command then exits 2 (after its report).
 */
export function reportFileProblems(problems: readonly string[], io: { stderr: { write(text: string): unknown } }): boolean {
    // Paths and causes may hold anything a file name can: one line each, nothing that drives a terminal.
    for (const problem of problems) io.stderr.write(`coord: ${escapeControls(problem)}\n`);
    return problems.length > 0;
}

function configCliError(e: unknown): Error {
    if (e instanceof ConfigError) {
        const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
        const key = e.key && !e.message.includes(e.key) ? `${e.key}: ` : '';
        return new CliError(`${where}${key}${e.message}`);
    }
    return e as Error;
}
