/**
 * Code lenses above programmes and coordinations: how many effects the
 * workspace records for them and the findings they carry, counted as the
 * Problems panel lists them ("3 effects · 2 warnings · 1 info"; hints, which
 * the panel leaves out, are not counted: validation/finding-counts.ts), and
 * "Open effect summary", which runs the
 * client's `coord.openSummaryToSide` command — shown only when the client
 * announces that command in its initialization options (the VS Code extension
 * does; a plain LSP client does not).
 */
import { t } from '../i18n/index.js';
import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isCoordination, isEffects, isProgramme, type Coordination, type Effects, type Model, type Programme } from '../language/generated/ast.js';
import { propertiesOf } from '../analysis/queries.js';
import { countBySeverity, describeListed } from '../validation/finding-counts.js';
import { OPEN_SUMMARY_TO_SIDE_COMMAND, type CoordInitializationOptions } from '../shared/custom-messages.js';

export class CoordCodeLensProvider implements CodeLensProvider {
    private readonly documents: LangiumDocuments;
    private summaryCommand = false;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as CoordInitializationOptions | undefined;
            this.summaryCommand = Boolean(options?.commands?.includes(OPEN_SUMMARY_TO_SIDE_COMMAND));
        });
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[]> {
        const model = document.parseResult.value as Model;
        const blocks: Effects[] = [];
        for (const doc of this.documents.all) {
            for (const decl of (doc.parseResult.value as Model).declarations ?? []) {
                if (isEffects(decl)) blocks.push(decl);
            }
        }
        const lenses: CodeLens[] = [];
        for (const decl of model.declarations) {
            if (!(isProgramme(decl) || isCoordination(decl)) || !decl.$cstNode) continue;
            const effects = isProgramme(decl) ? effectsOfProgramme(decl, blocks) : effectsOfCoordination(decl, blocks);
            const start = decl.$cstNode.offset;
            const end = decl.$cstNode.end;
            const findings = countBySeverity((document.diagnostics ?? []).filter(d => {
                const at = document.textDocument.offsetAt(d.range.start);
                return at >= start && at <= end;
            }).map(d => d.severity));
            const line = decl.$cstNode.range.start.line;
            const range = { start: { line, character: 0 }, end: { line, character: 0 } };
            lenses.push({ range, command: { title: `${t('lens.effects', { count: effects })} · ${describeListed(findings)}`, command: '' } });
            if (this.summaryCommand) {
                lenses.push({
                    range,
                    command: { title: t('lens.open-summary'), command: OPEN_SUMMARY_TO_SIDE_COMMAND, arguments: [document.uri.toString(), decl.name] },
                });
            }
        }
        return lenses;
    }
}

/** Effects of every block whose combination includes the programme. */
function effectsOfProgramme(programme: Programme, blocks: Effects[]): number {
    return blocks
        .filter(b => b.programmes.some(r => r.ref === programme || r.$refText === programme.name))
        .reduce((n, b) => n + b.effects.length, 0);
}

/** Effects of every combination of two or more programmes, all of them joined by the coordination. */
function effectsOfCoordination(coordination: Coordination, blocks: Effects[]): number {
    const joined = new Set(propertiesOf(coordination, 'between').flatMap(b => b.programmes.map(r => r.$refText)));
    return blocks
        .filter(b => {
            const names = new Set(b.programmes.map(r => r.$refText));
            return names.size >= 2 && [...names].every(n => joined.has(n));
        })
        .reduce((n, b) => n + b.effects.length, 0);
}
