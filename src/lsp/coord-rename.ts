/**
 * Rename across every file of the workspace (Langium's rename, which edits the
 * declaration and every reference), refusing what would break the workspace:
 * a name of the standard library (it is read-only), a new name that is not a
 * legal `Name`, and a new name that another declaration already has.
 */
import type { AstNode, LangiumDocument, IndexManager } from 'langium';
import { CstUtils } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isNamedDeclaration } from '../language/generated/ast.js';
import { kindLabel } from '../analysis/labels.js';
import { inStdlib } from './describe.js';

/** A legal Coord name (§1 of the language reference); every keyword is one too. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class CoordRenameProvider extends DefaultRenameProvider {
    private readonly index: IndexManager;

    constructor(services: LangiumServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target || !isNamedDeclaration(target)) return super.rename(document, params);
        this.refuseStdlib(target);
        const newName = params.newName;
        if (!NAME_PATTERN.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${newName}' is not a valid Coord name: use letters, digits and '_', not starting with a digit`);
        }
        if (newName !== target.name) {
            const taken = this.index.allElements().find(d => d.name === newName);
            if (taken) {
                throw new ResponseError(ErrorCodes.InvalidParams,
                    `'${newName}' is already the name of ${article(kindLabel(taken.type))} ${kindLabel(taken.type)}${taken.documentUri.scheme === 'coord-stdlib' ? ' of the standard library' : ''}; names are unique across the workspace`);
            }
        }
        return super.rename(document, params);
    }

    override async prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Promise<Range | undefined> {
        const target = this.targetAt(document, params);
        if (target) this.refuseStdlib(target);
        return super.prepareRename(document, params);
    }

    private refuseStdlib(target: AstNode): void {
        if (inStdlib(target)) {
            const name = isNamedDeclaration(target) ? `'${target.name}' ` : '';
            throw new ResponseError(ErrorCodes.InvalidRequest,
                `${name}belongs to the Coord standard library, which cannot be renamed`);
        }
    }

    /** The declaration named or referenced at the cursor. */
    private targetAt(document: LangiumDocument, params: TextDocumentPositionParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }
}

function article(word: string): string {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
