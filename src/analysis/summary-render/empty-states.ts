/**
 * What an empty section of the summary says, and the snippet that fills it:
 * the same template bodies as shared/declaration-snippets.ts (VS Code snippet syntax;
 * `test/analysis/summary-html.test.ts` checks they match), shown as plain
 * text in the report and inserted by the preview's *Insert* button.
 */
export type EmptyStateSnippet = 'effects' | 'coordination';

export const EMPTY_SNIPPETS: Record<EmptyStateSnippet, readonly string[]> = {
    effects: ['effects of ${1:PROGRAMME_A} + ${2:PROGRAMME_B} from ${3:Eval} {', '  ${4|+,-,~|} ${5:outcome}', '}$0'],
    coordination: [
        'coordination ${1:NAME} "${2:Title}" {', '  between ${3:PROGRAMME_A}, ${4:PROGRAMME_B}', '  political-support ${5|strong,moderate,weak|}',
        '  local {', '    role "${6:Who does what locally}" by ${3:PROGRAMME_A}', '    capacity "${7:A capacity that can operate locally}"',
        '    stakeholder "${8:A local stakeholder}"', '    resistance "${9:A source of resistance}"', '  }',
        '  incentive budget "${10:Earmarked co-financing line}"', '  achieved ${11|low,medium,high|}', '}$0',
    ],
};

/** Every user-facing string of the empty states. */
export const EMPTY_TEXT = {
    effects: 'No effects are declared yet. Write what an evaluation found in an effects block:',
    coordination: 'No coordination is declared yet. Describe an arrangement between programmes:',
    insert: 'Insert this snippet',
    insertTitle: 'Insert the snippet at the end of the active Coord file',
} as const;

/** A snippet body as the text it inserts with its placeholders' defaults (`${1:NAME}` → `NAME`, a choice → its first option). */
export function snippetText(body: readonly string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\d+/g, '');
}
