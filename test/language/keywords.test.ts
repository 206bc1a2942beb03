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

/** The keyword a property rule starts with. */
function firstKeyword(ruleName: string): string {
    const rule = rules.get(ruleName);
    const first = rule && AstUtils.streamAllContents(rule).find(GrammarAST.isKeyword);
    if (!first) throw new Error(`no keyword in ${ruleName}`);
    return first.value;
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
        const starters = new Set(['method', 'period', 'sample', 'by', 'note', 'cite', 'doi', 'url', 'published']);
        const expected = [...allKeywords].filter(k => !starters.has(k)).sort();
        expect([...keywordsOf('SampleUnit')].sort()).toEqual(expected);
        // The evaluation block's own property keywords are exactly those left out.
        expect([...propertyKeywords('MethodProperty', 'PeriodProperty', 'SampleProperty', 'ByProperty', 'NoteProperty',
            'CiteProperty', 'DoiProperty', 'UrlProperty', 'PublishedProperty')]
            .filter(k => /^[a-z]+$/.test(k) && !['rct', 'psm', 'did', 'rdd', 'qualitative', 'mixed'].includes(k)).sort()).toEqual([...starters].sort());
    });

    test('SizeUnit lists every word keyword except the keywords that start an effect detail', () => {
        const details = new Set([...keywordsOf('EffectDetail'), ...['SizeDetail', 'CiDetail', 'SeDetail', 'PDetail', 'NDetail', 'EstimandDetail',
            'FollowupDetail', 'SubgroupDetail', 'CertaintyDetail', 'CiteProperty', 'NoteProperty'].map(r => firstKeyword(r))]);
        expect([...details].sort()).toEqual(['certainty', 'ci', 'cite', 'estimand', 'followup', 'n', 'note', 'p', 'se', 'size', 'subgroup']);
        const expected = [...allKeywords].filter(k => !details.has(k)).sort();
        expect([...keywordsOf('SizeUnit')].sort()).toEqual(expected);
    });

    test('ComparatorName lists every word keyword except `none`', () => {
        expect([...keywordsOf('ComparatorName')].sort()).toEqual([...allKeywords].filter(k => k !== 'none').sort());
    });
});
