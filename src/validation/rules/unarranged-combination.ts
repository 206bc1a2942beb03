/** Rule `unarranged-combination`: effects of a combination that no coordination arranges. */
import { isEffects, type Coordination, type Programme } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes } from '../../analysis/queries.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';

export const unarrangedCombinationRule = defineRule({
    id: RuleId.unarrangedCombination,
    defaultSeverity: 'warning',
    category: 'evidence',
    summary: '`effects of` two or more programmes, and no coordination has all of them in `between`.',
    doc: 'Effects of a combination of programmes are the evidence for an arrangement between them: the synergy of a social-protection and a productive programme comes from how they worked together. When no `coordination` lists all the programmes of the combination in its `between` (in any order), the effects cannot be traced to an arrangement, and the coordination rules cannot say what made it work. Declare the coordination, or correct the combination.',
    check({ model, facts, report }) {
        for (const decl of model.declarations) {
            if (!isEffects(decl)) continue;
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
                message: `effects of ${combinationLabel(decl)}: no coordination is between ${names.join(' and ')}; effects of a combination should trace back to the arrangement that joined the programmes`,
                data: { programmes: names },
            });
        }
    },
});
