/** Test helpers: build an in-memory workspace from snippets and read its findings. */
import { EmptyFileSystem, URI, type FileSystemProvider } from 'langium';
import { createCoordCoreServices, type CoordCoreOptions } from '../src/language/coord-module.js';
import { buildWorkspace } from '../src/language/coord-workspace-loader.js';
import type { Finding } from '../src/validation/rule.js';

export interface SnippetFinding {
    file: string;
    line: number;
    rule: string;
    severity: string;
    message: string;
    suppressed?: string;
}

/** Builds `files` (name → text, or one text as main.coord) as one workspace; every finding with its file's name. */
export async function buildSnippets(files: Record<string, string> | string): Promise<Array<{ file: string; finding: Finding }>> {
    const map = typeof files === 'string' ? { 'main.coord': files } : files;
    const { Coord } = createCoordCoreServices(EmptyFileSystem);
    const ws = await buildWorkspace(Coord, Object.entries(map).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
    return ws.documents.flatMap(doc => ws.findings(doc).map(finding => ({ file: fileOf(doc.uri.toString()), finding })));
}

/** The name of a snippet's file from its URI (other URIs as they are). */
export function fileOf(uri: string): string {
    return uri.startsWith('file:///ws/') ? uri.slice('file:///ws/'.length) : uri;
}

/** Builds `files` (name → text) as one workspace; returns every finding with 1-based lines. */
export async function check(files: Record<string, string> | string): Promise<SnippetFinding[]> {
    return (await buildSnippets(files)).map(({ file, finding }) => toSnippet(file, finding));
}

function toSnippet(file: string, f: Finding): SnippetFinding {
    return {
        file, line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message,
        ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
    };
}

/** Only the findings of one rule, as `line` numbers. */
export async function linesOf(rule: string, files: Record<string, string> | string): Promise<number[]> {
    return (await check(files)).filter(f => f.rule === rule && !f.suppressed).map(f => f.line);
}

/**
 * Services over in-memory files (URI → text) that an `edit` can change: it
 * stores the new text and updates the workspace the way the language server
 * does on didChange. Build the workspace with `buildWorkspace` first.
 */
export function editableServices(files: Record<string, string>, options: CoordCoreOptions = {}) {
    const texts = new Map(Object.entries(files));
    const fs = {
        readFile: async (uri: URI) => texts.get(uri.toString()) ?? '',
        readFileSync: (uri: URI) => texts.get(uri.toString()) ?? '',
        readDirectory: async () => [],
        exists: async (uri: URI) => texts.has(uri.toString()),
        stat: async (uri: URI) => ({ isFile: true, isDirectory: false, uri }),
    } as unknown as FileSystemProvider;
    const services = createCoordCoreServices({ fileSystemProvider: () => fs }, options);
    return {
        ...services,
        files: [...texts].map(([uri, text]) => ({ uri, text })),
        document: (uri: string) => services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!,
        async edit(uri: string, text: string) {
            texts.set(uri, text);
            await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        },
    };
}
