/** Rule `unresolved-reference`: a reference names nothing of the right kind in the workspace. */
import type { AstNode, Reference } from 'langium';
import { t } from '../../i18n/index.js';
import { defineRule, type RuleReport } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { CoordAstReflection } from '../../language/generated/ast.js';
import { closestName } from '../../analysis/suggest.js';
import { kindLabel, kindWithArticle } from '../../analysis/labels.js';
import type { WorkspaceFacts } from '../../analysis/workspace-facts.js';
import { declarationReferences, linkFailed, someLinkFailed } from '../../language/coord-linker.js';

const reflection = new CoordAstReflection();

export const unresolvedReferenceRule = defineRule({
    id: RuleId.unresolvedReference,
    defaultSeverity: 'error',
    category: 'structure',
    check({ model, facts, report }) {
        // The references of the declarations to check (all of them, in the linker's order,
        // unless findings of some are reused), not the document's: a rule reads only its subjects.
        // Each declaration's references as the linker keeps them (read, not copied: almost every
        // reference resolves, and copies were most of the rule's time).
        for (let d = 0, declarations = model.declarations; d < declarations.length; d++) {
            const declaration = declarations[d];
            const references = declarationReferences(declaration);
            if (!someLinkFailed(references)) continue;
            for (let i = 0; i < references.length; i++) {
                const ref = references[i].reference as Reference;
                if (linkFailed(ref)) reportUnresolved(ref, facts, report);
            }
        }
    },
});

/** Reports an unresolved reference: what it names, what that is if it is of another kind, and the nearest name. */
function reportUnresolved(ref: Reference, facts: WorkspaceFacts, report: (r: RuleReport) => void): void {
    const info = ref.error!.info;
    const container = info.container as AstNode;
    const type = reflection.getReferenceType(info);
    const name = ref.$refText;
    const candidates = candidatesOf(facts, type);
    const wrongKind = candidates.has(name) ? undefined : facts.declarationsNamed(name)[0]?.node.$type;
    const suggestion = closestName(name, candidates.near(name));
    let message = t('rule.unresolved-reference.unknown', { kind: kindLabel(type), name });
    if (wrongKind) message += t('rule.unresolved-reference.wrong-kind', { name, actual: kindWithArticle(wrongKind), wanted: kindWithArticle(type) });
    if (suggestion) message += t('rule.unresolved-reference.suggestion', { suggestion });
    report({
        node: container,
        property: info.property,
        index: info.index,
        message,
        data: suggestion ? { suggestion, name } : { name },
    });
}

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
