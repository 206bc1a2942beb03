/** `coord rules`: the rule catalogue, generated from the same metadata as the checks. */
import { t } from '../../i18n/index.js';
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
    get summary() { return t('cli.front.summary.rules'); },
    get usage() {
        return t('cli.usage.rules', { formats: Object.keys(RULES_FORMATS).join(' | ') });
    },
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('rules', args, {
            format: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        if (positionals.length > 1) throw new CliError(`coord rules: ${t('cli.rules.unexpected', { arg: positionals[1] })}`);
        const format = values.format ?? 'md';
        const render = Object.prototype.hasOwnProperty.call(RULES_FORMATS, format) ? RULES_FORMATS[format] : undefined;
        if (!render) throw new CliError(`coord rules: ${t('cli.unknown-format', { format, formats: Object.keys(RULES_FORMATS).join(', ') })}`);
        if (positionals.length === 1) {
            const id = positionals[0];
            const rule = RULES_BY_ID.get(id);
            if (!rule) {
                const near = closestName(id, RULES_BY_ID.keys());
                throw new CliError(`coord rules: ${t('cli.rules.unknown', { id, hint: near ? t('cli.did-you-mean', { near }) : '' })}`);
            }
            io.stdout.write(format === 'json' ? renderRuleJson(rule, RULE_EXAMPLES[id]) : renderRuleExplanation(rule, RULE_EXAMPLES[id]));
            return 0;
        }
        io.stdout.write(render());
        return 0;
    },
};
