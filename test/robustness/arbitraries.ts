/**
 * fast-check arbitraries for Coord: valid specs generated from the grammar of
 * the language reference (every declaration, every property, keywords used as
 * names, hostile Unicode inside strings and comments, every kind of line
 * break), hostile text, and mutations of a text — token deletions, insertions,
 * swaps and duplications, truncations and random insertions at any offset.
 */
import fc from 'fast-check';

/** Every keyword that is a plain word and so may also be a name (§1 of the reference). */
export const WORD_KEYWORDS = [
    'domain', 'outcome', 'in', 'desirable', 'increase', 'decrease', 'neutral', 'population',
    'programme', 'country', 'sector', 'productive', 'other', 'agency', 'ministry', 'targets',
    'instruments', 'budget', 'per', 'period', 'redesigned', 'note', 'body', 'level', 'national',
    'regional', 'local', 'coordination', 'between', 'node', 'strong', 'moderate', 'weak',
    'agreement', 'formal', 'informal', 'role', 'capacity', 'stakeholder', 'resistance', 'incentive', 'targeting', 'performance',
    'achieved', 'low', 'medium', 'high', 'since', 'reviewed', 'barrier', 'evaluation',
    'method', 'rct', 'psm', 'did', 'rdd', 'qualitative', 'mixed', 'sample', 'by', 'effects', 'of',
    'from', 'size', 'p',
    // v2 (§7)
    'cite', 'doi', 'url', 'published', 'versus', 'none', 'ci', 'se', 'n', 'estimand', 'followup', 'subgroup',
    'certainty', 'months', 'years', 'itt', 'tot', 'ate', 'late',
];

/** Keywords that are not names, and punctuation. */
export const OTHER_TOKENS = [
    'social-protection', 'political-support', 'quasi-experimental', 'target-mismatch', 'budget-priorities',
    'design-change', 'institutional-inertia', 'risk-of-bias', 'some-concerns', 'very-low', '{', '}', ',', '+', '-', '~', '..',
];

/** Odd characters: controls, NUL, lone surrogates, a BOM, line and paragraph separators, RTL marks, emoji. */
const ODD_CHARS = [
    '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0',
    '\ud800', '\udbff', '\udc00', '\udfff', '\ufeff', '\u2028', '\u2029', '\u200b', '\u202e', '\u2066',
    '\ufffd', '\uffff', '😀', '👩🏽‍🌾', 'ñ', 'Wiñay', '中文', 'ﷺ', '\u0301', '<', '>', '&', "'", '`', '$', '%', '\\',
];

/** One UTF-16 code unit or code point of any kind, biased towards the hostile ones. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_CHARS) },
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(c => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map(c => String.fromCharCode(c)) },
);

/** Any text: hostile characters, line breaks and Coord tokens mixed. */
export const hostileText: fc.Arbitrary<string> = fc.array(
    fc.oneof(
        { weight: 5, arbitrary: anyChar },
        { weight: 2, arbitrary: fc.constantFrom(...WORD_KEYWORDS, ...OTHER_TOKENS) },
        { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '"', '/*', '*/', '//', '0', '1.5', '..') },
    ),
    { maxLength: 60 },
).map(parts => parts.join(''));

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);

/** A name: mostly identifiers, sometimes a keyword (every word keyword may be a name). */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 5, arbitrary: identifier },
    { weight: 1, arbitrary: fc.constantFrom(...WORD_KEYWORDS) },
);

/** A string literal with any content, escapes included. */
export const stringLiteral: fc.Arbitrary<string> = fc.array(
    fc.oneof(
        { weight: 6, arbitrary: anyChar.filter(c => c !== '"' && c !== '\\') },
        { weight: 1, arbitrary: fc.constantFrom('\\"', '\\\\', '\\n', '\n', '\r\n', '// not a comment', '/* nor this */') },
    ),
    { maxLength: 12 },
).map(parts => `"${parts.join('')}"`);

/** A line comment (no line break inside) or a block comment (closed only at its end). */
export const commentArb: fc.Arbitrary<string> = fc.oneof(
    fc.array(anyChar.filter(c => c !== '\n' && c !== '\r'), { maxLength: 10 }).map(p => `//${p.join('')}`),
    fc.array(fc.oneof(anyChar, fc.constantFrom('\n', '\r\n', '*', '/')), { maxLength: 10 })
        .map(p => `/*${p.join('').replace(/\*\//g, '* /').replace(/\*$/, '* ')}*/`),
);

const number = fc.oneof(
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`),
);
const signedNumber = fc.tuple(fc.boolean(), number).map(([neg, n]) => (neg ? `-${n}` : n));
const year = fc.integer({ min: 1890, max: 2110 }).map(String);

/** Whitespace between tokens: every line break style, tabs, and the Unicode spaces `\s` accepts. */
const separator: fc.Arbitrary<string> = fc.oneof(
    { weight: 12, arbitrary: fc.constant(' ') },
    { weight: 4, arbitrary: fc.constantFrom('\n', '\n  ', '\r\n', '\r\n\t', '\n\n') },
    { weight: 1, arbitrary: fc.constantFrom('\t', '\r', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u000b', '\u000c', '\u3000') },
    { weight: 1, arbitrary: commentArb.map(c => ` ${c}\n`) },
);

type Tokens = string[];
const opt = (a: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> => fc.option(a, { nil: undefined }).map(t => t ?? []);
const list = (a: fc.Arbitrary<string>, sep: string, max = 3): fc.Arbitrary<Tokens> =>
    fc.array(a, { minLength: 1, maxLength: max }).map(xs => xs.flatMap((x, i) => (i === 0 ? [x] : [sep, x])));
const one = (...xs: string[]) => fc.constantFrom(...xs).map(x => [x]);

/** Names to declare and to refer to: a pool shared by a spec's declarations. */
interface Pool { names: string[] }
const ref = (pool: Pool) => fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool.names) },
    { weight: 1, arbitrary: nameArb },
);

function propertiesBlock(props: Array<fc.Arbitrary<Tokens>>, max = 6): fc.Arbitrary<Tokens> {
    return fc.array(fc.oneof(...props), { maxLength: max }).map(ps => ['{', ...ps.flat(), '}']);
}

function declaration(pool: Pool): fc.Arbitrary<Tokens> {
    const name = fc.constantFrom(...pool.names);
    const title = opt(stringLiteral.map(s => [s]));
    const r = ref(pool);
    const refs = (sep: string) => list(r, sep);
    const note = stringLiteral.map(s => ['note', s]);
    const cite = stringLiteral.map(s => ['cite', s]);
    const ministry = nameArb.map(n => ['ministry', n]);
    const period = fc.tuple(year, year).map(([a, b]) => ['period', a, '..', b]);
    const programmeProps = [
        list(nameArb, ',').map(v => ['country', ...v]),
        list(fc.constantFrom('social-protection', 'productive', 'other'), ',', 2).map(v => ['sector', ...v]),
        stringLiteral.map(s => ['agency', s]),
        ministry,
        refs(',').map(v => ['targets', ...v]),
        list(nameArb, ',').map(v => ['instruments', ...v]),
        fc.tuple(signedNumber, nameArb, opt(nameArb.map(n => ['per', n]))).map(([a, u, p]) => ['budget', a, u, ...p]),
        period,
        fc.tuple(year, title).map(([y, t]) => ['redesigned', y, ...t]),
        note,
        cite,
    ];
    const levelItem = fc.oneof(
        fc.tuple(one('formal', 'informal'), stringLiteral).map(([f, s]) => ['agreement', ...f, s]),
        fc.tuple(stringLiteral, opt(r.map(x => ['by', x]))).map(([s, b]) => ['role', s, ...b]),
    );
    // (§8) A local block also holds what is known of the local level.
    const localItem = fc.oneof(
        levelItem,
        fc.tuple(one('capacity', 'stakeholder', 'resistance'), stringLiteral).map(([k, s]) => [...k, s]),
    );
    const coordinationProps = [
        refs(',').map(v => ['between', ...v]),
        r.map(b => ['node', b]),
        one('strong', 'moderate', 'weak').map(v => ['political-support', ...v]),
        fc.tuple(one('national', 'regional'), fc.array(levelItem, { maxLength: 3 }))
            .map(([l, items]) => [...l, '{', ...items.flat(), '}']),
        fc.array(localItem, { maxLength: 4 }).map(items => ['local', '{', ...items.flat(), '}']),
        fc.tuple(one('budget', 'targeting', 'performance', 'other'), title).map(([k, t]) => ['incentive', ...k, ...t]),
        stringLiteral.map(s => ['targeting', s]),
        one('low', 'medium', 'high').map(v => ['achieved', ...v]),
        year.map(y => ['since', y]),
        year.map(y => ['reviewed', y]),
        fc.tuple(one('target-mismatch', 'budget-priorities', 'design-change', 'institutional-inertia', 'other'), title)
            .map(([k, t]) => ['barrier', ...k, ...t]),
        note,
        cite,
    ];
    // The optional unit of `sample` and `size` never takes a word that starts another property of its block.
    const sampleUnit = nameArb.filter(n => !['period', 'note', 'method', 'sample', 'by', 'cite', 'doi', 'url', 'published'].includes(n));
    const sizeUnit = nameArb.filter(n => !['size', 'ci', 'se', 'p', 'n', 'estimand', 'followup', 'subgroup', 'certainty', 'cite', 'note'].includes(n));
    const evaluationProps = [
        one('rct', 'quasi-experimental', 'psm', 'did', 'rdd', 'qualitative', 'mixed').map(v => ['method', ...v]),
        period,
        fc.tuple(signedNumber, opt(sampleUnit.map(u => [u]))).map(([n, u]) => ['sample', n, ...u]),
        stringLiteral.map(s => ['by', s]),
        note,
        cite,
        stringLiteral.map(s => ['doi', s]),
        stringLiteral.map(s => ['url', s]),
        year.map(y => ['published', y]),
        fc.tuple(one('low', 'some-concerns', 'high'), title).map(([v, t]) => ['risk-of-bias', ...v, ...t]),
    ];
    // (v2) Details in any order, each at most once (§7.1).
    const details = fc.shuffledSubarray([
        fc.tuple(signedNumber, opt(sizeUnit.map(u => [u]))).map(([n, u]) => ['size', n, ...u]),
        fc.tuple(signedNumber, signedNumber).map(([a, b]) => ['ci', a, '..', b]),
        signedNumber.map(n => ['se', n]),
        number.map(n => ['p', n]),
        number.map(n => ['n', n]),
        one('itt', 'tot', 'ate', 'late').map(v => ['estimand', ...v]),
        fc.tuple(number, one('months', 'years')).map(([n, u]) => ['followup', n, ...u]),
        r.map(x => ['subgroup', x]),
        fc.tuple(one('high', 'moderate', 'low', 'very-low'), stringLiteral).map(([l, s]) => ['certainty', ...l, s]),
        cite,
        note,
    ], { maxLength: 4 }).chain(arbs => (arbs.length === 0 ? fc.constant([] as Tokens[]) : fc.tuple(...arbs)));
    const effect = fc.tuple(one('+', '-', '~'), r, details).map(([d, o, ds]) => [...d, o, ...ds.flat()]);
    const comparatorRef = r.filter(x => x !== 'none');
    const versus = opt(fc.oneof(fc.constant<Tokens>(['versus', 'none']), list(comparatorRef, '+').map(v => ['versus', ...v])));
    return fc.oneof(
        fc.tuple(name, title).map(([n, t]) => ['domain', n, ...t]),
        fc.tuple(name, title, r, opt(one('increase', 'decrease', 'neutral').map(v => ['desirable', ...v])))
            .map(([n, t, d, des]) => ['outcome', n, ...t, 'in', d, ...des]),
        fc.tuple(name, title).map(([n, t]) => ['population', n, ...t]),
        fc.tuple(name, title, propertiesBlock(programmeProps, 8)).map(([n, t, b]) => ['programme', n, ...t, ...b]),
        fc.tuple(name, title, opt(propertiesBlock([
            one('national', 'regional', 'local').map(v => ['level', ...v]), ministry, note, cite,
        ], 3))).map(([n, t, b]) => ['body', n, ...t, ...b]),
        fc.tuple(name, title, propertiesBlock(coordinationProps, 8)).map(([n, t, b]) => ['coordination', n, ...t, ...b]),
        fc.tuple(name, title, propertiesBlock(evaluationProps, 5)).map(([n, t, b]) => ['evaluation', n, ...t, ...b]),
        fc.tuple(refs('+'), versus, opt(r.map(e => ['from', e])), fc.array(effect, { maxLength: 4 }))
            .map(([ps, v, f, es]) => ['effects', 'of', ...ps, ...v, ...f, '{', ...es.flat(), '}']),
    );
}

/** The tokens of a valid spec (a list of declarations), before layout. */
export const specTokens: fc.Arbitrary<Tokens> = fc.uniqueArray(nameArb, { minLength: 1, maxLength: 8 })
    .chain(names => fc.array(declaration({ names }), { minLength: 1, maxLength: 8 }))
    .map(decls => decls.flat());

/** Rule ids a suppression directive may name: rules that fire on generated specs, and one that does not exist. */
const DIRECTIVE_RULES = [
    'budget-incentive', 'unused', 'local-roles', 'required-property', 'unresolved-reference', 'invalid-value',
    'duplicate-name', 'between-arity', 'missing-source', 'unarranged-combination', 'adverse-effect',
    'conflicting-effects', 'repeated-property', 'cross-sector', 'target-mismatch', 'political-support', 'local-assessment',
    'unused-suppression', 'no-such-rule',
];

/** A suppression directive's text: next-line or file-wide, for no rule, one or two, with or without a reason. */
export const directiveArb: fc.Arbitrary<string> = fc.tuple(
    fc.constantFrom('coord-disable-next-line', 'coord-disable-next-line', 'coord-disable'),
    fc.array(fc.constantFrom(...DIRECTIVE_RULES), { maxLength: 2 }),
    fc.constantFrom('', ' -- funded', ' -- reason: "ok"', ' --', '\t'),
    fc.constantFrom('//', '// ', '//\t'),
).map(([kind, rules, reason, slashes]) => `${slashes}${kind}${rules.length ? ' ' + rules.join(', ') : ''}${reason}`);

/**
 * Separators that also place suppression directives: after code on the same
 * line (a trailing directive, as after a `}`), on a line of their own, before a
 * line break inside a declaration (so the line after holds only part of it).
 */
export const directiveSeparator: fc.Arbitrary<string> = fc.oneof(
    { weight: 10, arbitrary: separator },
    { weight: 2, arbitrary: directiveArb.map(d => ` ${d}\n`) },
    { weight: 1, arbitrary: directiveArb.map(d => `\n${d}\n`) },
    { weight: 1, arbitrary: directiveArb.map(d => ` ${d}\n\n`) },
);

/** Joins tokens with random whitespace, line breaks and comments (at least one separator between tokens). */
export function layout(tokens: Tokens, separators: fc.Arbitrary<string> = separator): fc.Arbitrary<string> {
    return fc.tuple(
        fc.array(separators, { minLength: tokens.length + 1, maxLength: tokens.length + 1 }),
        fc.boolean(),
    ).map(([seps, bom]) => {
        let text = (bom ? '\ufeff' : '') + seps[0].trimStart();
        tokens.forEach((t, i) => {
            text += (i === 0 ? '' : seps[i]) + t;
        });
        return text + seps[tokens.length];
    });
}

/** A valid Coord spec with random layout. */
export const validSpec: fc.Arbitrary<string> = specTokens.chain(layout);

/** A valid Coord spec with random layout and suppression directives everywhere. */
export const validSpecWithDirectives: fc.Arbitrary<string> = specTokens.chain(tokens => layout(tokens, directiveSeparator));

/**
 * A change of layout only (the tokens stay, so a text that parsed still
 * parses): a directive inserted at a token boundary, or the whitespace between
 * two tokens replaced by a space, a line break or a blank line.
 */
export type LayoutMutation =
    | { kind: 'insert-directive'; at: number; directive: string; own: boolean }
    | { kind: 'respace'; at: number; space: string };

export const layoutMutationArb: fc.Arbitrary<LayoutMutation> = fc.oneof(
    fc.record({ kind: fc.constant('insert-directive' as const), at: fc.nat(), directive: directiveArb, own: fc.boolean() }),
    fc.record({ kind: fc.constant('respace' as const), at: fc.nat(), space: fc.constantFrom(' ', '\n', '\n\n', '\r\n', '  \n\t') }),
);

/** Applies a layout mutation; the position wraps around the text's token count. */
export function applyLayoutMutation(text: string, m: LayoutMutation, tokenize: Tokenize): string {
    const spans = tokenize(text);
    if (spans.length === 0) return text;
    const i = m.at % spans.length;
    const end = spans[i][1];
    const next = i + 1 < spans.length ? spans[i + 1][0] : text.length;
    const gap = text.slice(end, next);
    // A line comment ends at its line break: the whitespace after it keeps one.
    const afterLineComment = text.startsWith('//', spans[i][0]);
    if (m.kind === 'respace') {
        const space = afterLineComment && !/[\r\n]/.test(m.space) ? '\n' : m.space;
        return text.slice(0, end) + space + text.slice(next);
    }
    const directive = (m.own || afterLineComment ? '\n' : ' ') + m.directive + '\n';
    return text.slice(0, end) + directive + gap.replace(/^[^\S\r\n]*(\r\n|\r|\n)?/, '') + text.slice(next);
}

/** A mutation of a text, applied at positions chosen relative to the text it meets. */
export type Mutation =
    | { kind: 'delete-token'; at: number }
    | { kind: 'insert-token'; at: number; token: string }
    | { kind: 'swap-tokens'; at: number }
    | { kind: 'duplicate-token'; at: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert-text'; at: number; text: string }
    | { kind: 'delete-range'; at: number; length: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 3, arbitrary: fc.nat().map(at => ({ kind: 'delete-token' as const, at })) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert-token' as const), at: fc.nat(), token: fc.constantFrom(...WORD_KEYWORDS, ...OTHER_TOKENS, '"', '"x"', '/*', '//', '0', '-1.5', '..', '\n') }) },
    { weight: 2, arbitrary: fc.nat().map(at => ({ kind: 'swap-tokens' as const, at })) },
    { weight: 1, arbitrary: fc.nat().map(at => ({ kind: 'duplicate-token' as const, at })) },
    { weight: 1, arbitrary: fc.nat().map(at => ({ kind: 'truncate' as const, at })) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(), text: hostileText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
);

/** Token spans of a text, as `[start, end)` offsets (a tokenizer is passed in so this file stays free of services). */
export type Tokenize = (text: string) => Array<[number, number]>;

/** Applies a mutation; positions wrap around the text's length or token count. */
export function applyMutation(text: string, m: Mutation, tokenize: Tokenize): string {
    const spans = m.kind.endsWith('token') || m.kind === 'swap-tokens' ? tokenize(text) : [];
    switch (m.kind) {
        case 'delete-token': {
            if (spans.length === 0) return text;
            const [s, e] = spans[m.at % spans.length];
            return text.slice(0, s) + text.slice(e);
        }
        case 'insert-token': {
            const boundaries = [0, ...spans.flatMap(([s, e]) => [s, e]), text.length];
            const at = boundaries[m.at % boundaries.length];
            return `${text.slice(0, at)} ${m.token} ${text.slice(at)}`;
        }
        case 'swap-tokens': {
            if (spans.length < 2) return text;
            const i = m.at % (spans.length - 1);
            const [a, b] = [spans[i], spans[i + 1]];
            return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
        }
        case 'duplicate-token': {
            if (spans.length === 0) return text;
            const [s, e] = spans[m.at % spans.length];
            return text.slice(0, e) + ' ' + text.slice(s, e) + text.slice(e);
        }
        case 'truncate':
            return text.slice(0, m.at % (text.length + 1));
        case 'insert-text': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + m.text + text.slice(at);
        }
        case 'delete-range': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + text.slice(at + m.length);
        }
    }
}

/** Applies mutations in order. */
export function applyMutations(text: string, ms: readonly Mutation[], tokenize: Tokenize): string {
    return ms.reduce((t, m) => applyMutation(t, m, tokenize), text);
}
