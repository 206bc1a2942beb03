/** Rule `duplicate-name`: two declarations share a name (across files, and against the standard library). */
import { isNamedDeclaration } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { declarationLabel, kindLabel } from '../../analysis/labels.js';

export const duplicateNameRule = defineRule({
    id: RuleId.duplicateName,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'Two declarations share a name (across files, and against the standard library).',
    doc: 'Names are unique across the whole workspace — every `.coord` file checked together plus the standard library — because references need no imports. Rename one of the declarations; a standard-library name (a domain such as `productive` or an outcome such as `income`) cannot be declared again.',
    check({ model, document, facts, report }) {
        const uri = document.uri.toString();
        for (const decl of model.declarations) {
            if (!isNamedDeclaration(decl) || !decl.name) continue;
            const entries = facts.declarationsNamed(decl.name);
            if (entries.length < 2) continue;
            const others = entries.filter(e => e.node !== decl);
            const std = others.find(e => e.stdlib);
            const message = std
                ? `'${decl.name}' is already the standard-library ${kindLabel(std.node.$type)} '${decl.name}'; choose another name`
                : `'${decl.name}' is declared more than once in the workspace (${others.map(o => `${kindLabel(o.node.$type)} in ${o.uri === uri ? 'this file' : shortName(o.uri)}`).join(', ')}); names must be unique`;
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
