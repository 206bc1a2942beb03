/**
 * Readable syntax-error messages. Chevrotain's own messages list every token
 * sequence it could accept; analysts want the token that was found and, in a
 * few words, what was expected there and in which construct.
 */
import type { IRecognitionException } from 'chevrotain';
import { formatList, t, type MessageKey } from '../i18n/index.js';

/** The keywords a declaration starts with (keywords stay English in every locale). */
const DECLARATION_KEYWORDS = ['domain', 'outcome', 'population', 'programme', 'body', 'coordination', 'evaluation', 'effects'];
/** How to write a title with accents, in Coord. */
export const LETTER_EXAMPLE = 'programme HakuWinay "Haku Wiñay"';

function shown(image: string | undefined): string {
    if (image === undefined || image === '') return t('syntax.end-of-file');
    const short = image.length > 40 ? image.slice(0, 37) + '…' : image;
    return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

/** What the grammar's rules are called in messages ("in a budget"). */
const RULE_LABELS: Record<string, MessageKey | string> = {
    Domain: 'kind.a.Domain', Outcome: 'kind.a.Outcome', Population: 'kind.a.Population', Programme: 'kind.a.Programme', Body: 'kind.a.Body',
    Coordination: 'kind.a.Coordination', Evaluation: 'kind.a.Evaluation', Effects: 'kind.a.Effects', Effect: 'syntax.construct.effect',
    CountryProperty: '`country`', SectorProperty: '`sector`', AgencyProperty: '`agency`', MinistryProperty: '`ministry`',
    TargetsProperty: '`targets`', InstrumentsProperty: '`instruments`', BudgetProperty: '`budget`', PeriodProperty: '`period`',
    RedesignedProperty: '`redesigned`', NoteProperty: '`note`', LevelProperty: '`level`', BetweenProperty: '`between`',
    NodeProperty: '`node`', PoliticalSupportProperty: '`political-support`', LevelBlock: 'syntax.construct.level-block', Agreement: '`agreement`',
    Role: '`role`', Capacity: '`capacity`', Stakeholder: '`stakeholder`', Resistance: '`resistance`', IncentiveProperty: '`incentive`', TargetingProperty: '`targeting`', AchievedProperty: '`achieved`',
    SinceProperty: '`since`', ReviewedProperty: '`reviewed`', BarrierProperty: '`barrier`', MethodProperty: '`method`',
    SampleProperty: '`sample`', ByProperty: '`by`',
};

/** The innermost construct the parser was in (`` `budget` ``, "a programme"), if it has a name. */
export function constructOf(e: IRecognitionException): string | undefined {
    const stack = e.context?.ruleStack ?? [];
    for (let i = stack.length - 1; i >= 0; i--) {
        const label = RULE_LABELS[stack[i].replace(/\W/g, '')];
        // A keyword in a code span is itself in every locale; a construct's name is the catalogue's.
        if (label) return label.startsWith('`') ? label : t(label as MessageKey);
    }
    return undefined;
}

/** " in `budget`", for "unexpected … in `budget`". */
function where(e: IRecognitionException): string {
    const label = constructOf(e);
    return label ? t('syntax.where', { construct: label }) : '';
}

/** Turns a parser error into a one-line message. */
export function describeParserError(e: IRecognitionException): string {
    // A mistake the parser repaired (validation/syntax-repair.ts) carries its final message.
    if (e.name === 'SyntaxMistake') return e.message;
    const found = e.token && e.token.tokenType?.name !== 'EOF' ? shown(e.token.image) : t('syntax.end-of-file');
    const msg = e.message ?? '';
    // (§8) What the analysis knows of the local level is only written in a `local` block.
    const image = e.token?.image;
    if ((image === 'capacity' || image === 'stakeholder' || image === 'resistance') && msg.includes("'}'")
        && (e.context?.ruleStack ?? []).some(r => r.replace(/\W/g, '') === 'LevelBlock')) {
        return t('syntax.local-only', { keyword: `\`${image}\``, brace: "'}'", found });
    }
    const single = /^Expecting (?:token of type )?'?([^'\s]+)'? but found/.exec(msg);
    if (single) {
        return t('syntax.expected', { expected: describeToken(single[1]), where: where(e), found });
    }
    const alternatives = [...msg.matchAll(/\d+\. \[([^\]]*)\]/g)].map(m => m[1].split(',')[0].trim());
    if (alternatives.length > 0) {
        let unique = [...new Set(alternatives.map(name => (name === 'ID' || name === 'STRING' || name === 'NUMBER' || name === 'EOF' ? name : `'${name}'`)))];
        // Every word keyword is also a name: "a name" says it once.
        if (unique.includes('ID')) unique = unique.filter(a => a === 'ID' || !/^'[A-Za-z_][A-Za-z0-9_]*'$/.test(a));
        const words = unique.map(a => (a.startsWith("'") ? a : describeToken(a)));
        const list = words.length > 8 ? words.slice(0, 8).join(', ') + ', …' : words.join(', ');
        return t(words.length === 1 ? 'syntax.unexpected-expected' : 'syntax.unexpected-one-of', { found, where: where(e), expected: list });
    }
    if (/Redundant input|expecting EOF|Expecting end of file/i.test(msg)) {
        return t('syntax.expected-declaration', { found, keywords: formatList(DECLARATION_KEYWORDS, 'disjunction') });
    }
    return t('syntax.unexpected', { found, where: where(e) });
}

/** Turns a lexer error (a character no token can start with) into a one-line message. */
export function describeLexerError(text: string, offset: number): string {
    const rest = text.slice(offset);
    if (rest.startsWith('"')) return t('syntax.unterminated-string');
    if (rest.startsWith('/*')) return t('syntax.unterminated-comment');
    const ch = String.fromCodePoint(rest.codePointAt(0) ?? 0);
    if (/\p{L}/u.test(ch)) {
        return t('syntax.letter', { char: `'${ch}'`, example: LETTER_EXAMPLE });
    }
    const code = ch.codePointAt(0) ?? 0;
    const shownChar = code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029) || code === 0xfeff
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : `'${ch}'`;
    return t('syntax.character', { char: shownChar });
}

function describeToken(name: string): string {
    switch (name) {
        case 'ID': return t('syntax.token.name');
        case 'STRING': return t('syntax.token.string');
        case 'NUMBER': return t('syntax.token.number');
        case 'EOF': return t('syntax.token.eof');
        default: return `'${name}'`;
    }
}
