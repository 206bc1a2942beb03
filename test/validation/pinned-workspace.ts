/**
 * A large workspace with many findings of every rule, generated the same way on
 * every run, for `pinned-output.test.ts`: the exact output of `coord check
 * --format json` on it is pinned, so that a change meant to make validation
 * faster cannot change a finding (its rule, message, place, related places,
 * order) without failing a test. Every programme, body and evaluation here is
 * fictional (Testland, cohorts C0…), and so are all figures. The cohort text
 * is a frozen copy of bench/generate.mjs's `unitText` on purpose: the benchmark
 * may change its workspaces, the pinned output must not move with them.
 *
 * The workspace: cohorts of a productive and a social-protection programme
 * with their coordination, evaluation and effects (as the benchmark writes
 * them), each cohort changed in one of several ways that a rule reports (a
 * misspelt reference, a missing or repeated property, a reversed period, a
 * contradicted estimate, a name declared twice, effects that conflict or
 * disagree across evaluations, suppression comments, a syntax error…), spread
 * over files that reference each other; and every rule's example of
 * `coord rules ID` (fires and passes) as a file of its own, whose names
 * collide across files.
 */
import { RULE_EXAMPLES } from '../../src/validation/rule-examples.js';

const COUNTRIES = ['Peru', 'Colombia', 'Mexico', 'Chile', 'Paraguay', 'Guatemala'];

/** The lines of cohort `id` (the `n`th), whose link joins the social programme of cohort `prev`. */
function cohortLines(id: string, prev: string, n: number): string[] {
    const country = COUNTRIES[n % COUNTRIES.length];
    return [
        `// Cohort ${id} (fictional).`,
        `population ${id}_pop "Smallholder households, cohort ${id}"`,
        `programme ${id}_prod "Rural productive programme ${id}" {`,
        `  country ${country}`,
        `  sector productive`,
        `  agency "Ministry of Agriculture"`,
        `  ministry agriculture`,
        `  targets ${id}_pop`,
        `  instruments technical_assistance, productive_assets`,
        `  budget ${(n % 40) + 1}.5 million_USD per year`,
        `  period 2011..2018 cite "Budget law ${id}"`,
        `}`,
        `programme ${id}_soc "Cash transfers ${id}" {`,
        `  country ${country}`,
        `  sector social-protection`,
        `  ministry social_inclusion`,
        `  targets ${id}_pop`,
        `  instruments transfers`,
        `}`,
        `body ${id}_node "Coordinating node ${id}" { level national ministry agriculture }`,
        `coordination ${id}_coord "Productive inclusion ${id}" {`,
        `  between ${id}_prod, ${id}_soc`,
        `  node ${id}_node`,
        `  political-support strong`,
        `  local {`,
        `    agreement informal "Joint planning by local managers" capacity "Two extension agents per district"`,
        `    role "Local manager refers households" by ${id}_soc`,
        `  }`,
        `  incentive budget "Earmarked co-financing line"`,
        `  targeting "Shared registry of eligible households"`,
        `  achieved medium`,
        `  since 2012`,
        `  reviewed 2015`,
        `}`,
        `coordination ${id}_link "Link with cohort ${prev}" {`,
        `  between ${id}_prod, ${prev}_soc`,
        `  local { role "Extension agent refers households" by ${prev}_soc stakeholder "Producer associations" }`,
        `  political-support moderate incentive budget "Co-financing"`,
        `}`,
        `evaluation ${id}_eval "Impact evaluation ${id}" { method quasi-experimental period 2014..2016 sample 1800 households by "A fictional institute" cite "Report ${id}, Table 2" risk-of-bias some-concerns "Matched comparison" }`,
        `effects of ${id}_prod + ${id}_soc from ${id}_eval {`,
        `  + income size 0.12 sd ci 0.04..0.2 p 0.03 n 1800 estimand itt followup 24 months`,
        `  - poverty size -0.05 pp se 0.02 followup 24 months`,
        `  ~ secondary_activities size 0.01 sd ci -0.03..0.05 note "No significant change"`,
        `}`,
        `effects of ${prev}_soc + ${id}_prod from ${id}_eval {`,
        `  + savings size 0.08 sd se 0.03 subgroup ${id}_pop`,
        `}`,
    ];
}

/** Replaces the first line that equals `from` (trimmed) with `to` (several lines or none). */
function replaceLine(lines: string[], from: string, ...to: string[]): void {
    const at = lines.findIndex(l => l.trim() === from);
    if (at < 0) throw new Error(`no line '${from}'`);
    lines.splice(at, 1, ...to);
}

/** The ways a cohort is changed, one per cohort in turn (the first leaves it as it is). */
const MUTATIONS: Array<(lines: string[], id: string, prev: string) => void> = [
    () => {},
    (l, id) => replaceLine(l, `between ${id}_prod, ${id}_soc`, `  between ${id}_prod, ${id}_scc`),
    (l, id) => (replaceLine(l, 'sector social-protection'), l.push(`evaluation ${id}_eval3 "Without a method" { period 2014..2016 }`)),
    (l, id) => replaceLine(l, 'ministry social_inclusion', '  ministry social_inclusion', '  country Testland', `  targets ${id}_pop`),
    (l, id) => replaceLine(l, `period 2011..2018 cite "Budget law ${id}"`, '  period 2018..2011'),
    (l, id) => replaceLine(l, `role "Local manager refers households" by ${id}_soc`),
    l => replaceLine(l, 'incentive budget "Earmarked co-financing line"', '  political-support weak'),
    l => replaceLine(l, '+ income size 0.12 sd ci 0.04..0.2 p 0.03 n 1800 estimand itt followup 24 months', '  + income size -0.12 sd ci 0.04..0.2', '  - income'),
    (l, _id, prev) => replaceLine(l, `// Cohort ${_id} (fictional).`, `population ${prev}_pop "Declared again"`, `body ${prev}_node`),
    (l, id) => l.push(`effects of ${id}_prod + ${id}_soc from ${id}_eval2 {`, '  - income', '}', `evaluation ${id}_eval2 { method rct }`),
    (l, id) => replaceLine(l, 'targeting "Shared registry of eligible households"', '  // coord-disable-next-line complexity -- nothing here is complex', `  node ${id}_node`, '  // coord-disable-next-line local-roles, unused'),
    l => replaceLine(l, 'reviewed 2015', '  reviewed 2015', '  since'),
    (l, id) => l.push(`effects of ${id}_soc versus ${id}_soc + ${id}_prod {`, '  + savings size 0.3 sd', '  + poverty', '}', `programme ${id}_alone { country Testland sector agriculture ministry economy redesigned 2016 "Shorter" }`, `coordination ${id}_alone_c { between ${id}_alone, ${id}_alone since 2012 }`),
    l => l.unshift('// coord-disable unsourced-figure -- the figures are fictional'),
];

/** The files of the workspace: `cohort-NN.coord` and `rule-<id>-fires/passes.coord`. */
export function pinnedWorkspace(files = 24, cohortsPerFile = 12): Array<{ name: string; text: string }> {
    const out: Array<{ name: string; text: string }> = [];
    const ids: string[] = [];
    for (let f = 0; f < files; f++) for (let u = 0; u < cohortsPerFile; u++) ids.push(`C${f}_${u}`);
    let n = 0;
    for (let f = 0; f < files; f++) {
        const lines: string[] = [];
        for (let u = 0; u < cohortsPerFile; u++, n++) {
            const id = ids[n];
            const prev = ids[(n + ids.length - 1) % ids.length];
            const cohort = cohortLines(id, prev, n);
            MUTATIONS[n % MUTATIONS.length](cohort, id, prev);
            lines.push(...cohort);
        }
        // A file in four that ends with a declaration left open.
        if (f % 4 === 3) lines.push(`programme C${f}_open { country Testland`);
        out.push({ name: `cohort-${String(f).padStart(2, '0')}.coord`, text: lines.join('\n') + '\n' });
    }
    for (const [id, example] of Object.entries(RULE_EXAMPLES)) {
        out.push({ name: `rule-${id}-fires.coord`, text: example.fires });
        out.push({ name: `rule-${id}-passes.coord`, text: example.passes });
    }
    return out;
}
