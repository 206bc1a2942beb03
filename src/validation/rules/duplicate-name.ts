/** Rule `duplicate-name`: two declarations share a name (across files, and against the standard library). */
import type { NamedDeclaration } from '../../language/generated/ast.js';
import { declaredName } from '../../analysis/contributions.js';
import { t } from '../../i18n/index.js';
import { defineRule, listWithMore, MAX_RELATED } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import type { DeclarationEntry } from '../../analysis/workspace-facts.js';
import { declarationLabel, kindLabel } from '../../analysis/labels.js';

export const duplicateNameRule = defineRule({
    id: RuleId.duplicateName,
    defaultSeverity: 'error',
    category: 'structure',
    check({ model, document, facts, report }) {
        const uri = document.uri.toString();
        // Per name, once: its standard-library entry and its first few entries. A name declared
        // n times then costs O(n), not O(n²) (each declaration listing all the others).
        const seen = new Map<string, { std?: DeclarationEntry; first: readonly DeclarationEntry[]; total: number }>();
        for (let i = 0, declarations = model.declarations; i < declarations.length; i++) {
            // The name a named declaration declares ('' for none), its type's test made once per type, not the generated guard's look-up per declaration.
            if (!declaredName(declarations[i])) continue;
            const decl = declarations[i] as NamedDeclaration;
            let entry = seen.get(decl.name);
            if (!entry) {
                const entries = facts.declarationsNamed(decl.name);
                // Most names are declared once: nothing to keep, nothing to say.
                if (entries.length < 2) continue;
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
                ? t('rule.duplicate-name.stdlib', { name: decl.name, kind: kindLabel(std.node.$type) })
                : t('rule.duplicate-name.message', {
                    name: decl.name,
                    places: listWithMore(others.map(o => o.uri === uri
                        ? t('rule.duplicate-name.place.here', { kind: kindLabel(o.node.$type) })
                        : t('rule.duplicate-name.place', { kind: kindLabel(o.node.$type), file: shortName(o.uri) })), otherCount),
                });
            report({
                node: decl,
                property: 'name',
                message,
                related: others.map(o => ({ node: o.node, property: 'name', message: t('rule.duplicate-name.related', { declaration: declarationLabel(o.node) }) })),
            });
        }
    },
});

function shortName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
