/** Human words for AST types and declarations, used in messages, hover and outlines. */
import type { AstNode } from 'langium';

const KIND_LABELS: Record<string, string> = {
    Domain: 'domain',
    Outcome: 'outcome',
    Population: 'population',
    Programme: 'programme',
    Body: 'body',
    Coordination: 'coordination',
    Evaluation: 'evaluation',
    Effects: 'effects block',
    Actor: 'programme or body',
    NamedDeclaration: 'declaration',
};

/** The word for a type: `Programme` → `programme`. */
export function kindLabel(type: string): string {
    return KIND_LABELS[type] ?? type.toLowerCase();
}

/** `programme FEST`, `coordination FEST_UNIDOS`. */
export function declarationLabel(node: AstNode & { name?: string }): string {
    return node.name ? `${kindLabel(node.$type)} ${node.name}` : kindLabel(node.$type);
}
