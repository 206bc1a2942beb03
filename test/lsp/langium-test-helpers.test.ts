/**
 * The editor services through Langium's own test helpers (`langium/test`), as
 * a Langium user would test them: completion, hover, go to definition and a
 * on snippets marked with `<|>` (cursor) and `<|…|>` (range). (Langium's
 * `testCodeAction` expects one action per diagnostic and the rule in
 * `data.code`; Coord offers a fix plus two suppressions and keeps the rule in
 * `code`, so code-actions.test.ts tests the quick fixes directly.)
 */
import { describe, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectCompletion, expectGoToDefinition, expectHover } from 'langium/test';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { createStdlibDocument } from '../../src/language/coord-workspace.js';

/** Services whose workspace holds the standard library, indexed. */
async function services() {
    const { shared, Coord } = createCoordLspServices(EmptyFileSystem);
    const stdlib = createStdlibDocument(shared.workspace.LangiumDocumentFactory);
    shared.workspace.LangiumDocuments.addDocument(stdlib);
    await shared.workspace.DocumentBuilder.build([stdlib]);
    return Coord;
}

describe('with langium/test', () => {
    test('expectCompletion: methods after `method`', async () => {
        await expectCompletion(await services())({
            text: 'evaluation E {\n  method <|>\n}',
            index: 0,
            // The helper compares the labels in alphabetical order.
            expectedItems: ['did', 'mixed', 'psm', 'qualitative', 'quasi-experimental', 'rct', 'rdd'],
        });
    });

    test('expectHover: an outcome of the standard library', async () => {
        await expectHover(await services())({
            text: 'programme P {\n  country Peru\n  sector other\n}\neffects of P {\n  + sav<|>ings\n}',
            index: 0,
            hover: /\*\*outcome\*\* `savings` — Savings[\s\S]*- domain: finance[\s\S]*- desirable: increase/,
        });
    });

    test('expectGoToDefinition: from a reference to its declaration in the same file', async () => {
        await expectGoToDefinition(await services())({
            text: 'programme <|FEST|> {\n  country Colombia\n  sector productive\n}\neffects of FE<|>ST {\n}',
            index: 0,
            rangeIndex: 0,
        });
    });
});
