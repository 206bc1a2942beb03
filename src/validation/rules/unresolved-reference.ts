/** Rule `unresolved-reference`: a reference names nothing of the right kind in the workspace. */
import type { AstNode } from 'langium';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { CoordAstReflection } from '../../language/generated/ast.js';
import { closestName } from '../../analysis/suggest.js';
import { kindLabel } from '../../analysis/labels.js';
import type { WorkspaceFacts } from '../../analysis/workspace-facts.js';
import { collectReferences } from '../../language/coord-linker.js';

const reflection = new CoordAstReflection();

export const unresolvedReferenceRule = defineRule({
    id: RuleId.unresolvedReference,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A reference names nothing in the workspace.',
    doc: 'A name after `between`, `of`, `+`, `from`, `targets`, `node`, `by`, `in` or an effect direction must be declared somewhere in the workspace (any `.coord` file of the checked folders, or the standard library) with the right kind. The message suggests the closest declared name of that kind.',
    check({ model, facts, report }) {
        // The references of the declarations to check (all of them, in the linker's order,
        // unless findings of some are reused), not the document's: a rule reads only its subjects.
        for (const ref of model.declarations.flatMap(d => collectReferences(d).map(info => info.reference))) {
            if (!ref.error) continue;
            const info = ref.error.info;
            const container = info.container as AstNode;
            const type = reflection.getReferenceType(info);
            const wanted = kindLabel(type);
            const name = ref.$refText;
            const candidates = candidatesOf(facts, type);
            const wrongKind = candidates.has(name) ? undefined
                : facts.declarationsNamed(name).map(e => kindLabel(e.node.$type))[0];
            const suggestion = closestName(name, candidates.near(name));
            let message = `unknown ${wanted} '${name}'`;
            if (wrongKind) message += `: '${name}' is ${article(wrongKind)} ${wrongKind}, not ${article(wanted)} ${wanted}`;
            if (suggestion) message += `; did you mean '${suggestion}'?`;
            report({
                node: container,
                property: info.property,
                index: info.index,
                message,
                data: suggestion ? { suggestion, name } : { name },
            });
        }
    },
});

/** The declared names a reference of a type may take, bucketed by length for "did you mean". */
interface Candidates {
    has(name: string): boolean;
    /** Names whose length is within the suggestion distance of `name`, nearest lengths first. */
    near(name: string): string[];
}

const MAX_SUGGESTION_DISTANCE = 3;
const candidateCache = new WeakMap<WorkspaceFacts, Map<string, Candidates>>();

/**
 * Candidates are computed once per workspace build and reference type, so a
 * document with many unresolved references does not rescan every name for
 * each of them.
 */
function candidatesOf(facts: WorkspaceFacts, type: string): Candidates {
    let byType = candidateCache.get(facts);
    if (!byType) candidateCache.set(facts, byType = new Map());
    let result = byType.get(type);
    if (!result) {
        const names = new Set<string>();
        const byLength = new Map<number, string[]>();
        const lower = new Map<string, string>();
        for (const [declName, entries] of facts.everyDeclaration()) {
            if (!entries.some(e => reflection.isSubtype(e.node.$type, type))) continue;
            names.add(declName);
            lower.set(declName.toLowerCase(), declName);
            let bucket = byLength.get(declName.length);
            if (!bucket) byLength.set(declName.length, bucket = []);
            bucket.push(declName);
        }
        result = {
            has: name => names.has(name),
            near: name => {
                const exactCase = lower.get(name.toLowerCase());
                if (exactCase !== undefined && exactCase !== name) return [exactCase];
                const out: string[] = [];
                for (let d = 0; d <= MAX_SUGGESTION_DISTANCE; d++) {
                    for (const len of d === 0 ? [name.length] : [name.length - d, name.length + d]) {
                        for (const n of byLength.get(len) ?? []) out.push(n);
                    }
                }
                return out;
            },
        };
        byType.set(type, result);
    }
    return result;
}

function article(word: string): string {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
