/**
 * Typical mistakes of people writing Coord for the first time, as data: each is
 * an edit of {@link BASE} (a spec with no findings at all), the first message and
 * line Coord must answer with, and how many findings the file then has.
 * Grow this list whenever a review finds a mistake Coord answers badly.
 */
export const BASE = `population Rural "Rural households"
programme BF "Bolsa Família" {
  country BR
  sector social-protection
  targets Rural
}
programme PAA "Food Acquisition" {
  country BR
  sector productive
  ministry agriculture
  targets Rural
}
coordination Link {
  between BF, PAA
  political-support strong
  incentive budget "shared fund"
  local { capacity "municipal extension staff"
    role "enrol families" by BF
  }
}
evaluation Eval {
  method rct risk-of-bias low "randomised, fictional" cite "Fictional report, Table 2"
  period 2014..2016
  sample 3200
}
effects of BF + PAA from Eval {
  + income size 8 percent p 0.01
}
`;

/**
 * The spec of the second user-level review (issue 17): a fictional programme
 * pair in the fictional country of Lumeria, written from the language
 * reference alone, with v2 evidence details. It says nothing about any real
 * programme, and has no findings.
 */
export const REVIEW_BASE = `// A fictional programme pair in the fictional country of Lumeria, written from
// the language reference alone; no figure here describes a real programme.
population smallholders "Smallholder households (fictional)"

programme Semilla "Semilla (a fictional productive programme)" {
  country Lumeria
  sector productive
  ministry agriculture
  targets smallholders
  period 2015..2019
}

programme Amparo "Amparo (a fictional cash transfer)" {
  country Lumeria
  sector social-protection
  targets smallholders
}

coordination Semilla_Amparo "Semilla + Amparo" {
  between Semilla, Amparo
  political-support moderate
  local {
    role "Municipal teams enrol Amparo families in Semilla" by Amparo
    capacity "Extension agents in every municipality"
  }
  incentive targeting "One eligibility list"
  incentive budget "Shared municipal fund"
  achieved medium
}

evaluation EvalSemilla "Semilla impact study (fictional)" {
  method did
  risk-of-bias some-concerns "fictional: no pre-registration"
  period 2016..2018
  sample 1200 households
  cite "Fictional report, Table 1"
}

effects of Semilla + Amparo from EvalSemilla {
  + income size 0.08 sd ci 0.02..0.14 followup 24 months estimand itt cite "Table 4"
  ~ savings
}
`;

export interface Mistake {
    name: string;
    /** The spec the mistake is made in: {@link BASE} unless given. */
    base?: string;
    /** The text replaced (its first occurrence, or every one with `all`). */
    from: string;
    to: string;
    all?: boolean;
    /** The first finding: its 1-based line and a pattern its message matches. */
    line: number;
    message: RegExp;
    /** How many findings the file has. */
    count: number;
}

/** The text of a mistake: its base with the edit made (the first occurrence, or every one with `all`). */
export function mistakeText(m: Mistake): string {
    const base = m.base ?? BASE;
    return m.all ? base.split(m.from).join(m.to) : base.replace(m.from, m.to);
}

export const MISTAKES: Mistake[] = [
    { name: 'a title missing its closing quote', from: '"Bolsa Família"', to: '"Bolsa Família', line: 2, message: /string does not close on its line/, count: 1 },
    { name: 'a misspelt declaration keyword', from: 'evaluation Eval', to: 'evalution Eval', line: 21, message: /did you mean `evaluation`\?/, count: 1 },
    { name: '`target` for `targets`', from: 'targets Rural', to: 'target Rural', line: 5, message: /did you mean `targets`\?/, count: 1 },
    { name: 'a missing comma in `between`', from: 'between BF, PAA', to: 'between BF PAA', line: 14, message: /missing ',' between programmes/, count: 1 },
    { name: 'a period with a hyphen', from: 'period 2014..2016', to: 'period 2014-2016', line: 23, message: /`period 2014\.\.2016`/, count: 1 },
    { name: 'a p-value with `<`', from: 'p 0.01', to: 'p <0.01', line: 27, message: /`p 0\.01`/, count: 1 },
    { name: 'a size with `%`', from: 'size 8 percent', to: 'size 8%', line: 27, message: /`size 8 percent`/, count: 1 },
    { name: 'a sample with a thousands separator', from: 'sample 3200', to: 'sample 3,200', line: 24, message: /without separators: `3200`/, count: 1 },
    { name: 'an accented name', from: 'BF', to: 'BolsaFamília', all: true, line: 2, message: /'í' cannot be part of a name/, count: 4 },
    { name: '`and` between the programmes of an effects block', from: 'of BF + PAA', to: 'of BF and PAA', line: 26, message: /with '\+', not 'and'/, count: 1 },
    { name: '`and` between the programmes of `between`', from: 'between BF, PAA', to: 'between BF and PAA', line: 14, message: /with ',', not 'and'/, count: 1 },
    { name: 'a missing `+` between the programmes of an effects block', from: 'of BF + PAA', to: 'of BF PAA', line: 26, message: /missing '\+'/, count: 1 },
    { name: 'a misspelt property', from: 'country BR', to: 'contry BR', line: 3, message: /did you mean `country`\?/, count: 1 },
    { name: 'a misspelt sector', from: 'sector productive', to: 'sector productiv', line: 9, message: /did you mean `productive`\?/, count: 1 },
    { name: 'a method in capitals', from: 'method rct', to: 'method RCT', line: 22, message: /did you mean `rct`\?/, count: 1 },
    { name: 'a misspelt political support', from: 'political-support strong', to: 'political-support stong', line: 15, message: /did you mean `strong`\?/, count: 1 },
    { name: 'a misspelt incentive kind', from: 'incentive budget', to: 'incentive budjet', line: 16, message: /did you mean `budget`\?/, count: 1 },
    { name: 'a misspelt level', from: 'local {', to: 'locl {', line: 17, message: /did you mean `local`\?/, count: 1 },
    { name: 'a misspelt `programme`', from: 'programme PAA', to: 'programe PAA', line: 7, message: /did you mean `programme`\?/, count: 1 },
    { name: '`Programme` in capitals', from: 'programme PAA', to: 'Programme PAA', line: 7, message: /did you mean `programme`\?/, count: 1 },
    { name: 'a misspelt `coordination`', from: 'coordination Link', to: 'coordinaton Link', line: 13, message: /did you mean `coordination`\?/, count: 1 },
    { name: 'a misspelt `population`', from: 'population Rural', to: 'populaton Rural', line: 1, message: /did you mean `population`\?/, count: 1 },
    { name: 'a misspelt `effects`', from: 'effects of', to: 'efects of', line: 26, message: /did you mean `effects`\?/, count: 1 },
    { name: 'a role string missing its closing quote', from: '"enrol families"', to: '"enrol families', line: 18, message: /string does not close on its line/, count: 1 },
    { name: 'a note missing its closing quote at the end of the file', from: '+ income size 8 percent p 0.01\n}', to: '+ income note "good\n}', line: 27, message: /string does not close on its line/, count: 1 },
    { name: 'a trailing comma in `between`', from: 'between BF, PAA', to: 'between BF, PAA,', line: 14, message: /./, count: 1 },
    { name: 'a period with spaced hyphen', from: 'period 2014..2016', to: 'period 2014 - 2016', line: 23, message: /`period 2014\.\.2016`/, count: 1 },
    { name: 'a period with `to`', from: 'period 2014..2016', to: 'period 2014 to 2016', line: 23, message: /`period 2014\.\.2016`/, count: 1 },
    { name: 'a period with an en dash', from: 'period 2014..2016', to: 'period 2014–2016', line: 23, message: /`period 2014\.\.2016`/, count: 1 },
    { name: 'a p-value with `=`', from: 'p 0.01', to: 'p=0.01', line: 27, message: /`p 0\.01`/, count: 1 },
    { name: 'a p-value with a spaced `<`', from: 'p 0.01', to: 'p < 0.01', line: 27, message: /`p 0\.01`/, count: 1 },
    { name: 'a sample with a separator and a unit', from: 'sample 3200', to: 'sample 3,200 households', line: 24, message: /`3200`/, count: 1 },
    { name: 'a budget with two separators', from: 'ministry agriculture', to: 'ministry agriculture cite "Fictional budget law"\n  budget 1,500,000 USD', line: 11, message: /`1500000`/, count: 1 },
    { name: 'a currency sign', from: 'sample 3200', to: 'sample $3200', line: 24, message: /unexpected character '\$'/, count: 1 },
    { name: 'a missing `{` after a coordination name', from: 'coordination Link {', to: 'coordination Link', line: 13, message: /missing '\{' after 'Link'/, count: 1 },
    { name: 'a missing `}` at the end of a programme', from: '  targets Rural\n}\nprogramme PAA', to: '  targets Rural\nprogramme PAA', line: 5, message: /missing '\}': the '\{' on line 2 is not closed/, count: 1 },
    { name: 'a missing `}` at the end of the file', from: '+ income size 8 percent p 0.01\n}', to: '+ income size 8 percent p 0.01\n', line: 27, message: /missing '\}'/, count: 1 },
    { name: 'a brace too many', from: '}\nevaluation Eval', to: '}\n}\nevaluation Eval', line: 21, message: /unexpected '\}'/, count: 1 },
    { name: 'a missing `of`', from: 'effects of BF', to: 'effects BF', line: 26, message: /missing 'of' after 'effects'/, count: 1 },
    { name: 'a missing method', from: 'method rct', to: 'method', line: 22, message: /./, count: 1 },
    { name: 'a missing `..` in a period', from: 'period 2014..2016', to: 'period 2014 2016', line: 23, message: /./, count: 1 },
    { name: 'a title without quotes', from: 'programme PAA "Food Acquisition"', to: 'programme PAA Food Acquisition', line: 7, message: /./, count: 1 },
    { name: 'a misspelt `between`', from: 'between BF, PAA', to: 'betwen BF, PAA', line: 14, message: /did you mean `between`\?/, count: 1 },
    { name: 'a misspelt `ministry`', from: 'ministry agriculture', to: 'minstry agriculture', line: 10, message: /did you mean `ministry`\?/, count: 1 },
    { name: 'a misspelt `sample`', from: 'sample 3200', to: 'sampel 3200', line: 24, message: /did you mean `sample`\?/, count: 1 },
    { name: 'a colon after a property keyword', from: 'country BR', to: 'country: BR', line: 3, message: /./, count: 1 },
    // The second user-level review: mistakes made writing REVIEW_BASE from the reference alone.
    { name: 'a decimal comma in a size', base: REVIEW_BASE, from: 'size 0.08 sd', to: 'size 0,08 sd', line: 40, message: /write decimals with a point: `0\.08`, not `0,08`/, count: 1 },
    { name: 'a decimal comma in a p-value', base: REVIEW_BASE, from: '~ savings', to: '~ savings p 0,2', line: 41, message: /`0\.2`, not `0,2`/, count: 1 },
    { name: 'a confidence interval with a hyphen', base: REVIEW_BASE, from: 'ci 0.02..0.14', to: 'ci 0.02-0.14', line: 40, message: /write a confidence interval with '\.\.': `ci 0\.02\.\.0\.14`/, count: 1 },
    { name: 'a confidence interval in brackets', base: REVIEW_BASE, from: 'ci 0.02..0.14', to: 'ci (0.02, 0.14)', line: 40, message: /`ci 0\.02\.\.0\.14`, without brackets/, count: 1 },
    { name: 'a confidence interval in square brackets with a semicolon', base: REVIEW_BASE, from: 'ci 0.02..0.14', to: 'ci [0.02; 0.14]', line: 40, message: /`ci 0\.02\.\.0\.14`, without brackets/, count: 1 },
    { name: 'a confidence interval with `%`', base: REVIEW_BASE, from: 'size 0.08 sd ci 0.02..0.14', to: 'size 8 percent ci 2%..14%', line: 40, message: /write `ci 2\.\.14` without '%'.*unit of `size`/, count: 1 },
    { name: 'a semicolon after a property', base: REVIEW_BASE, from: 'country Lumeria\n  sector productive', to: 'country Lumeria;\n  sector productive', line: 6, message: /no ';'/, count: 1 },
    { name: 'a title in single quotes', base: REVIEW_BASE, from: '"Semilla + Amparo"', to: "'Semilla + Amparo'", line: 19, message: /write a string in double quotes: `"Semilla \+ Amparo"`/, count: 1 },
    { name: 'a title in typographic quotes', base: REVIEW_BASE, from: '"Semilla + Amparo"', to: '\u201cSemilla + Amparo\u201d', line: 19, message: /straight double quotes/, count: 1 },
    { name: 'a comment with `#`', base: REVIEW_BASE, from: '// A fictional programme pair', to: '# A fictional programme pair', line: 1, message: /write a comment with '\/\/', not '#'/, count: 1 },
    { name: 'a `,` between the programmes of an effects block', base: REVIEW_BASE, from: 'effects of Semilla + Amparo', to: 'effects of Semilla, Amparo', line: 39, message: /with '\+', not ','/, count: 1 },
    { name: 'a `+` between the programmes of `between`', base: REVIEW_BASE, from: 'between Semilla, Amparo', to: 'between Semilla + Amparo', line: 20, message: /with ',', not '\+'/, count: 1 },
    { name: '`and` between two sectors', base: REVIEW_BASE, from: 'sector productive\n  ministry', to: 'sector productive and social-protection\n  ministry', line: 7, message: /separate the sectors of `sector` with ','/, count: 1 },
    { name: 'a comma after a property', base: REVIEW_BASE, from: 'method did\n', to: 'method did,\n', line: 32, message: /properties are not separated by ','/, count: 1 },
    { name: 'a hyphen in a name', base: REVIEW_BASE, from: 'coordination Semilla_Amparo', to: 'coordination Semilla-Amparo', line: 19, message: /'-' cannot be part of a name: write `Semilla_Amparo`/, count: 1 },
    { name: 'an effect without its direction', base: REVIEW_BASE, from: '~ savings', to: 'savings', line: 41, message: /an effect starts with its direction: `\+ savings`/, count: 1 },
    { name: 'an effect\'s direction in words', base: REVIEW_BASE, from: '~ savings', to: 'increase savings', line: 41, message: /direction as '\+', not 'increase'/, count: 1 },
    { name: 'a risk of bias that is not one of its values', base: REVIEW_BASE, from: 'risk-of-bias some-concerns', to: 'risk-of-bias moderate', line: 33, message: /'low', 'some-concerns', 'high'/, count: 1 },
];
