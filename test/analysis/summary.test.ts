/**
 * The summary model (§5): the brief's figure of effects from the examples,
 * each effect in its cell with its desirability; desirability rules;
 * combination keys; row order; synergies; the coordination table; counts; and
 * the one-file scope.
 */
import { describe, expect, test } from 'vitest';
import { desirabilityOf, type Summary } from '../../src/analysis/summary.js';
import { EXAMPLES, readFolder, summarise } from './summary-helpers.js';

/** The brief's figure "Summary of the results of the impact evaluations", as Coord names it. */
const BRIEF_FIGURE: Record<string, Record<string, string[]>> = {
    productive: {
        FEST: ['+ productive_assets desirable', '+ secondary_activities desirable'],
        PPP: ['+ productive_assets desirable', '+ livestock_products desirable', '- food_crop_products adverse'],
        HakuWinay: ['+ new_technologies desirable'],
    },
    income_poverty: {
        PPP: ['- poverty desirable'],
        HakuWinay: ['+ income desirable'],
    },
    food_education: {
        'FEST+UNIDOS': ['- severe_food_insecurity desirable', '+ mild_food_insecurity neutral'],
        PPP: ['- moderate_food_insecurity desirable', '+ mild_food_insecurity neutral'],
    },
    finance: {
        'FEST+UNIDOS': ['+ savings desirable', '- informal_loans desirable'],
        PPP: ['+ formal_loans desirable', '- informal_loans desirable'],
    },
    psychosocial: {
        'FEST+UNIDOS': ['+ subjective_wellbeing desirable', '+ expectations desirable', '+ social_capital desirable'],
        PPP: ['+ empowerment desirable', '+ subjective_wellbeing desirable', '+ social_capital desirable'],
        HakuWinay: ['+ locus_of_control desirable'],
        // HakuWinay + SoftSkills is measured versus HakuWinay: in Added value, not in this matrix (§7.7).
    },
};

/** The matrix as `domain → column → ['± outcome desirability']`, empty cells left out. */
function matrixOf(summary: Summary): Record<string, Record<string, string[]>> {
    const out: Record<string, Record<string, string[]>> = {};
    for (const row of summary.matrix.rows) {
        row.cells.forEach((cell, i) => {
            if (cell.length === 0) return;
            (out[row.domain] ??= {})[summary.matrix.columns[i].key] = cell.map(e => `${e.direction} ${e.outcome} ${e.desirability}`);
        });
    }
    return out;
}

describe('the summary of the examples', () => {
    const briefFiles = ['colombia.coord', 'mexico.coord', 'peru.coord'];

    test('has every effect of the brief\'s figure in its cell, with its desirability, and nothing else', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, briefFiles));
        expect(matrixOf(summary)).toEqual(BRIEF_FIGURE);
    });

    test('keeps the standard-library domains as the first rows, in order', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES));
        expect(summary.matrix.rows.slice(0, 5).map(r => [r.domain, r.title])).toEqual([
            ['productive', 'Productive'],
            ['income_poverty', 'Income, poverty and local economic development'],
            ['food_education', 'Food security and education'],
            ['finance', 'Finances and risks'],
            ['psychosocial', 'Psychological and social'],
        ]);
    });

    test('points every effect back to its line', async () => {
        const files = readFolder(EXAMPLES, briefFiles);
        const { summary } = await summarise(files);
        for (const e of summary.effects) {
            const line = files[e.file].split('\n')[e.line - 1];
            expect(line, `${e.file}:${e.line}`).toMatch(new RegExp(`^\\s*\\${e.direction}\\s*${e.outcome}\\b`));
        }
    });

    test('counts effects by direction and by desirability', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, briefFiles));
        // The figure's effects, plus the two of Haku Wiñay + Soft Skills versus Haku Wiñay (Added value, both desirable).
        const effects = [...Object.values(BRIEF_FIGURE).flatMap(r => Object.values(r).flat()), '+ internal_locus_of_control desirable', '- powerful_others_index desirable'];
        expect(summary.counts.effects).toBe(effects.length);
        expect(summary.counts.byDirection).toEqual({
            '+': effects.filter(e => e.startsWith('+')).length, '-': effects.filter(e => e.startsWith('-')).length, '~': 0,
        });
        expect(summary.counts.byDesirability).toEqual({ desirable: effects.length - 3, adverse: 1, neutral: 2, 'no-change': 0 });
        expect(summary.counts.coordinations).toBe(4);
    });

    test('shows the institutional analysis in the coordination table', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, briefFiles));
        const byName = new Map(summary.coordinations.map(c => [c.name, c]));
        const fest = byName.get('FEST_UNIDOS')!;
        expect(fest.countries).toEqual(['Colombia']);
        expect(fest.programmes).toEqual(['FEST', 'UNIDOS']);
        expect(fest.agreements.national.map(a => a.formality)).toEqual(['formal']);
        expect(fest.agreements.local.map(a => a.formality)).toEqual(['informal']);
        expect(fest.achieved).toBe('low');
        expect(fest.findings.map(f => f.rule)).toContain('local-roles');
        const mexico = [...byName.values()].find(c => c.countries.includes('Mexico'))!;
        expect(mexico.politicalSupport).toBe('strong');
        expect(mexico.nodes).toEqual(['STEIA']);
        expect(mexico.barriers.map(b => b.kind)).toContain('target-mismatch');
        expect(mexico.findings.map(f => f.rule)).toEqual(expect.arrayContaining(['budget-incentive', 'political-support-only']));
        const peru = byName.get('HakuWinay_Juntos')!;
        expect(peru.localRoles).toEqual([]);
        expect(peru.localKnowledge).toEqual([]);
        expect(peru.barriers.map(b => b.kind)).toEqual(['design-change', 'budget-priorities']);
        expect(peru.findings.map(f => f.rule)).toEqual(expect.arrayContaining(['budget-incentive', 'local-roles', 'local-assessment', 'political-support']));
    });

    test('synergies (§7.7): added value against a part of the combination; outcomes measured only for the combination are never synergies', async () => {
        const { summary } = await summarise(readFolder(EXAMPLES, briefFiles));
        const byKey = new Map(summary.synergies.map(s => [s.key, s]));
        const soft = byKey.get('HakuWinay+SoftSkills')!;
        expect(soft.addedValue.map(a => [a.comparator, a.effects.map(e => `${e.direction} ${e.outcome}`)])).toEqual([
            [['HakuWinay'], ['+ internal_locus_of_control', '- powerful_others_index']],
        ]);
        // UNIDOS alone was never measured: every FEST + UNIDOS outcome is "measured only for the combination".
        const fest = byKey.get('FEST+UNIDOS')!;
        expect(fest.sideBySide).toEqual([]);
        expect(fest.addedValue).toEqual([]);
        expect(fest.onlyCombination.length).toBeGreaterThan(5);
        expect(byKey.has('PPP')).toBe(false);
        // The Soft Skills effects are against HakuWinay: not in the v1 matrix, in Added value.
        expect(summary.matrix.columns.map(c => c.key)).not.toContain('HakuWinay+SoftSkills');
        expect(summary.addedValue.map(a => a.key)).toEqual(['HakuWinay+SoftSkills|HakuWinay']);
    });

    test('synergies side by side: only outcomes measured for the combination and each programme alone against none', async () => {
        const { summary } = await summarise(`
            programme A { country X sector productive }
            programme B { country X sector social-protection }
            effects of A { + income }
            effects of B { ~ income  + savings }
            effects of A + B { + income  + savings  + expectations }
        `);
        const [s] = summary.synergies;
        expect(s.sideBySide.map(x => [x.outcome, x.singles.map(single => single.effects.map(e => e.direction).join())])).toEqual([['income', ['+', '~']]]);
        expect(s.onlyCombination.map(x => x.outcome)).toEqual(['savings', 'expectations']);
    });

});

describe('the §8 additions in the summary', () => {
    test('an integrated programme lists both sectors; a local block\'s capacities, stakeholders and resistance are kept in order', async () => {
        const { summary } = await summarise(`programme I { country X sector productive, social-protection }
programme S { country X sector social-protection }
coordination C {
  between I, S
  local {
    resistance "r"
    role "x" by I
    capacity "c"
    stakeholder "s"
  }
}`);
        const byName = new Map(summary.programmes.map(p => [p.name, p]));
        expect(byName.get('I')?.sectors).toEqual(['productive', 'social-protection']);
        expect(byName.get('S')?.sectors).toEqual(['social-protection']);
        const c = summary.coordinations[0];
        expect(c.localRoles).toEqual([{ text: 'x', by: 'I', line: 7 }]);
        expect(c.localKnowledge).toEqual([
            { kind: 'resistance', text: 'r', line: 6 }, { kind: 'capacity', text: 'c', line: 8 }, { kind: 'stakeholder', text: 's', line: 9 },
        ]);
    });
});

describe('desirability (§5)', () => {
    test.each([
        ['+', 'increase', 'desirable'], ['-', 'increase', 'adverse'],
        ['-', 'decrease', 'desirable'], ['+', 'decrease', 'adverse'],
        ['+', 'neutral', 'neutral'], ['-', 'neutral', 'neutral'],
        ['~', 'increase', 'no-change'], ['~', 'decrease', 'no-change'], ['~', 'neutral', 'no-change'],
    ])('%s on a desirable %s outcome is %s', (direction, desirable, expected) => {
        expect(desirabilityOf(direction, desirable)).toBe(expected);
    });

    test('an outcome without `desirable` is neutral', async () => {
        const { summary } = await summarise(`
            outcome yield_gap in productive
            programme A { country X sector productive }
            effects of A { + yield_gap  ~ savings  - savings }
        `);
        expect(summary.effects.map(e => e.desirability)).toEqual(['neutral', 'no-change', 'adverse']);
    });
});

describe('combinations, rows and scope', () => {
    const two = `
        programme UNIDOS { country Colombia sector social-protection }
        programme FEST { country Colombia sector productive }
        programme Zeta { country Colombia sector productive }
        domain health "Health"
        outcome clinic_visits "Clinic visits" in health desirable increase
        effects of UNIDOS + FEST { + savings }
        effects of FEST + UNIDOS { - informal_loans }
        effects of Zeta { + clinic_visits }
    `;

    test('one column per combination, whatever the order of its programmes; names sorted by code point', async () => {
        const { summary } = await summarise(two);
        expect(summary.matrix.columns.map(c => c.key)).toEqual(['FEST+UNIDOS', 'Zeta']);
        expect(new Set(summary.effects.map(e => e.programmes))).toEqual(new Set(['FEST+UNIDOS', 'Zeta']));
    });

    test('user domains come after the standard library\'s', async () => {
        const { summary } = await summarise(two);
        expect(summary.matrix.rows.map(r => r.domain)).toEqual(['productive', 'income_poverty', 'food_education', 'finance', 'psychosocial', 'health']);
        expect(summary.matrix.rows[5].cells[1].map(e => e.outcome)).toEqual(['clinic_visits']);
    });

    test('an unresolved outcome still shows, in a row of its own', async () => {
        const { summary } = await summarise('programme A { country X sector productive }\neffects of A { + no_such_outcome }');
        const last = summary.matrix.rows.at(-1)!;
        expect(last.domain).toBe('');
        expect(last.cells[0].map(e => e.outcome)).toEqual(['no_such_outcome']);
        expect(summary.effects[0]).toMatchObject({ domain: '', desirability: 'neutral' });
    });

    test('the one-file scope keeps what that file declares', async () => {
        const { summary } = await summarise({ 'a.coord': two, 'b.coord': 'programme Other { country Y sector other }\neffects of Other { + income }' }, { focus: 'file:///ws/b.coord' });
        expect(summary.effects.map(e => e.outcome)).toEqual(['income']);
        expect(summary.matrix.columns.map(c => c.key)).toEqual(['Other']);
        expect(summary.programmes.map(p => p.name)).toEqual(['Other']);
        expect(summary.matrix.rows.map(r => r.domain)).not.toContain('health');
    });

    test('an empty workspace has the five domain rows and no column', async () => {
        const { summary } = await summarise('');
        expect(summary.matrix.columns).toEqual([]);
        expect(summary.matrix.rows).toHaveLength(5);
        expect(summary.counts).toMatchObject({ programmes: 0, coordinations: 0, evaluations: 0, effects: 0 });
    });

    test('summarises a large workspace (4,000 effects)', async () => {
        const lines = ['programme A { country X sector productive }', 'programme B { country X sector social-protection }'];
        for (let i = 0; i < 400; i++) lines.push(`effects of A + B { + savings - informal_loans + income - poverty + expectations + savings - informal_loans + income - poverty + expectations }`);
        const { summary } = await summarise(lines.join('\n'));
        expect(summary.counts.effects).toBe(4000);
        expect(summary.matrix.columns).toHaveLength(1);
    });
});
