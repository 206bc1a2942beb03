/**
 * The language server's workspace is the project (§3 v2), as in the CLI: for
 * each workspace folder the editor opens, the nearest folder upward whose
 * `coord.config.json` says `"root": true`, else the workspace folder itself
 * (the CLI starts from its current folder). A folder below with a root
 * configuration of its own is another project and is not loaded. So a file
 * opened from a subfolder of a project resolves its names as `coord check`
 * does from anywhere in that project. Config files are read with the
 * workspace's reader (bounded, regular files only, on disk); only folders on
 * disk are looked at, as the browser's server learns of config files only
 * while it lists folders.
 */
import { URI, type FileSystemNode, type WorkspaceFolder } from 'langium';
import type { CoordSharedServices } from '../language/coord-module.js';
import { CoordWorkspaceManager, type ConfigFileReader } from '../language/coord-workspace.js';
import { findProjectRootUri, isProjectRootUri } from '../validation/config.js';

export class CoordProjectWorkspaceManager extends CoordWorkspaceManager {
    /** The project folders being loaded (file-system paths). */
    private readonly roots = new Set<string>();
    private readonly readConfig: ConfigFileReader;

    constructor(services: CoordSharedServices) {
        super(services);
        this.readConfig = services.workspace.ConfigFileReader;
    }

    protected override getRootFolder(workspaceFolder: WorkspaceFolder): URI {
        const uri = URI.parse(workspaceFolder.uri);
        if (uri.scheme !== 'file') return uri;
        const root = (findProjectRootUri(URI.file(uri.fsPath), this.readConfig) ?? uri).fsPath;
        this.roots.add(root);
        return URI.file(root);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (!super.shouldIncludeEntry(entry)) return false;
        // A nested project is its own: its files are not this project's.
        if (entry.isDirectory && entry.uri.scheme === 'file' && !this.roots.has(entry.uri.fsPath) && isProjectRootUri(entry.uri, this.readConfig)) return false;
        return true;
    }
}
