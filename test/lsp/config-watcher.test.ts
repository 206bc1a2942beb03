/**
 * The language server follows coord.config.json on disk: after the client
 * reports the file changed, the next revalidation uses the new severities, and
 * an invalid file becomes an `invalid-config` diagnostic.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { FileChangeType } from 'vscode-languageserver';
import { createCoordLspServices } from '../../src/lsp/coord-lsp-module.js';
import { buildWorkspace } from '../../src/language/coord-workspace-loader.js';

const TEXT = `programme SP { country X sector social-protection }
programme PR { country X sector productive ministry agriculture }
coordination C { between SP, PR incentive budget }
`;

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coord-lsp-config-'));
    fs.writeFileSync(path.join(dir, 'a.coord'), TEXT);
});
afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('configuration in the language server', () => {
    test('a changed coord.config.json applies at the next revalidation', async () => {
        const { shared, Coord } = createCoordLspServices({ ...NodeFileSystem });
        const file = path.join(dir, 'a.coord');
        const ws = await buildWorkspace(Coord, [{ uri: pathToFileURL(file).toString(), text: TEXT }]);
        const doc = ws.documents[0];
        const localRoles = () => ws.findings(doc).filter(f => f.rule === 'local-roles' || f.rule === 'invalid-config').map(f => `${f.rule}:${f.severity}`);
        expect(localRoles()).toEqual(['local-roles:warning']);

        const config = path.join(dir, 'coord.config.json');
        const changed = async (type: FileChangeType) => {
            shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: pathToFileURL(config).toString(), type }] });
            await shared.workspace.DocumentBuilder.update([], []);
        };
        fs.writeFileSync(config, JSON.stringify({ rules: { 'local-roles': 'error' } }));
        await changed(FileChangeType.Created);
        expect(localRoles()).toEqual(['local-roles:error']);

        fs.writeFileSync(config, JSON.stringify({ rules: { 'local-roles': 'loud' } }));
        await changed(FileChangeType.Changed);
        expect(localRoles()).toEqual(['invalid-config:error', 'local-roles:warning']);

        fs.rmSync(config);
        await changed(FileChangeType.Deleted);
        expect(localRoles()).toEqual(['local-roles:warning']);
    });
});
