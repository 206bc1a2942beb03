/**
 * The parser's grammar (Chevrotain's GAST) written when Coord is built, not
 * recorded in every process. Chevrotain's `performSelfAnalysis` learns a
 * parser's grammar by running every rule in a "recording" mode: it installs
 * some ninety recording methods on the parser object, calls each rule's
 * implementation (Langium's functions, built from the grammar by
 * parser-builder.ts) so that every `consume`, `subrule`, `or`, `option`,
 * `many` adds a production to a tree, and deletes those methods again. In a
 * cold `coord check` of one declaration that was about 8 of the 15 ms of the
 * self-analysis (Chevrotain's `traceInitPerf`, docs/performance.md, "Cold
 * start, fifth round"), the same result every time.
 *
 * `scripts/grammar-plan.mjs` (run by `npm run langium:generate`, and checked
 * by `npm run build`) records the GAST of Coord's real parser once and writes
 * it to `parser-gast.generated.ts` ({@link gastPlanSource}); each parser here
 * makes fresh production objects from it ({@link usePrebuiltGast}), of the
 * same classes, with the same properties in the same order and the same
 * token types, and Chevrotain's self-analysis takes them where it would have
 * recorded them: resolving, validations, follows and lookahead run on them as
 * before. A plan whose rules are not the parser's rules, in its order, or
 * that names a token the parser lacks, is not used: the parser records.
 * `test/performance/prebuilt-gast.test.ts` compares the two GASTs object for
 * object and the parses on every example and broken texts, and fails when the
 * generated file is stale.
 */
import {
    Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator,
    RepetitionWithSeparator, Rule, Terminal, type IProduction, type TokenType,
} from 'chevrotain';
import type { LangiumParser } from 'langium';
import { PARSER_GAST } from './parser-gast.generated.js';
import type { LookaheadEntry } from './prebuilt-lookahead.js';

/**
 * A production as written: its class (a letter of {@link CLASSES}), its own properties that differ from
 * what the class's constructor sets by itself (0 when none; a token type under its property's name
 * prefixed with `@`, by the token's name), and its productions (a rule's, an alternation's…).
 */
export type GastNode = readonly [kind: GastKind, properties: 0 | Readonly<Record<string, string | number | boolean>>, definition?: readonly GastNode[]];

const CLASSES = {
    R: Rule, T: Terminal, N: NonTerminal, A: Alternative, L: Alternation, O: Option, M: Repetition, P: RepetitionMandatory,
    S: RepetitionWithSeparator, Q: RepetitionMandatoryWithSeparator,
} as const;
export type GastKind = keyof typeof CLASSES;

/** Properties not written: the productions (written as the node's definition) and the rule a call refers to, which Chevrotain's resolver sets. */
const NOT_WRITTEN = new Set(['_definition', 'referencedRule']);

function kindOf(node: object): GastKind {
    for (const [kind, cls] of Object.entries(CLASSES)) if (Object.getPrototypeOf(node) === cls.prototype) return kind as GastKind;
    throw new Error(`a GAST node of an unknown class: ${node.constructor?.name}`);
}

function isTokenType(value: unknown): value is TokenType {
    return typeof value === 'object' && value !== null && typeof (value as TokenType).name === 'string' && 'tokenTypeIdx' in value;
}

/** The written form of recorded productions (as `parser.getGAstProductions()` gives them, before or after resolving). */
export function writeGast(rules: readonly Rule[]): GastNode[] {
    const write = (node: IProduction): GastNode => {
        const kind = kindOf(node);
        // What the constructor alone sets (given an empty definition), to leave out.
        const defaults = new (CLASSES[kind] as new (options: unknown) => object)({ definition: [] }) as Record<string, unknown>;
        const properties: Record<string, string | number | boolean> = {};
        let written = 0;
        for (const [key, value] of Object.entries(node)) {
            if (NOT_WRITTEN.has(key) || value === undefined) continue;
            if (key.startsWith('@')) throw new Error(`GAST property ${kind}.${key} cannot be written`);
            if (Object.hasOwn(defaults, key) && defaults[key] === value) continue;
            if (isTokenType(value)) properties['@' + key] = value.name;
            else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') properties[key] = value;
            else throw new Error(`GAST property ${kind}.${key} cannot be written: ${typeof value}`);
            written++;
        }
        const props = written > 0 ? properties : 0;
        return kind === 'T' || kind === 'N' ? [kind, props] : [kind, props, (node as unknown as { definition: IProduction[] }).definition.map(write)];
    };
    return rules.map(write);
}

/**
 * Fresh production objects from the written form: each made by its class's constructor with its
 * definition and written properties in their recorded order (the constructor sets the others first,
 * as it did when recording, so the objects' own properties are a recording's, in the same order);
 * undefined if a token is not in `tokens`.
 */
export function readGast(nodes: readonly GastNode[], tokens: Readonly<Record<string, TokenType>>): Rule[] | undefined {
    let missing = false;
    const read = (node: GastNode): IProduction => {
        const [kind, properties, definition] = node;
        const options: Record<string, unknown> = definition ? { definition: definition.map(read) } : {};
        if (properties !== 0) {
            for (const key in properties) {
                const value = properties[key];
                if (key.charCodeAt(0) === 64 /* @ */) {
                    const token = Object.hasOwn(tokens, value as string) ? tokens[value as string] : undefined;
                    if (!token) missing = true;
                    options[key.slice(1)] = token;
                } else {
                    options[key] = value;
                }
            }
        }
        return new (CLASSES[kind] as new (options: unknown) => IProduction)(options);
    };
    const rules = nodes.map(read) as Rule[];
    return missing ? undefined : rules;
}

/** The text of `parser-gast.generated.ts`: the GAST and the one-token decisions (prebuilt-lookahead.ts), ASCII (characters beyond it, such as Langium's rule-name suffix, escaped). */
export function gastPlanSource(nodes: readonly GastNode[], lookahead: readonly LookaheadEntry[]): string {
    const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [
        '// Written by `node scripts/grammar-plan.mjs` (run by `npm run langium:generate`) from the parser; do not edit.',
        '// The GAST Chevrotain records from Coord\'s parser, one rule a line (src/language/prebuilt-gast.ts), and what',
        '// each decision that one token settles answers per token (src/language/prebuilt-lookahead.ts), one a line.',
        "import type { GastNode } from './prebuilt-gast.js';",
        "import type { LookaheadEntry } from './prebuilt-lookahead.js';",
        '',
        'export const PARSER_GAST: readonly GastNode[] = [',
        ...nodes.map(node => `    ${ascii(JSON.stringify(node))},`),
        '];',
        '',
        'export const PARSER_LOOKAHEAD: readonly LookaheadEntry[] = [',
        ...lookahead.map(entry => `    ${ascii(JSON.stringify(entry))},`),
        '];',
        '',
    ].join('\n');
}

/** The members of Chevrotain's parser (Langium's `ChevrotainWrapper`) this uses. */
interface RecordingParser {
    definedRulesNames: string[];
    tokensMap: Record<string, TokenType>;
    RECORDING_PHASE: boolean;
    enableRecording(): void;
    disableRecording(): void;
    topLevelRuleRecord(name: string, def: unknown): Rule;
}

/** Parsers whose self-analysis took the written GAST (for tests). */
const prebuilt = new WeakSet<object>();

/** Whether `parser`'s self-analysis took the written GAST instead of recording it. */
export function usedPrebuiltGast(parser: LangiumParser): boolean {
    return prebuilt.has(parser);
}

/**
 * Makes `parser`'s coming self-analysis (Langium's `finalize`) take the GAST written in `gast`
 * instead of recording it, when it fits the parser; returns the parser.
 */
export function usePrebuiltGast(parser: LangiumParser, gast: readonly GastNode[] = PARSER_GAST): LangiumParser {
    const wrapper = (parser as unknown as { wrapper?: RecordingParser }).wrapper;
    if (!wrapper || !Array.isArray(wrapper.definedRulesNames) || typeof wrapper.tokensMap !== 'object'
        || typeof wrapper.topLevelRuleRecord !== 'function' || typeof wrapper.enableRecording !== 'function'
        || typeof wrapper.disableRecording !== 'function') return parser;
    const names = wrapper.definedRulesNames;
    if (names.length !== gast.length || gast.some(([kind, properties], i) => kind !== 'R' || properties === 0 || properties.name !== names[i])) return parser;
    const rules = readGast(gast, wrapper.tokensMap);
    if (!rules) return parser;
    const byName = new Map(rules.map(rule => [rule.name, rule]));
    // Chevrotain's `performSelfAnalysis` calls these three around and for each rule; nothing is
    // installed on the parser, nothing run, nothing deleted (the recording mode is still reported
    // by RECORDING_PHASE while the rules are taken, as it would be while they were recorded).
    Object.defineProperties(wrapper, {
        enableRecording: { value: function (this: RecordingParser) { this.RECORDING_PHASE = true; }, configurable: true, writable: true },
        disableRecording: { value: function (this: RecordingParser) { this.RECORDING_PHASE = false; }, configurable: true, writable: true },
        topLevelRuleRecord: { value: (name: string) => byName.get(name)!, configurable: true, writable: true },
    });
    prebuilt.add(parser);
    return parser;
}
