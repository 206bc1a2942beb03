/**
 * Test helper: the SARIF 2.1.0 JSON schema (vendored from the npm package
 * `@microsoft/sarif-multitool-linux`, see test/fixtures/cli/README.md)
 * compiled with ajv, formats (`uri`, `date-time`…) included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { FIXTURES } from './process-run.js';

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
// ajv-formats is CommonJS: its default export is the plugin at run time, typed as the module under NodeNext.
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as unknown as FormatsPlugin;

const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** Validates a SARIF log; `errors` lists what the schema rejects. */
export const validateSarif = ajv.compile(schema);

export function validateSarifFile(file: string): boolean {
    return validateSarif(JSON.parse(fs.readFileSync(file, 'utf8'))) as boolean;
}
