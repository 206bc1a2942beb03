/**
 * The `sarif` format of `coord check`: a SARIF 2.1.0 log for code-scanning
 * dashboards (GitHub code scanning, Azure DevOps, the SARIF viewers). One run
 * whose driver lists every rule of the registry with its summary and doc;
 * results carry the rule id, 1-based regions in UTF-16 code units, URIs
 * relative to the working folder under `%SRCROOT%`, a stable partial
 * fingerprint, and an in-source suppression with its justification when a
 * comment silenced the finding. The output is deterministic: no timestamps.
 */
import { getLocale } from '../../i18n/index.js';
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { CheckReport, ReportedDiagnostic } from '../check.js';
import { RULES } from '../../validation/registry.js';
import type { Severity } from '../../validation/rule.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The name of Coord's fingerprint in `partialFingerprints`; the version changes if the recipe does. */
export const FINGERPRINT_KEY = 'coordFingerprint/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
    /** The working folder: file names relative to it are given relative to `%SRCROOT%`. */
    cwd: string;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: CheckReport, options: SarifOptions): string {
    return JSON.stringify(buildSarifLog(report, options), null, 2) + '\n';
}

export function buildSarifLog(report: CheckReport, options: SarifOptions): Sarif.Log {
    const rules: Sarif.ReportingDescriptor[] = RULES.map(rule => ({
        id: rule.id,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.doc },
        help: { text: `${rule.summary}\n\n${rule.doc}`, markdown: `**${rule.summary}**\n\n${rule.doc}` },
        defaultConfiguration: { level: LEVEL[rule.defaultSeverity], enabled: true },
        properties: { category: rule.category, tags: [rule.category], defaultSeverity: rule.defaultSeverity },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    // A finding of a rule outside the registry (an internal error) still needs a descriptor.
    for (const d of report.diagnostics) {
        if (!ruleIndex.has(d.rule)) {
            ruleIndex.set(d.rule, rules.length);
            rules.push({ id: d.rule, shortDescription: { text: d.rule }, defaultConfiguration: { level: LEVEL[d.severity] } });
        }
    }
    const artifacts: Sarif.Artifact[] = report.files.map(file => ({
        location: artifactLocation(file), roles: ['analysisTarget'], sourceLanguage: 'coord', mimeType: 'text/x-coord',
    }));
    const artifactIndex = new Map(report.files.map((f, i) => [f, i]));
    const location = (file: string, region: Sarif.Region, message?: string): Sarif.Location => {
        const index = artifactIndex.get(file);
        const loc: Sarif.Location = {
            physicalLocation: {
                artifactLocation: { ...artifactLocation(file), ...(index !== undefined ? { index } : {}) },
                region,
            },
        };
        if (message !== undefined) loc.message = { text: message };
        return loc;
    };
    const results: Sarif.Result[] = report.diagnostics.map(d => {
        const result: Sarif.Result = {
            ruleId: d.rule,
            ruleIndex: ruleIndex.get(d.rule)!,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [location(d.file, region(d))],
            partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
            suppressions: d.suppressed
                ? [{ kind: 'inSource', status: 'accepted', justification: d.suppressed.reason, properties: { scope: d.suppressed.kind } }]
                : [],
            properties: { severity: d.severity },
        };
        const related = (d.related ?? []).filter(r => artifactIndex.has(r.file));
        if (related.length > 0) {
            result.relatedLocations = related.map((r, id) => ({
                id,
                ...location(r.file, { startLine: r.line, startColumn: r.column }, r.message),
            }));
        }
        return result;
    });
    const run: Sarif.Run = {
        tool: {
            driver: {
                name: report.tool.name,
                version: report.tool.version,
                semanticVersion: report.tool.version,
                // The language of the rules' descriptions and the messages (rule ids and fields stay English).
                language: getLocale(),
                rules,
            },
        },
        language: getLocale(),
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.cwd) } },
        artifacts,
        results,
        // Paths that could not be checked make the run unsuccessful, each a notification naming it.
        invocations: [{
            executionSuccessful: report.problems.length === 0,
            ...(report.problems.length > 0
                ? { toolExecutionNotifications: report.problems.map(text => ({ level: 'error' as const, message: { text } })) }
                : {}),
        }],
        columnKind: 'utf16CodeUnits',
        properties: { configHash: report.configHash, counts: report.counts },
    };
    return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function region(d: ReportedDiagnostic): Sarif.Region {
    return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

/** A file as SARIF names it: a relative URI under `%SRCROOT%`, or an absolute `file:` URI outside the working folder. */
function artifactLocation(file: string): Sarif.ArtifactLocation {
    if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
    const href = pathToFileURL(folder).href;
    return href.endsWith('/') ? href : href + '/';
}
