/**
 * The rule catalogue, generated from the rules' own metadata (id, default
 * severity, category, summary, doc): `coord rules` prints it and
 * docs/rules.md is its committed Markdown form (a test fails when that file is
 * stale). Nothing here is written twice.
 */
import type { Rule, RuleCategory, Severity } from './rule.js';
import { CONFIG_FILE_NAME } from './config.js';
import type { RuleExample } from './rule-examples.js';
import { BRIEF, UNCHECKED_LESSONS, type UncheckedLesson } from './lessons.js';

/** One rule as `coord rules --format json` lists it. */
export interface CatalogueEntry {
    id: string;
    defaultSeverity: Severity;
    category: RuleCategory;
    summary: string;
    doc: string;
}

const CATEGORY_TITLES: Record<RuleCategory, string> = {
    structure: 'Structure',
    coordination: 'Coordination',
    evidence: 'Evidence',
    hygiene: 'Hygiene',
};

export function catalogueEntries(rules: readonly Rule[]): CatalogueEntry[] {
    return rules.map(r => ({ id: r.id, defaultSeverity: r.defaultSeverity, category: r.category, summary: r.summary, doc: r.doc }));
}

/** The catalogue as JSON: `{ rules: [...], uncheckedLessons: [{ topic, quote }] }`. */
export function renderRulesJson(rules: readonly Rule[]): string {
    const uncheckedLessons: UncheckedLesson[] = UNCHECKED_LESSONS.map(l => ({ ...l }));
    return JSON.stringify({ rules: catalogueEntries(rules), uncheckedLessons }, null, 2) + '\n';
}

/** The catalogue as Markdown, the text of docs/rules.md. */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
    const out: string[] = [
        '# Coord rules',
        '',
        '<!-- Generated from the rules\' metadata by `coord rules --format md`; do not edit by hand. -->',
        '',
        'Every finding of `coord check` and of the editor carries its rule id as its code. Change a rule\'s',
        `severity (\`error\`, \`warning\`, \`info\`, \`hint\` or \`off\`) in the nearest \`${CONFIG_FILE_NAME}\`,`,
        'with `coord check --config FILE` or `--rule ID=SEVERITY`, and silence one finding with a comment on the',
        'line above it, keeping the reason for reviewers:',
        '',
        '```',
        `{ "rules": { "agriculture-anchor": "off", "local-roles": "error" } }`,
        '```',
        '',
        '```',
        '// coord-disable-next-line budget-incentive -- financed from the general budget of both ministries',
        'coordination A_B { between A, B }',
        '```',
        '',
        '`// coord-disable rule-a, rule-b -- reason` anywhere in a file silences those rules in the whole file.',
        '',
        '| rule | default | category | fires when |',
        '|---|---|---|---|',
        ...rules.map(r => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${r.category} | ${escapeCell(r.summary)} |`),
    ];
    const categories = [...new Set(rules.map(r => r.category))];
    for (const category of categories) {
        out.push('', `## ${CATEGORY_TITLES[category]}`);
        for (const r of rules.filter(x => x.category === category)) {
            out.push('', `### ${r.id}`, '', `Default severity: **${r.defaultSeverity}**. ${r.summary}`, '', r.doc);
        }
    }
    out.push(
        '', '## Lessons no rule can check', '',
        'The rules above come from the institutional analysis of Colombia, Mexico and Peru in the founding brief',
        '(*Coordination between social protection and rural productive development programmes in three Latin American',
        'countries*); its impact evaluations covered Colombia and Peru. These recommendations of the brief concern',
        'what a specification cannot show, so no rule checks them:', '',
        ...UNCHECKED_LESSONS.map(l => `- **${l.topic}.** "${l.quote}"`),
        '', `The brief also notes: "${BRIEF.beforeCovid}"`,
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
        `Default severity: ${rule.defaultSeverity} (${rule.category}).`,
        '',
        '## What fires it',
        '',
        rule.summary,
        '',
        '## Why (the lesson behind it)',
        '',
        rule.doc,
    ];
    if (example) {
        out.push('', '## Fires', '', indent(example.fires), '', '## Does not fire', '', indent(example.passes), '', '## How to fix', '', example.fix);
    }
    out.push(
        '',
        '## How to suppress',
        '',
        'One finding, with the reason kept for reviewers (on the line above the finding):',
        '',
        `    // coord-disable-next-line ${rule.id} -- reason`,
        '',
        'Every finding of the rule in one file (anywhere in it):',
        '',
        `    // coord-disable ${rule.id} -- reason`,
        '',
        `Everywhere below a folder, in its ${CONFIG_FILE_NAME} (or once: coord check --rule ${rule.id}=off):`,
        '',
        `    { "rules": { "${rule.id}": "off" } }`,
    );
    return out.join('\n') + '\n';
}

/** One rule with its examples, as `coord rules ID --format json` prints it. */
export function renderRuleJson(rule: Rule, example: RuleExample | undefined): string {
    return JSON.stringify({ ...catalogueEntries([rule])[0], ...(example ? { examples: example } : {}) }, null, 2) + '\n';
}
