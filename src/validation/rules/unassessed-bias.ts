/** Rule `unassessed-bias`: an evaluation of a quantitative design without `risk-of-bias` (§7.6). */
import { isEvaluation } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { evaluationMethod, evaluationRiskOfBias } from '../../analysis/evidence.js';

const ASSESSED_DESIGNS = new Set(['rct', 'quasi-experimental', 'psm', 'did', 'rdd']);

export const unassessedBiasRule = defineRule({
    id: RuleId.unassessedBias,
    defaultSeverity: 'hint',
    category: 'evidence',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isEvaluation(decl) || !decl.name) continue;
            const method = evaluationMethod(decl);
            if (!method || !ASSESSED_DESIGNS.has(method) || evaluationRiskOfBias(decl) !== undefined) continue;
            report({
                node: decl,
                property: 'name',
                message: t('rule.unassessed-bias.message', { name: decl.name, method }),
                data: { name: decl.name, method },
            });
        }
    },
});
