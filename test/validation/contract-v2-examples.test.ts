/**
 * Every example of §7 of the language reference, copied as written, parses and
 * gives the findings §7 says. The snippets are also read from the contract
 * itself (when it is there), so that an edit of the contract that breaks one
 * shows here.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../helpers.js';

const CONTRACT = path.resolve(__dirname, '../../../shared/coord-language.md');

/** §7.1: "`- savings size -0.12 sd ci -0.2..-0.04` is valid". */
const NEGATIVE_DETAILS = '- savings size -0.12 sd ci -0.2..-0.04';
/** §7.2, as the contract writes it (wrapped across a line). */
const ADDED_VALUE = `effects of HakuWinay +
  SoftSkills versus HakuWinay from EvalSoftSkills`;
/** §7.1: the example of `cite`. */
const CITE = '"Table 3, p. 21"';

/** The rules §7 speaks of, plus the structural ones; the coordination rules of §3 are not what these examples are about. */
const SECTION_7 = new Set(['syntax', 'unresolved-reference', 'repeated-property', 'invalid-value', 'invalid-comparator', 'estimate-mismatch',
    'unsourced-figure', 'mixed-evidence', 'unassessed-bias', 'conflicting-effects', 'missing-source']);
const of7 = <F extends { rule: string; suppressed?: string }>(findings: F[]): F[] => findings.filter(f => !f.suppressed && SECTION_7.has(f.rule));

// Names from the contract's examples; no fact about the real programmes is stated here.
const PROGRAMMES = `programme HakuWinay { country Peru sector productive }
programme SoftSkills { country Peru sector social-protection }
coordination HW_SS { between HakuWinay, SoftSkills local { role "r" } incentive budget }
`;

describe('§7 examples, as written', () => {
    test.runIf(fs.existsSync(CONTRACT))('the snippets stand in the contract as copied here', () => {
        const text = fs.readFileSync(CONTRACT, 'utf8');
        expect(text).toContain(`\`${NEGATIVE_DETAILS}\` is valid`);
        expect(text.replace(/\s+/g, ' ')).toContain(`\`${ADDED_VALUE.replace(/\s+/g, ' ')}\` is the effect of adding Soft Skills`);
        expect(text).toContain(`\`cite\` | \`String\` | where the figure stands in the source: \`${CITE}\``);
    });

    test('§7.1: a sign after a detail keyword belongs to the number; the effect is valid and consistent', async () => {
        const findings = await check(`${PROGRAMMES}evaluation E { method rct cite "Fictional report" risk-of-bias low }
effects of HakuWinay from E {
  ${NEGATIVE_DETAILS}
}`);
        expect(of7(findings).map(f => f.rule)).toEqual([]);
        // A fall in savings is adverse (§3), which is what the example says.
        expect(findings.filter(f => f.rule === 'adverse-effect')).toHaveLength(1);
    });

    test('§7.1: without a source the same figures are unsourced (§7.3), and nothing else', async () => {
        const findings = await check(`effects of A {\n  ${NEGATIVE_DETAILS}\n}`);
        expect(of7(findings).filter(f => f.rule !== 'unresolved-reference').map(f => [f.rule, f.line])).toEqual([
            ['missing-source', 1], ['unsourced-figure', 2], ['unsourced-figure', 2],
        ]);
    });

    test('§7.2: the effect of adding Soft Skills to Haku Wiñay is a valid comparison', async () => {
        const findings = await check(`${PROGRAMMES}evaluation EvalSoftSkills { method rct }
${ADDED_VALUE} {
  + internal_locus_of_control
}`);
        expect(of7(findings).map(f => f.rule)).toEqual(['unassessed-bias']);
        const same = await check(`${PROGRAMMES}evaluation EvalSoftSkills { method rct risk-of-bias some-concerns }
effects of HakuWinay + SoftSkills versus SoftSkills + HakuWinay from EvalSoftSkills { + savings }`);
        expect(of7(same).map(f => [f.rule, f.line])).toEqual([['invalid-comparator', 5]]);
    });

    test('§7.1 / §7.3: a cite on the effect sources its figures', async () => {
        const findings = await check(`${PROGRAMMES}effects of HakuWinay versus none from E { + savings size 0.12 sd cite ${CITE} }
evaluation E { method qualitative }`);
        expect(of7(findings).map(f => f.rule)).toEqual([]);
    });
});
