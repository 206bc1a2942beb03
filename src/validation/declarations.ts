/**
 * The top-level declarations of a document by type, for the rules. Most rules
 * check one or two kinds of declaration (coordinations, `effects` blocks…) and
 * used to test every declaration of the document with a generated guard
 * (`isCoordination`, a look-up of subtypes in the reflection): 26 rules × every
 * declaration. The declarations are now grouped once per model, in document
 * order, by their exact `$type` (the types of top-level declarations have no
 * subtypes: `test/validation/exact-types.test.ts`).
 */
import type { Declaration, Model } from '../language/generated/ast.js';

type DeclarationType = Declaration['$type'];
type DeclarationOf<T extends DeclarationType> = Extract<Declaration, { $type: T }>;

const NONE: readonly never[] = [];

/** Per model object (the language server checks a model of the declarations to check again: a new object each time). */
const groups = new WeakMap<Model, Map<string, Declaration[]>>();

/** The declarations of a model of one type, in document order. */
export function declarationsOf<T extends DeclarationType>(model: Model, type: T): ReadonlyArray<DeclarationOf<T>> {
    let byType = groups.get(model);
    if (!byType) {
        byType = new Map();
        const declarations = model.declarations ?? NONE;
        for (let i = 0; i < declarations.length; i++) {
            const decl = declarations[i];
            const list = byType.get(decl.$type);
            if (list) list.push(decl);
            else byType.set(decl.$type, [decl]);
        }
        groups.set(model, byType);
    }
    return (byType.get(type) ?? NONE) as ReadonlyArray<DeclarationOf<T>>;
}
