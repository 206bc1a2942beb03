// Types of scripts/build-plugins.mjs, for the tests that bundle with the build's own plugins.
import type { Plugin } from 'esbuild';

export const elkApart: Plugin;
export const protocolCore: Plugin;
export const lazyCrypto: Plugin;
export const commandsApart: Plugin;
export const clientApart: Plugin;
export const fdirWithoutPicomatchLookup: Plugin;
export const chevrotainCharCodeFormula: Plugin;
export const chevrotainLazyFollows: Plugin;
export const grammarLoaderInBundle: Plugin;
export const cataloguesAsData: Plugin;
export const CATALOGUE_FILE: RegExp;
export const GENERATED_GRAMMAR_IMPORT: string;
export const CHEVROTAIN_FOLLOWS_EAGER: string;
export const CHEVROTAIN_CHAR_CODE_FILL: string;
export const CHEVROTAIN_CHAR_CODE_LOOKUP: string;
export const CHEVROTAIN_CHAR_CODE_FORMULA: string;
export const cliPlugins: Plugin[];
