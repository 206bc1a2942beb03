/**
 * The typed service through which the document builder and the validator
 * share what a build changed ({@link ChangeTracker}). It is declared here, in
 * the language layer that the builder belongs to; its implementation
 * (`analysis/change-tracker.ts`, which derives every answer from the
 * declarations' contributions) is wired in by the composition root,
 * `coord-module.ts`. A set of shared services without it fails at start-up
 * ({@link requireService}) and does not type-check.
 */
import type { AstNode, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import type { ConfigFileReader } from './coord-workspace.js';

/** What the edits of a build changed that other declarations can see. */
export interface ValidationChange {
    /** A declaration appeared, went, was renamed or changed kind, or a document was deleted: everything may be affected. */
    readonly all: boolean;
    /** The names whose facts changed (and, with `all`, the names declared before and after). */
    readonly names: ReadonlySet<string>;
    /** The documents that changed. */
    readonly uris: ReadonlySet<string>;
}

export interface ChangeTracker {
    /** A document is about to change; `before` is its root before the change (the builder's update listener). */
    changed(uri: string, before: AstNode | undefined): void;
    /** Documents were deleted. */
    deleted(): void;
    /**
     * What the build under way changed, computed from the contributions of the
     * changed documents once they are parsed again. The same answer until
     * {@link completed}; a cancelled build hands it on to the next.
     */
    current(): ValidationChange;
    /** The build completed: its change is spent. */
    completed(): void;
    /** Whether a document refers by name to any of the names (it must be relinked when they were declared or renamed). */
    mustRelink(document: LangiumDocument, change: ValidationChange): boolean;
    /** Whether a document's findings may differ after the change (it must be validated again). */
    affects(document: LangiumDocument, change: ValidationChange): boolean;
    /** Whether what rules say about a top-level declaration may differ after the change, although it did not change itself. */
    stale(declaration: AstNode, change: ValidationChange): boolean;
    /** The validator's record of where a document's latest findings point (their related places' documents). */
    validated(document: LangiumDocument, relatedUris: ReadonlySet<string>): void;
}

/** Services Coord adds to Langium's shared services. */
export type CoordAddedSharedServices = {
    workspace: {
        ChangeTracker: ChangeTracker;
        /**
         * How `coord.config.json` files are read: on disk bounded and regular files
         * only (`nodeConfigReader`, given by `CoordNodeContext`), else through the
         * file-system provider (the client's files in the browser).
         */
        ConfigFileReader: ConfigFileReader;
    };
};

export type CoordSharedServices = LangiumSharedCoreServices & CoordAddedSharedServices;

/** A service that must be wired in; fails loudly, naming it, when it is not. */
export function requireService<T>(service: T | undefined, name: string): T {
    if (service === undefined || service === null) {
        throw new Error(`Coord: the service '${name}' is not wired in; inject CoordSharedModule (language/coord-module.ts)`);
    }
    return service;
}
