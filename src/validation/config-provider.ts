/**
 * Which rule configuration applies to a document: the nearest
 * `coord.config.json` above its file (or an explicit file given to the CLI),
 * with command-line overrides on top. One instance per workspace, shared by
 * the CLI and the language server. Files are read through a
 * {@link ConfigFileReader}, so this runs in a browser too.
 */
import { URI, UriUtils, type FileSystemProvider } from 'langium';
import {
    ConfigError, ConfigLocator, configFileDisplayName, isIgnored, mergeConfigs, noConfigFiles, parseConfig, readWith,
    type ConfigFileReader, type RuleConfig,
} from './config.js';
import { RULE_IDS } from './registry.js';
import { t } from '../i18n/index.js';
import type { RuleId } from './rule-ids.js';
import type { SeveritySetting } from './rule.js';

export interface ConfigResult {
    config?: RuleConfig;
    error?: ConfigError;
}

/**
 * Reads config files through Langium's file-system provider (the client's files
 * in the browser's server; any provider a caller gives): a file the provider
 * does not know is no file; one it knows that is not a regular file (a FIFO, a
 * device) is refused before it is read; one it cannot read is an error. The CLI
 * and the desktop server read the disk with `nodeConfigReader` instead, which
 * also bounds the size (`config-node.ts`).
 */
export function fileSystemConfigReader(fileSystem: FileSystemProvider): ConfigFileReader {
    return file => {
        // A provider without existsSync (a test double) knows no config file.
        if (typeof fileSystem.existsSync !== 'function' || !fileSystem.existsSync(file)) return undefined;
        if (typeof fileSystem.statSync === 'function') {
            const node = fileSystem.statSync(file);
            if (node.isDirectory) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
            if (!node.isFile) throw new ConfigError(undefined, undefined, 'cannot read: not a regular file');
        }
        return fileSystem.readFileSync(file);
    };
}

export class CoordConfigProvider {
    private readonly locator: ConfigLocator;
    private explicit: RuleConfig | undefined;
    private overrides: RuleConfig | undefined;
    /**
     * The merged configuration of each base (a config file's, or none), made once: a run
     * asks for the configuration of every document and of every file and folder a walk
     * meets, and a workspace has few config files. Forgotten whenever what is merged changes.
     */
    private readonly merged = new Map<RuleConfig | undefined, RuleConfig>();
    /**
     * The URI schemes whose documents look for a `coord.config.json` above them:
     * `file` on the desktop; the browser's server adds the schemes of its workspace
     * folders (for example `vscode-vfs` on vscode.dev). Untitled documents never do.
     */
    readonly schemes = new Set(['file']);

    constructor(private readonly readConfigFile: ConfigFileReader = noConfigFiles) {
        this.locator = new ConfigLocator(RULE_IDS, readConfigFile);
    }

    /**
     * Uses one config file for every document instead of the nearest one (`--config FILE`).
     * `file` is an absolute path; `display` is how errors name the file (as the user wrote it); it defaults to `file`.
     */
    setExplicitConfigFile(file: string, display = file): void {
        const uri = URI.file(file);
        const text = readWith(this.readConfigFile, uri, display, describeReadError);
        if (text === undefined) throw new ConfigError(display, undefined, 'cannot read: no such file');
        this.explicit = { ...parseConfig(text, display, RULE_IDS), base: configFileDisplayName(UriUtils.dirname(uri)) };
        this.merged.clear();
    }

    /** Severities that win over every file (`--rule ID=SEVERITY`). */
    setOverrides(rules: Partial<Record<RuleId, SeveritySetting>>): void {
        this.overrides = { rules };
        this.merged.clear();
    }

    /** Forgets cached config files (after one changed on disk). */
    reload(): void {
        this.locator.clear();
        this.merged.clear();
    }

    /** The configuration for a document URI; an invalid config file comes back as `error`. */
    configFor(uri: URI | string): ConfigResult {
        const parsed = typeof uri === 'string' ? URI.parse(uri) : uri;
        try {
            const base = this.explicit ?? (this.schemes.has(parsed.scheme) ? this.locator.forFile(parsed) : undefined);
            let config = this.merged.get(base);
            if (!config) this.merged.set(base, config = mergeConfigs(base, this.overrides));
            return { config };
        } catch (e) {
            if (e instanceof ConfigError) return { error: e };
            throw e;
        }
    }
}

/** Whether a folder walk skips this path (the `ignore` list of the configuration that applies to it; an invalid one ignores nothing). */
export function ignoredBy(provider: CoordConfigProvider, absolute: string, isFolder: boolean): boolean {
    const { config } = provider.configFor(URI.file(absolute));
    return isIgnored(config, absolute, isFolder);
}

function describeReadError(e: Error & { code?: string }): string {
    switch (e.code) {
        case 'ENOENT': return t('config.cause.missing');
        case 'EISDIR': return t('config.cause.folder');
        case 'EACCES': return t('cli.file.cause.denied');
        default: return e.message;
    }
}
