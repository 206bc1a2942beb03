/**
 * A configuration file or a `--rule` option, whatever it holds (any JSON, any
 * text, prototype keys, hostile rule ids and severities), is either accepted
 * or refused with a ConfigError naming the key — never another exception.
 */
import { afterAll, describe, test } from 'vitest';
import fc from 'fast-check';
import { ConfigError, effectiveSeverity, parseConfig, parseRuleOverride } from '../../src/validation/config.js';
import { RULE_IDS } from '../../src/validation/registry.js';
import { hostileText } from './arbitraries.js';
import { fuzzTotals, runProperty } from './harness.js';

const ruleId = fc.oneof(fc.constantFrom(...RULE_IDS, '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''), fc.string());
const severity = fc.oneof(fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'ERROR', ' error', '__proto__'), fc.jsonValue());
const configText = fc.oneof(
    fc.dictionary(ruleId, severity).map(rules => JSON.stringify({ rules })),
    fc.jsonValue().map(v => JSON.stringify(v)),
    fc.dictionary(fc.oneof(fc.constantFrom('rules', '$schema', '__proto__'), fc.string()), fc.jsonValue()).map(o => JSON.stringify(o)),
    fc.constant('{"rules":{"__proto__":"error"}}'),
    fc.constant('{"__proto__":{"rules":{}}}'),
    hostileText,
    fc.tuple(fc.constant('\ufeff'), fc.jsonValue()).map(([b, v]) => b + JSON.stringify({ rules: v })),
);

function refusedCleanly(run: () => unknown): void {
    try {
        run();
    } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        if (!e.message) throw new Error('a ConfigError without a message');
    }
}

describe('configuration never fails but with a ConfigError', () => {
    test('coord.config.json of any content', async () => {
        await runProperty('config files', configText, text => {
            refusedCleanly(() => {
                const config = parseConfig(text, 'coord.config.json', RULE_IDS);
                for (const id of RULE_IDS) {
                    const s = effectiveSeverity(config, id, 'warning');
                    if (!['error', 'warning', 'info', 'hint', 'off'].includes(s)) throw new Error(`severity ${String(s)} for ${id}`);
                }
            });
        }, { runs: 300 });
    });

    test('--rule options of any content', async () => {
        await runProperty('--rule options', fc.oneof(fc.tuple(ruleId, fc.string()).map(([a, b]) => `${a}=${b}`), fc.string()), text => {
            refusedCleanly(() => parseRuleOverride(text, RULE_IDS));
        }, { runs: 200 });
    });
});

afterAll(() => {
    const { properties, runs } = fuzzTotals();
    console.log(`[fuzz] config: ${runs} random cases in ${properties} properties`);
});
