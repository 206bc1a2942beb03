/**
 * The formatter (`src/analysis/format.ts`): the canonical layout, idempotence,
 * and that no comment is ever dropped or moved to another place in the code —
 * checked on fixtures with comments everywhere, on the standard library and on
 * every example in examples/.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';
import { formatText, suppressionMoved } from '../../src/analysis/format.js';
import { STDLIB_TEXT } from '../../src/language/stdlib.js';

const { Coord } = createCoordCoreServices(EmptyFileSystem);
const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/format');

function format(text: string): string {
    const result = formatText(text, Coord);
    if (!result.ok) throw new Error(`does not parse: ${result.error.line}:${result.error.column} ${result.error.message}`);
    return result.text;
}

interface Layout {
    tokens: string[];
    comments: Array<{ image: string; tokensBefore: number; trailing: boolean }>;
}

/** The code tokens, and for each comment: its text, how many code tokens precede it, and whether it ends a line of code. */
function layout(text: string): Layout {
    const lexed = Coord.parser.Lexer.tokenize(text.replace(/^\ufeff/, ''));
    const all = [...lexed.tokens.map(t => ({ t, comment: false })), ...lexed.hidden.filter(t => /COMMENT/.test(t.tokenType.name)).map(t => ({ t, comment: true }))]
        .sort((a, b) => a.t.startOffset - b.t.startOffset);
    const tokens: string[] = [];
    const comments: Layout['comments'] = [];
    let previousLine = -1;
    for (const { t, comment } of all) {
        if (comment) comments.push({ image: t.image, tokensBefore: tokens.length, trailing: t.startLine === previousLine });
        else tokens.push(t.image);
        previousLine = t.endLine ?? t.startLine ?? -1;
    }
    return { tokens, comments };
}

/** Formats a text and checks the properties every formatting must keep. */
function checkFormatting(name: string, text: string): string {
    const once = format(text);
    expect(format(once), `${name}: formatting twice changes nothing`).toBe(once);
    const before = layout(text);
    const after = layout(once);
    expect(after.tokens, `${name}: the code is the same`).toEqual(before.tokens);
    expect(after.comments, `${name}: every comment is kept in its place`).toEqual(before.comments);
    return once;
}

describe('formatText', () => {
    test('lays a programme out canonically', () => {
        const input = 'programme  P "P" { country A , B sector productive\n budget -12.5 million per year period 2011 .. 2018 }\ndomain d';
        expect(format(input)).toBe([
            'programme P "P" {',
            '  country A, B',
            '  sector productive',
            '  budget -12.5 million per year',
            '  period 2011..2018',
            '}',
            '',
            'domain d',
            '',
        ].join('\n'));
    });

    test('lays out nested level blocks, effects and an empty block', () => {
        const input = 'coordination C { between A, B local { role "r" by A agreement informal "x" } national {} }\neffects of A+B from E { - o size -0.1 sd p 0.2 + o2 ~ o3 note "n" }';
        expect(format(input)).toBe([
            'coordination C {',
            '  between A, B',
            '  local {',
            '    role "r" by A',
            '    agreement informal "x"',
            '  }',
            '  national {}',
            '}',
            '',
            'effects of A + B from E {',
            '  - o size -0.1 sd p 0.2',
            '  + o2',
            '  ~ o3 note "n"',
            '}',
            '',
        ].join('\n'));
    });

    test('(§8) an integrated programme\'s sectors and the local block\'s capacity, stakeholder and resistance', () => {
        const input = 'programme I { country A sector productive ,social-protection }\ncoordination C { between I, B local { capacity "c" stakeholder   "s" resistance "r" role "x" } }';
        expect(format(input)).toBe([
            'programme I {',
            '  country A',
            '  sector productive, social-protection',
            '}',
            '',
            'coordination C {',
            '  between I, B',
            '  local {',
            '    capacity "c"',
            '    stakeholder "s"',
            '    resistance "r"',
            '    role "x"',
            '  }',
            '}',
            '',
        ].join('\n'));
    });

    test('keeps consecutive one-line declarations together and separates the others', () => {
        const input = 'outcome a in d\noutcome b in d\n\n\n\noutcome c in d\nprogramme P { country A sector other }\nprogramme Q { country A sector other }';
        expect(format(input)).toBe('outcome a in d\noutcome b in d\n\noutcome c in d\n\nprogramme P {\n  country A\n  sector other\n}\n\nprogramme Q {\n  country A\n  sector other\n}\n');
    });

    test('keeps comments where they are on the comment fixture, and is idempotent', () => {
        const text = fs.readFileSync(path.join(fixtures, 'comments.coord'), 'utf8');
        const out = checkFormatting('comments.coord', text);
        expect(out).toContain('programme P1 "Programme one" { // after the brace\n  // leading comment of country\n  country Colombia, /* between values */ Peru // trailing after country\n');
        expect(out).toContain('  between P1, // trailing in a list\n    P2\n');
        expect(out).toContain('  local {\n    // inside a level block\n    role "Refers households" by P2 // trailing on a role\n');
        expect(out).toContain('} // after the closing brace\n');
        expect(out).toContain('  // coord-disable-next-line complexity -- reason kept\n  since 2012\n');
        expect(out.endsWith('}\n\n// The last comment of the file.\n')).toBe(true);
    });

    test('keeps CRLF line endings', () => {
        const text = fs.readFileSync(path.join(fixtures, 'crlf.coord'), 'utf8');
        const out = checkFormatting('crlf.coord', text);
        expect(out).toBe('domain d "D"\r\n\r\n// c\r\nprogramme P {\r\n  country A\r\n  sector other\r\n}\r\n');
    });

    test('keeps a byte-order mark', () => {
        const text = fs.readFileSync(path.join(fixtures, 'bom.coord'), 'utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const out = checkFormatting('bom.coord', text);
        expect(out).toBe('\ufeffdomain d "D"\npopulation p\n');
    });

    test('leaves formatted text unchanged and says so', () => {
        const result = formatText('domain d\n', Coord);
        expect(result).toMatchObject({ ok: true, changed: false, text: 'domain d\n' });
    });

    test('refuses text that does not parse and names the line', () => {
        const result = formatText('domain d\n\nprogramme P {\n  country\n}\n', Coord);
        expect(result.ok).toBe(false);
        // The country is missing on line 4 (the parser meets the mistake at the `}` of line 5).
        if (!result.ok) expect(result.error.line).toBe(4);
    });

    test('maps each declaration to its formatted place', () => {
        const input = 'domain   d\nprogramme P {country A}';
        const result = formatText(input, Coord);
        if (!result.ok) throw new Error('parse');
        expect(result.declarations.map(d => input.slice(d.original.start, d.original.end))).toEqual(['domain   d', 'programme P {country A}']);
        expect(result.declarations.map(d => result.text.slice(d.formatted.start, d.formatted.end))).toEqual(['domain d', 'programme P {\n  country A\n}']);
    });

    test('the standard library is formatted and stays so', () => {
        expect(checkFormatting('stdlib', STDLIB_TEXT)).toBe(STDLIB_TEXT);
    });

    const examples = fs.existsSync(path.join(root, 'examples'))
        ? fs.readdirSync(path.join(root, 'examples'), { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.coord'))
        : [];
    test.each(examples)('example %s: idempotent, every comment kept', file => {
        checkFormatting(file, fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
    });
});

describe('formatting never changes what a suppression silences', () => {
    const text = `// coord-disable-next-line invalid-value, unused -- legacy data
programme P { country X sector productive period 2018..2011 }

programme Q {
  country X
  // coord-disable-next-line invalid-value -- two on a line
  sector other period 2018..2011 budget -3 USD
  note "x"
}
// coord-disable-next-line unused
population a population b
`;

    test('the line after a next-line suppression keeps its tokens together', () => {
        const out = format(text);
        expect(out).toContain('programme P { country X sector productive period 2018..2011 }\n');
        expect(out).toContain('  // coord-disable-next-line invalid-value -- two on a line\n  sector other period 2018..2011 budget -3 USD\n  note "x"\n');
        expect(out).toContain('// coord-disable-next-line unused\npopulation a population b\n');
        expect(format(out)).toBe(out);
    });

    test('the same findings are suppressed before and after formatting', async () => {
        const { check } = await import('../helpers.js');
        const before = await check({ 'a.coord': text });
        const after = await check({ 'a.coord': format(text) });
        const summary = (fs: typeof before) => fs.map(f => `${f.rule}:${f.suppressed !== undefined}`).sort();
        expect(summary(after)).toEqual(summary(before));
        expect(after.filter(f => !f.suppressed && f.severity === 'error')).toEqual([]);
    });
});

describe('directives keep their reach (issue 22)', () => {
    const programmes = 'programme A { sector productive }\n';
    const findings = async (text: string) => (await import('../helpers.js')).check({ 'a.coord': text })
        .then(fs => fs.map(f => `${f.rule}:${f.message}:${f.suppressed ?? '-'}`).sort());

    test('a directive after `}` still silences the declaration on the next line', async () => {
        const text = `${programmes}programme B { sector productive } // coord-disable-next-line budget-incentive -- funded
coordination C { between A, B }
`;
        const out = format(text);
        expect(out).toContain('} // coord-disable-next-line budget-incentive -- funded\ncoordination C {');
        expect(await findings(out)).toEqual(await findings(text));
        expect((await findings(out)).some(f => f.startsWith('budget-incentive:') && f.endsWith(':funded'))).toBe(true);
        expect(format(out)).toBe(out);
    });

    test('a directive above a declaration split across lines does not reach the name on the second line', async () => {
        const text = `${programmes}programme B { sector productive }
// coord-disable-next-line budget-incentive -- funded
coordination
C { between A, B }
`;
        const out = format(text);
        expect(out).toContain('// coord-disable-next-line budget-incentive -- funded\ncoordination\n  C {');
        expect(await findings(out)).toEqual(await findings(text));
        expect((await findings(out)).some(f => f.startsWith('budget-incentive:') && f.endsWith(':-'))).toBe(true);
        expect(format(out)).toBe(out);
    });

    test('a blank line after a directive is kept, and none is added', () => {
        const text = `${programmes}// coord-disable-next-line unused\n\n\nprogramme B { sector productive }\n`;
        expect(format(text)).toContain('// coord-disable-next-line unused\n\nprogramme B {');
        const inner = 'programme B {\n  sector productive\n  // coord-disable-next-line unused\n\n}\n';
        expect(format(inner)).toBe(inner);
    });

    test('a layout that would move a token into or out of reach is named, in one line', () => {
        const input = 'programme A { sector productive }\n// coord-disable-next-line\ncoordination\nC { between A }\n';
        // What the formatter would write without its guard: `C` joins the line the directive reaches.
        const joined = 'programme A { sector productive }\n// coord-disable-next-line\ncoordination C { between A }\n';
        expect(suppressionMoved(input, joined, Coord)).toEqual({
            reason: 'suppression', line: 2, column: 1,
            message: 'formatting would change what this coord-disable-next-line comment silences; put it on a line of its own right above the line it is for',
        });
        // … and out of reach: a blank line after the directive.
        expect(suppressionMoved(input, input.replace('next-line\n', 'next-line\n\n'), Coord)?.line).toBe(2);
        expect(suppressionMoved(input, format(input), Coord)).toBeUndefined();
    });
});
