/**
 * The rule catalogue, generated from the rules' own metadata (id, default
 * severity, category, summary, doc): `coord rules` prints it and
 * docs/rules.md is its committed Markdown form (a test fails when that file is
 * stale). Nothing here is written twice.
 */
import type { Rule, RuleCategory, Severity } from './rule.js';
import { CONFIG_FILE_NAME } from './config.js';
import type { RuleExample } from './rule-examples.js';
import { UNCHECKED_LESSONS, type UncheckedLesson } from './lessons.js';
import { t, type MessageKey } from '../i18n/index.js';

/** One rule as `coord rules --format json` lists it. */
export interface CatalogueEntry {
    id: string;
    defaultSeverity: Severity;
    category: RuleCategory;
    summary: string;
    doc: string;
}

/** The lessons no rule can check, in the current locale. */
function uncheckedLessons(): UncheckedLesson[] {
    return UNCHECKED_LESSONS.map((_, i) => ({ topic: t(`lesson.${i}.topic` as MessageKey), quote: t(`lesson.${i}.quote` as MessageKey) }));
}

export function catalogueEntries(rules: readonly Rule[]): CatalogueEntry[] {
    return rules.map(r => ({ id: r.id, defaultSeverity: r.defaultSeverity, category: r.category, summary: r.summary, doc: r.doc }));
}

/** The catalogue as JSON: `{ rules: [...], uncheckedLessons: [{ topic, quote }] }`. */
export function renderRulesJson(rules: readonly Rule[]): string {
    return JSON.stringify({ rules: catalogueEntries(rules), uncheckedLessons: uncheckedLessons() }, null, 2) + '\n';
}

/** The catalogue as Markdown, the text of docs/rules.md. */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
    const out: string[] = [
        `# ${t('catalogue.title')}`,
        '',
        `<!-- ${t('catalogue.generated')} -->`,
        '',
        t('catalogue.intro', { config: CONFIG_FILE_NAME }),
        '',
        '```',
        `{ "rules": { "agriculture-anchor": "off", "local-roles": "error" } }`,
        '```',
        '',
        '```',
        `// coord-disable-next-line budget-incentive -- ${t('catalogue.suppress-reason')}`,
        'coordination A_B { between A, B }',
        '```',
        '',
        t('catalogue.file-wide'),
        '',
        `| ${t('catalogue.table.rule')} | ${t('catalogue.table.default')} | ${t('catalogue.table.category')} | ${t('catalogue.table.fires')} |`,
        '|---|---|---|---|',
        ...rules.map(r => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${r.category} | ${escapeCell(r.summary)} |`),
    ];
    const categories = [...new Set(rules.map(r => r.category))];
    for (const category of categories) {
        out.push('', `## ${t(`category.${category}`)}`);
        for (const r of rules.filter(x => x.category === category)) {
            out.push('', `### ${r.id}`, '', `${t('catalogue.default-severity', { severity: r.defaultSeverity })} ${r.summary}`, '', r.doc);
        }
    }
    out.push(
        '', `## ${t('catalogue.lessons.title')}`, '',
        t('catalogue.lessons.intro'), '',
        ...uncheckedLessons().map(l => `- **${l.topic}.** ${t('catalogue.quote', { quote: l.quote })}`),
        '', t('catalogue.lessons.also', { quote: t('lesson.before-covid') }),
    );
    return out.join('\n') + '\n';
}

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One rule explained, as `coord rules ID` prints it (text that also reads as Markdown). */
export function renderRuleExplanation(rule: Rule, example: RuleExample | undefined): string {
    const indent = (text: string) => text.trimEnd().split('\n').map(l => `    ${l}`).join('\n');
    const out = [
        `# ${rule.id}`,
        '',
        t('catalogue.explain.default', { severity: rule.defaultSeverity, category: rule.category }),
        '',
        `## ${t('catalogue.explain.fires-when')}`,
        '',
        rule.summary,
        '',
        `## ${t('catalogue.explain.why')}`,
        '',
        rule.doc,
    ];
    if (example) {
        out.push('', `## ${t('catalogue.explain.fires')}`, '', indent(example.fires), '', `## ${t('catalogue.explain.passes')}`, '', indent(example.passes), '', `## ${t('catalogue.explain.fix')}`, '', example.fix);
    }
    out.push(
        '',
        `## ${t('catalogue.explain.suppress')}`,
        '',
        t('catalogue.explain.one'),
        '',
        `    // coord-disable-next-line ${rule.id} -- ${t('catalogue.reason')}`,
        '',
        t('catalogue.explain.file'),
        '',
        `    // coord-disable ${rule.id} -- ${t('catalogue.reason')}`,
        '',
        t('catalogue.explain.folder', { config: CONFIG_FILE_NAME, id: rule.id }),
        '',
        `    { "rules": { "${rule.id}": "off" } }`,
    );
    return out.join('\n') + '\n';
}

/** One rule with its examples, as `coord rules ID --format json` prints it. */
export function renderRuleJson(rule: Rule, example: RuleExample | undefined): string {
    return JSON.stringify({ ...catalogueEntries([rule])[0], ...(example ? { examples: example } : {}) }, null, 2) + '\n';
}
