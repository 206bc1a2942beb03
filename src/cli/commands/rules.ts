/** `coord rules`: the rule catalogue, generated from the same metadata as the checks. */
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError } from '../files.js';
import { RULES } from '../../validation/registry.js';
import { renderRulesJson, renderRulesMarkdown } from '../../validation/catalogue.js';

const RULES_FORMATS: Record<string, () => string> = {
    md: () => renderRulesMarkdown(RULES),
    json: () => renderRulesJson(RULES),
};

export const rulesCommand: Command = {
    name: 'rules',
    summary: 'list every rule with its default severity and the lesson behind it',
    usage: `Usage: coord rules [--format md|json]

Prints the rule catalogue: each rule's id (the diagnostic code and the name
used in coord.config.json and suppression comments), its default severity,
when it fires and why it matters. docs/rules.md is this command's Markdown.

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
        if (positionals.length > 0) throw new CliError(`coord rules: unexpected argument '${positionals[0]}'`);
        const format = values.format ?? 'md';
        const render = Object.prototype.hasOwnProperty.call(RULES_FORMATS, format) ? RULES_FORMATS[format] : undefined;
        if (!render) throw new CliError(`coord rules: unknown format '${format}' (expected ${Object.keys(RULES_FORMATS).join(', ')})`);
        io.stdout.write(render());
        return 0;
    },
};
