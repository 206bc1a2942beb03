// Generates realistic, valid Coord workspaces for the benchmark: cohorts of a
// productive and a social-protection programme that share a population, a
// coordinating body, two coordinations (one of them with the previous cohort,
// which lives in another file when the workspace has several files), an
// evaluation (cited, its risk of bias assessed) and two effects blocks, every
// coordination with what is known of the local level (§8), every
// effect with an estimate and an interval or a standard error (§7). Every cohort is exactly UNIT_LINES lines,
// so a file of N lines holds N / UNIT_LINES cohorts. A generated workspace has
// no findings at all: the benchmark checks that, so it measures the normal path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lines of one cohort. */
export const UNIT_LINES = 50;

const COUNTRIES = ['Peru', 'Colombia', 'Mexico', 'Chile', 'Paraguay', 'Guatemala'];

/** The text of cohort `id`, whose coordination `link` joins the social programme of cohort `prev`. */
export function unitText(id, prev, n) {
    const country = COUNTRIES[n % COUNTRIES.length];
    const lines = [
        `// Cohort ${id}: a productive and a social-protection programme, coordinated and evaluated.`,
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
        `  note "National ministries prioritise shared households"`,
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
        `  incentive targeting "Shared eligibility list"`,
        `}`,
        `evaluation ${id}_eval "Impact evaluation ${id}" { method quasi-experimental period 2014..2016 sample 1800 households by "GRADE" cite "Report ${id}, Table 2" risk-of-bias some-concerns "Matched comparison" }`,
        `effects of ${id}_prod + ${id}_soc from ${id}_eval {`,
        `  + income size 0.12 sd ci 0.04..0.2 p 0.03 n 1800 estimand itt followup 24 months`,
        `  - poverty size -0.05 pp se 0.02 followup 24 months`,
        `  ~ secondary_activities size 0.01 sd ci -0.03..0.05 note "No significant change"`,
        `}`,
        `effects of ${prev}_soc + ${id}_prod from ${id}_eval {`,
        `  + savings size 0.08 sd se 0.03 subgroup ${id}_pop`,
        `}`,
    ];
    if (lines.length !== UNIT_LINES) throw new Error(`a cohort has ${lines.length} lines, expected ${UNIT_LINES}`);
    return lines.join('\n') + '\n';
}

/** The name prefix of cohort `u` of file `f`. */
function unitId(f, u) {
    return `F${f}U${u}`;
}

/**
 * The files of a workspace of `files` files of `linesPerFile` lines each (a
 * multiple of UNIT_LINES), as `{ name, text }`. Cohorts form one ring, so every
 * file references the previous one (and the first the last).
 */
export function generateWorkspace({ files, linesPerFile }) {
    if (linesPerFile % UNIT_LINES !== 0) throw new Error(`linesPerFile must be a multiple of ${UNIT_LINES}`);
    const perFile = linesPerFile / UNIT_LINES;
    const ids = [];
    for (let f = 0; f < files; f++) for (let u = 0; u < perFile; u++) ids.push(unitId(f, u));
    const out = [];
    let n = 0;
    for (let f = 0; f < files; f++) {
        let text = '';
        for (let u = 0; u < perFile; u++, n++) {
            text += unitText(ids[n], ids[(n + ids.length - 1) % ids.length], n);
        }
        out.push({ name: files === 1 ? 'portfolio.coord' : `portfolio-${String(f).padStart(4, '0')}.coord`, text });
    }
    return out;
}

/** Writes a generated workspace into `dir` (created); returns the file paths and the total line count. */
export function writeWorkspace(dir, spec) {
    mkdirSync(dir, { recursive: true });
    const paths = [];
    let lines = 0;
    for (const { name, text } of generateWorkspace(spec)) {
        const path = join(dir, name);
        writeFileSync(path, text);
        paths.push(path);
        lines += text.split('\n').length - 1;
    }
    return { paths, lines };
}
