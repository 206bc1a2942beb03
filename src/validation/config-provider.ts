/**
 * Which rule configuration applies to a document: the nearest
 * `coord.config.json` above its file (or an explicit file given to the CLI),
 * with command-line overrides on top. One instance per workspace, shared by
 * the CLI and the language server.
 */
import { URI } from 'langium';
import { ConfigError, ConfigLocator, mergeConfigs, parseConfig, type RuleConfig } from './config.js';
import { RULE_IDS } from './registry.js';
import type { RuleId } from './rule-ids.js';
import type { SeveritySetting } from './rule.js';
import * as fs from 'node:fs';

export interface ConfigResult {
    config?: RuleConfig;
    error?: ConfigError;
}

export class CoordConfigProvider {
    private readonly locator = new ConfigLocator(RULE_IDS);
    private explicit: RuleConfig | undefined;
    private overrides: RuleConfig | undefined;

    /**
     * Uses one config file for every document instead of the nearest one (`--config FILE`).
     * `display` is how errors name the file (as the user wrote it); it defaults to `file`.
     */
    setExplicitConfigFile(file: string, display = file): void {
        let text: string;
        try {
            text = fs.readFileSync(file, 'utf8');
        } catch (e) {
            throw new ConfigError(display, undefined, `cannot read: ${describeReadError(e as NodeJS.ErrnoException)}`);
        }
        this.explicit = parseConfig(text, display, RULE_IDS);
    }

    /** Severities that win over every file (`--rule ID=SEVERITY`). */
    setOverrides(rules: Partial<Record<RuleId, SeveritySetting>>): void {
        this.overrides = { rules };
    }

    /** Forgets cached config files (after one changed on disk). */
    reload(): void {
        this.locator.clear();
    }

    /** The configuration for a document URI; an invalid config file comes back as `error`. */
    configFor(uri: URI | string): ConfigResult {
        const parsed = typeof uri === 'string' ? URI.parse(uri) : uri;
        try {
            const base = this.explicit ?? (parsed.scheme === 'file' ? this.locator.forFile(parsed.fsPath) : undefined);
            return { config: mergeConfigs(base, this.overrides) };
        } catch (e) {
            if (e instanceof ConfigError) return { error: e };
            throw e;
        }
    }
}

function describeReadError(e: NodeJS.ErrnoException): string {
    switch (e.code) {
        case 'ENOENT': return 'no such file';
        case 'EISDIR': return 'is a folder; give the configuration file itself (coord.config.json)';
        case 'EACCES': return 'permission denied';
        default: return e.message;
    }
}
