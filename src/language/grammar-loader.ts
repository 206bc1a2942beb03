/**
 * Coord's grammar loaded from the JSON Langium generates (`generated/grammar.ts`)
 * as Langium 4.4's `loadGrammarFromJson` loads it — the same objects, the same
 * container links, the same references and the same in-memory document — without
 * Langium's general JSON deserializer, which walks every node with
 * `Object.entries` and resolves each of the grammar's cross-references by
 * parsing its path through the AST node locator: 4–5 ms of every cold
 * `coord check` (CPU profiles, docs/performance.md, "Cold start, third round").
 *
 * The CLI bundle uses it in place of Langium's (`grammarLoaderInBundle` in
 * scripts/build-plugins.mjs rewrites the generated file's import); everything
 * else, the tests included, loads the grammar with Langium's.
 * `test/language/grammar-loader.test.ts` compares the two graphs object for
 * object. JSON it does not expect (a multi-reference, an error, a path that
 * leads nowhere) is handed to Langium's loader.
 */
import { DocumentState, loadGrammarFromJson, TextDocument, URI, type Grammar, type LangiumDocument } from 'langium';

type Json = Record<string, unknown>;

const isNode = (value: unknown): value is Json => typeof value === 'object' && value !== null && typeof (value as Json).$type === 'string';
const isIntermediateReference = (value: unknown): value is Json =>
    typeof value === 'object' && value !== null && ('$ref' in value || '$refs' in value || '$error' in value);

/** The node a `#/rules@3/definition` path leads to from the root, as Langium's AST node locator reads it. */
function nodeAt(root: Json, path: string): unknown {
    let at: unknown = root;
    for (const segment of path.split('/')) {
        if (!at || segment.length === 0) continue;
        const index = segment.indexOf('@');
        at = index > 0 ? (at as Record<string, unknown[] | undefined>)[segment.substring(0, index)]?.[parseInt(segment.substring(index + 1))] : (at as Json)[segment];
    }
    return at;
}

/** The grammar, or undefined when the JSON holds something only Langium's deserializer handles. */
function deserialize(json: string): Grammar | undefined {
    const root = JSON.parse(json) as Json;
    // Langium's linkNode, depth first, on an explicit stack: each node gets its container links once its
    // properties have been walked, after its own properties (property order as Langium's).
    const stack: Array<{ node: Json; container: Json | undefined; property: string | undefined; index: number | undefined; done: boolean }> = [
        { node: root, container: undefined, property: undefined, index: undefined, done: false },
    ];
    const revive = (reference: Json): Json | undefined => {
        if (typeof reference.$ref !== 'string' || '$refs' in reference || '$error' in reference || !reference.$ref.startsWith('#')) return undefined;
        const target = nodeAt(root, reference.$ref.substring(1));
        if (!isNode(target)) return undefined;
        const refText = (reference.$refText as string | undefined) || (typeof target.name === 'string' ? target.name : undefined);
        return { $refText: refText ?? '', ref: target };
    };
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.done) {
            stack.pop();
            top.node.$container = top.container;
            top.node.$containerProperty = top.property;
            top.node.$containerIndex = top.index;
            continue;
        }
        top.done = true;
        const children: typeof stack = [];
        for (const property of Object.keys(top.node)) {
            const item = top.node[property];
            if (Array.isArray(item)) {
                for (let index = 0; index < item.length; index++) {
                    const element = item[index] as unknown;
                    if (isIntermediateReference(element)) {
                        const revived = revive(element);
                        if (!revived) return undefined;
                        item[index] = revived;
                    } else if (isNode(element)) {
                        children.push({ node: element, container: top.node, property, index, done: false });
                    }
                }
            } else if (isIntermediateReference(item)) {
                const revived = revive(item);
                if (!revived) return undefined;
                top.node[property] = revived;
            } else if (isNode(item)) {
                children.push({ node: item, container: top.node, property, index: undefined, done: false });
            }
        }
        // Walked in the order Langium walks them (the first property first).
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return root as unknown as Grammar;
}

/**
 * The in-memory document Langium's grammar loader gives the grammar: the object its
 * `LangiumDocumentFactory.fromModel` makes (the same properties in the same order, the text
 * document made when first read, with the `langium` language of the services it registers for
 * `.langium` files, version 0 and no text), without making those services: a whole set of
 * Langium's core services, only for this, cost about 1 ms of every cold `coord check`
 * (docs/performance.md, "Cold start, sixth round"). `test/language/grammar-loader.test.ts`
 * compares it with Langium's.
 */
function attachGrammarDocument(grammar: Grammar, uri: URI): void {
    let textDocument: TextDocument | undefined;
    const document = {
        parseResult: { value: grammar, parserErrors: [], lexerErrors: [] },
        uri,
        state: DocumentState.Parsed,
        references: [],
        get textDocument(): TextDocument {
            return textDocument ?? (textDocument = TextDocument.create(uri.toString(), 'langium', 0, ''));
        },
    };
    (grammar as { $document?: LangiumDocument }).$document = document as LangiumDocument;
}

/** Langium's `loadGrammarFromJson`, with the deserializer above. */
export function loadGrammarFast(json: string): Grammar {
    const grammar = deserialize(json);
    if (!grammar) return loadGrammarFromJson(json);
    attachGrammarDocument(grammar, URI.parse(`memory:/${grammar.name ?? 'grammar'}.langium`));
    return grammar;
}
