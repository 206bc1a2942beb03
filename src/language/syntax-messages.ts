/**
 * Readable syntax-error messages. Chevrotain's own messages list every token
 * sequence it could accept; analysts want the token that was found and, in a
 * few words, what was expected there and in which construct.
 */
import type { IRecognitionException } from 'chevrotain';

function shown(image: string | undefined): string {
    if (image === undefined || image === '') return 'end of file';
    const short = image.length > 40 ? image.slice(0, 37) + '…' : image;
    return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

/** What the grammar's rules are called in messages ("in a budget"). */
const RULE_LABELS: Record<string, string> = {
    Domain: 'a domain', Outcome: 'an outcome', Population: 'a population', Programme: 'a programme', Body: 'a body',
    Coordination: 'a coordination', Evaluation: 'an evaluation', Effects: 'an effects block', Effect: 'an effect',
    CountryProperty: '`country`', SectorProperty: '`sector`', AgencyProperty: '`agency`', MinistryProperty: '`ministry`',
    TargetsProperty: '`targets`', InstrumentsProperty: '`instruments`', BudgetProperty: '`budget`', PeriodProperty: '`period`',
    RedesignedProperty: '`redesigned`', NoteProperty: '`note`', LevelProperty: '`level`', BetweenProperty: '`between`',
    NodeProperty: '`node`', PoliticalSupportProperty: '`political-support`', LevelBlock: 'a level block', Agreement: '`agreement`',
    Role: '`role`', Capacity: '`capacity`', Stakeholder: '`stakeholder`', Resistance: '`resistance`', IncentiveProperty: '`incentive`', TargetingProperty: '`targeting`', AchievedProperty: '`achieved`',
    SinceProperty: '`since`', ReviewedProperty: '`reviewed`', BarrierProperty: '`barrier`', MethodProperty: '`method`',
    SampleProperty: '`sample`', ByProperty: '`by`',
};

/** The innermost construct the parser was in (`` `budget` ``, "a programme"), if it has a name. */
export function constructOf(e: IRecognitionException): string | undefined {
    const stack = e.context?.ruleStack ?? [];
    for (let i = stack.length - 1; i >= 0; i--) {
        const label = RULE_LABELS[stack[i].replace(/\W/g, '')];
        if (label) return label;
    }
    return undefined;
}

/** " in `budget`", for "unexpected … in `budget`". */
function where(e: IRecognitionException): string {
    const label = constructOf(e);
    return label ? ` in ${label}` : '';
}

/** Turns a parser error into a one-line message. */
export function describeParserError(e: IRecognitionException): string {
    // A mistake the parser repaired (validation/syntax-repair.ts) carries its final message.
    if (e.name === 'SyntaxMistake') return e.message;
    const found = e.token && e.token.tokenType?.name !== 'EOF' ? shown(e.token.image) : 'end of file';
    const msg = e.message ?? '';
    // (§8) What the analysis knows of the local level is only written in a `local` block.
    const image = e.token?.image;
    if ((image === 'capacity' || image === 'stakeholder' || image === 'resistance') && msg.includes("'}'")
        && (e.context?.ruleStack ?? []).some(r => r.replace(/\W/g, '') === 'LevelBlock')) {
        return `\`${image}\` belongs in a \`local\` block, not in a national or regional one; expected \`agreement\`, \`role\` or '}' but found ${found}`;
    }
    const single = /^Expecting (?:token of type )?'?([^'\s]+)'? but found/.exec(msg);
    if (single) {
        return `expected ${describeToken(single[1])}${where(e)} but found ${found}`;
    }
    const alternatives = [...msg.matchAll(/\d+\. \[([^\]]*)\]/g)].map(m => m[1].split(',')[0].trim());
    if (alternatives.length > 0) {
        let unique = [...new Set(alternatives.map(describeToken))];
        // Every word keyword is also a name: "a name" says it once.
        if (unique.includes('a name')) unique = unique.filter(a => a === 'a name' || !/^'[A-Za-z_][A-Za-z0-9_]*'$/.test(a));
        const list = unique.length > 8 ? unique.slice(0, 8).join(', ') + ', …' : unique.join(', ');
        return `unexpected ${found}${where(e)}; expected ${unique.length === 1 ? list : `one of ${list}`}`;
    }
    if (/Redundant input|expecting EOF|Expecting end of file/i.test(msg)) {
        return `unexpected ${found}; expected a declaration (domain, outcome, population, programme, body, coordination, evaluation or effects)`;
    }
    return `unexpected ${found}${where(e)}`;
}

/** Turns a lexer error (a character no token can start with) into a one-line message. */
export function describeLexerError(text: string, offset: number): string {
    const rest = text.slice(offset);
    if (rest.startsWith('"')) return 'unterminated string: this `"` has no closing `"`';
    if (rest.startsWith('/*')) return 'unterminated comment: this `/*` has no closing `*/`';
    const ch = String.fromCodePoint(rest.codePointAt(0) ?? 0);
    if (/\p{L}/u.test(ch)) {
        return `'${ch}' cannot be part of a name: names use the letters A–Z and a–z, digits and _; write accented text in the title string (programme HakuWinay "Haku Wiñay")`;
    }
    const code = ch.codePointAt(0) ?? 0;
    const shownChar = code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029) || code === 0xfeff
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : `'${ch}'`;
    return `unexpected character ${shownChar}`;
}

function describeToken(name: string): string {
    switch (name) {
        case 'ID': return 'a name';
        case 'STRING': return 'a string';
        case 'NUMBER': return 'a number';
        case 'EOF': return 'the end of the file';
        default: return `'${name}'`;
    }
}
