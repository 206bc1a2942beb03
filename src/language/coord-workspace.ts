/**
 * Workspace services shared by the CLI and the language server: the standard
 * library as a built-in document in every workspace, file reading that drops a
 * UTF-8 byte-order mark (so columns are counted without it, as LSP clients do),
 * and a document builder that re-validates every document after a change,
 * because several rules (duplicate names, unused declarations, effects no
 * coordination arranges, conflicting effects) look across files.
 */
import {
    DefaultDocumentBuilder, DefaultWorkspaceManager, DocumentState, URI,
    type FileSystemNode, type FileSystemProvider, type LangiumDocument, type LangiumDocumentFactory,
    type LangiumSharedCoreServices, type WorkspaceFolder,
} from 'langium';
import { STDLIB_TEXT, STDLIB_URI } from './stdlib.js';

/** Removes a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Creates the standard-library document of a workspace. */
export function createStdlibDocument(factory: LangiumDocumentFactory): LangiumDocument {
    return factory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI));
}

export class CoordWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly factory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(
        _folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void,
    ): Promise<void> {
        collector(createStdlibDocument(this.factory));
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        // Never index what a symbolic link points to: the CLI does not follow links either.
        if ((entry as FileSystemNode & { isSymbolicLink?: boolean }).isSymbolicLink) return false;
        return super.shouldIncludeEntry(entry);
    }
}

/** Wraps a file-system provider so that text files are read without a byte-order mark. */
export function bomStrippingFileSystem(inner: FileSystemProvider): FileSystemProvider {
    return new Proxy(inner, {
        get(target, prop, receiver) {
            if (prop === 'readFile') {
                return async (uri: URI) => stripBom(await target.readFile(uri));
            }
            if (prop === 'readFileSync') {
                return (uri: URI) => stripBom(target.readFileSync(uri));
            }
            const value = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}

export class CoordDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        // Workspace-wide rules can change their verdict on a document when another
        // document changes; send every validated document back to validation.
        this.onUpdate(() => {
            for (const doc of this.langiumDocuments.all) {
                if (doc.state >= DocumentState.Validated) {
                    this.resetToState(doc, DocumentState.IndexedReferences);
                }
            }
        });
    }
}
