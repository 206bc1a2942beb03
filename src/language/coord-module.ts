/**
 * Dependency injection for Coord's core: the services that parse, scope, link
 * and validate, with no editor code. The CLI uses {@link createCoordCoreServices};
 * the language server extends the same module with LSP services in
 * `../lsp/coord-lsp-module.ts`. To add a service: declare it in
 * {@link CoordAddedServices}, provide it in {@link CoordModule}, consume it.
 */
import {
    AstUtils, createDefaultCoreModule, createDefaultSharedCoreModule, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, inject,
    type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type LangiumParser, type ReferenceDescription,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices,
    type Module, type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices,
} from 'langium';
import { CoordGeneratedModule, CoordGeneratedSharedModule } from './generated/module.js';
import { CoordScopeComputation, CoordScopeProvider } from './coord-scope.js';
import { makeParserLinear } from './linear-parser.js';
import { buildParserWithLazyLookahead } from './lazy-lookahead.js';
import { prepareCoordParser } from './parser-builder.js';
import { usePrebuiltGast } from './prebuilt-gast.js';
import { lookaheadPlan } from './prebuilt-lookahead.js';
import { PARSER_LOOKAHEAD } from './parser-gast.generated.js';
import { CoordLexer } from './coord-lexer.js';
import { useOffsetTokens } from './offset-tokens.js';
import { CoordValueConverter } from './value-converter.js';
import { CoordTokenBuilder } from './grammar-plan.js';
import { useFastContainerLinks } from './container-links.js';
import { useOneLineLeaves } from './langium-internals.js';
import { CoordLinker, CoordReferenceDescriptionProvider } from './coord-linker.js';
import {
    bomStrippingFileSystem, CoordDocumentBuilder, CoordDocumentFactory, CoordIndexManager, CoordLangiumDocuments, CoordWorkspaceManager, type ConfigFileReader,
} from './coord-workspace.js';
import { CoordDocumentValidator } from '../validation/coord-document-validator.js';
import { CoordConfigProvider, fileSystemConfigReader } from '../validation/config-provider.js';
import { installSyntaxRepair } from '../validation/syntax-repair.js';
import { CoordChangeTracker } from '../analysis/change-tracker.js';
import type { CoordAddedSharedServices, CoordSharedServices } from './change-tracker.js';

export type { CoordSharedServices } from './change-tracker.js';

/** Services Coord adds to Langium's. */
export type CoordAddedServices = {
    validation: {
        ConfigProvider: CoordConfigProvider;
    };
};

export type CoordCoreServices = LangiumCoreServices & CoordAddedServices & {
    validation: { DocumentValidator: CoordDocumentValidator };
    shared: CoordSharedServices;
};

/** {@link useOffsetTokens} when the services' lexer is Coord's. */
function withOffsetTokens(parser: LangiumParser, services: LangiumCoreServices): LangiumParser {
    const lexer = services.parser.Lexer;
    return lexer instanceof CoordLexer ? useOffsetTokens(parser, lexer) : parser;
}

/**
 * Coord's parser for `services` (see {@link CoordModule}). `prebuilt: false` makes Chevrotain record the
 * parser's grammar and build its lookahead as it does by itself, instead of taking the GAST and the
 * one-token decisions written when Coord is built (for tests and for the script that writes them).
 */
export function createCoordParser(services: LangiumCoreServices, options: { prebuilt?: boolean } = {}): LangiumParser {
    const prepared = prepareCoordParser(services);
    const finalized = options.prebuilt === false
        ? buildParserWithLazyLookahead(prepared)
        : buildParserWithLazyLookahead(usePrebuiltGast(prepared), lookaheadPlan(PARSER_LOOKAHEAD));
    return installSyntaxRepair(makeParserLinear(withOffsetTokens(useOneLineLeaves(useFastContainerLinks(finalized)), services)), services);
}

/** Coord's overrides and additions to Langium's core services. */
export const CoordModule: Module<CoordCoreServices, PartialLangiumCoreServices & CoordAddedServices> = {
    parser: {
        // No stack overflow and no quadratic time, however many declarations or errors (linear-parser.ts);
        // a text that does not parse is read as if each mistake were corrected (validation/syntax-repair.ts);
        // each lookahead function is built on its first use, not all when the parser is (lazy-lookahead.ts);
        // Chevrotain takes the parser's grammar (GAST) written when Coord is built, instead of recording it (prebuilt-gast.ts),
        // and the decisions one token settles are made from tables written then too, the ATN built only if another is used (prebuilt-lookahead.ts);
        // the tree's container links are set by a loop, not Langium's allocating walk (container-links.ts);
        // it reads tokens with their start offsets only, the tree's lines and columns from the text's lines (offset-tokens.ts).
        LangiumParser: services => createCoordParser(services),
        // The same tokens, with the keywords that are words found by one look-up, not one pattern each (coord-lexer.ts).
        Lexer: services => new CoordLexer(services),
        // Langium's conversions, chosen once per rule; a string's value without a chain of one-character strings (value-converter.ts).
        ValueConverter: () => new CoordValueConverter(),
        // The keywords and their longer alternatives from a plan made when Coord is built, not worked out from the grammar in every process (grammar-plan.ts).
        TokenBuilder: () => new CoordTokenBuilder(),
    },
    references: {
        ScopeComputation: services => new CoordScopeComputation(services),
        ScopeProvider: services => new CoordScopeProvider(services),
        Linker: services => new CoordLinker(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new CoordReferenceDescriptionProvider(services),
    },
    validation: {
        ConfigProvider: services => new CoordConfigProvider(services.shared.workspace.ConfigFileReader),
        DocumentValidator: services => new CoordDocumentValidator(services),
    },
};

/** Coord's overrides of Langium's shared (workspace-level) services, and the change tracker the builder and the validator share. */
export const CoordSharedModule: Module<CoordSharedServices, PartialLangiumSharedCoreServices & CoordAddedSharedServices> = {
    workspace: {
        ChangeTracker: services => new CoordChangeTracker(services),
        ConfigFileReader: services => fileSystemConfigReader(services.workspace.FileSystemProvider),
        WorkspaceManager: services => new CoordWorkspaceManager(services),
        DocumentBuilder: services => new CoordDocumentBuilder(services),
        LangiumDocumentFactory: services => new CoordDocumentFactory(services),
        IndexManager: services => new CoordIndexManager(services),
        LangiumDocuments: services => new CoordLangiumDocuments(services),
    },
};

/**
 * What the services run on: Langium's file system, and optionally how config
 * files are read (by default through that file system). The CLI and the
 * desktop server give `CoordNodeContext` (validation/config-node.ts): the disk,
 * read with Coord's bounds, `.coord` and config files alike.
 */
export type CoordContext<C extends DefaultSharedCoreModuleContext = DefaultSharedCoreModuleContext> = C & {
    configFileReader?: ConfigFileReader;
};

/** The module that puts the context's config reader in place of the default one (none when it gives none). */
export function configReaderModule(context: CoordContext): Module<CoordSharedServices, { workspace?: Partial<CoordAddedSharedServices['workspace']> }> {
    const reader = context.configFileReader;
    return reader ? { workspace: { ConfigFileReader: () => reader } } : {};
}

/** Options of {@link createCoordCoreServices}. */
export interface CoordCoreOptions {
    /**
     * Index the references of every document (default: true). The index serves
     * find-references and tells which documents to relink after an edit; a
     * one-shot build such as `coord check` reads neither, and skips it (and
     * its declarations' descriptions then compute their places when asked).
     */
    referenceIndex?: boolean;
    /**
     * Reuse the findings of declarations an edit did not touch (default: true);
     * a one-shot build such as `coord check` never edits, and skips the bookkeeping.
     */
    reuseFindings?: boolean;
}

/**
 * Descriptions of exported declarations for a one-shot build: Langium's, with
 * their path and whole-declaration segment read when first asked instead of
 * when the declaration is indexed. Nothing is edited during a one-shot build,
 * so the values are the ones Langium computes; `coord check` asks for almost
 * none of them (in a 1,000-file profile, computing the segments eagerly, and
 * the range each caches on its syntax node, was a tenth of the check's time
 * outside parsing and validation).
 */
class OneShotAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        if (!name) return super.createDescription(node, name, document);
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        let selectionRead = false;
        return {
            node,
            name,
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                if (!selectionRead) {
                    selectionSegment = CstUtils.toDocumentSegment(node.$cstNode);
                    selectionRead = true;
                }
                return selectionSegment;
            },
            type: node.$type,
            documentUri: doc.uri,
            get path() {
                return path ??= locator.getAstNodePath(node);
            },
        };
    }
}

/** Reference descriptions for no one: the reference index stays empty. */
class NoReferenceDescriptions extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(): Promise<ReferenceDescription[]> {
        return [];
    }
}

/** Creates the core services (no LSP) for the CLI and for tests. */
export function createCoordCoreServices(context: CoordContext, options: CoordCoreOptions = {}): {
    shared: CoordSharedServices;
    Coord: CoordCoreServices;
} {
    const shared = inject(
        createDefaultSharedCoreModule({ fileSystemProvider: s => bomStrippingFileSystem(context.fileSystemProvider(s)) }),
        CoordGeneratedSharedModule,
        CoordSharedModule,
        configReaderModule(context),
    );
    // A one-shot build (`coord check`): no reference index, and descriptions that compute their places when asked.
    const noIndex: Module<CoordCoreServices, PartialLangiumCoreServices> = options.referenceIndex === false
        ? {
            workspace: {
                ReferenceDescriptionProvider: services => new NoReferenceDescriptions(services),
                AstNodeDescriptionProvider: services => new OneShotAstNodeDescriptionProvider(services),
            },
        }
        : {};
    const Coord = inject(createDefaultCoreModule({ shared }), CoordGeneratedModule, CoordModule, noIndex);
    Coord.validation.DocumentValidator.reuseFindings = options.reuseFindings !== false;
    shared.ServiceRegistry.register(Coord);
    return { shared, Coord };
}
