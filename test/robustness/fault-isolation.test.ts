/**
 * A failing part fails alone. A rule that throws becomes one `internal-error`
 * finding naming the rule while every other rule still reports; a failure
 * outside any rule (the workspace facts) becomes one `internal-error` finding
 * and the syntax findings are still reported; in the language server (run
 * in-process over streams, with faults injected into its providers and rules)
 * a throwing hover or completion is answered with a JSON-RPC error response,
 * the other requests still work, and diagnostics are still published.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, ResponseError, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createCoordLspServices, type CoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { runRules, INTERNAL_ERROR } from '../../src/validation/engine.js';
import { RULES } from '../../src/validation/registry.js';
import { defineRule, type Rule } from '../../src/validation/rule.js';
import type { RuleId } from '../../src/validation/rule-ids.js';
import type { Model } from '../../src/language/generated/ast.js';
import { Workbench } from './harness.js';

const SPEC = `programme P { country Peru sector productive period 2020..2010 }
coordination C { between P, Missing }
`;

const throwingRule: Rule = defineRule({
    id: 'throwing-rule' as RuleId, // a test double: not a registered rule
    defaultSeverity: 'warning',
    category: 'hygiene',
    summary: 'Always throws (a test double).',
    doc: 'A rule that always throws, to prove that one failing rule fails alone.',
    check() {
        throw new Error('boom in a rule');
    },
});

describe('in the core', () => {
    test('a rule that throws becomes one internal-error finding naming it; the other rules still report', async () => {
        const bench = new Workbench();
        const [built] = await bench.build({ 'main.coord': SPEC });
        const validator = bench.services.validation.DocumentValidator;
        const findings = runRules({
            document: built.document as LangiumDocument<Model>,
            facts: validator.workspaceFacts(),
            comments: [],
            rules: [...RULES.slice(0, 3), throwingRule, ...RULES.slice(3)],
        });
        const internal = findings.filter(f => f.rule === INTERNAL_ERROR);
        expect(internal).toHaveLength(1);
        expect(internal[0].message).toContain("'throwing-rule'");
        expect(internal[0].message).toContain('boom in a rule');
        const others = findings.filter(f => f.rule !== INTERNAL_ERROR).map(f => f.rule).sort();
        expect(others).toEqual(built.findings.map(f => f.rule).sort());
        expect(others).toEqual(expect.arrayContaining(['invalid-value', 'unresolved-reference']));
    });

    test('a rule that throws part-way while findings are reused reports what it reports on the whole document', async () => {
        const bench = new Workbench();
        const [built] = await bench.build({ 'main.coord': SPEC });
        let armed = false;
        const partway: Rule = defineRule({
            id: 'partway-rule' as RuleId, defaultSeverity: 'warning', category: 'hygiene',
            summary: 'Reports every declaration; throws at the programme when armed (a test double).', doc: 'A test double.',
            check({ model, report }) {
                for (const decl of model.declarations) {
                    if (armed && decl.$type === 'Programme') throw new Error('boom part-way');
                    report({ node: decl, message: `seen ${decl.$type}` });
                }
            },
        });
        const input = { document: built.document as LangiumDocument<Model>, facts: bench.services.validation.DocumentValidator.workspaceFacts(), comments: [], rules: [partway] };
        const incremental = { cache: new WeakMap(), misdeclared: new Set<string>(), stale: (d: { $type: string }) => d.$type === 'Programme' };
        runRules({ ...input, incremental });
        armed = true;
        // The coordination's finding is cached; the programme is checked again, and the rule throws
        // before reporting anything, as it does on the whole document.
        const rules = (fs: ReturnType<typeof runRules>) => fs.map(f => `${f.rule}: ${f.message.slice(0, 40)}`);
        expect(rules(runRules({ ...input, incremental }))).toEqual(rules(runRules(input)));
        expect(rules(runRules(input))).toEqual([expect.stringContaining('internal-error')]);
    });

    test('a failure outside any rule becomes one internal-error finding, and the syntax findings are still reported', async () => {
        const bench = new Workbench();
        const validator = bench.services.validation.DocumentValidator;
        validator.workspaceFacts = () => {
            throw new Error('boom in the workspace facts');
        };
        const [built] = await bench.build({ 'main.coord': 'programme P { country }\n' });
        expect(built.findings.map(f => f.rule).sort()).toEqual([INTERNAL_ERROR, 'syntax']);
        expect(built.findings.find(f => f.rule === INTERNAL_ERROR)!.message).toContain('boom in the workspace facts');
    });
});

describe('in the language server', () => {
    let client: MessageConnection;
    let services: CoordLspServices;
    const diagnostics: PublishDiagnosticsParams[] = [];
    const waiters: Array<() => void> = [];
    const uri = 'file:///ws/main.coord';

    /** Resolves with the next diagnostics published for the document that satisfy `ready`. */
    function nextDiagnostics(ready: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
        return new Promise(resolve => {
            const check = () => {
                const found = diagnostics.find(ready);
                if (found) resolve(found);
                else waiters.push(check);
            };
            check();
        });
    }

    beforeAll(async () => {
        const toServer = new PassThrough();
        const toClient = new PassThrough();
        const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
        const created = createCoordLspServices({ connection, ...EmptyFileSystem });
        services = created.Coord;
        // Faults injected into two providers and, for diagnostics, into the rule list.
        services.lsp.HoverProvider!.getHoverContent = () => {
            throw new Error('boom in hover');
        };
        services.lsp.CompletionProvider!.getCompletion = async () => {
            throw new Error('boom in completion');
        };
        (RULES as Rule[]).push(throwingRule);
        startLanguageServer(created.shared);
        client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
        client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
            diagnostics.unshift(p);
            waiters.splice(0).forEach(w => w());
        });
        client.listen();
        await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
        await client.sendNotification('initialized', {});
    });

    afterAll(() => {
        (RULES as Rule[]).splice((RULES as Rule[]).indexOf(throwingRule), 1);
        client?.dispose();
    });

    test('diagnostics: the throwing rule is one internal-error diagnostic, every other diagnostic is published', async () => {
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coord', version: 1, text: SPEC } });
        const published = await nextDiagnostics(p => p.uri === uri && p.diagnostics.length > 0);
        const codes = published.diagnostics.map(d => String(d.code));
        expect(codes.filter(c => c === INTERNAL_ERROR)).toHaveLength(1);
        expect(codes).toEqual(expect.arrayContaining(['invalid-value', 'unresolved-reference']));
        expect(published.diagnostics.find(d => d.code === INTERNAL_ERROR)!.message).toContain('throwing-rule');
    });

    test('a throwing hover and a throwing completion answer with a JSON-RPC error; other requests still work', async () => {
        const position = { line: 0, character: 11 };
        const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position }).then(() => undefined, (e: unknown) => e);
        expect(hover).toBeInstanceOf(ResponseError);
        expect((hover as ResponseError<unknown>).code).toBe(-32603);
        expect((hover as ResponseError<unknown>).message).toContain('boom in hover');
        const completion = await client.sendRequest('textDocument/completion', { textDocument: { uri }, position }).then(() => undefined, (e: unknown) => e);
        expect(completion).toBeInstanceOf(ResponseError);
        expect((completion as ResponseError<unknown>).message).toContain('boom in completion');
        const symbols = await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Array<{ name: string }>;
        expect(symbols.map(s => s.name)).toEqual(['P', 'C']);
        const definition = await client.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 26 } }) as Array<{ targetUri: string }>;
        expect(definition[0].targetUri).toBe(uri);
    });

    test('after the errors, an edit is still validated and published', async () => {
        const fixed = SPEC.replace('2020..2010', '2010..2020');
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
        // Diagnostics carry no version (Langium leaves it out): wait for the ones of the fixed text.
        const published = await nextDiagnostics(p => p.uri === uri && !p.diagnostics.some(d => d.code === 'invalid-value'));
        const codes = published.diagnostics.map(d => String(d.code));
        expect(codes).not.toContain('invalid-value');
        expect(codes).toContain('unresolved-reference');
    });
});
