/**
 * Rules test some AST types exactly (`node.$type === Programme.$type`), which
 * is cheaper than the generated guards (`isProgramme`, a look-up of subtypes in
 * the reflection) and right only while the type has no subtypes. Every type a
 * rule names that way must have none; a grammar change that gives it one fails
 * here, not as a finding silently lost.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reflection } from '../../src/language/generated/ast.js';

const RULES_DIR = join(__dirname, '../../src/validation/rules');

describe('AST types that rules test exactly', () => {
    const named = new Set<string>();
    // The rules, the contributions, the one-shot workspace facts that read declarations directly, and the evidence queries.
    const files = [...readdirSync(RULES_DIR).filter(f => f.endsWith('.ts')).map(f => join(RULES_DIR, f)), join(__dirname, '../../src/analysis/contributions.ts'), join(__dirname, '../../src/analysis/workspace-facts.ts'), join(__dirname, '../../src/analysis/evidence.ts')];
    for (const file of files) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\b([A-Z]\w*)\.\$type\b/g)) named.add(m[1]);
    }

    it('are found in the rules (the test reads what it should)', () => {
        expect([...named]).toEqual(expect.arrayContaining(['Programme', 'Effects', 'Coordination', 'PeriodProperty', 'PDetail']));
    });

    it('have no subtypes', () => {
        for (const type of named) {
            expect(reflection.getAllTypes(), type).toContain(type);
            expect(reflection.getAllSubTypes(type), type).toEqual([type]);
        }
    });

    it('is not vacuous: the check above fails for a type that has subtypes', () => {
        // Declaration is a supertype (of Programme and others): testing it exactly would miss them.
        const check = (type: string) => expect(reflection.getAllSubTypes(type), type).toEqual([type]);
        expect(() => check('Declaration')).toThrow();
        expect(() => check('Programme')).not.toThrow();
    });
});
