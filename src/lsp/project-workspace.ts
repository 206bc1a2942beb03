/**
 * The language server's workspace is the project (§3 v2), as in the CLI: for
 * each workspace folder the editor opens, the nearest folder upward whose
 * `coord.config.json` says `"root": true`, else the workspace folder itself
 * (the CLI starts from its current folder). A folder below with a root
 * configuration of its own is another project and is not loaded. So a file
 * opened from a subfolder of a project resolves its names as `coord check`
 * does from anywhere in that project.
 */
import { URI, type FileSystemNode, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';
import { CoordWorkspaceManager } from '../language/coord-workspace.js';
import { findProjectRoot, isProjectRoot } from '../validation/config.js';

export class CoordProjectWorkspaceManager extends CoordWorkspaceManager {
    /** The project folders being loaded (file-system paths). */
    private readonly roots = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override getRootFolder(workspaceFolder: WorkspaceFolder): URI {
        const uri = URI.parse(workspaceFolder.uri);
        if (uri.scheme !== 'file') return uri;
        const root = findProjectRoot(uri.fsPath) ?? uri.fsPath;
        this.roots.add(root);
        return URI.file(root);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (!super.shouldIncludeEntry(entry)) return false;
        // A nested project is its own: its files are not this project's.
        if (entry.isDirectory && entry.uri.scheme === 'file' && !this.roots.has(entry.uri.fsPath) && isProjectRoot(entry.uri.fsPath)) return false;
        return true;
    }
}
