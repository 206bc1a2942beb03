/**
 * Rule configuration: the nearest `coord.config.json` walking up from a file
 * (§3 of the language reference), merged with command-line overrides. The CLI
 * and the language server read it through the same code, so what an analyst
 * sees inline is what CI reports. An invalid file is an error that names the
 * file and the key; it is never silently ignored.
 *
 * No `node:` module is imported here, so the core runs in a browser: files are
 * read through a {@link ConfigFileReader} — the bounded disk read of
 * `config-node.ts` in the CLI and the desktop server, the client's files in the
 * browser's server.
 */
import { URI, UriUtils } from 'langium';
import type { Severity, SeveritySetting } from './rule.js';
import type { RuleId } from './rule-ids.js';
import { getLocale, t, type MessageKey } from '../i18n/index.js';

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
    /** Patterns of paths a folder walk skips (`"ignore"`), relative to {@link base}. */
    readonly ignore?: readonly string[];
    /** The folder of the config file, which `ignore` patterns are relative to. */
    readonly base?: string;
    /** `"root": true`: the file's folder is a project (§3 v2), the workspace names resolve against. */
    readonly root?: boolean;
}

/** The effective severity of a rule: configured, else its default. */
export function effectiveSeverity(config: RuleConfig | undefined, ruleId: RuleId, defaultSeverity: Severity): SeveritySetting {
    return config?.rules[ruleId] ?? defaultSeverity;
}

/**
 * What JSON.parse (V8, Node 20 and 22) rejects, by the start of its English
 * message: the catalogue's description of it. A message not known here keeps
 * only the place (or says the text is not valid JSON).
 */
const JSON_FAILURES: ReadonlyArray<readonly [RegExp, MessageKey]> = [
    [/^Unexpected end of JSON input/, 'config.json.end'],
    [/^Unterminated string/, 'config.json.unterminated-string'],
    [/^Bad control character in string/, 'config.json.control-character'],
    [/^Bad (escaped character|Unicode escape)/, 'config.json.bad-escape'],
    [/^Expected (double-quoted property name|property name or '\}')/, 'config.json.property-name'],
    [/^Expected ':' after property name/, 'config.json.colon'],
    [/^Expected ',' or '\}' after property value/, 'config.json.comma-object'],
    [/^Expected ',' or '\]' after array element/, 'config.json.comma-array'],
    [/^Unexpected non-whitespace character after JSON/, 'config.json.trailing'],
    [/^(No number after minus sign|Unterminated fractional number|Exponent part is missing a number)/, 'config.json.number'],
];

/** JSON.parse's `message` in the current locale: the failure and, when V8 gives its position, the line and column. */
export function jsonFailure(message: string, body: string, position: number | undefined): string {
    // "Unexpected token 'x', "…" is not valid JSON" (V8 gives no position) or, in older V8, "Unexpected token x in JSON at position N".
    const token = /^Unexpected token '?(.+?)'?(?:, "| in JSON)/s.exec(message);
    const known = JSON_FAILURES.find(([pattern]) => pattern.test(message));
    const problem = known ? t(known[1]) : token ? t('config.json.unexpected', { token: `'${token[1]}'` }) : undefined;
    // The end of the input is where the text ends.
    const at = position ?? (known?.[1] === 'config.json.end' ? body.length : undefined);
    if (at === undefined) return problem ?? t('config.json.unknown');
    const before = body.slice(0, at).split('\n');
    const line = String(before.length);
    const column = String(before[before.length - 1].length + 1);
    return t('config.json.at', { problem: problem ?? t('config.json.unknown'), line, column });
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
        // The JSON parser speaks English: in another locale, say what it found in the locale's words, and where.
        const detail = getLocale() === 'en' ? message : jsonFailure(message, body, position ? Number(position[1]) : undefined);
        throw new ConfigError(file, undefined, t('config.invalid-json', { detail }), line);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new ConfigError(file, undefined, t('config.not-object', { example: '{ "rules": { "local-roles": "error" } }' }));
    }
    const obj = json as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
        if (key !== 'rules' && key !== 'ignore' && key !== 'root' && key !== '$schema') {
            throw new ConfigError(file, key, t('config.unknown-key', { key }));
        }
    }
    let ignore: string[] | undefined;
    if (obj.ignore !== undefined) {
        if (!Array.isArray(obj.ignore) || !obj.ignore.every(p => typeof p === 'string' && p.trim() !== '')) {
            throw new ConfigError(file, 'ignore', t('config.ignore', { example: '["drafts/", "*.old.coord"]' }));
        }
        ignore = obj.ignore as string[];
    }
    if (obj.root !== undefined && typeof obj.root !== 'boolean') {
        throw new ConfigError(file, 'root', t('config.root', { value: JSON.stringify(obj.root) }));
    }
    const rules: Partial<Record<RuleId, SeveritySetting>> = {};
    if (obj.rules !== undefined) {
        if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
            throw new ConfigError(file, 'rules', t('config.rules'));
        }
        for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
            rules[id as RuleId] = checkRuleSetting(file, `rules.${id}`, id, value, knownRules);
        }
    }
    return { file, rules, ...(ignore ? { ignore } : {}), ...(obj.root === true ? { root: true } : {}) };
}

/**
 * Whether a folder walk skips `absolute` under this configuration's `ignore`
 * list. Patterns are relative to the config file's folder, `/`-separated,
 * as in .gitignore: `*` and `?` within one name, `**` across folders; a
 * pattern without `/` matches a name at any depth; a trailing `/` matches
 * folders only; a folder matched is skipped with everything in it.
 */
export function isIgnored(config: RuleConfig | undefined, absolute: string, isFolder: boolean): boolean {
    if (!config?.ignore || config.base === undefined) return false;
    const rel = relativePath(config.base, absolute);
    if (rel === undefined || rel === '') return false;
    return config.ignore.some(pattern => {
        const folderOnly = pattern.endsWith('/');
        return (!folderOnly || isFolder) && globRegExp(pattern).test(rel);
    });
}

/**
 * `absolute` relative to the folder `base`, `/`-separated, or undefined when it
 * is not inside it (what `path.relative` gives, without Node). Both are
 * absolute paths of one platform: on Windows (a drive or UNC path) a backslash
 * is a separator and folders compare without case, as there; elsewhere a
 * backslash is part of a name.
 */
export function relativePath(base: string, absolute: string): string | undefined {
    const windows = /^[a-z]:[\\/]|^\\\\/i.test(base);
    const norm = (p: string) => (windows ? p.replace(/\\/g, '/') : p).replace(/\/+$/, '');
    const b = norm(base);
    const a = norm(absolute);
    const same = (x: string, y: string) => (windows ? x.toLowerCase() === y.toLowerCase() : x === y);
    if (same(a, b)) return '';
    const prefix = `${b}/`;
    return same(a.slice(0, prefix.length), prefix) ? a.slice(prefix.length) : undefined;
}

const globCache = new Map<string, RegExp>();

function globRegExp(pattern: string): RegExp {
    let re = globCache.get(pattern);
    if (re) return re;
    const p = pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = p.includes('/');
    let body = '';
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '*' && p[i + 1] === '*') {
            i++;
            if (p[i + 1] === '/') {
                i++;
                body += '(?:.*/)?';
            } else body += '.*';
        } else if (c === '*') body += '[^/]*';
        else if (c === '?') body += '[^/]';
        else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`${anchored ? '^' : '(?:^|/)'}${body.replace(/^\//, '')}$`);
    globCache.set(pattern, re);
    return re;
}

function checkRuleSetting(file: string | undefined, key: string, id: string, value: unknown, knownRules: ReadonlySet<string>): SeveritySetting {
    if (!knownRules.has(id)) {
        throw new ConfigError(file, key, t('config.unknown-rule', { id, hint: suggestRule(id, knownRules) }));
    }
    if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        throw new ConfigError(file, key, t('config.unknown-severity', { value: String(JSON.stringify(value)), id, severities: SEVERITY_SETTINGS.join(', ') }));
    }
    return value as SeveritySetting;
}

function suggestRule(id: string, knownRules: ReadonlySet<string>): string {
    const near = [...knownRules].find(r => r.includes(id) || id.includes(r));
    return near ? t('cli.did-you-mean', { near }) : '';
}

/** Parses a command-line override `ID=SEVERITY`. */
export function parseRuleOverride(text: string, knownRules: ReadonlySet<string>): [RuleId, SeveritySetting] {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new ConfigError(undefined, text, t('config.rule-option', { value: text }));
    const id = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    return [id as RuleId, checkRuleSetting(undefined, `--rule ${id}`, id, value, knownRules)]; // checked against knownRules
}

/** Merges configs: later ones win per rule. */
export function mergeConfigs(...configs: Array<RuleConfig | undefined>): RuleConfig {
    const rules: Partial<Record<RuleId, SeveritySetting>> = {};
    let file: string | undefined;
    let ignore: readonly string[] | undefined;
    let base: string | undefined;
    for (const c of configs) {
        if (!c) continue;
        Object.assign(rules, c.rules);
        file = c.file ?? file;
        if (c.ignore) ({ ignore, base } = c);
    }
    return ignore ? { file, rules, ignore, base } : { file, rules };
}

/** The largest configuration file read: far above any real one, far below what would stall a run. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a config file: its text, or `undefined` when there is no such file; it
 * throws when a file is there but is refused or cannot be read — a
 * {@link ConfigError} (its message only; the caller names the file) for a
 * refusal, any other error with its cause. The CLI and the desktop server read
 * the disk, bounded and regular files only (`nodeConfigReader` in
 * `config-node.ts`); the browser's server reads what the client sent
 * (`fileSystemConfigReader` over its file-system provider).
 */
export type ConfigFileReader = (file: URI) => string | undefined;

/** A reader that finds no config file anywhere (untitled documents, tests). */
export const noConfigFiles: ConfigFileReader = () => undefined;

/** How a config file or folder is named in messages and in `base`: its path on disk, else its URI. */
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
            const text = readWith(this.read, candidate, display);
            if (text !== undefined) {
                entry = { config: { ...parseConfig(text, display, this.knownRules), base: configFileDisplayName(folder) } };
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

/**
 * Reads `file` with `read`; every failure becomes a {@link ConfigError} naming
 * the file as `display`: a refusal keeps its message, another error is
 * "cannot read: " and its cause (`describe`, by default its message).
 */
export function readWith(read: ConfigFileReader, file: URI, display: string, describe: (e: Error) => string = e => e.message): string | undefined {
    try {
        return read(file);
    } catch (e) {
        if (e instanceof ConfigError) throw new ConfigError(display, e.key, e.message, e.line);
        throw new ConfigError(display, undefined, t('config.cannot-read', { cause: describe(e as Error) }));
    }
}

/**
 * The project a folder belongs to (§3 v2): the nearest folder from `start`
 * upward whose `coord.config.json` says `"root": true`, or undefined when there
 * is none. The CLI falls back to its current folder and the language server to
 * its workspace folder, so both resolve names against the same files. A config
 * file that cannot be read or parsed is not a root here; the commands report it
 * where it applies.
 */
export function findProjectRootUri(start: URI, read: ConfigFileReader): URI | undefined {
    let folder = start;
    for (;;) {
        if (isProjectRootUri(folder, read)) return folder;
        const parent = UriUtils.dirname(folder);
        if (parent.toString() === folder.toString()) return undefined;
        folder = parent;
    }
}

/** Whether a folder's `coord.config.json` says `"root": true`. */
export function isProjectRootUri(folder: URI, read: ConfigFileReader): boolean {
    let text: string | undefined;
    try {
        // Read as every configuration file is (regular files only, bounded): a FIFO or a link to a device is no root.
        text = read(UriUtils.joinPath(folder, CONFIG_FILE_NAME));
    } catch {
        return false;
    }
    if (text === undefined) return false;
    try {
        const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        // A file that is not valid is not a root here; where it applies, it is reported.
        return typeof json === 'object' && json !== null && (json as Record<string, unknown>).root === true;
    } catch {
        return false;
    }
}
