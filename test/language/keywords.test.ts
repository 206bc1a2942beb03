/**
 * Keywords as names (§1): the grammar's `NameKeyword` rule must list every
 * keyword that is a plain word, and each unit rule every such keyword except
 * those that start another property of the block it ends. Derived from the
 * grammar itself, so the lists cannot drift when a construct is added.
 */
import { describe, expect, test } from 'vitest';
import { GrammarAST, GrammarUtils, AstUtils } from 'langium';
import { CoordGrammar } from '../../src/language/generated/grammar.js';

const grammar = CoordGrammar();
const rules = new Map(grammar.rules.map(r => [r.name, r]));

function keywordsOf(ruleName: string): Set<string> {
    const rule = rules.get(ruleName);
    if (!rule) throw new Error(`no rule ${ruleName}`);
    return new Set(AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
}

const allKeywords = new Set(
    AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)).toArray(),
);

/** Keywords that start a property inside the given block rules. */
function propertyKeywords(...blockRules: string[]): Set<string> {
    const out = new Set<string>();
    for (const name of blockRules) {
        for (const k of keywordsOf(name)) {
            if (/^[A-Za-z_]/.test(k)) out.add(k);
        }
    }
    return out;
}

describe('keywords usable as names', () => {
    test('the grammar has word keywords', () => {
        expect(allKeywords.size).toBeGreaterThan(50);
        expect(GrammarUtils.getEntryRule(grammar)?.name).toBe('Model');
    });

    test('NameKeyword lists every word keyword', () => {
        expect([...allKeywords].filter(k => !keywordsOf('NameKeyword').has(k))).toEqual([]);
    });

    test('SampleUnit lists every word keyword except the evaluation properties', () => {
        const starters = new Set(['method', 'period', 'sample', 'by', 'note']);
        const expected = [...allKeywords].filter(k => !starters.has(k)).sort();
        expect([...keywordsOf('SampleUnit')].sort()).toEqual(expected);
        // The evaluation block's own property keywords are exactly those left out.
        expect([...propertyKeywords('MethodProperty', 'PeriodProperty', 'SampleProperty', 'ByProperty', 'NoteProperty')]
            .filter(k => ['method', 'period', 'sample', 'by', 'note'].includes(k)).sort()).toEqual([...starters].sort());
    });

    test('SizeUnit lists every word keyword except `p` and `note`', () => {
        const expected = [...allKeywords].filter(k => k !== 'p' && k !== 'note').sort();
        expect([...keywordsOf('SizeUnit')].sort()).toEqual(expected);
    });
});
