/**
 * The end-to-end suite: what a user of the installed Coord extension meets, checked through the `vscode`
 * API only, so that the same file runs in VS Code desktop (@vscode/test-electron) and in code-server's
 * extension host (scripts/e2e/run-code-server.mjs). The runner opens a throwaway copy of `examples/` plus
 * `test/e2e/fixtures/`, and loads this bundle as `extensionTestsPath`; `run()` prints one line per test
 * and `N passed, N failed`, and rejects when a test failed.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { INCENTIVE_PLACEHOLDER } from '../../../src/analysis/placeholders.js';
import {
    checkpoint, coordDiagnostics, hoverText, insertText, lineOf, openEditor, poll, positionOf, ruleOf,
    TIMEOUT_MS, waitForDiagnostics, waitForRules, workspaceUri,
} from './harness.js';

const EXTENSION_ID = 'coord-lang.coord';
const SUMMARY_COMMAND = 'coord.openSummaryToSide';

type Test = [name: string, body: () => Promise<void>];
const tests: Test[] = [];
function test(name: string, body: () => Promise<void>): void {
    tests.push([name, body]);
}

/**
 * The display language the run asked for (`COORD_E2E_LOCALE=es npm run test:e2e`,
 * see docs/e2e.md); English otherwise. The texts below that Coord writes follow it.
 */
const LOCALE = process.env.COORD_E2E_LOCALE ?? 'en';
const SPANISH = LOCALE === 'es';

test('the extension host runs in the display language asked for', async () => {
    assert.equal(vscode.env.language, LOCALE);
});

test('the extension contributes the coord language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('coord'), `languages: ${languages.join(', ')}`);
});

test('opening a .coord file activates the installed extension', async () => {
    const editor = await openEditor('mexico.coord');
    assert.equal(editor.document.languageId, 'coord');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await poll('the extension to activate', () => extension.isActive);
    // What is tested is what users install: the .vsix unpacked into the extensions folder, not the repository.
    const installedIn = process.env.COORD_E2E_EXTENSIONS_DIR;
    console.log(`    ${EXTENSION_ID} ${extension.packageJSON.version} from ${extension.extensionPath}; VS Code ${vscode.version}, ${vscode.env.appName}, Node ${process.version}`);
    if (installedIn) {
        assert.ok(extension.extensionPath.startsWith(installedIn), `expected the extension from ${installedIn}, got ${extension.extensionPath}`);
    }
});

test('mexico.coord gets the brief\'s findings, on the coordination\'s name', async () => {
    const { document } = await openEditor('mexico.coord');
    const rules = ['budget-incentive', 'target-mismatch', 'political-support-only', 'local-roles'];
    const diagnostics = await waitForRules(document.uri, rules);
    const nameLine = lineOf(document, /coordination PROINPRO_PDPs/);
    for (const rule of rules) {
        const found = diagnostics.find(d => ruleOf(d) === rule)!;
        assert.equal(found.range.start.line, nameLine, `${rule} sits on line ${found.range.start.line + 1}, not on the name's line ${nameLine + 1}`);
        assert.equal(found.severity, vscode.DiagnosticSeverity.Warning, `${rule} should be a warning`);
    }
    assert.ok(!diagnostics.some(d => d.severity === vscode.DiagnosticSeverity.Error), 'mexico.coord has no errors');
});

test('peru.coord gets budget-incentive on the arrangement and unarranged-combination on Haku Wiñay + Soft Skills; a suppression comment silences one in the editor', async () => {
    const { document } = await openEditor('peru.coord');
    const diagnostics = await waitForRules(document.uri, ['budget-incentive', 'unarranged-combination']);
    assert.equal(diagnostics.find(d => ruleOf(d) === 'budget-incentive')!.range.start.line, lineOf(document, /coordination HakuWinay_Juntos/));
    const effectsLine = lineOf(document, /effects of HakuWinay \+ SoftSkills/);
    assert.equal(diagnostics.find(d => ruleOf(d) === 'unarranged-combination')!.range.start.line, effectsLine);
    await insertText(document, new vscode.Position(effectsLine, 0), '// coord-disable-next-line unarranged-combination -- e2e\n');
    await waitForDiagnostics(document.uri, 'coord-disable-next-line to silence unarranged-combination', list => !list.some(d => ruleOf(d) === 'unarranged-combination'));
    const removal = new vscode.WorkspaceEdit();
    removal.delete(document.uri, new vscode.Range(new vscode.Position(effectsLine, 0), new vscode.Position(effectsLine + 1, 0)));
    assert.ok(await vscode.workspace.applyEdit(removal));
    await waitForRules(document.uri, ['unarranged-combination']);
});

test('colombia.coord gets local-roles on both coordinations; model.coord gets no finding', async () => {
    const colombia = (await openEditor('colombia.coord')).document;
    const expectedLines = [lineOf(colombia, /coordination FEST_UNIDOS/), lineOf(colombia, /coordination PPP_SNARIV/)];
    await waitForDiagnostics(colombia.uri, 'local-roles on FEST_UNIDOS and PPP_SNARIV', list =>
        expectedLines.every(line => list.some(d => ruleOf(d) === 'local-roles' && d.range.start.line === line)));
    const model = (await openEditor('model.coord')).document;
    // The server publishes for every document it builds; an empty list is only meaningful once colombia's arrived.
    assert.deepEqual(coordDiagnostics(model.uri).map(d => `${d.range.start.line + 1} ${ruleOf(d)}`), []);
});

test('the editor shows the diagnostics (screenshot)', async () => {
    const editor = await openEditor('mexico.coord');
    const [finding] = await waitForRules(editor.document.uri, ['budget-incentive']);
    // The server speaks the display language (VS Code sends it as the LSP locale); the code stays the rule id.
    if (SPANISH) {
        const budget = vscode.languages.getDiagnostics(editor.document.uri).find(d => ruleOf(d) === 'budget-incentive');
        assert.match(budget?.message ?? '', /^la coordinación PROINPRO_PDPs no declara ningún incentivo presupuestario/, budget?.message);
    }
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
    // The status bar counts the whole workspace: wait until its findings stop changing (a short run, as the
    // Spanish pass, gets here while the server may still be publishing other files' diagnostics).
    const all = await settledDiagnostics();
    await checkpoint('diagnostics', {
        file: 'mexico.coord',
        hoverText: SPANISH ? 'no declara ningún incentivo presupuestario' : 'declares no budget incentive',
        errors: all.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length,
        warnings: all.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length,
    });
});

/** Every diagnostic of the workspace, once the error and warning counts have not changed for two seconds. */
async function settledDiagnostics(): Promise<vscode.Diagnostic[]> {
    const counts = () => {
        const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list);
        return { all, key: `${all.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length}/${all.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length}` };
    };
    let last = counts();
    let since = Date.now();
    return poll('the workspace\'s diagnostics to settle', async () => {
        await new Promise(resolve => setTimeout(resolve, 250));
        const now = counts();
        if (now.key !== last.key) {
            last = now;
            since = Date.now();
            return undefined;
        }
        return Date.now() - since >= 2000 && now.all;
    });
}

test('hover on a reference shows the declaration\'s title', async () => {
    const { document } = await openEditor('mexico.coord');
    const at = positionOf(document, /between PROINPRO, PDP_1/, 'between PROINPRO, '.length + 2);
    const hovers = await poll('a hover on PDP_1', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
        return result.length > 0 && result;
    });
    const text = hoverText(hovers);
    // User text reaches the hover's Markdown escaped (no link or image can form), so `(` arrives as `\(`.
    assert.match(text, /One of the PDPs \\?\(not named in the brief\\?\)/, `hover text: ${text}`);
});

test('go to definition lands on the declaration, in the same file and across files', async () => {
    const mexico = (await openEditor('mexico.coord')).document;
    const sameFile = await definitionAt(mexico, positionOf(mexico, /node STEIA/, 'node '.length + 1));
    assert.equal(sameFile.uri.toString(), mexico.uri.toString());
    assert.equal(sameFile.range.start.line, lineOf(mexico, /body STEIA/));

    const typo = (await openEditor('e2e-typo.coord')).document;
    const crossFile = await definitionAt(typo, positionOf(typo, /between FEST/, 'between '.length + 1));
    assert.equal(crossFile.uri.toString(), workspaceUri('colombia.coord').toString());
    const colombia = await vscode.workspace.openTextDocument(crossFile.uri);
    assert.equal(crossFile.range.start.line, lineOf(colombia, /programme FEST /));
});

async function definitionAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ uri: vscode.Uri; range: vscode.Range }> {
    const found = await poll(`a definition at ${position.line + 1}:${position.character + 1}`, async () => {
        const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
        return result.length > 0 && result;
    });
    const first = found[0];
    return 'targetUri' in first ? { uri: first.targetUri, range: first.targetSelectionRange ?? first.targetRange } : first;
}

test('completion after `between` offers the programmes of every file', async () => {
    const uri = workspaceUri('e2e-completion.coord');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('coordination E2E_Completion {\n  between \n}\n'));
    const document = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))).document;
    const at = new vscode.Position(1, '  between '.length);
    const labels = await poll('completion items after `between`', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
        const names = list.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label));
        return names.includes('PROINPRO') && names;
    });
    for (const programme of ['PROINPRO', 'PDP_1', 'FEST', 'UNIDOS', 'HakuWinay', 'Juntos', 'ProgrammeA']) {
        assert.ok(labels.includes(programme), `${programme} missing from ${labels.join(', ')}`);
    }
    for (const notAProgramme of ['STEIA', 'extreme_poor', 'EvalAB', 'savings']) {
        assert.ok(!labels.includes(notAProgramme), `${notAProgramme} is not a programme but was offered`);
    }
});

test('completion opens by itself after `between `, with the programmes of the same country first and each one\'s country and sector beside it', async () => {
    const uri = workspaceUri('e2e-country.coord');
    const text = 'programme E2E_Andes "An e2e programme in Peru" {\n  country Peru\n  sector productive\n}\n\ncoordination E2E_Country {\n  between\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One, preview: false });
    const line = lineOf(editor.document, /^ {2}between$/m);
    const end = new vscode.Position(line, '  between'.length);
    await waitForDiagnostics(uri, 'the new file to be checked', list => list.length > 0);
    // As VS Code asks when the user types the space: with the trigger character.
    await insertText(editor.document, end, ' ');
    const at = new vscode.Position(line, '  between '.length);
    // The programmes of Peru: those of peru.coord, this file's, and the messy fixture's (Peru and Bolivia).
    const peru = ['E2E_Andes', 'E2E_Messy', 'HakuWinay', 'Juntos', 'SoftSkills'];
    const items = await poll('completion items after `between ` typed', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at, ' ');
        return list.items.length > 4 && list.items;
    });
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    const ranked = [...items].sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)));
    assert.deepEqual(ranked.slice(0, peru.length).map(label).sort(), peru, `ranked: ${ranked.map(label).join(', ')}`);
    assert.ok(ranked.slice(peru.length).map(label).includes('PROINPRO'), 'the programmes of other countries follow');
    // Each name shows its country and sector beside it.
    const beside = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? undefined : item.label.detail);
    assert.equal(beside(ranked.find(i => label(i) === 'HakuWinay')!), ' Peru · productive');
    assert.equal(beside(ranked.find(i => label(i) === 'E2E_Messy')!), ' Peru, Bolivia · productive');
    assert.equal(beside(ranked.find(i => label(i) === 'PROINPRO')!)?.startsWith(' Mexico'), true);
    // A space after a word that no reference follows opens nothing.
    const title = positionOf(editor.document, 'coordination E2E_Country', 'coordination '.length);
    const none = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, title, ' ');
    assert.deepEqual(none.items.map(label), [], 'a space after `coordination` opens no completion');
    // Typed for real: the suggest widget opens by itself after the space, same-country programmes on top.
    const removal = new vscode.WorkspaceEdit();
    removal.delete(uri, new vscode.Range(end, at));
    assert.ok(await vscode.workspace.applyEdit(removal));
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: ' ' });
    try {
        await checkpoint('completion', { first: peru, detail: 'Peru · productive' });
    } finally {
        await vscode.commands.executeCommand('hideSuggestWidget');
    }
});

test('the code lens, the Problems panel and the explorer badge count the same findings', async () => {
    const { document } = await openEditor('mexico.coord');
    await waitForRules(document.uri, ['budget-incentive', 'target-mismatch', 'political-support-only', 'local-roles']);
    const all = coordDiagnostics(document.uri);
    const count = (list: vscode.Diagnostic[], severity: vscode.DiagnosticSeverity) => list.filter(d => d.severity === severity).length;
    const start = lineOf(document, /coordination PROINPRO_PDPs/);
    let end = start;
    while (end + 1 < document.lineCount && document.lineAt(end).text !== '}') end++;
    const inside = all.filter(d => d.range.start.line >= start && d.range.start.line <= end);
    const lenses = await poll('the code lenses of mexico.coord', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
        return result.some(l => l.range.start.line === start && l.command?.title.includes('effect')) && result;
    });
    const title = lenses.find(l => l.range.start.line === start && l.command?.title.includes('effect'))!.command!.title;
    // The lens reads back, by severity, as the Problems panel lists the coordination's findings; hints are left out, as there.
    const read = (kind: string) => Number(new RegExp(`(\\d+) ${kind}`).exec(title)?.[1] ?? 0);
    assert.deepEqual([read('error'), read('warning'), read('info')],
        [count(inside, vscode.DiagnosticSeverity.Error), count(inside, vscode.DiagnosticSeverity.Warning), count(inside, vscode.DiagnosticSeverity.Information)], title);
    assert.ok(count(inside, vscode.DiagnosticSeverity.Hint) > 0, 'the coordination has hints, which no view counts');
    assert.ok(!/hint/.test(title), title);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    try {
        await checkpoint('counts', {
            file: 'mexico.coord', lens: title,
            badge: count(all, vscode.DiagnosticSeverity.Error) + count(all, vscode.DiagnosticSeverity.Warning),
            problems: all.length - count(all, vscode.DiagnosticSeverity.Hint),
        });
    } finally {
        await vscode.commands.executeCommand('workbench.action.closePanel');
    }
});

test('at a line with several findings, the quick fixes offer one Disable action per finding', async () => {
    const { document } = await openEditor('mexico.coord');
    await waitForRules(document.uri, ['budget-incentive', 'target-mismatch', 'political-support-only', 'local-roles']);
    const nameLine = lineOf(document, /coordination PROINPRO_PDPs/);
    const onName = coordDiagnostics(document.uri).filter(d => d.range.start.line === nameLine);
    const range = onName[0].range;
    const actions = await poll('code actions on the coordination\'s name', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
        return result.some(a => a.title.startsWith('Disable')) && result;
    });
    const disables = actions.filter(a => a.title.startsWith('Disable'));
    // VS Code hands the provider every diagnostic under the cursor; each gets one Disable, for its line.
    const underCursor = coordDiagnostics(document.uri).filter(d => d.range.intersection(range) !== undefined);
    assert.equal(disables.length, underCursor.length, `offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.deepEqual(disables.map(a => /'([^']+)'/.exec(a.title)?.[1]).sort(), underCursor.map(ruleOf).sort());
    assert.ok(disables.every(a => a.title.endsWith('for this line')), disables.map(a => a.title).join(' | '));
    assert.ok(actions.some(a => a.title === "Add an 'incentive budget'"), 'the lesson\'s own fix is offered too');
    console.log(`    ${underCursor.length} findings under the cursor: ${actions.length} actions, ${disables.length} of them Disable`);
});

test('the budget-incentive quick fix selects its placeholder, which is flagged while left as inserted', async () => {
    const editor = await openEditor('peru.coord');
    const { document } = editor;
    const diagnostic = (await waitForRules(document.uri, ['budget-incentive'])).find(d => ruleOf(d) === 'budget-incentive')!;
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    const actions = await poll('quick fixes for budget-incentive', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        return result.length > 0 && result;
    });
    const fix = actions.find(a => a.title === "Add an 'incentive budget'");
    assert.ok(fix?.edit, `offered: ${actions.map(a => a.title).join(' | ')}`);
    try {
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        // The text to fill in is a snippet placeholder, selected for typing over.
        await poll('the placeholder to be selected', () => document.getText(editor.selection) === INCENTIVE_PLACEHOLDER, 10_000)
            .catch(error => { throw new Error(`${error.message}; selected ${JSON.stringify(document.getText(editor.selection))}`); });
        // Left as inserted, it is no incentive: the finding stays and names the placeholder.
        await waitForDiagnostics(document.uri, 'budget-incentive to name the placeholder', list =>
            list.some(d => ruleOf(d) === 'budget-incentive' && /placeholder/.test(d.message)));
        // Typed over, the lesson is met.
        assert.ok(await editor.edit(edit => edit.replace(editor.selection, 'Earmarked co-financing line (e2e)')));
        await waitForDiagnostics(document.uri, 'budget-incentive to disappear once the placeholder is typed over', list => !list.some(d => ruleOf(d) === 'budget-incentive'));
    } finally {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForRules(document.uri, ['budget-incentive']);
});

test('a rule id in the Problems panel links to the rule\'s section of the bundled rules reference, which opens offline', async () => {
    const { document } = await openEditor('mexico.coord');
    const diagnostic = (await waitForRules(document.uri, ['budget-incentive'])).find(d => ruleOf(d) === 'budget-incentive')!;
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(typeof code, 'object', 'the code carries a link');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // Offline: a file of the installed extension, at the rule's heading.
    assert.equal(code.target.scheme, extension.extensionUri.scheme);
    // In Spanish, the Spanish edition (docs/es/rules.md, generated from the same catalogue).
    const docs = SPANISH ? ['docs', 'es', 'rules.md'] : ['docs', 'rules.md'];
    assert.equal(code.target.path, vscode.Uri.joinPath(extension.extensionUri, ...docs).path);
    const line = Number(/^L(\d+)$/.exec(code.target.fragment)?.[1]) - 1;
    const rules = await vscode.workspace.openTextDocument(code.target.with({ fragment: '' }));
    assert.match(rules.lineAt(line).text, /^### `?budget-incentive`?$/);
    // Clicked in the Problems panel, the link opens that page at that heading.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (await checkpoint('problems-link', { rule: 'budget-incentive' }) === 'checked') {
        const opened = await poll('the rules reference to open from the Problems panel', () => {
            const editor = vscode.window.activeTextEditor;
            return editor?.document.uri.path.endsWith(`/${docs.join('/')}`) && editor;
        });
        await poll(`the rules reference to show line ${line + 1}`, () => opened.visibleRanges.some(r => r.start.line <= line && line <= r.end.line));
        console.log(`    opened ${vscode.workspace.asRelativePath(opened.document.uri)} at line ${opened.selection.active.line + 1} (### budget-incentive is line ${line + 1})`);
    }
    await vscode.commands.executeCommand('workbench.action.closePanel');
});

test('the semantic tokens of every example decode without overlap (the runner also checks the log for VS Code\'s warning)', async () => {
    for (const name of ['colombia.coord', 'mexico.coord', 'peru.coord', 'model.coord']) {
        const { document } = await openEditor(name);
        const tokens = await poll(`semantic tokens of ${name}`, async () => {
            const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
            return result && result.data.length > 0 && result;
        });
        let lineNo = 0, char = 0, previousEnd = 0;
        const data = tokens.data;
        for (let i = 0; i < data.length; i += 5) {
            if (data[i] > 0) previousEnd = 0;
            lineNo += data[i];
            char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
            assert.ok(char >= previousEnd, `${name}: the token at ${lineNo + 1}:${char + 1} overlaps the one before it`);
            assert.ok(char + data[i + 2] <= document.lineAt(lineNo).text.length, `${name}: the token at ${lineNo + 1}:${char + 1} runs past its line`);
            previousEnd = char + data[i + 2];
        }
    }
});

test('formatting a messy document gives the canonical layout', async () => {
    const { document } = await openEditor('e2e-messy.coord');
    const expected = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('e2e-messy.formatted')));
    const edits = await poll('formatting edits', async () => {
        const result = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
        return result && result.length > 0 && result;
    });
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    assert.equal(document.getText(), expected);
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.deepEqual((again ?? []).filter(e => document.getText(e.range) !== e.newText), [], 'formatting twice changes nothing');
});

test('the "did you mean" quick fix resolves unresolved-reference', async () => {
    const { document } = await openEditor('e2e-typo.coord');
    const diagnostic = (await waitForRules(document.uri, ['unresolved-reference'])).find(d => ruleOf(d) === 'unresolved-reference')!;
    const actions = await poll('quick fixes for unresolved-reference', async () => {
        const result = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        return result.length > 0 && result;
    });
    const fix = actions.find(a => a.edit && a.edit.get(document.uri).some(e => e.newText.includes('UNIDOS')));
    assert.ok(fix, `no quick fix replaces UNIDSO with UNIDOS; offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(document.lineAt(diagnostic.range.start.line).text, /between FEST, UNIDOS$/);
    await waitForDiagnostics(document.uri, 'unresolved-reference to disappear', list => !list.some(d => ruleOf(d) === 'unresolved-reference'));
});

test('the effect-summary command opens its preview beside the editor', async () => {
    await openEditor('colombia.coord');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SUMMARY_COMMAND), `${SUMMARY_COMMAND} is not registered`);
    await vscode.commands.executeCommand(SUMMARY_COMMAND);
    const tab = await poll('a webview tab for the summary', () =>
        vscode.window.tabGroups.all.flatMap(group => group.tabs).find(t => t.input instanceof vscode.TabInputWebview));
    console.log(`    preview tab "${tab.label}" (${(tab.input as vscode.TabInputWebview).viewType}) in column ${tab.group.viewColumn}`);
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens to the side');
    await checkpoint('summary', {
        file: 'colombia.coord',
        expect: SPANISH
            ? ['Efectos por dominio', 'Ahorro', 'Préstamos informales', 'FEST_UNIDOS', 'PPP_SNARIV', 'local-roles', 'Resumen de efectos',
                // The evidence map and the page's own words (issue 20).
                'Mapa de brechas de evidencia', 'no medido', 'Diseño', 'Certeza', 'Hallazgos', 'Red de coordinación']
            : ['Effects by domain', 'Savings', 'Informal loans', 'FEST_UNIDOS', 'PPP_SNARIV', 'local-roles'],
    });
});

test('editing a document updates its diagnostics', async () => {
    const { document } = await openEditor('mexico.coord');
    await waitForRules(document.uri, ['budget-incentive', 'political-support-only']);
    const at = positionOf(document, '  node STEIA');
    const added = '  incentive budget "Earmarked line"\n';
    await insertText(document, at, added);
    await waitForDiagnostics(document.uri, 'budget-incentive and political-support-only to disappear', list =>
        !list.some(d => ['budget-incentive', 'political-support-only'].includes(ruleOf(d))));
    const removal = new vscode.WorkspaceEdit();
    removal.delete(document.uri, new vscode.Range(at, document.positionAt(document.offsetAt(at) + added.length)));
    assert.ok(await vscode.workspace.applyEdit(removal));
    await waitForRules(document.uri, ['budget-incentive', 'political-support-only']);
});

test('a garbage document does not kill the server', async () => {
    const uri = workspaceUri('e2e-broken.coord');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(garbage()));
    const broken = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))).document;
    await waitForDiagnostics(broken.uri, 'syntax errors on the garbage', list => list.some(d => ruleOf(d) === 'syntax'));
    // A half-typed effects block: the outline still lists the declaration that parses (a request that
    // fails in the server leaves it empty).
    const halfTyped = workspaceUri('e2e-half-typed.coord');
    await vscode.workspace.fs.writeFile(halfTyped, new TextEncoder().encode('programme E2E_Survivor "Survives a half-typed block" {\n  country Peru\n  sector productive\n}\n\neffects of { + }\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(halfTyped));
    await waitForDiagnostics(halfTyped, 'syntax errors on the half-typed effects block', list => list.some(d => ruleOf(d) === 'syntax'));
    // A request the server cancels because the workspace changed under it (the file watcher reports the new
    // files) comes back empty, and VS Code asks again; so does this test, until the outline arrives.
    await poll('the outline of the half-typed document to list E2E_Survivor', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', halfTyped);
        return symbols?.some(s => s.name.includes('E2E_Survivor'));
    });
    // Keep typing garbage, then check the server still answers for another file.
    await insertText(broken, new vscode.Position(0, 0), '}}}{{{ coordination between between , , "\\');
    const peru = (await openEditor('peru.coord')).document;
    await waitForRules(peru.uri, ['budget-incentive']);
    await insertText(peru, positionOf(peru, '  between HakuWinay, Juntos'), '  incentive budget "e2e"\n');
    await waitForDiagnostics(peru.uri, 'budget-incentive to disappear after `incentive budget`', list => !list.some(d => ruleOf(d) === 'budget-incentive'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', peru.uri, positionOf(peru, /between HakuWinay/, 'between '.length + 1));
    assert.match(hoverText(hovers), /Haku Wiñay/);
});

test('Ctrl+K V opens the preview to the side in a Coord editor (the Markdown preview\'s binding, scoped to Coord)', async () => {
    const bindings = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings ?? []) as Array<{ command: string; key: string; when?: string }>;
    const binding = bindings.find(b => b.command === SUMMARY_COMMAND);
    assert.ok(binding, 'no key binding for the preview');
    assert.equal(binding.key, 'ctrl+k v');
    assert.equal(binding.when, 'editorLangId == coord', 'scoped to Coord editors, so Markdown keeps its own Ctrl+K V');
});

test('the preview says "summary incomplete", with links, while a file has syntax errors', async () => {
    // The garbage test left e2e-broken.coord and e2e-half-typed.coord in the workspace; neither parses.
    await openEditor('peru.coord');
    await vscode.commands.executeCommand(SUMMARY_COMMAND);
    await checkpoint('banner', { expect: [SPANISH ? 'Resumen incompleto' : 'Summary incomplete', 'e2e-broken.coord', 'e2e-half-typed.coord'] });
});

test('moving the cursor in a Coord editor shows that declaration\'s entry in the preview', async () => {
    const editor = await openEditor('peru.coord');
    const line = lineOf(editor.document, /coordination HakuWinay_Juntos/) + 1;
    editor.selection = new vscode.Selection(line, 2, line, 2);
    editor.revealRange(new vscode.Range(line, 0, line, 0));
    await checkpoint('scroll-sync', { expect: 'HakuWinay_Juntos' });
});

test('the preview in light, dark and high-contrast themes: no serious axe violation, 600 px layout, a screenshot of each section', async () => {
    // A wide editor area, so that the driver can size the preview to 600 px by the window's width.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    const settings = vscode.workspace.getConfiguration('workbench');
    const before = settings.inspect<string>('colorTheme')?.globalValue;
    const themes: Array<[string, string, vscode.ColorThemeKind]> = [
        ['light', 'Default Light Modern', vscode.ColorThemeKind.Light],
        ['dark', 'Default Dark Modern', vscode.ColorThemeKind.Dark],
        ['high-contrast', 'Default High Contrast', vscode.ColorThemeKind.HighContrast],
    ];
    try {
        for (const [name, theme, kind] of themes) {
            await settings.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
            await poll(`the ${theme} theme`, () => vscode.window.activeColorTheme.kind === kind);
            await checkpoint(`preview-${name}`, { theme: name });
        }
    } finally {
        await settings.update('colorTheme', before, vscode.ConfigurationTarget.Global);
    }
});

/** Deterministic garbage: keywords, braces, unterminated strings, control characters and a very long line. */
function garbage(): string {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['programme', 'coordination', 'between', '{', '}', '"', '..', ',', '+', '-', '~', 'effects of', 'from', '\u0007', '\u200b', '\t', '\n', 'Wiñay', '😀', '/*', '//', '12.5', '-3', 'local {', 'role'];
    let text = '';
    for (let i = 0; i < 4000; i++) text += pieces[Math.floor(random() * pieces.length)] + (random() < 0.7 ? ' ' : '');
    return text + '\n' + 'x'.repeat(20_000) + '\n"unterminated';
}

export async function run(): Promise<void> {
    let passed = 0;
    let failed = 0;
    const filter = process.env.COORD_E2E_GREP ? new RegExp(process.env.COORD_E2E_GREP) : undefined;
    console.log(`Coord end-to-end suite (${tests.length} tests, timeout ${TIMEOUT_MS} ms each)`);
    for (const [name, body] of tests) {
        if (filter && !filter.test(name)) continue;
        const started = Date.now();
        try {
            await body();
            passed++;
            console.log(`  ok   ${name} (${Date.now() - started} ms)`);
        } catch (error) {
            failed++;
            console.log(`  FAIL ${name} (${Date.now() - started} ms)\n       ${String(error instanceof Error ? error.message : error).replace(/\n/g, '\n       ')}`);
        }
    }
    console.log(`${passed} passed, ${failed} failed`);
    if (failed > 0) throw new Error(`${failed} end-to-end test(s) failed`);
}
