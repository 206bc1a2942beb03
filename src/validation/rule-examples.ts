/**
 * For `coord rules ID`: per rule, a minimal spec that fires it, a near miss
 * that does not, and how to fix a finding. `test/validation/rule-examples.test.ts`
 * checks every example against the rules themselves, so none of them can drift
 * from what the checks do. The programmes, bodies and evaluations here are
 * fictional (Lumen, Sorgo, Ayni, Testland…): they show the syntax and say
 * nothing about any real programme.
 */

export interface RuleExample {
    /** A spec on which the rule reports at least one finding. */
    fires: string;
    /** The nearest spec on which it reports none. */
    passes: string;
    /** How to fix a finding, in a sentence or two. */
    fix: string;
}

const LUMEN = 'programme Lumen "Lumen (fictional cash transfer)" { country Testland sector social-protection }';
const SORGO = 'programme Sorgo "Sorgo (fictional productive programme)" { country Testland sector productive ministry agriculture }';
const PAIR = `${LUMEN}\n${SORGO}\n`;

export const RULE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
    'syntax': {
        fires: 'programme Lumen { country Testland sector social-protection\n',
        passes: `${LUMEN}\n`,
        fix: 'Correct the text at the position given: the message names what the parser expected (here the closing `}`).',
    },
    'unresolved-reference': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgoo }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
        fix: 'Correct the name (the message suggests the closest one), or declare what it names in any file of the project.',
    },
    'duplicate-name': {
        fires: `${LUMEN}\nprogramme Lumen { country Testland sector productive }\n`,
        passes: `${LUMEN}\nprogramme Lumen_Rural { country Testland sector productive }\n`,
        fix: 'Rename one of the declarations; names are unique across the project and the standard library.',
    },
    'required-property': {
        fires: 'programme Lumen { country Testland }\n',
        passes: 'programme Lumen { country Testland sector social-protection }\n',
        fix: 'Add the missing property the message names (`country` and `sector` for a programme, `between` for a coordination, `method` for an evaluation).',
    },
    'repeated-property': {
        fires: 'programme Lumen { country Testland country Otherland sector social-protection }\n',
        passes: 'programme Lumen { country Testland, Otherland sector social-protection }\n',
        fix: 'Keep one occurrence; a list goes in one property (`country Testland, Otherland`).',
    },
    'between-arity': {
        fires: `${PAIR}coordination Lumen_Alone { between Lumen, Lumen }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
        fix: 'List at least two different programmes in `between`, each once.',
    },
    'invalid-value': {
        fires: 'programme Lumen { country Testland sector social-protection period 2018..2011 }\n',
        passes: 'programme Lumen { country Testland sector social-protection period 2011..2018 }\n',
        fix: 'Correct the value: years lie in 1900–2100 and a period ends after it starts; `p` lies in 0–1; budgets and samples are not negative.',
    },
    'local-roles': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { agreement informal "Joint planning" } }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen } }\n`,
        fix: 'Add `local { role "…" by Programme }` saying who does what on the ground.',
    },
    'budget-incentive': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo incentive targeting "Shared list" }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo incentive budget "Co-financing line" }\n`,
        fix: 'Add `incentive budget "…"` describing the budgetary provision that rewards coordination.',
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
        fix: 'Declare a shared population in the programmes\' `targets`, or the shared rule: `targeting "…"` or `incentive targeting "…"`.',
    },
    'political-support-only': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support strong }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support strong incentive budget "Co-financing line" }\n`,
        fix: 'Add what makes support operational: an `incentive` of any kind or a local `role`.',
    },
    'cross-sector': {
        fires: `${LUMEN}\nprogramme Ayni { country Testland sector social-protection }\ncoordination Lumen_Ayni { between Lumen, Ayni }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
        fix: 'Join a social-protection and a productive programme, or suppress the finding with the reason this arrangement is within one sector.',
    },
    'complexity': {
        fires: `${PAIR}body NodeA\nbody NodeB\ncoordination Lumen_Sorgo { between Lumen, Sorgo node NodeA node NodeB }\n`,
        passes: `${PAIR}body NodeA\ncoordination Lumen_Sorgo { between Lumen, Sorgo node NodeA }\n`,
        fix: 'Simplify the arrangement (one node, agreements where they are needed), or keep it and read the finding as a caution: complexity does not guarantee coordination.',
    },
    'design-change': {
        fires: 'programme Lumen { country Testland sector social-protection redesigned 2016 "Shorter cycle" }\n'
            + `${SORGO}\ncoordination Lumen_Sorgo { between Lumen, Sorgo since 2012 }\n`,
        passes: 'programme Lumen { country Testland sector social-protection redesigned 2016 "Shorter cycle" }\n'
            + `${SORGO}\ncoordination Lumen_Sorgo { between Lumen, Sorgo since 2012 reviewed 2017 }\n`,
        fix: 'Review the arrangement after the redesign and record it with `reviewed YEAR`.',
    },
    'agriculture-anchor': {
        fires: `${LUMEN}\nprogramme Ayni { country Testland sector productive ministry economy }\ncoordination Lumen_Ayni { between Lumen, Ayni }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
        fix: 'Anchor a productive programme of the coordination in the ministry of agriculture (`ministry agriculture`), where that is the design.',
    },
    'local-assessment': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen } }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo local { role "Field officer refers households" by Lumen capacity "Two extension workers per district" } }\n`,
        fix: 'Say what is known of the local level in the `local` block: `capacity "…"`, `stakeholder "…"` or `resistance "…"`.',
    },
    'political-support': {
        fires: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support weak }\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo political-support moderate }\n`,
        fix: 'Declare the political support the arrangement has (`political-support strong` or `moderate`), or, where it is weak, keep the finding as the warning it is.',
    },
    'unarranged-combination': {
        fires: `${PAIR}effects of Lumen + Sorgo {\n  + savings\n}\n`,
        passes: `${PAIR}coordination Lumen_Sorgo { between Lumen, Sorgo }\neffects of Lumen + Sorgo {\n  + savings\n}\n`,
        fix: 'Declare the `coordination` that joins these programmes, or say why they were combined without one.',
    },
    'missing-source': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings\n}\n`,
        passes: `${LUMEN}\nevaluation EvalLumen { method rct by "A fictional institute" }\neffects of Lumen from EvalLumen {\n  + savings\n}\n`,
        fix: 'Add `from Evaluation`, naming the evaluation that observed the effects.',
    },
    'adverse-effect': {
        fires: `${LUMEN}\neffects of Lumen {\n  + poverty\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  - poverty\n}\n`,
        fix: 'Nothing to fix when the evaluation found it: the finding points out an effect against the desired direction. Check the sign if it was a typo.',
    },
    'conflicting-effects': {
        fires: `${LUMEN}\nevaluation EvalLumen { method rct }\neffects of Lumen from EvalLumen {\n  + savings\n  - savings\n}\n`,
        passes: `${LUMEN}\nevaluation EvalLumen { method rct }\neffects of Lumen from EvalLumen {\n  + savings\n  - informal_loans\n}\n`,
        fix: 'Keep the direction the source reports; effects for different subgroups or comparators belong in different cells.',
    },
    'invalid-comparator': {
        fires: `${PAIR}effects of Lumen + Sorgo versus Sorgo + Lumen {\n  + savings\n}\n`,
        passes: `${PAIR}effects of Lumen + Sorgo versus Sorgo {\n  + savings\n}\n`,
        fix: 'Name in `versus` what the comparison group received: fewer programmes (the added value of the others), other programmes, or `none`.',
    },
    'estimate-mismatch': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings size -0.12 sd\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd\n}\n`,
        fix: 'Make the sign and the figures agree: check the direction (`+`, `-`, `~`) and the estimate, interval and p-value against the source.',
    },
    'unsourced-figure': {
        fires: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd\n}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings size 0.12 sd cite "Table 2 of a fictional report"\n}\n`,
        fix: 'Say where the figure comes from: a `cite` on the effect, or `from` an evaluation that has a `cite`, `doi` or `url`.',
    },
    'mixed-evidence': {
        fires: `${LUMEN}\nevaluation EvalA { method rct }\nevaluation EvalB { method rct }\n`
            + 'effects of Lumen from EvalA {\n  + savings\n}\neffects of Lumen from EvalB {\n  - savings\n}\n',
        passes: `${LUMEN}\nevaluation EvalA { method rct }\nevaluation EvalB { method rct }\n`
            + 'effects of Lumen from EvalA {\n  + savings\n}\neffects of Lumen from EvalB {\n  + savings\n}\n',
        fix: 'Nothing to fix when the sources disagree: keep both and read the cell\'s certainty; check each direction against its source.',
    },
    'unassessed-bias': {
        fires: 'evaluation EvalLumen { method rct }\n',
        passes: 'evaluation EvalLumen { method rct risk-of-bias low }\n',
        fix: 'Add `risk-of-bias low`, `some-concerns` or `high` (the RoB 2 judgement), with its reason.',
    },
    'unused': {
        fires: `${LUMEN}\n`,
        passes: `${LUMEN}\neffects of Lumen {\n  + savings\n}\n`,
        fix: 'Reference the declaration (in a coordination, an effects block…), or remove it.',
    },
    'unused-suppression': {
        fires: `// coord-disable-next-line budget-incentive -- nothing below needs it\n${LUMEN}\n`,
        passes: `${PAIR}// coord-disable-next-line budget-incentive -- financed from the general budget\ncoordination Lumen_Sorgo { between Lumen, Sorgo }\n`,
        fix: 'Remove the comment, or move it to the line above the finding it was meant for.',
    },
};
