/**
 * Builds a workspace from files already read into memory: the standard library
 * plus every given document, linked and validated together. The CLI and the
 * tests use it; the language server builds through Langium's workspace manager.
 */
import { URI, type LangiumDocument } from 'langium';
import type { CoordCoreServices } from './coord-module.js';
import { createStdlibDocument, stripBom } from './coord-workspace.js';
import { STDLIB_URI } from './stdlib.js';

/** A finding of the validator (the language layer names it through the services, not the validation layer). */
type Finding = NonNullable<ReturnType<CoordCoreServices['validation']['DocumentValidator']['getFindings']>>[number];

export interface SourceFile {
    /** The document URI (a `file:` URI for files on disk). */
    uri: string;
    text: string;
}

export interface BuiltWorkspace {
    documents: LangiumDocument[];
    findings(document: LangiumDocument): Finding[];
}

export async function buildWorkspace(services: CoordCoreServices, files: readonly SourceFile[]): Promise<BuiltWorkspace> {
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    if (!langiumDocuments.hasDocument(URI.parse(STDLIB_URI))) {
        langiumDocuments.addDocument(createStdlibDocument(factory));
    }
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        const document = factory.fromString(stripBom(file.text), URI.parse(file.uri));
        langiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: true });
    const validator = services.validation.DocumentValidator;
    return {
        documents,
        findings: document => validator.getFindings(document) ?? [],
    };
}
