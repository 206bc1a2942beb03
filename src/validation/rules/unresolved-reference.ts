/** Rule `unresolved-reference`: a reference names nothing of the right kind in the workspace. */
import type { AstNode } from 'langium';
import { defineRule } from '../rule.js';
import { CoordAstReflection } from '../../language/generated/ast.js';
import { closestName } from '../../analysis/suggest.js';
import { kindLabel } from '../../analysis/labels.js';

const reflection = new CoordAstReflection();

export const unresolvedReferenceRule = defineRule({
    id: 'unresolved-reference',
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A reference names nothing in the workspace.',
    doc: 'A name after `between`, `of`, `+`, `from`, `targets`, `node`, `by`, `in` or an effect direction must be declared somewhere in the workspace (any `.coord` file of the checked folders, or the standard library) with the right kind. The message suggests the closest declared name of that kind.',
    check({ document, facts, report }) {
        for (const ref of document.references) {
            if (!ref.error) continue;
            const info = ref.error.info;
            const container = info.container as AstNode;
            const type = reflection.getReferenceType(info);
            const wanted = kindLabel(type);
            const name = ref.$refText;
            const candidates: string[] = [];
            let wrongKind: string | undefined;
            for (const [declName, entries] of facts.declarationsByName) {
                for (const entry of entries) {
                    if (reflection.isSubtype(entry.node.$type, type)) {
                        candidates.push(declName);
                        break;
                    } else if (declName === name) {
                        wrongKind = kindLabel(entry.node.$type);
                    }
                }
            }
            const suggestion = closestName(name, candidates);
            let message = `unknown ${wanted} '${name}'`;
            if (wrongKind) message += `: '${name}' is ${article(wrongKind)} ${wrongKind}, not ${article(wanted)} ${wanted}`;
            if (suggestion) message += `; did you mean '${suggestion}'?`;
            report({
                range: ref.$refNode?.range,
                node: container,
                property: info.property,
                index: info.index,
                message,
                data: suggestion ? { suggestion, name } : { name },
            });
        }
    },
});

function article(word: string): string {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
