/**
 * Rule ids link to their documentation offline: each rule's link is a `file:`
 * URI of the docs/rules.md beside the server, at the line of the rule's section.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../../src/validation/registry.js';
import { findRulesDocument, localizedRuleDocumentation, ruleDocumentationLinks } from '../../src/lsp/rule-documentation.js';
import { withLocale } from '../../src/i18n/index.js';
import { toDiagnostic } from '../../src/validation/coord-document-validator.js';

describe('rule documentation links', () => {
    const file = findRulesDocument();
    const link = ruleDocumentationLinks(file);

    test('docs/rules.md is found beside the sources (and beside dist/, one folder up)', () => {
        expect(file).toMatch(/docs[\\/]rules\.md$/);
    });

    test('every rule links to the line of its own section', () => {
        const lines = readFileSync(file!, 'utf8').split(/\r?\n/);
        for (const rule of RULE_IDS) {
            const href = link(rule);
            expect(href, rule).toMatch(/^file:\/\/.*#L\d+$/);
            const [path, line] = href!.split('#L');
            expect(fileURLToPath(path)).toBe(file);
            expect(lines[Number(line) - 1], rule).toMatch(new RegExp(`^###\\s+\`?${rule}\`?\\s*$`));
        }
    });

    test('an unknown rule or a missing file gives no link, and the diagnostic none', () => {
        expect(link('no-such-rule')).toBeUndefined();
        expect(ruleDocumentationLinks('/nonexistent/rules.md')('syntax')).toBeUndefined();
        const finding = { rule: 'syntax' as const, severity: 'error' as const, message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, related: [] };
        expect(toDiagnostic(finding).codeDescription).toBeUndefined();
        expect(toDiagnostic(finding, link).codeDescription?.href).toBe(link('syntax'));
    });
});

describe('rule documentation in the user\'s language', () => {
    test.each([['es', 'docs/es/rules.md'], ['pt-BR', 'docs/pt-BR/rules.md'], ['en', 'docs/rules.md']] as const)('%s links to %s, at each rule\'s own section', (locale, doc) => {
        const link = localizedRuleDocumentation();
        const file = findRulesDocument(undefined, locale)!;
        expect(file.split(/[\\/]/).join('/')).toMatch(new RegExp(`${doc.replace(/[.]/g, '\\.')}$`));
        const lines = readFileSync(file, 'utf8').split(/\r?\n/);
        for (const rule of RULE_IDS) {
            const href = withLocale(locale, () => link(rule));
            expect(href, rule).toMatch(/^file:\/\/.*#L\d+$/);
            const [path, line] = href!.split('#L');
            expect(fileURLToPath(path)).toBe(file);
            expect(lines[Number(line) - 1], rule).toMatch(new RegExp(`^###\\s+\`?${rule}\`?\\s*$`));
        }
        // The diagnostic's code description follows the locale of the moment it is made.
        const finding = { rule: 'budget-incentive' as const, severity: 'warning' as const, message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, related: [] };
        expect(withLocale(locale, () => toDiagnostic(finding, link).codeDescription?.href)).toContain(doc === 'docs/rules.md' ? '/docs/rules.md#L' : `/${doc}#L`);
    });

    test('a locale whose edition is missing falls back to the English document', () => {
        expect(findRulesDocument('/nonexistent/dist', 'es')).toBeUndefined();
        const english = findRulesDocument();
        expect(findRulesDocument(undefined, 'en')).toBe(english);
    });
});
