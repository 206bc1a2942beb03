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
import { CoordModule, CoordSharedModule, type CoordAddedServices, type CoordCoreServices } from '../language/coord-module.js';
import { bomStrippingFileSystem } from '../language/coord-workspace.js';
import { watchConfigFiles } from './config-watcher.js';

export type CoordLspServices = LangiumServices & CoordCoreServices;

/** Editor-only services of Coord. */
export const CoordLspModule: Module<CoordLspServices, PartialLangiumServices & Partial<CoordAddedServices>> = {
};

export function createCoordLspServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Coord: CoordLspServices;
} {
    const shared = inject(
        createDefaultSharedModule({ ...context, fileSystemProvider: s => bomStrippingFileSystem(context.fileSystemProvider(s)) }),
        CoordGeneratedSharedModule,
        CoordSharedModule as Module<LangiumSharedServices, object>,
    );
    const Coord = inject(
        createDefaultModule({ shared }),
        CoordGeneratedModule,
        CoordModule as unknown as Module<CoordLspServices, object>,
        CoordLspModule,
    ) as CoordLspServices;
    shared.ServiceRegistry.register(Coord);
    watchConfigFiles(shared, Coord);
    return { shared, Coord };
}
