/** Rule `duplicate-name`: two declarations share a name (across files, and against the standard library). */
import { isNamedDeclaration } from '../../language/generated/ast.js';
import { defineRule, listWithMore, MAX_RELATED } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import type { DeclarationEntry } from '../../analysis/workspace-facts.js';
import { declarationLabel, kindLabel } from '../../analysis/labels.js';

export const duplicateNameRule = defineRule({
    id: RuleId.duplicateName,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'Two declarations share a name (across files, and against the standard library).',
    doc: 'Names are unique across the whole workspace — every `.coord` file checked together plus the standard library — because references need no imports. Rename one of the declarations; a standard-library name (a domain such as `productive` or an outcome such as `income`) cannot be declared again.',
    check({ model, document, facts, report }) {
        const uri = document.uri.toString();
        // Per name, once: its standard-library entry and its first few entries. A name declared
        // n times then costs O(n), not O(n²) (each declaration listing all the others).
        const seen = new Map<string, { std?: DeclarationEntry; first: readonly DeclarationEntry[]; total: number }>();
        for (const decl of model.declarations) {
            if (!isNamedDeclaration(decl) || !decl.name) continue;
            let entry = seen.get(decl.name);
            if (!entry) {
                const entries = facts.declarationsNamed(decl.name);
                const std = entries.find(e => e.stdlib);
                const first = entries.slice(0, MAX_RELATED + 1);
                // The standard-library declaration is always among the places listed.
                entry = { std, first: std && !first.includes(std) ? [std, ...first] : first, total: entries.length };
                seen.set(decl.name, entry);
            }
            if (entry.total < 2) continue;
            const others = entry.first.filter(e => e.node !== decl).slice(0, MAX_RELATED);
            const otherCount = entry.total - 1;
            const std = entry.std && entry.std.node !== decl ? entry.std : undefined;
            const message = std
                ? `'${decl.name}' is already the standard-library ${kindLabel(std.node.$type)} '${decl.name}'; choose another name`
                : `'${decl.name}' is declared more than once in the workspace (${listWithMore(others.map(o => `${kindLabel(o.node.$type)} in ${o.uri === uri ? 'this file' : shortName(o.uri)}`), otherCount)}); names must be unique`;
            report({
                node: decl,
                property: 'name',
                message,
                related: others.map(o => ({ node: o.node, property: 'name', message: `${declarationLabel(o.node)} is also declared here` })),
            });
        }
    },
});

function shortName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
