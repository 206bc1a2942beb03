/**
 * Loads the files a CLI command was given as one Coord workspace: discovers
 * and reads them (refusing binary and non-UTF-8 files), applies `--config` and
 * `--rule`, checks every configuration file that applies, and builds (parse,
 * link, validate) with the same services the language server uses. With a
 * project folder (`project.ts`), every `.coord` file under it joins the
 * workspace so that names resolve, while only the files named are reported.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCoordCoreServices, type CoordCoreServices } from '../language/coord-module.js';
import { buildWorkspace } from '../language/coord-workspace-loader.js';
import { createStdlibDocument } from '../language/coord-workspace.js';
import { ConfigError, isIgnored, parseRuleOverride, type RuleConfig } from '../validation/config.js';
import type { CoordConfigProvider } from '../validation/config-provider.js';
import { CoordNodeContext } from '../validation/config-node.js';
import { RULE_IDS } from '../validation/registry.js';
import type { RuleId } from '../validation/rule-ids.js';
import type { Finding, SeveritySetting } from '../validation/rule.js';
import { belongsToProject } from './project.js';
import { tierCapFor } from './tiering.js';
import { CliError, discoverFiles, DiscoveryCache, displayPath, readSourceFile, type DiscoveredFile, type IgnoreTest } from './files.js';
import { escapeControls } from '../analysis/summary-render/escape.js';

export interface WorkspaceOptions {
    paths: readonly string[];
    /**
     * The project folder (absolute): its `.coord` files join the workspace as
     * context, so that names resolve against them, but are not reported. Absent:
     * the files named are the whole workspace.
     */
    project?: string;
    /** Text read from standard input, checked as if it were the file `filename` (which need not exist). */
    stdin?: { text: string; filename?: string };
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

/** A project file that is not reported, only there so that names resolve. */
export interface ContextFile extends DiscoveredFile {
    document: LangiumDocument;
}

export interface LoadedWorkspace {
    services: CoordCoreServices;
    /** The files named: the ones reports cover. */
    files: LoadedFile[];
    /** The other files of the project, loaded so that names resolve (empty without a project). */
    context: ContextFile[];
    /**
     * Paths that could not be checked (missing, unreadable, binary, not UTF-8, not a
     * regular file…), one line each naming the path and the cause. The other files
     * were still checked; a command reports these on stderr and exits 2.
     */
    problems: string[];
    /** The real path of a file of the workspace (links resolved), as its discovery found it. */
    realPath(absolute: string): string;
}

/** The services of a one-shot build: one build, no edits, no find-references, so no reference index. */
function oneShotServices(): ReturnType<typeof createCoordCoreServices> {
    return createCoordCoreServices(CoordNodeContext, { referenceIndex: false, reuseFindings: false });
}

/** Services made ahead of the first {@link loadWorkspace} (see {@link prebuildServices}), until it takes them. */
let prebuilt: ReturnType<typeof createCoordCoreServices> | undefined;

/**
 * Makes the services of the first {@link loadWorkspace} now, with the standard
 * library already parsed into them: the startup snapshot (src/cli/snapshot/)
 * does this while it is made, so that a run started from it neither builds
 * the parser nor parses the standard library. They hold nothing of a run: no
 * configuration, no file but the standard library, which every build adds
 * (coord-workspace-loader.ts) and which is the same for every run.
 */
export function prebuildServices(): void {
    prebuilt = oneShotServices();
    const workspace = prebuilt.Coord.shared.workspace;
    workspace.LangiumDocuments.addDocument(createStdlibDocument(workspace.LangiumDocumentFactory));
}

export async function loadWorkspace(options: WorkspaceOptions): Promise<LoadedWorkspace> {
    const { Coord } = prebuilt ?? oneShotServices();
    prebuilt = undefined;
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
    const cwd = options.cwd ?? process.cwd();
    // One look at the disk for both walks (the files named, the project's), and the real paths they found.
    const disk = new DiscoveryCache();
    const ignored = ignoreTest(provider);
    const named: Array<{ file: DiscoveredFile; text?: string }> = [];
    if (options.stdin) {
        const given = options.stdin.filename;
        // Without a name the text stands for a file in the current folder (for its configuration and project).
        const absolute = path.resolve(cwd, given ?? `${STDIN_NAME}.coord`);
        named.push({ file: { absolute, display: given === undefined ? STDIN_NAME : displayPath(absolute, cwd, !path.isAbsolute(given)) }, text: options.stdin.text });
    } else {
        for (const file of await discoverFiles(options.paths, cwd, problems, ignored, disk)) named.push({ file });
    }
    // The project's other files, each once: a file named (or given on stdin) is not context.
    const namedKeys = new Set(named.map(n => disk.realPath(n.file.absolute)));
    const context: DiscoveredFile[] = [];
    if (options.project !== undefined) {
        // Problems with files that were not named (an unreadable folder, no .coord file at all) are
        // not this run's: such a file is skipped here, and checking it by name says what is wrong.
        const found = await discoverFiles([options.project], cwd, [], ignored, disk);
        const belongs = belongsToProject(options.project);
        context.push(...found.filter(f => belongs(f.absolute) && !namedKeys.has(disk.realPath(f.absolute))));
    }
    const progress = options.onProgress;
    const total = named.length + context.length;
    const texts: Array<{ file: DiscoveredFile; text: string; isContext: boolean }> = [];
    [...named.map(n => ({ ...n, isContext: false })), ...context.map(file => ({ file, text: undefined, isContext: true }))].forEach((entry, i) => {
        progress?.('reading', i, total);
        try {
            texts.push({ file: entry.file, text: entry.text ?? readSourceFile(entry.file), isContext: entry.isContext });
        } catch (e) {
            if (!(e instanceof CliError)) throw e;
            if (!entry.isContext) problems.push(e.message);
        }
    });
    // Nothing left to check: the command cannot run (every problem on its own line).
    if (!texts.some(t => !t.isContext)) throw new CliError(problems.map(escapeControls).join('\ncoord: '));
    if (progress) {
        const phases = [[DocumentState.IndexedContent, 'indexing'], [DocumentState.Linked, 'linking'], [DocumentState.Validated, 'validating']] as const;
        for (const [state, phase] of phases) {
            let done = 0;
            Coord.shared.workspace.DocumentBuilder.onDocumentPhase(state, document => {
                if (document.uri.scheme === 'file') progress(phase, ++done, total);
            });
        }
    }
    // Every config file that applies to a reported file must be valid before anything is reported.
    // Each file's URI, made once (for its configuration and its document).
    const uris = texts.map(({ file }) => pathToFileURL(file.absolute).toString());
    for (const [i, { isContext }] of texts.entries()) {
        if (isContext) continue;
        const { error } = provider.configFor(uris[i]);
        if (error) throw configCliError(error);
    }
    // TurboFan for the parse only (tiering.ts): once every document is parsed, V8's tiers are capped
    // for indexing, linking and validation, and restored when the build is over.
    const tiers = await tierCapFor(texts.reduce((n, t) => n + t.text.length, 0));
    const afterParse = tiers && Coord.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Parsed, () => tiers.cap());
    let built: Awaited<ReturnType<typeof buildWorkspace>>;
    try {
        built = await buildWorkspace(Coord, texts.map(({ text }, i) => ({ uri: uris[i], text })));
    } finally {
        afterParse?.dispose();
        tiers?.restore();
    }
    const files: LoadedFile[] = [];
    const contextFiles: ContextFile[] = [];
    texts.forEach(({ file, text, isContext }, i) => {
        const document = built.documents[i];
        if (isContext) contextFiles.push({ ...file, document });
        else files.push({ ...file, text, document, findings: built.findings(document) });
    });
    return { services: Coord, files, context: contextFiles, problems, realPath: absolute => disk.realPath(absolute) };
}

/**
 * The walks' ignore test: the `ignore` list of the configuration that applies to a
 * path (`ignoredBy` in config-provider.ts), looked up once per folder — the
 * configuration of a path is its folder's — instead of once per file and folder
 * met; an invalid configuration ignores nothing.
 */
function ignoreTest(provider: CoordConfigProvider): IgnoreTest {
    const configs = new Map<string, RuleConfig | undefined>();
    return (absolute, isFolder) => {
        const folder = path.dirname(absolute);
        let config = configs.get(folder);
        if (config === undefined && !configs.has(folder)) configs.set(folder, config = provider.configFor(URI.file(absolute)).config);
        return isIgnored(config, absolute, isFolder);
    };
}

/** How reports name text read from standard input without `--stdin-filename`. */
export const STDIN_NAME = '<stdin>';

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
