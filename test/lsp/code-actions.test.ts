/**
 * Quick fixes keyed on rule ids: each fix, applied, gives text that parses, is
 * formatted, and no longer has the finding it fixed.
 */
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { formatText } from '../../src/analysis/format.js';
import { INCENTIVE_PLACEHOLDER, REASON_PLACEHOLDER, RESISTANCE_PLACEHOLDER, ROLE_PLACEHOLDER } from '../../src/analysis/placeholders.js';
import { applyEdits, LIBRARY, lspWorkspace } from './lsp-helpers.js';

async function actionsFor(text: string, rule: string, others: Record<string, string> = { 'lib.coord': LIBRARY }) {
    const ws = await lspWorkspace({ ...others, 'main.coord': text });
    const document = ws.documents['main.coord'];
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === rule);
    expect(diagnostics.length, `a '${rule}' finding`).toBeGreaterThan(0);
    const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    return { actions, diagnostic: diagnostics[0], ws };
}

function apply(text: string, action: CodeAction): string {
    const changes = Object.values(action.edit?.changes ?? {});
    expect(changes).toHaveLength(1);
    return applyEdits(text, changes[0]);
}

/**
 * Applies a fix and checks the result parses, is formatted, and no longer has the rule's finding;
 * with `placeholder`, the finding stays (a placeholder left as inserted counts for nothing) until
 * the placeholder is replaced by real text.
 */
async function checkFix(text: string, rule: string, title: string | RegExp, others?: Record<string, string>, placeholder?: string): Promise<string> {
    const { actions, ws } = await actionsFor(text, rule, others);
    const action = actions.find(a => (typeof title === 'string' ? a.title === title : title.test(a.title)));
    expect(action, `a fix '${title}' among ${actions.map(a => a.title).join(', ')}`).toBeDefined();
    const fixed = apply(text, action!);
    const formatted = formatText(fixed, ws.services);
    expect(formatted.ok, `the fixed text parses:\n${fixed}`).toBe(true);
    if (formatted.ok) expect(formatted.text, 'the fixed text is formatted').toBe(fixed);
    const remainingIn = async (t: string) => {
        const after = await lspWorkspace({ ...(others ?? { 'lib.coord': LIBRARY }), 'main.coord': t });
        return (after.documents['main.coord'].diagnostics ?? []).filter((d: Diagnostic) => d.code === rule);
    };
    if (placeholder) {
        expect(fixed).toContain(placeholder);
        const flagged = await remainingIn(fixed);
        expect(flagged, `the placeholder left as inserted is flagged:\n${fixed}`).toHaveLength(1);
        const written = fixed.replace(placeholder, 'Written by the analyst');
        expect(await remainingIn(written), `no '${rule}' finding once the placeholder is replaced:\n${written}`).toEqual([]);
    } else {
        expect(await remainingIn(fixed), `no '${rule}' finding after the fix:\n${fixed}`).toEqual([]);
    }
    return fixed;
}

const COORDINATION = `coordination FEST_UNIDOS "FEST + UNIDOS" {
  between FEST, UNIDOS
  incentive budget "Co-financing"
  achieved low
}
`;

describe('quick fixes', () => {
    test('local-roles: adds a local block with a role by the first programme', async () => {
        const fixed = await checkFix(COORDINATION, 'local-roles', 'Add a local block with a role', undefined, ROLE_PLACEHOLDER);
        expect(fixed).toContain('  local {\n    role "Describe who does what locally" by FEST\n  }\n}');
    });

    test('local-roles: adds a role to an existing local block', async () => {
        const text = COORDINATION.replace('  achieved low\n', '  achieved low\n  local {\n    agreement informal "Plans together"\n  }\n');
        const fixed = await checkFix(text, 'local-roles', 'Add a local role', undefined, ROLE_PLACEHOLDER);
        expect(fixed).toContain('  local {\n    agreement informal "Plans together"\n    role "Describe who does what locally" by FEST\n  }\n');
    });

    test('budget-incentive: adds an incentive budget line', async () => {
        const text = COORDINATION.replace('  incentive budget "Co-financing"\n', '');
        const fixed = await checkFix(text, 'budget-incentive', "Add an 'incentive budget'", undefined, INCENTIVE_PLACEHOLDER);
        expect(fixed).toContain('  incentive budget "Describe the earmarked budget or co-financing"\n}');
        // The flag says what is left to do.
        const after = await lspWorkspace({ 'lib.coord': LIBRARY, 'main.coord': fixed });
        expect(after.documents['main.coord'].diagnostics!.find(d => d.code === 'budget-incentive')?.message).toMatch(/still has its placeholder text/);
        // Nor does the placeholder clear political-support-only: it is no incentive.
        const strong = fixed.replace('  achieved low\n', '  achieved low\n  political-support strong\n');
        const flagged = await lspWorkspace({ 'lib.coord': LIBRARY, 'main.coord': strong });
        expect(flagged.documents['main.coord'].diagnostics!.map(d => d.code)).toContain('political-support-only');
    });

    test('local-assessment (§8): adds a capacity, a stakeholder or a source of resistance to the local block', async () => {
        const text = COORDINATION.replace('  achieved low\n', '  achieved low\n  local {\n    role "Refers households" by FEST\n  }\n');
        const { actions } = await actionsFor(text, 'local-assessment');
        expect(actions.map(a => a.title).filter(t => t.startsWith('Add'))).toEqual(['Add a local capacity', 'Add a local stakeholder', 'Add a source of resistance']);
        expect(actions.find(a => a.title === 'Add a local capacity')?.isPreferred).toBe(true);
        const fixed = await checkFix(text, 'local-assessment', 'Add a source of resistance', undefined, RESISTANCE_PLACEHOLDER);
        expect(fixed).toContain('  local {\n    role "Refers households" by FEST\n    resistance "Describe a source of resistance at the local level"\n  }\n');
    });

    test('political-support (§8): a missing declaration can be added after `between`; weak support gets no fix', async () => {
        const fixed = await checkFix(COORDINATION, 'political-support', "Add 'political-support moderate'");
        expect(fixed).toContain('  between FEST, UNIDOS\n  political-support moderate\n');
        const { actions } = await actionsFor(COORDINATION.replace('  achieved low\n', '  achieved low\n  political-support weak\n'), 'political-support');
        expect(actions.map(a => a.title).filter(t => t.startsWith('Add'))).toEqual([]);
    });

    test('unresolved-reference: replaces the name with the suggestion', async () => {
        const fixed = await checkFix(COORDINATION.replace('between FEST, UNIDOS', 'between FEST, UNIDSO'), 'unresolved-reference', "Change to 'UNIDOS'");
        expect(fixed).toContain('between FEST, UNIDOS');
    });

    test('missing-source: offers `from` each evaluation of the workspace', async () => {
        const text = 'effects of FEST + UNIDOS {\n  + savings\n}\n';
        const { actions } = await actionsFor(text, 'missing-source');
        expect(actions.map(a => a.title).filter(t => t.startsWith('Add'))).toEqual(["Add 'from EvalFEST'", "Add 'from EvalUNIDOS'"]);
        const fixed = await checkFix(text, 'missing-source', "Add 'from EvalUNIDOS'");
        expect(fixed).toBe('effects of FEST + UNIDOS from EvalUNIDOS {\n  + savings\n}\n');
    });

    test('repeated-property: removes the repeat', async () => {
        const text = 'programme P {\n  country Peru\n  sector productive\n  sector other\n  note "n"\n}\n';
        const fixed = await checkFix(text, 'repeated-property', "Remove the repeated 'sector'", {});
        expect(fixed).toBe('programme P {\n  country Peru\n  sector productive\n  note "n"\n}\n');
    });

    test('repeated-property: removes a repeated detail of an effect', async () => {
        const text = 'effects of P {\n  + income size 0.1 sd size 0.2 p 0.01\n}\n';
        const fixed = await checkFix(text, 'repeated-property', "Remove the repeated 'size'", {});
        expect(fixed).toBe('effects of P {\n  + income size 0.1 sd p 0.01\n}\n');
    });

    test('estimate-mismatch: turns the sign round when only it contradicts size', async () => {
        const text = 'effects of P {\n  + income size -0.2 sd ci -0.3..-0.1 cite "T1"\n}\n';
        const fixed = await checkFix(text, 'estimate-mismatch', "Change the sign to '-'", {});
        expect(fixed).toBe('effects of P {\n  - income size -0.2 sd ci -0.3..-0.1 cite "T1"\n}\n');
    });

    test('estimate-mismatch: no sign fix when the interval contradicts too', async () => {
        const { actions } = await actionsFor('effects of P {\n  + income size -0.2 ci -0.3..0.1\n}\n', 'estimate-mismatch', {});
        expect(actions.filter(a => a.title.startsWith('Change the sign'))).toEqual([]);
    });

    test('any rule: one disable action per finding, for its line, with the same indentation; the reason left as inserted silences nothing', async () => {
        const text = 'programme P {\n  country Peru\n  sector productive\n  period 2011..3000\n}\n';
        const { actions } = await actionsFor(text, 'invalid-value', {});
        expect(actions.filter(a => a.title.startsWith('Disable')).map(a => a.title)).toEqual(["Disable 'invalid-value' for this line"]);
        const nextLine = await checkFix(text, 'invalid-value', "Disable 'invalid-value' for this line", {}, REASON_PLACEHOLDER);
        expect(nextLine).toContain(`  sector productive\n  // coord-disable-next-line invalid-value -- ${REASON_PLACEHOLDER}\n  period 2011..3000\n`);
    });

    test('unused-suppression: removes the comment line', async () => {
        const text = 'programme P {\n  country Peru\n  // coord-disable-next-line invalid-value -- nothing to silence\n  sector productive\n}\n';
        const fixed = await checkFix(text, 'unused-suppression', 'Remove the unused suppression comment', {});
        expect(fixed).toBe('programme P {\n  country Peru\n  sector productive\n}\n');
    });

    test('no suppression is offered for a syntax error', async () => {
        const { actions } = await actionsFor('programme P {\n  country\n}\n', 'syntax', {});
        expect(actions.filter(a => a.title.startsWith('Disable'))).toEqual([]);
    });
});

describe('required-property', () => {
    test('adds a missing sector with each of its values, first in the block', async () => {
        const text = 'programme P {\n  country Peru\n}\n';
        const { actions } = await actionsFor(text, 'required-property', {});
        expect(actions.map(a => a.title).filter(t => t.startsWith('Add'))).toEqual(["Add 'sector social-protection'", "Add 'sector productive'", "Add 'sector other'"]);
        const fixed = await checkFix(text, 'required-property', "Add 'sector productive'", {});
        expect(fixed).toBe('programme P {\n  sector productive\n  country Peru\n}\n');
    });

    test('adds a missing method to an evaluation', async () => {
        const fixed = await checkFix('evaluation E {\n  by "GRADE"\n}\n', 'required-property', "Add 'method rct'", {});
        expect(fixed).toBe('evaluation E {\n  method rct\n  by "GRADE"\n}\n');
    });
});

describe('quick fixes with a client that takes snippet edits', () => {
    test('the inserted text to fill in is a snippet whose placeholder is selected', async () => {
        const text = COORDINATION.replace('  incentive budget "Co-financing"\n', '');
        const ws = await lspWorkspace({ 'lib.coord': LIBRARY, 'main.coord': text });
        await ws.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } },
        } as never);
        const document = ws.documents['main.coord'];
        for (const [rule, placeholder] of [['budget-incentive', INCENTIVE_PLACEHOLDER], ['local-roles', ROLE_PLACEHOLDER]]) {
            const diagnostic = document.diagnostics!.find(d => d.code === rule)!;
            const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
            })) as CodeAction[];
            const fix = actions.find(a => a.isPreferred)!;
            const edit = (fix.edit!.documentChanges![0] as { edits: Array<{ snippet: { value: string } }> }).edits[0];
            expect(edit.snippet.value, rule).toContain(`\${1:${placeholder}}`);
            expect(edit.snippet.value.match(/\$\{\d/g), rule).toHaveLength(1);
        }
    });
});

describe('suppression with a client that takes snippet edits', () => {
    test('the reason is a tab stop to type over', async () => {
        const text = 'programme P {\n  country Peru\n  sector productive\n  period 2011..3000\n}\n';
        const ws = await lspWorkspace({ 'main.coord': text });
        await ws.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } },
        } as never);
        const document = ws.documents['main.coord'];
        const diagnostic = document.diagnostics!.find(d => d.code === 'invalid-value')!;
        const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
        const line = actions.find(a => a.title === "Disable 'invalid-value' for this line")!;
        expect(line.edit?.documentChanges).toEqual([{
            textDocument: { uri: document.uri.toString(), version: document.textDocument.version },
            edits: [{
                range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
                snippet: { kind: 'snippet', value: `  // coord-disable-next-line invalid-value -- \${1:${REASON_PLACEHOLDER}}\n` },
            }],
        }]);
    });
});
