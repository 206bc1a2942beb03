/** Rule `unarranged-combination`: effects of a combination that no coordination arranges. */
import { Effects, type Coordination, type Programme } from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { coordinationProgrammes, effectsProgrammes } from '../../analysis/queries.js';
import { combinationLabel, combinationNames } from '../../analysis/effects-labels.js';
import { declarationsOf } from '../declarations.js';

export const unarrangedCombinationRule = defineRule({
    id: RuleId.unarrangedCombination,
    defaultSeverity: 'warning',
    category: 'evidence',
    check({ model, facts, report }) {
        for (let i = 0, blocks = declarationsOf(model, Effects.$type); i < blocks.length; i++) {
            const decl = blocks[i];
            if (!allResolved(decl.programmes)) continue; // unresolved-reference says what is wrong
            const programmes = effectsProgrammes(decl);
            if (programmes.length < 2) continue;
            // Look only at the coordinations of the programme that has the fewest.
            let candidates: readonly Coordination[] | undefined;
            for (let j = 0; j < programmes.length; j++) {
                const p = programmes[j];
                const list = facts.coordinationsOf(p);
                if (!candidates || list.length < candidates.length) candidates = list;
            }
            let arranged = false;
            for (let j = 0, coordinations = candidates ?? []; j < coordinations.length; j++) {
                const c = coordinations[j];
                if (includesAll(coordinationProgrammes(c), programmes)) {
                    arranged = true;
                    break;
                }
            }
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

/**
 * Whether a list holds every wanted programme. Both are short as a rule (a
 * coordination's programmes, a combination's): searched as they are; a set
 * only when both are long (a hostile `between` and combination stay linear).
 */
function includesAll(list: readonly Programme[], wanted: readonly Programme[]): boolean {
    if (list.length > 16 && wanted.length > 16) {
        const joined = new Set(list);
        return wanted.every(p => joined.has(p));
    }
    for (let i = 0; i < wanted.length; i++) if (!list.includes(wanted[i])) return false;
    return true;
}

/** Whether every reference of a list resolves (a loop: the rule asks it of every `effects` block). */
function allResolved(references: ReadonlyArray<{ readonly ref: unknown }>): boolean {
    for (let i = 0; i < references.length; i++) if (!references[i].ref) return false;
    return true;
}
