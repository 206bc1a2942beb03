/**
 * Coord's document builder answers "which requested validation categories has this
 * document not been validated for yet" with a loop in place of Langium's stream
 * (`CoordDocumentBuilder.findMissingValidationCategories`, src/language/coord-workspace.ts):
 * the same answer, in the same order, as Langium's for every build state and every
 * kind of build options.
 */
import { describe, expect, it } from 'vitest';
import { DefaultDocumentBuilder, EmptyFileSystem, URI, type BuildOptions, type LangiumDocument } from 'langium';
import { createCoordCoreServices } from '../../src/language/coord-module.js';

type State = { completed: boolean; options: BuildOptions; result?: { validationChecks?: string[] } } | undefined;

describe('the validation categories a document still needs', () => {
    it('are Langium\'s for every state and option', () => {
        const { shared } = createCoordCoreServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocumentFactory.fromString('domain d "D"\n', URI.parse('file:///w/a.coord')) as LangiumDocument;
        const buildState = (builder as unknown as { buildState: Map<string, NonNullable<State>> }).buildState;
        const ours = (options: BuildOptions | undefined) => (builder as unknown as { findMissingValidationCategories(d: LangiumDocument, o?: BuildOptions): string[] })
            .findMissingValidationCategories(document, options);
        const langium = (options: BuildOptions | undefined) => (DefaultDocumentBuilder.prototype as unknown as { findMissingValidationCategories(d: LangiumDocument, o?: BuildOptions): string[] })
            .findMissingValidationCategories.call(builder, document, options);
        const states: State[] = [
            undefined,
            { completed: false, options: {} },
            { completed: true, options: {} },
            { completed: true, options: {}, result: {} },
            { completed: false, options: {}, result: { validationChecks: [] } },
            { completed: false, options: {}, result: { validationChecks: ['fast'] } },
            { completed: true, options: {}, result: { validationChecks: ['built-in', 'slow'] } },
            { completed: false, options: {}, result: { validationChecks: ['fast', 'slow', 'built-in'] } },
        ];
        const options: Array<BuildOptions | undefined> = [
            undefined, {}, { validation: true }, { validation: false }, { validation: {} }, { validation: { categories: [] } },
            { validation: { categories: ['slow'] } }, { validation: { categories: ['slow', 'fast', 'built-in'] } }, { validation: { categories: ['fast', 'fast'] } },
        ];
        let compared = 0;
        for (const state of states) {
            if (state) buildState.set(document.uri.toString(), state);
            else buildState.delete(document.uri.toString());
            for (const o of options) {
                expect(ours(o), JSON.stringify([state, o])).toEqual(langium(o));
                compared++;
            }
        }
        expect(compared).toBe(states.length * options.length);
        // Not every answer is empty: the comparison covers categories left to run.
        buildState.delete(document.uri.toString());
        expect(ours(undefined).length).toBeGreaterThan(0);
        buildState.set(document.uri.toString(), { completed: false, options: {}, result: { validationChecks: ['fast'] } });
        expect(ours({ validation: { categories: ['slow', 'fast'] } })).toEqual(['slow']);
    });
});
