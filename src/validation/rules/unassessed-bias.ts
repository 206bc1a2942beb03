/** Rule `unassessed-bias`: an evaluation of a quantitative design without `risk-of-bias` (§7.6). */
import { Evaluation } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { evaluationMethod } from '../../analysis/evidence.js';
import { propertyOf } from '../../analysis/queries.js';
import { declarationsOf } from '../declarations.js';

const ASSESSED_DESIGNS = new Set(['rct', 'quasi-experimental', 'psm', 'did', 'rdd']);

export const unassessedBiasRule = defineRule({
    id: RuleId.unassessedBias,
    defaultSeverity: 'hint',
    category: 'evidence',
    check({ model, report }) {
        for (let i = 0, evaluations = declarationsOf(model, Evaluation.$type); i < evaluations.length; i++) {
            const decl = evaluations[i];
            if (!decl.name) continue;
            const method = evaluationMethod(decl);
            // A `risk-of-bias` whose value is a syntax mistake (`risk-of-bias moderate`) is an assessment, misspelt.
            if (!method || !ASSESSED_DESIGNS.has(method) || propertyOf(decl, 'risk-of-bias') !== undefined) continue;
            report({
                node: decl,
                property: 'name',
                message: t('rule.unassessed-bias.message', { name: decl.name, method }),
                data: { name: decl.name, method },
            });
        }
    },
});
