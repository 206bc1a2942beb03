/**
 * The templates of the declarations, offered by completion: where a declaration
 * keyword may start, the keyword's item inserts its template (with a client
 * that takes snippets), so the keyword and its snippet are one item, offered
 * only where a declaration can start. Each template, with its placeholders at
 * their defaults, is formatted Coord (test/lsp/snippets.test.ts).
 */

export interface DeclarationSnippet {
    /** What the declaration is, shown beside the item. */
    description: string;
    /** The template, one line per entry, in VS Code's snippet syntax. */
    body: readonly string[];
}

/** The template of each declaration keyword. */
export const DECLARATION_SNIPPETS: Readonly<Record<string, DeclarationSnippet>> = {
    domain: {
        description: 'An outcome domain (a row of the effect matrix).',
        body: [
            'domain ${1:name} "${2:Title}"$0',
        ],
    },
    outcome: {
        description: 'An outcome in a domain, with its desirable direction.',
        body: [
            'outcome ${1:name} "${2:Title}" in ${3:domain} desirable ${4|increase,decrease,neutral|}$0',
        ],
    },
    population: {
        description: 'A population that programmes target.',
        body: [
            'population ${1:name} "${2:Title}"$0',
        ],
    },
    programme: {
        description: 'A public programme (country and sector are required).',
        body: [
            'programme ${1:NAME} "${2:Full name}" {',
            '  country ${3:Country}',
            '  sector ${4|social-protection,productive,other|}',
            '  agency "${5:Agency}"',
            '  targets ${6:population}',
            '}$0',
        ],
    },
    body: {
        description: 'A coordinating body or node.',
        body: [
            'body ${1:NAME} "${2:Title}" {',
            '  level ${3|national,regional,local|}',
            '}$0',
        ],
    },
    coordination: {
        description: 'A coordination arrangement between programmes: political support, a local role and what is known of the local level, and a budget incentive.',
        body: [
            'coordination ${1:NAME} "${2:Title}" {',
            '  between ${3:PROGRAMME_A}, ${4:PROGRAMME_B}',
            '  political-support ${5|strong,moderate,weak|}',
            '  local {',
            '    role "${6:Who does what locally}" by ${3:PROGRAMME_A}',
            '    capacity "${7:A capacity that can operate locally}"',
            '    stakeholder "${8:A local stakeholder}"',
            '    resistance "${9:A source of resistance}"',
            '  }',
            '  incentive budget "${10:Earmarked co-financing line}"',
            '  achieved ${11|low,medium,high|}',
            '}$0',
        ],
    },
    evaluation: {
        description: 'An evaluation that observed effects (method is required).',
        body: [
            'evaluation ${1:Eval} "${2:Title}" {',
            '  method ${3|rct,quasi-experimental,psm,did,rdd,qualitative,mixed|}',
            '  period ${4:2014}..${5:2016}',
            '  by "${6:Evaluator}"',
            '}$0',
        ],
    },
    effects: {
        description: 'Effects observed for a combination of programmes, from an evaluation.',
        body: [
            'effects of ${1:PROGRAMME_A} + ${2:PROGRAMME_B} from ${3:Eval} {',
            '  ${4|+,-,~|} ${5:outcome}',
            '}$0',
        ],
    },
};

/** A template with every placeholder at its default (the first choice of a choice): the text it inserts if nothing is typed. */
export function expandSnippet(body: readonly string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '');
}
