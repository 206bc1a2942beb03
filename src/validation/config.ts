/**
 * Rule configuration: the nearest `coord.config.json` walking up from a file
 * (§3 of the language reference), merged with command-line overrides. The CLI
 * and the language server read it through the same code, so what an analyst
 * sees inline is what CI reports. An invalid file is an error that names the
 * file and the key; it is never silently ignored.
 */
import { URI, UriUtils } from 'langium';
import type { Severity, SeveritySetting } from './rule.js';
import type { RuleId } from './rule-ids.js';

export const CONFIG_FILE_NAME = 'coord.config.json';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** A configuration problem: the file (if any), the offending key, and the cause. */
export class ConfigError extends Error {
    constructor(readonly file: string | undefined, readonly key: string | undefined, message: string, readonly line?: number) {
        super(message);
        this.name = 'ConfigError';
    }
}

export interface RuleConfig {
    /** The config file this came from, if any. */
    readonly file?: string;
    /** Severity per rule id, for rules that are configured. */
    readonly rules: Readonly<Partial<Record<RuleId, SeveritySetting>>>;
}

/** The effective severity of a rule: configured, else its default. */
export function effectiveSeverity(config: RuleConfig | undefined, ruleId: RuleId, defaultSeverity: Severity): SeveritySetting {
    return config?.rules[ruleId] ?? defaultSeverity;
}

/** Parses and checks a config file's text. `knownRules` are the valid rule ids. */
export function parseConfig(text: string, file: string | undefined, knownRules: ReadonlySet<string>): RuleConfig {
    let json: unknown;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
        json = JSON.parse(body);
    } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const position = /position (\d+)/.exec(message);
        const line = position ? body.slice(0, Number(position[1])).split('\n').length : undefined;
        throw new ConfigError(file, undefined, `invalid JSON: ${message}`, line);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new ConfigError(file, undefined, 'the configuration must be a JSON object like { "rules": { "local-roles": "error" } }');
    }
    const obj = json as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
        if (key !== 'rules' && key !== '$schema') {
            throw new ConfigError(file, key, `unknown key '${key}' (expected "rules")`);
        }
    }
    const rules: Partial<Record<RuleId, SeveritySetting>> = {};
    if (obj.rules !== undefined) {
        if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
            throw new ConfigError(file, 'rules', '"rules" must be an object mapping rule ids to severities');
        }
        for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
            rules[id as RuleId] = checkRuleSetting(file, `rules.${id}`, id, value, knownRules);
        }
    }
    return { file, rules };
}

function checkRuleSetting(file: string | undefined, key: string, id: string, value: unknown, knownRules: ReadonlySet<string>): SeveritySetting {
    if (!knownRules.has(id)) {
        throw new ConfigError(file, key, `unknown rule id '${id}'${suggestRule(id, knownRules)}`);
    }
    if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        throw new ConfigError(file, key, `unknown severity ${JSON.stringify(value)} for '${id}' (expected one of ${SEVERITY_SETTINGS.join(', ')})`);
    }
    return value as SeveritySetting;
}

function suggestRule(id: string, knownRules: ReadonlySet<string>): string {
    const near = [...knownRules].find(r => r.includes(id) || id.includes(r));
    return near ? `; did you mean '${near}'?` : '';
}

/** Parses a command-line override `ID=SEVERITY`. */
export function parseRuleOverride(text: string, knownRules: ReadonlySet<string>): [RuleId, SeveritySetting] {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new ConfigError(undefined, text, `--rule expects ID=SEVERITY, got '${text}'`);
    const id = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    return [id as RuleId, checkRuleSetting(undefined, `--rule ${id}`, id, value, knownRules)]; // checked against knownRules
}

/** Merges configs: later ones win per rule. */
export function mergeConfigs(...configs: Array<RuleConfig | undefined>): RuleConfig {
    const rules: Partial<Record<RuleId, SeveritySetting>> = {};
    let file: string | undefined;
    for (const c of configs) {
        if (!c) continue;
        Object.assign(rules, c.rules);
        file = c.file ?? file;
    }
    return { file, rules };
}

/**
 * Reads a config file for {@link ConfigLocator}: its text, or `undefined` when
 * there is no such file; it throws with the cause when a file is there but
 * cannot be read. The CLI and the desktop server read the disk (Node's `fs`
 * through Langium's file-system provider); the browser's server reads what the
 * client sent. No `node:` module is imported here, so the core runs in a browser.
 */
export type ConfigFileReader = (file: URI) => string | undefined;

/** How a config file is named in messages: its path on disk, else its URI. */
export function configFileDisplayName(file: URI): string {
    return file.scheme === 'file' ? file.fsPath : file.toString();
}

/**
 * Finds and reads the nearest `coord.config.json` from a folder upward, with a
 * cache per folder. Throws {@link ConfigError} for an invalid file.
 */
export class ConfigLocator {
    private readonly byFolder = new Map<string, { config: RuleConfig | undefined; error?: ConfigError }>();

    constructor(private readonly knownRules: ReadonlySet<string>, private readonly read: ConfigFileReader) {}

    /** Forgets everything read, e.g. after a config file changed. */
    clear(): void {
        this.byFolder.clear();
    }

    /** The config that applies to a file, or undefined when there is none. */
    forFile(file: URI): RuleConfig | undefined {
        return this.forFolder(UriUtils.dirname(file));
    }

    forFolder(folder: URI): RuleConfig | undefined {
        const key = folder.toString();
        const cached = this.byFolder.get(key);
        if (cached) {
            if (cached.error) throw cached.error;
            return cached.config;
        }
        let entry: { config: RuleConfig | undefined; error?: ConfigError };
        const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        const display = configFileDisplayName(candidate);
        try {
            let text: string | undefined;
            try {
                text = this.read(candidate);
            } catch (e) {
                throw new ConfigError(display, undefined, `cannot read: ${(e as Error).message}`);
            }
            if (text !== undefined) {
                entry = { config: parseConfig(text, display, this.knownRules) };
            } else {
                const parent = UriUtils.dirname(folder);
                entry = { config: parent.toString() === key ? undefined : this.forFolder(parent) };
            }
        } catch (e) {
            if (!(e instanceof ConfigError)) throw e;
            entry = { config: undefined, error: e };
        }
        this.byFolder.set(key, entry);
        if (entry.error) throw entry.error;
        return entry.config;
    }
}
