/**
 * For `coord rules ID`: per rule, a minimal spec that fires it, a near miss
 * that does not, and how to fix a finding. `test/validation/rule-examples.test.ts`
 * checks every example against the rules themselves, so none of them can drift
 * from what the checks do. The programmes, bodies and evaluations here are
 * fictional (Lumen, Sorgo, Ayni, Testland…): they show the syntax and say
 * nothing about any real programme.
 */

import { t, type MessageKey } from '../i18n/index.js';

export interface RuleExample {
    /** A spec on which the rule reports at least one finding. */
    fires: string;
    /** The nearest spec on which it reports none. */
    passes: string;
    /** How to fix a finding, in a sentence or two (`example.<id>.fix` of the catalogue, in the current locale). */
    readonly fix: string;
}

const LUMEN = 'programme Lumen "Lumen (fictional cash transfer)" { country Testland sector social-protection }';
const SORGO = 'programme Sorgo "Sorgo (fictional productive programme)" { country Testland sector productive ministry agriculture }';
const PAIR = `${LUMEN}\n${SORGO}\n`;

const SPECS: Readonly<Record<string, Omit<RuleExample, 'fix'>>> = {
    'syntax': {
        fires: 'programme Lumen { country Testland sector social-protection\n',
        passes: `${LUMEN}\n`,
    },
    'unresolved-reference': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgoo }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
    },
    'duplicate-name': {
        fires: `${LUMEN}\nprogramme Lumen { country Testland sector productive }\n`,
        passes: `${LUMEN}\nprogramme Lumen_Rural { country Testland sector productive }\n`,
    },
    'required-property': {
        fires: 'programme Lumen { country Testland }\n',
        passes: 'programme Lumen { country Testland sector social-protection }\n',
    },
    'repeated-property': {
        fires: 'programme Lumen { country Testland country Otherland sector social-protection }\n',
        passes: 'programme Lumen { country Testland, Otherland sector social-protection }\n',
    },
    'between-arity': {
        fires: `${PAIR}coordination Lumen_Alone { between Lumen, Lumen }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
    },
    'invalid-value': {
        fires: 'programme Lumen { country Testland sector social-protection period 2018..2011 }\n',
        passes: 'programme Lumen { country Testland sector social-protection period 2011..2018 }\n',
    },
    'local-roles': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { agreement informal "Joint planning" } }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen } }\n`,
    },
    'budget-incentive': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo incentive targeting "Shared list" }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo incentive budget "Co-financing line" }\n`,
    },
    'target-mismatch': {
        fires: 'population poor\npopulation farmers\n'
            + 'programme Lumen { country Testland sector social-protection targets poor }\n'
            + 'programme Sorgo { country Testland sector productive targets farmers }\n'
            + 'coordination Lumen_Sorgo { between Lumen, Sorgo }\n',
        passes: 'population poor\npopulation farmers\n'
            + 'programme Lumen { country Testland sector social-protection targets poor }\n'
            + 'programme Sorgo { country Testland sector productive targets farmers }\n'
            + 'coordination Lumen_Sorgo { between Lumen, Sorgo targeting "Lumen registry used as Sorgo eligibility list" }\n',
    },
    'political-support-only': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support strong }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support strong incentive budget "Co-financing line" }\n`,
    },
    'cross-sector': {
        fires: `${LUMEN}\nprogramme Ayni { country Testland sector social-protection }\ncoordination Lumen_Ayni { between Lumen, Ayni }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
    },
    'complexity': {
        fires: `${PAIR}body NodeA\nbody NodeB\ncoordination Lumen_Sorgo { between Lumen, Sorgo node NodeA node NodeB }\n`,
        passes: `${PAIR}body NodeA\ncoordination Lumen_Sorgo { between Lumen, Sorgo node NodeA }\n`,
    },
    'design-change': {
        fires: 'programme Lumen { country Testland sector social-protection redesigned 2016 "Shorter cycle" }\n'
            + `${SORGO}\ncoordination Lumen_Sorgo { between Lumen, Sorgo since 2012 }\n`,
        passes: 'programme Lumen { country Testland sector social-protection redesigned 2016 "Shorter cycle" }\n'
            + `${SORGO}\ncoordination Lumen_Sorgo { between Lumen, Sorgo since 2012 reviewed 2017 }\n`,
    },
    'agriculture-anchor': {
        fires: `${LUMEN}\nprogramme Ayni { country Testland sector productive ministry economy }\ncoordination Lumen_Ayni { between Lumen, Ayni }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
    },
    'local-assessment': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen } }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen capacity "Two extension workers per district" } }\n`,
    },
    'political-support': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support weak }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support moderate }\n`,
    },
    'unarranged-combination': {
        fires: `${PAIR}effects of Lumen + Sorgo {\n  + savings\n}\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\neffects of Lumen + Sorgo {\n  + savings\n}\n`,
    },
    'missing-source': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings\n}\n`,
        passes: `${LUMEN}\nevaluation EvalLumen { method rct by "A fictional institute" }\neffects of Lumen from EvalLumen {\n  + savings\n}\n`,
    },
    'adverse-effect': {
        fires: `${LUMEN}\neffects of Lumen {\n  + poverty\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  - poverty\n}\n`,
    },
    'conflicting-effects': {
        fires: `${LUMEN}\nevaluation EvalLumen { method rct }\neffects of Lumen from EvalLumen {\n  + savings\n  - savings\n}\n`,
        passes: `${LUMEN}\nevaluation EvalLumen { method rct }\neffects of Lumen from EvalLumen {\n  + savings\n  - informal_loans\n}\n`,
    },
    'invalid-comparator': {
        fires: `${PAIR}effects of Lumen + Sorgo versus Sorgo + Lumen {\n  + savings\n}\n`,
        passes: `${PAIR}effects of Lumen + Sorgo versus Sorgo {\n  + savings\n}\n`,
    },
    'estimate-mismatch': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings size -0.12 sd\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd\n}\n`,
    },
    'unsourced-figure': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd cite "Table 2 of a fictional report"\n}\n`,
    },
    'mixed-evidence': {
        fires: `${LUMEN}\nevaluation EvalA { method rct }\nevaluation EvalB { method rct }\n`
            + 'effects of Lumen from EvalA {\n  + savings\n}\neffects of Lumen from EvalB {\n  - savings\n}\n',
        passes: `${LUMEN}\nevaluation EvalA { method rct }\nevaluation EvalB { method rct }\n`
            + 'effects of Lumen from EvalA {\n  + savings\n}\neffects of Lumen from EvalB {\n  + savings\n}\n',
    },
    'unassessed-bias': {
        fires: 'evaluation EvalLumen { method rct }\n',
        passes: 'evaluation EvalLumen { method rct risk-of-bias low }\n',
    },
    'unused': {
        fires: `${LUMEN}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings\n}\n`,
    },
    'unused-suppression': {
        fires: `// coord-disable-next-line budget-incentive -- nothing below needs it\n${LUMEN}\n`,
        passes: `${PAIR}// coord-disable-next-line budget-incentive -- financed from the general budget\ncoordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
    },
};

export const RULE_EXAMPLES: Readonly<Record<string, RuleExample>> = Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, {
    ...spec,
    get fix() {
        return t(`example.${id}.fix` as MessageKey);
    },
}]));
