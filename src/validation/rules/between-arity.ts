/** Rule `between-arity`: `between` lists fewer than two distinct programmes, or one twice. */
import { isCoordination } from '../../language/generated/ast.js';
import { defineRule } from '../rule.js';
import { RuleId } from '../rule-ids.js';
import { propertiesOf } from '../../analysis/queries.js';

export const betweenArityRule = defineRule({
    id: RuleId.betweenArity,
    defaultSeverity: 'error',
    category: 'structure',
    summary: '`between` lists fewer than two distinct programmes, or one twice.',
    doc: 'A coordination joins two or more different programmes. A `between` with one programme describes no coordination, and a programme listed twice is a slip.',
    check({ model, report }) {
        for (const decl of model.declarations) {
            if (!isCoordination(decl)) continue;
            for (const between of propertiesOf(decl, 'between')) {
                const seen = new Set<string>();
                between.programmes.forEach((ref, index) => {
                    const name = ref.$refText;
                    if (seen.has(name)) {
                        report({ node: between, property: 'programmes', index, message: `'${name}' is listed twice in 'between' of coordination ${decl.name}` , data: { name } });
                    }
                    seen.add(name);
                });
                if (seen.size < 2) {
                    report({ node: between, message: `coordination ${decl.name} is between ${seen.size === 0 ? 'no programme' : `only one programme ('${[...seen][0]}')`}; a coordination joins at least two distinct programmes` });
                }
            }
        }
    },
});
