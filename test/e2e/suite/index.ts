/**
 * The end-to-end suite: what a user of the installed Coord extension meets, checked through the `vscode`
 * API only, so that the same file runs in VS Code desktop (@vscode/test-electron) and in code-server's
 * extension host (scripts/e2e/run-code-server.mjs). The runner opens a throwaway copy of `examples/` plus
 * `test/e2e/fixtures/`, and loads this bundle as `extensionTestsPath`; `run()` prints one line per test
 * and `N passed, N failed`, and rejects when a test failed.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
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
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list);
    await checkpoint('diagnostics', {
        file: 'mexico.coord',
        hoverText: 'declares no budget incentive',
        errors: all.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length,
        warnings: all.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length,
    });
});

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
    await checkpoint('summary', { file: 'colombia.coord', expect: ['Effects by domain', 'Savings', 'Informal loans', 'FEST_UNIDOS', 'PPP_SNARIV', 'local-roles'] });
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
    await checkpoint('banner', { expect: ['Summary incomplete', 'e2e-broken.coord', 'e2e-half-typed.coord'] });
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
