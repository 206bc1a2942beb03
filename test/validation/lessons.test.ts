/**
 * Every quote the rules and the catalogue take from the brief stands in the
 * brief word for word (line-break hyphens joined; spacing ignored), and the
 * rules that rest on a lesson quote it in their doc.
 */
import { describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BRIEF, UNCHECKED_LESSONS } from '../../src/validation/lessons.js';
import { RULES_BY_ID } from '../../src/validation/registry.js';
import { renderRulesJson, renderRulesMarkdown } from '../../src/validation/catalogue.js';
import { RULES } from '../../src/validation/registry.js';

const BRIEF_FILE = path.resolve(__dirname, '../../../shared/reference/brief.txt');

/** The brief's words without layout: hyphens at line ends joined, no whitespace. */
const squeeze = (text: string) => text.replace(/-[ \t]*\r?\n\s*/g, '').replace(/\s+/g, '');

describe.runIf(fs.existsSync(BRIEF_FILE))('lessons quoted from the brief', () => {
    const brief = squeeze(fs.readFileSync(BRIEF_FILE, 'utf8'));
    test.each(Object.entries(BRIEF))('%s stands in the brief', (_, quote) => {
        expect(brief).toContain(squeeze(quote));
    });
    test.each(UNCHECKED_LESSONS.map(l => [l.topic, l.quote]))('unchecked lesson "%s" stands in the brief', (_, quote) => {
        expect(brief).toContain(squeeze(quote));
    });
    test('a changed word is caught (the check is not vacuous)', () => {
        expect(brief).not.toContain(squeeze(BRIEF.politicalSupportNotEnough.replace('not enough', 'enough')));
    });
});

describe('rules quote their lesson', () => {
    test.each([
        ['local-roles', BRIEF.localRole],
        ['budget-incentive', BRIEF.incentives],
        ['target-mismatch', BRIEF.mexicoTargets],
        ['political-support-only', BRIEF.politicalSupportNotEnough],
        ['cross-sector', BRIEF.synergy],
        ['complexity', BRIEF.complexity],
        ['design-change', BRIEF.peruDesign],
        ['agriculture-anchor', BRIEF.singleProgrammes],
        ['local-assessment', BRIEF.localKnowledge],
        ['political-support', BRIEF.politicalSupportNotEnough],
    ])('%s', (id, quote) => {
        expect(RULES_BY_ID.get(id)?.doc).toContain(`"${quote}`);
    });
    test.each([['budget-incentive', 'Mexico'], ['target-mismatch', 'Mexico'], ['political-support-only', 'Mexico'], ['design-change', 'Peru'], ['complexity', 'Colombia and Mexico']])(
        '%s names the country the brief names (%s)', (id, country) => {
            expect(RULES_BY_ID.get(id)?.doc).toContain(country);
        });
});

describe('the catalogue lists the lessons no rule can check', () => {
    test('in Markdown, under their own heading, quoted', () => {
        const md = renderRulesMarkdown(RULES);
        const section = md.slice(md.indexOf('## Lessons no rule can check'));
        expect(section.length).toBeGreaterThan(100);
        for (const lesson of UNCHECKED_LESSONS) expect(section).toContain(`"${lesson.quote}"`);
        expect(section).toContain('institutional analysis of Colombia, Mexico and Peru');
        expect(section).toContain('impact evaluations covered Colombia and Peru');
    });
    test('in JSON', () => {
        expect(JSON.parse(renderRulesJson(RULES)).uncheckedLessons).toEqual(UNCHECKED_LESSONS);
        expect(UNCHECKED_LESSONS.map(l => l.topic)).toHaveLength(6);
    });
});
