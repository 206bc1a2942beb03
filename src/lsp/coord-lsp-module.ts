/**
 * The language server's services: Langium's LSP module plus Coord's core
 * module and the editor-only services (formatting, hover, completion, code
 * actions…). Nothing outside `src/lsp` and `src/extension` imports `langium/lsp`.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { CoordGeneratedModule, CoordGeneratedSharedModule } from '../language/generated/module.js';
import { configReaderModule, CoordModule, CoordSharedModule, type CoordAddedServices, type CoordContext, type CoordCoreServices } from '../language/coord-module.js';
import type { CoordAddedSharedServices } from '../language/change-tracker.js';
import { bomStrippingFileSystem } from '../language/coord-workspace.js';
import { watchConfigFiles } from './config-watcher.js';
import { CoordCompletionProvider } from './coord-completion.js';
import { CoordHoverProvider } from './coord-hover.js';
import { CoordFormatter } from './coord-formatter.js';
import { CoordCodeActionProvider } from './coord-code-actions.js';
import { CoordCodeLensProvider } from './coord-code-lens.js';
import { CoordSemanticTokenProvider } from './coord-semantic-tokens.js';
import { CoordRenameProvider } from './coord-rename.js';
import { CoordDocumentSymbolProvider, CoordNodeKindProvider } from './coord-symbols.js';
import { registerStdlibHandler } from './stdlib-handler.js';
import { CoordDocumentUpdateHandler } from './document-update-handler.js';
import { CoordProjectWorkspaceManager } from './project-workspace.js';

export type CoordSharedLspServices = LangiumSharedServices & CoordAddedSharedServices;
export type CoordLspServices = LangiumServices & CoordCoreServices & { shared: CoordSharedLspServices };

/** Editor-only services of Coord. */
export const CoordLspModule: Module<CoordLspServices, PartialLangiumServices & Partial<CoordAddedServices>> = {
    lsp: {
        CompletionProvider: services => new CoordCompletionProvider(services),
        HoverProvider: services => new CoordHoverProvider(services),
        Formatter: services => new CoordFormatter(services),
        CodeActionProvider: services => new CoordCodeActionProvider(services),
        CodeLensProvider: services => new CoordCodeLensProvider(services),
        SemanticTokenProvider: services => new CoordSemanticTokenProvider(services),
        RenameProvider: services => new CoordRenameProvider(services),
        DocumentSymbolProvider: services => new CoordDocumentSymbolProvider(services),
    },
};

/** Coord's overrides of Langium's shared editor services. */
export const CoordSharedLspModule: Module<CoordSharedLspServices, {
    lsp: Pick<LangiumSharedServices['lsp'], 'NodeKindProvider' | 'DocumentUpdateHandler'>;
    workspace: Pick<LangiumSharedServices['workspace'], 'WorkspaceManager'>;
}> = {
    lsp: {
        NodeKindProvider: () => new CoordNodeKindProvider(),
        DocumentUpdateHandler: services => new CoordDocumentUpdateHandler(services),
    },
    workspace: {
        WorkspaceManager: services => new CoordProjectWorkspaceManager(services),
    },
};

export function createCoordLspServices(context: CoordContext<DefaultSharedModuleContext>): {
    shared: CoordSharedLspServices;
    Coord: CoordLspServices;
} {
    const shared = inject(
        createDefaultSharedModule({ ...context, fileSystemProvider: s => bomStrippingFileSystem(context.fileSystemProvider(s)) }),
        CoordGeneratedSharedModule,
        CoordSharedModule,
        CoordSharedLspModule,
        configReaderModule(context),
    );
    const Coord = inject(
        createDefaultModule({ shared }),
        CoordGeneratedModule,
        CoordModule,
        CoordLspModule,
    );
    shared.ServiceRegistry.register(Coord);
    watchConfigFiles(shared, Coord);
    registerStdlibHandler(shared);
    return { shared, Coord };
}
