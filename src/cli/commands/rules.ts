/** `coord rules`: the rule catalogue, generated from the same metadata as the checks. */
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError } from '../files.js';
import { RULES, RULES_BY_ID } from '../../validation/registry.js';
import { renderRuleExplanation, renderRuleJson, renderRulesJson, renderRulesMarkdown } from '../../validation/catalogue.js';
import { RULE_EXAMPLES } from '../../validation/rule-examples.js';
import { closestName } from '../../analysis/suggest.js';

const RULES_FORMATS: Record<string, () => string> = {
    md: () => renderRulesMarkdown(RULES),
    json: () => renderRulesJson(RULES),
};

export const rulesCommand: Command = {
    name: 'rules',
    summary: 'list every rule with its default severity and the lesson behind it',
    usage: `Usage: coord rules [ID] [--format md|json]

Prints the rule catalogue: each rule's id (the diagnostic code and the name
used in coord.config.json and suppression comments), its default severity,
when it fires and why it matters. docs/rules.md is this command's Markdown.
With a rule ID, explains that rule: the lesson behind it, what fires it, an
example that fires it and one that does not, how to fix and how to suppress.

Options:
  --format <name>  ${Object.keys(RULES_FORMATS).join(' | ')} (default: md)`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('rules', args, {
            format: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        if (positionals.length > 1) throw new CliError(`coord rules: unexpected argument '${positionals[1]}' (give one rule id)`);
        const format = values.format ?? 'md';
        const render = Object.prototype.hasOwnProperty.call(RULES_FORMATS, format) ? RULES_FORMATS[format] : undefined;
        if (!render) throw new CliError(`coord rules: unknown format '${format}' (expected ${Object.keys(RULES_FORMATS).join(', ')})`);
        if (positionals.length === 1) {
            const id = positionals[0];
            const rule = RULES_BY_ID.get(id);
            if (!rule) {
                const near = closestName(id, RULES_BY_ID.keys());
                throw new CliError(`coord rules: unknown rule '${id}'${near ? `; did you mean '${near}'?` : ''} ('coord rules' lists them all)`);
            }
            io.stdout.write(format === 'json' ? renderRuleJson(rule, RULE_EXAMPLES[id]) : renderRuleExplanation(rule, RULE_EXAMPLES[id]));
            return 0;
        }
        io.stdout.write(render());
        return 0;
    },
};
