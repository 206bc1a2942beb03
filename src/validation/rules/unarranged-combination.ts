/** Rule `unarranged-combination`: effects of a combination that no coordination arranges. */
import { Effects, type Coordination, type Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes } from '../../analysis/queries.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';
import { declarationsOf } from '../declarations.js';

export const unarrangedCombinationRule = defineRule({
    id: RuleId.unarrangedCombination,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, facts, report }) {
        for (const decl of declarationsOf(model, Effects.$type)) {
            if (decl.programmes.some(r => !r.ref)) continue; // unresolved-reference says what is wrong
            const programmes = [...new Set(decl.programmes.map(r => r.ref as Programme))];
            if (programmes.length < 2) continue;
            // Look only at the coordinations of the programme that has the fewest.
            let candidates: readonly Coordination[] | undefined;
            for (const p of programmes) {
                const list = facts.coordinationsOf(p);
                if (!candidates || list.length < candidates.length) candidates = list;
            }
            const arranged = (candidates ?? []).some(c => {
                const joined = new Set(coordinationProgrammes(c));
                return programmes.every(p => joined.has(p));
            });
            if (arranged) continue;
            const names = combinationNames(decl);
            report({
                node: decl,
                keyword: 'effects',
                message: t('rule.unarranged-combination.message', { combination: combinationLabel(decl), names: names.join(t('list.and')) }),
                data: { programmes: names },
            });
        }
    },
});
